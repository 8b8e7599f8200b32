"""Building and running the window: ``build_main_window`` (tests use it) and ``run_window``.

PySide6 is imported here, never by the command-line path that does not open a window.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from nts_desktop import APP_NAME, __version__
from nts_desktop.resources import ICON, resource_path
from nts_desktop.storage import JournalError, JournalLock, JournalLocked, open_journal
from nts_desktop.storage.backup import backup_if_due

from .ui.context import AppContext, Clock
from .ui.main_window import MainWindow
from .ui.style import apply_style


def ensure_app() -> QApplication:
    """The QApplication, created once with the app's names, icon and style."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        QGuiApplication.setDesktopFileName(APP_NAME)
        app = QApplication(sys.argv[:1])
        app.setWindowIcon(QIcon(str(resource_path(ICON))))
        apply_style(app)
    return app  # type: ignore[return-value]


def build_main_window(
    db_path: str | Path | None,
    tz: str | None = None,
    clock: Clock | None = None,
    demo: bool = False,
) -> MainWindow:
    """The whole window over the journal at ``db_path``, holding its lock.

    Raises JournalLocked if another window has it open, JournalError if it cannot be used.
    """
    ensure_app()
    journal = open_journal(db_path, tz=tz)
    lock = JournalLock(journal.path)
    try:
        lock.acquire()
    except JournalLocked:
        journal.close()
        raise
    backup_if_due(journal.path, journal.db)
    return MainWindow(AppContext(journal, clock, demo=demo), lock)


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux /proc; elsewhere since import)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED) * 1000


_IMPORTED = time.perf_counter()


def run_window(
    db_path: str | Path | None, tz: str | None = None, startup_check: bool = False
) -> int:
    """Open the window and run until it closes; returns the process exit code."""
    app = ensure_app()
    try:
        window = build_main_window(db_path, tz)
    except JournalLocked as exc:
        if startup_check:
            print(f"nts-desktop: {exc}", file=sys.stderr)
        else:
            QMessageBox.warning(None, APP_NAME, str(exc))
        return 4
    except JournalError as exc:
        if startup_check:
            print(f"nts-desktop: {exc}", file=sys.stderr)
        else:
            QMessageBox.critical(
                None,
                APP_NAME,
                f"{exc}\n\nThe file was left untouched. Start nts-desktop with "
                "--db to open another journal, or restore a backup with "
                "'nts-desktop restore'.",
            )
        return 3
    window.show()
    if startup_check:
        app.processEvents()
        window.repaint()
        app.processEvents()
        print(f"startup_ms={process_age_ms():.0f}", flush=True)
        window.close()
        return 0
    return app.exec()


def main() -> None:
    """GUI entry point (``nts-desktop-gui``): the window on the default journal."""
    sys.exit(run_window(os.environ.get("NTS_DESKTOP_DB")))
