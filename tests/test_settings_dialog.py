"""Edit → Settings…: driven by keys and clicks; what it changes shows at once in the window."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from gui import open_settings
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from nts_desktop.demo import write_demo
from nts_desktop.storage import NotWritable, open_journal
from nts_desktop.ui import preferences
from nts_desktop.ui.journal_model import COLUMN

TWELVE = re.compile(r"^(1[0-2]|[1-9]):[0-5]\d (AM|PM)$")


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        write_demo(j, nights=30, seed=2, end=date(2025, 4, 20))
    return path


def field(dialog, name: str) -> QWidget:
    found = dialog.findChild(QWidget, f"setting_{name}")
    assert found is not None, name
    return found


def click(qtbot, dialog, button) -> None:
    qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)


def test_the_dialog_has_one_form_for_the_journal_and_one_for_the_window(make_window, qtbot):
    window = make_window()
    assert window.settings_action.text() == "&Settings…"
    dialog = open_settings(window, qtbot)
    journal, own = (
        dialog.findChild(QWidget, "settings_journal"),
        dialog.findChild(QWidget, "settings_window"),
    )
    assert journal.title() == "This journal" and own.title() == "This window"
    assert journal.isAncestorOf(dialog.zone) and own.isAncestorOf(field(dialog, "hour12"))
    assert not field(dialog, "reminder_time").isEnabled()  # the reminder is off
    reminder = field(dialog, "reminder_enabled")
    reminder.setFocus()
    qtbot.keyClick(reminder, Qt.Key.Key_Space)
    assert field(dialog, "reminder_time").isEnabled()
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert QSettings().value("reminder/enabled") in (True, "true")
    assert preferences.read("reminder_time") == "08:00"
    assert QSettings().value("reminder/time") is None  # untouched: only changes are stored
    dialog.reject()


def test_the_12_hour_clock_shows_in_the_journal_the_charts_and_today(make_window, qtbot, demo_path):
    window = make_window(demo_path)
    window.show_page(1)
    table = window.journal.table
    bedtime = table.model().index(0, COLUMN["bedtime"])
    assert re.fullmatch(r"\d\d:\d\d", bedtime.data())
    dialog = open_settings(window, qtbot)
    theme = field(dialog, "theme")
    theme.setFocus()
    qtbot.keyClick(theme, Qt.Key.Key_Tab)  # Theme, then Clock
    clock = dialog.focusWidget()
    assert clock is field(dialog, "hour12")
    qtbot.keyClick(clock, Qt.Key.Key_End)  # the last choice: 12-hour
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Apply)  # stays open, applied at once
    assert dialog.isVisible()
    assert TWELVE.match(table.model().index(0, COLUMN["bedtime"]).data())
    assert TWELVE.match(table.model().index(0, COLUMN["midsleep"]).data())
    dialog.reject()

    with qtbot.waitSignal(window.trends.computed, timeout=20000):
        window.show_page(window.TRENDS)
    axis = window.trends.charts.plots["window"].getAxis("left")
    labels = axis.tickStrings([-60.0, 0.0, 420.0], 1, 60)
    assert labels == ["11 PM", "12 AM", "7 AM"]
    last = window.trends.data.n - 2  # 20 April, the last night
    assert re.search(r"bed \d{1,2}:\d\d (AM|PM)–\d{1,2}:\d\d (AM|PM)", window.trends.describe(last))
    window.show_page(0)
    bed = window.today.findChild(QWidget, "bedtime")
    assert TWELVE.match(bed.text())


def test_a_sunday_week_start_moves_the_trends_weeks_and_the_calendars(make_window, qtbot):
    window = make_window()  # Monday 21 April 2025
    window.show_page(window.TRENDS)
    assert window.trends.visible_range() == (date(2025, 4, 21), date(2025, 4, 27))
    dialog = open_settings(window, qtbot)
    week = field(dialog, "week_start")
    week.setFocus()
    qtbot.keyClick(week, Qt.Key.Key_End)  # Sunday
    with qtbot.waitSignal(window.trends.computed, timeout=20000):  # redrawn at once
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible()
    assert window.trends.range_label.text() == "20–26 April 2025"
    assert window.trends.visible_range() == (date(2025, 4, 20), date(2025, 4, 26))
    window.trends.set_range("4 weeks")
    start, end = window.trends.visible_range()
    assert start.weekday() == 6 and end - start == timedelta(days=27)
    from nts_desktop.ui.file_actions import ExportDialog

    export = ExportDialog(date(2025, 1, 1), date(2025, 4, 20), window)
    assert export.start.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    export.deleteLater()


def test_rating_words_from_the_dialog_appear_on_today(make_window, qtbot):
    window = make_window()
    dialog = open_settings(window, qtbot)
    low = dialog.findChild(QWidget, "setting_mood_ends_low")
    low.setFocus()
    low.selectAll()
    qtbot.keyClicks(low, "awful")
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    label = window.today.form.rating_labels["mood"]
    assert "1 awful … 10 great" in label.text()
    assert "1 awful … 10 great" in window.today.findChild(QWidget, "mood").toolTip()


def test_an_empty_rating_word_is_refused_and_nothing_is_stored(make_window, qtbot):
    window = make_window()
    dialog = open_settings(window, qtbot)
    high = dialog.findChild(QWidget, "setting_focus_ends_high")
    high.setFocus()
    high.selectAll()
    qtbot.keyClick(high, Qt.Key.Key_Backspace)
    field(dialog, "week_start").setCurrentIndex(3)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible() and "two words" in dialog.problem.text()
    assert QSettings().value("labels/focus") is None
    assert QSettings().value("view/week_start") is None
    dialog.reject()


def test_the_theme_from_the_dialog_applies_at_once(make_window, qtbot):
    window = make_window()
    dialog = open_settings(window, qtbot)
    theme = field(dialog, "theme")
    theme.setCurrentIndex(theme.findData("dark"))
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert QApplication.palette().window().color().lightness() < 80
    assert window.theme_actions["dark"].isChecked()
    window.theme_actions["light"].trigger()  # the View menu goes through the same setting
    assert QSettings().value("view/theme") == "light"
    assert QApplication.palette().window().color().lightness() > 160


def test_a_read_only_journal_shows_its_settings_disabled_with_the_reason(
    make_window, qtbot, monkeypatch, tmp_path
):
    path = tmp_path / "journal.sqlite3"
    open_journal(path, tz="Europe/Berlin").close()

    def refuse(*args, **kwargs):
        raise NotWritable("the folder is read-only")

    monkeypatch.setattr("nts_desktop.app.open_for_writing", refuse)
    window = make_window(path)
    dialog = open_settings(window, qtbot)
    assert not dialog.findChild(QWidget, "settings_journal").isEnabled()
    assert "the folder is read-only" in dialog.findChild(QLabel, "settings_read_only").text()
    assert field(dialog, "hour12").isEnabled()  # the window's own still change
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible()


def test_insights_cards_follow_the_clock(make_window, qtbot, demo_path):
    window = make_window(demo_path)
    window.ctx.update_preferences(hour12="12")
    with qtbot.waitSignal(window.insights.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    assert TWELVE.match(window.insights.cards["msfsc"].value.text())
    with qtbot.waitSignal(window.insights.computed, timeout=30000):
        window.ctx.update_preferences(hour12="24")  # shown: recomputed at once
    assert re.fullmatch(r"\d\d:\d\d", window.insights.cards["msfsc"].value.text())


def test_the_reminder_time_in_the_dialog_follows_the_clock_chosen(make_window, qtbot):
    window = make_window()
    dialog = open_settings(window, qtbot)
    clock, reminder = field(dialog, "hour12"), field(dialog, "reminder_time")
    assert reminder.text() == "08:00"
    clock.setFocus()
    qtbot.keyClick(clock, Qt.Key.Key_End)
    assert reminder.text() == "8:00 AM"
    dialog.reject()
    assert QSettings().value("view/clock") is None  # cancelled: nothing stored


def test_times_are_typed_the_same_on_a_12_hour_today(make_window, qtbot):
    from datetime import time

    window = make_window()
    window.ctx.update_preferences(hour12="12")
    window.today.has_night.setChecked(True)
    bed = window.today.findChild(QWidget, "bedtime")
    bed.setFocus()
    qtbot.keyClicks(bed, "2315")
    assert bed.text() == "11:15 PM" and bed.reading == time(23, 15)
    wake = window.today.findChild(QWidget, "out_of_bed")
    wake.setFocus()
    qtbot.keyClicks(wake, "715")
    assert wake.text() == "7:15 AM" and wake.reading == time(7, 15)
