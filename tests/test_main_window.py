"""The main window: the lock it holds, the first-run welcome, the theme."""

from __future__ import annotations

from diaries import day
from PySide6.QtCore import QSettings

from nts_desktop.storage import JournalLock, open_journal


def test_closing_the_window_releases_the_lock(make_window, tmp_path):
    path = tmp_path / "mine.sqlite3"
    window = make_window(path)
    assert window.lock.held
    window.close()
    assert not window.lock.held
    with JournalLock(path) as lock:
        assert lock.held


def test_the_welcome_is_not_shown_on_a_journal_with_days(make_window, tmp_path):
    path = tmp_path / "mine.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.save_day(day("2025-04-08", mood=5))
    window = make_window(path, welcomed=False)
    assert window.stack.currentWidget() is window.tabs


def test_the_theme_is_remembered(make_window, tmp_path):
    window = make_window(tmp_path / "a.sqlite3")
    window.set_theme("dark")
    assert QSettings().value("view/theme") == "dark"
    window.close()
    again = make_window(tmp_path / "b.sqlite3")
    assert again.theme_actions["dark"].isChecked()
    again.set_theme("light")


def test_today_fits_a_1024_by_700_window(make_window, qtbot):
    from PySide6.QtWidgets import QScrollArea

    window = make_window()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    area = window.today.findChild(QScrollArea)
    assert not area.horizontalScrollBar().isVisible()  # nothing to scroll sideways to
    notes = window.today.inputs["notes"]
    assert not notes.visibleRegion().isEmpty()  # the notes are in sight
    assert notes.visibleRegion().boundingRect().height() == notes.height()


def test_insights_keeps_its_words_readable_in_a_small_window(make_window, qtbot, tmp_path):
    from datetime import date as d

    from nts_desktop.demo import write_demo
    from nts_desktop.ui.correlation_model import COLUMN

    path = tmp_path / "demo.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        write_demo(j, nights=120, seed=3, end=d(2025, 4, 20))
    window = make_window(path)
    window.resize(1024, 700)
    page = window.insights
    with qtbot.waitSignal(page.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    qtbot.wait(50)
    table, column = page.table, COLUMN["In words"]
    right = table.columnViewportPosition(column) + table.columnWidth(column)
    assert table.columnViewportPosition(column) >= 0 and right <= table.viewport().width()
    widest = max(
        table.fontMetrics().horizontalAdvance(page.model.index(r, column).data())
        for r in range(page.model.rowCount())
    )
    assert table.columnWidth(column) >= widest
