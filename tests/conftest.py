"""Shared fixtures: every test runs with TZ, XDG folders and the journal path pinned to tmp."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "UTC"
time.tzset()

VECTORS = Path(__file__).parent / "vectors"
pytest_plugins = ["reminder_fakes"]  # the open_window fixture of the reminder tests


@pytest.fixture(autouse=True)
def _pinned_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(home / "runtime"))
    monkeypatch.setenv("NTS_DESKTOP_DB", str(home / "pinned-journal.sqlite3"))
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def journal(journal_path: Path):
    from nts_desktop.storage import open_journal

    j = open_journal(journal_path, tz="Europe/Berlin")
    yield j
    j.close()


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build the real window over a journal file, with a pinned clock; closes it afterwards."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QSettings

    from nts_desktop.app import build_main_window, ensure_app

    ensure_app()
    QSettings().clear()
    windows = []

    def make(
        path=None,
        now=None,
        tz="Europe/Berlin",
        show=True,
        welcomed=True,
    ):
        QSettings().setValue("welcome/done", welcomed)
        now = now or datetime(2025, 4, 21, 7, 30, tzinfo=ZoneInfo("Europe/Berlin"))
        window = build_main_window(path or tmp_path / "journal.sqlite3", tz=tz, clock=lambda: now)
        window.ask_unsaved = lambda parent, dates: "discard"
        windows.append(window)
        if show:
            with qtbot.waitActive(window):
                window.show()
                window.activateWindow()
        return window

    yield make
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from nts_desktop.ui.main_window import MainWindow

    # every main window still alive, including those a test opened by switching journals
    # (a switch deletes the window it leaves, so qtbot's own bookkeeping cannot be used)
    for window in [*windows, *QApplication.topLevelWidgets()]:
        if isValid(window) and isinstance(window, MainWindow):
            window.ask_unsaved = lambda parent, dates: "discard"
            window.close()
            window.deleteLater()  # closed windows would pile up and slow every later restyle
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the suite: make it fail the test instead.

    Tests that expect a question answer it by replacing the asking function (e.g.
    ``window.ask_unsaved``, ``FileActions.ask_conflict``) or patch these again themselves.
    """
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog during a test: {args[1:3]!r}")

    for owner, names in (
        (QMessageBox, ("warning", "critical", "question", "information", "exec")),
        (QFileDialog, ("getOpenFileName", "getSaveFileName", "getExistingDirectory", "exec")),
        (QInputDialog, ("getText", "getItem", "getInt")),
    ):
        for name in names:
            monkeypatch.setattr(owner, name, refuse)
