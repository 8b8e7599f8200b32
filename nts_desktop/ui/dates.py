"""Dates as the window writes them, in the user's locale (shared by every page and dialog)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDateEdit

from . import preferences


def _qdate(when: date) -> QDate:
    return QDate(when.year, when.month, when.day)


def long_date(when: date) -> str:
    """``Wednesday, 26 November 2026`` in the user's locale."""
    return QLocale().toString(_qdate(when), QLocale.FormatType.LongFormat)


def short_date(when: date) -> str:
    """``Wednesday 26 November``."""
    return QLocale().toString(_qdate(when), "dddd d MMMM")


def weekday_name(when: date) -> str:
    """``Wednesday``."""
    return QLocale().toString(_qdate(when), "dddd")


def calendar_popup(edit: QDateEdit) -> QDateEdit:
    """Give a date field its calendar, with weeks starting on the chosen first day."""
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek(preferences.week_start() + 1))
    return edit
