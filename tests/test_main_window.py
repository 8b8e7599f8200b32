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
