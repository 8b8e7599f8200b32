"""File → Export report…: the period typed in, the preview's pages, Save PDF… (design §8.1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import VECTORS
from gui import choose
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from nts_desktop.storage import open_journal


@pytest.fixture
def window(make_window, tmp_path, qtbot):
    from nts_desktop.io.csv_import import import_csv

    path = tmp_path / "b.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        import_csv(j, str(VECTORS / "diary_B_weekend_shift.csv"))
        j.update_settings(person_name="Test Person")
    return make_window(path)  # its clock says 2025-04-21 07:30


def type_date(qtbot, edit, text: str) -> None:
    """Tab into the date (its year is then selected) and type the new one's digits: each
    part moves on to the next when full, as a person types 20250407."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(edit, text.replace("-", ""))
    assert edit.date().toString(Qt.DateFormat.ISODate) == text


def wait_for_pages(qtbot, dialog) -> list[QLabel]:
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    return [
        label
        for label in dialog.findChildren(QLabel)
        if label.objectName().startswith("report_page_")
    ]


def test_export_report_previews_the_last_two_weeks_and_saves_that_pdf(window, qtbot, tmp_path):
    choose(qtbot, window, "File", "Export report")
    dialog = window.report_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.period()[1].isoformat() == "2025-04-21"  # today, by the window's clock
    assert dialog.period()[0].isoformat() == "2025-04-08"
    pages = wait_for_pages(qtbot, dialog)
    assert len(pages) == 4 and "4 pages" in dialog.status.text()
    assert "13 mornings logged of 14 dates" in dialog.status.text()  # the 21st is not logged
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    dialog.ask_save_path = lambda parent, suggested, filter_: str(target)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_name("report.pdf")  # the extension is added
    assert saved.exists() and "Saved the report (4 pages)" in dialog.status.text()
    text = " ".join(re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(saved).pages)
    assert "Test Person" in text and "8 Apr 2025 – 21 Apr 2025" in text
    assert "Mon 21 Apr not logged" in text  # the chart's row of a morning not yet logged


def test_typing_a_period_redraws_the_preview_and_the_saved_pdf_follows_it(window, qtbot, tmp_path):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.report_dialog
    wait_for_pages(qtbot, dialog)
    type_date(qtbot, dialog.start, "2025-04-07")
    type_date(qtbot, dialog.end, "2025-04-13")
    assert dialog.period()[0].isoformat() == "2025-04-07"
    qtbot.waitUntil(lambda: "3 pages" in dialog.status.text(), timeout=10000)
    assert "7 mornings logged of 7 dates" in dialog.status.text()
    qtbot.mouseClick(dialog.double, Qt.MouseButton.LeftButton)  # the double plot
    wait_for_pages(qtbot, dialog)
    target = tmp_path / "week.pdf"
    dialog.ask_save_path = lambda parent, suggested, filter_: str(target)
    assert dialog.suggested_name() == "sleep-diary-2025-04-07-to-2025-04-13.pdf"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(target).pages)
    assert "7 Apr 2025 – 13 Apr 2025" in text and "48 hours (double plot)" in text
    assert "Sleep Regularity Index" in text and "week 1 of 1" in text


def test_a_period_that_ends_before_it_starts_cannot_be_saved(window, qtbot):
    window.export_report()
    dialog = window.report_dialog
    wait_for_pages(qtbot, dialog)
    type_date(qtbot, dialog.start, "2025-04-20")
    type_date(qtbot, dialog.end, "2025-04-10")
    qtbot.waitUntil(lambda: "after the last" in dialog.status.text(), timeout=5000)
    assert not dialog.save_button.isEnabled()


def test_saving_into_a_missing_folder_says_so_and_writes_nothing(window, qtbot, tmp_path):
    window.export_report()
    dialog = window.report_dialog
    wait_for_pages(qtbot, dialog)
    target = tmp_path / "nope" / "r.pdf"
    dialog.ask_save_path = lambda parent, suggested, filter_: str(target)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "could not be written" in dialog.status.text() and str(target) in dialog.status.text()
    assert not Path(target).exists()


def test_save_waits_for_the_preview_of_the_period_just_typed(window, qtbot, tmp_path):
    window.export_report()
    dialog = window.report_dialog
    wait_for_pages(qtbot, dialog)
    target = tmp_path / "early.pdf"
    dialog.ask_save_path = lambda parent, suggested, filter_: str(target)
    type_date(qtbot, dialog.start, "2025-04-10")
    assert not dialog.save_button.isEnabled()  # at once, before the new preview
    assert dialog.save() is None and not target.exists()  # nor by Enter or a script
    wait_for_pages(qtbot, dialog)
    assert dialog.content.start.isoformat() == "2025-04-10"


def test_a_period_before_the_journal_says_there_is_nothing_to_report(window, qtbot):
    window.export_report()
    dialog = window.report_dialog
    wait_for_pages(qtbot, dialog)
    type_date(qtbot, dialog.end, "2025-03-31")
    type_date(qtbot, dialog.start, "2025-03-01")
    qtbot.waitUntil(lambda: "nothing to report" in dialog.status.text(), timeout=10000)
    assert "nothing is logged from 2025-03-01 to 2025-03-31" in dialog.status.text()
    assert not dialog.save_button.isEnabled() and dialog.content is None
    assert dialog.pages_layout.count() == 0  # the previous period's pages are gone


def test_the_preview_shows_the_first_pages_of_a_long_report(make_window, qtbot, tmp_path):
    from datetime import date

    from nts_desktop.demo import write_demo

    path = tmp_path / "year.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        write_demo(j, nights=400, seed=3, end=date(2025, 4, 20))
    window = make_window(path)
    window.export_report()
    dialog = window.report_dialog
    wait_for_pages(qtbot, dialog)
    type_date(qtbot, dialog.start, "2024-04-21")
    qtbot.waitUntil(lambda: "the first 12 shown" in dialog.status.text(), timeout=20000)
    pages = wait_for_pages(qtbot, dialog)
    assert len([p for p in pages if p.isVisibleTo(dialog)]) == 12


def test_the_reports_calendars_start_the_week_on_the_chosen_day(window, qtbot):
    from nts_desktop.ui import preferences

    preferences.write("week_start", 6)  # Sunday
    window.export_report()
    dialog = window.report_dialog
    assert dialog.start.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert dialog.end.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
