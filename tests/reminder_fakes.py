"""The reminder's fakes: a clock the tests move, a tray icon that records its messages, and
``open_window``, a shown window with the reminder's settings (a fixture: import it)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSystemTrayIcon

from nts_desktop.storage import open_journal

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2025, 4, 21, 7, 30, tzinfo=BERLIN)  # the night of 2025-04-21 ends this morning


class FakeClock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, hour: int, minute: int = 0, days: int = 0) -> None:
        self.now = (self.now + timedelta(days=days)).replace(hour=hour, minute=minute)


class FakeTray(QSystemTrayIcon):
    """A tray icon that keeps what it was asked to show instead of showing it."""

    def __init__(self):
        super().__init__()
        self.messages: list[tuple[str, str]] = []
        self.in_tray = False

    def setVisible(self, visible: bool) -> None:
        self.in_tray = visible

    def hide(self) -> None:
        self.in_tray = False

    def showMessage(self, title, text, *args) -> None:
        self.messages.append((title, text))

    def action(self, text: str):
        return next(a for a in self.contextMenu().actions() if a.text().replace("&", "") == text)


@pytest.fixture
def open_window(qtbot, tmp_path):
    """A shown window with the reminder's settings, a fake clock and (or no) fake tray."""
    from nts_desktop.app import build_main_window, ensure_app

    ensure_app()
    QSettings().clear()
    opened = []

    def make(enabled=True, at="08:00", tray=True, now=MONDAY, days=(), name="j.sqlite3"):
        QSettings().setValue("welcome/done", True)
        QSettings().setValue("reminder/enabled", enabled)
        QSettings().setValue("reminder/time", at)
        path = tmp_path / name
        if days:
            with open_journal(path, tz="Europe/Berlin") as j:
                j.write_many(days)
        clock = FakeClock(now)
        icon = FakeTray() if tray else None
        window = build_main_window(
            path, tz="Europe/Berlin", clock=clock, tray_icon=icon, tray_available=tray
        )
        window.ask_unsaved = lambda parent, dates: "discard"
        window.quit_app = lambda: window.quits.append(True)
        window.quits = []
        opened.append(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window, clock, icon

    yield make
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from nts_desktop.ui.main_window import MainWindow

    for window in [*opened, *QApplication.topLevelWidgets()]:  # and those a switch opened
        if isValid(window) and isinstance(window, MainWindow):
            window.ask_unsaved = lambda parent, dates: "discard"
            window.close_for_good()
            window.deleteLater()


def reminded(icon) -> list[str]:
    return [text for title, text in icon.messages if title == "Last night is not logged yet"]
