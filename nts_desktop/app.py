"""Building and running the window: ``build_main_window`` (tests use it) and ``run_window``.

PySide6 is imported here, never by the command-line path that does not open a window.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from shiboken6 import isValid

from nts_desktop import APP_ID, APP_NAME, __version__
from nts_desktop.core.units import clock_time
from nts_desktop.demo import write_demo
from nts_desktop.io.desktop_entry import IN_TRAY
from nts_desktop.resources import ICON, resource_path
from nts_desktop.storage import (
    ExitCode,
    JournalError,
    JournalLocked,
    NotWritable,
    open_for_writing,
    open_journal,
    resolve_journal_path,
)
from nts_desktop.storage.backup import BackupInfo, backup_if_due, describe_backups
from nts_desktop.storage.paths import (
    ENV_DB,
    PRIVATE_DIR,
    PRIVATE_FILE,
    default_demo_path,
    ensure_private_dir,
)
from nts_desktop.storage.restore import set_aside_and_restore

from .ui import preferences
from .ui.context import AppContext, Clock
from .ui.file_dialogs import JOURNALS, ask_open
from .ui.main_window import MainWindow
from .ui.style import apply_style
from .ui.theme import apply_theme, chosen_theme

GUI_SWITCH_INTERVAL_S = 0.001


def ensure_app() -> QApplication:
    """The QApplication, created once with the app's names, icon and style."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        QGuiApplication.setDesktopFileName(APP_ID)  # names the .desktop entry (Wayland app id)
        app = QApplication(sys.argv[:1])
        app.setWindowIcon(QIcon(str(resource_path(ICON))))
        apply_theme(app, chosen_theme())
        apply_style(app)
        keep_settings_private()
        # A worker thread (a file read, the statistics) hands the GIL to the GUI thread after
        # at most this long; Python's 5 ms default made every Python event filter of a busy
        # window wait, so showing a dialog during an import froze it for ~200 ms.
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    return app  # type: ignore[return-value]


def keep_settings_private() -> None:
    """The window's settings file (theme, geometry, last folder) is the person's: 0600 in a
    0700 folder, like the journal."""
    settings = QSettings()
    settings.sync()
    path = Path(settings.fileName())
    try:
        if path.parent.is_dir():
            path.parent.chmod(PRIVATE_DIR)
        if path.exists():
            path.chmod(PRIVATE_FILE)
    except OSError:
        pass


def build_main_window(
    db_path: str | Path | None,
    tz: str | None = None,
    clock: Clock | None = None,
    demo: bool = False,
    windows: Windows | None = None,
    tray_icon: QSystemTrayIcon | None = None,
    tray_available: bool | None = None,
) -> MainWindow:
    """The whole window over the journal at ``db_path``, holding its lock.

    Raises JournalLocked if another window has it open, JournalError if it cannot be used.
    ``windows`` keeps the windows this one opens (the demo, or back to the user's journal).
    ``tray_icon`` and ``tray_available`` replace the system tray (default: the desktop's).
    """
    ensure_app()
    path = resolve_journal_path(db_path)
    windows = windows or Windows(path, tz, clock)
    read_only_reason = ""
    try:
        journal = open_for_writing(path, tz=tz)
    except NotWritable as exc:  # healthy, but the disk is full or read-only: look, export
        journal = open_journal(path, tz=tz, read_only=True)
        read_only_reason = str(exc)
    try:
        demo = demo or journal.settings.demo
        backup_problem = ""
        if not demo and not journal.read_only:
            try:
                backup_if_due(journal.path, journal.db)
            except (OSError, sqlite3.Error, JournalError) as exc:  # never a reason not to open
                backup_problem = f"The daily backup could not be written: {exc}"
        window = MainWindow(
            AppContext(journal, clock, demo=demo),
            opener=windows.open,
            read_only_reason=read_only_reason,
            tray_icon=tray_icon,
            tray_available=tray_available,
        )
    except BaseException:
        journal.close()  # releases the lock too
        raise
    if backup_problem:
        window.statusBar().showMessage(backup_problem, 30000)
    windows.opened.append(window)
    return window


class Windows:
    """Opens the user's journal or the demo journal in a new window and keeps windows alive."""

    def __init__(self, own_path: Path, tz: str | None, clock: Clock | None):
        self.own_path = own_path
        self.tz = tz
        self.clock = clock
        self.opened: list[MainWindow] = []

    def open(self, demo: bool = False, path: Path | None = None) -> MainWindow | None:
        """A window on the demo, on ``path``, or (neither) on the person's own journal."""
        self.opened = [w for w in self.opened if isValid(w) and w.isVisible()]
        path = default_demo_path() if demo else path or self.own_path
        try:
            if demo:
                _ensure_demo(path)
            window = build_main_window(path, self.tz, self.clock, demo=demo, windows=self)
        except (JournalError, JournalLocked) as exc:
            QMessageBox.warning(None, APP_NAME, str(exc))
            return None
        window.show()
        return window


def _ensure_demo(path: Path) -> None:
    """Create the demo journal (a year of nights) unless it already holds days."""
    ensure_private_dir(path.parent)
    if path.exists():
        with open_journal(path, read_only=True) as existing:
            if existing.day_count():
                return
    with open_for_writing(path) as journal:
        if not journal.day_count():
            write_demo(journal, nights=365)


Ask = Callable[[JournalError, BackupInfo | None], tuple[str, Path | None]]


def recovery_words(error: JournalError, latest: BackupInfo | None) -> tuple[str, str]:
    """What the recovery dialog says: the problem, then what can be done, in words."""
    if latest is None:
        offer = (
            "The file has not been changed. There is no usable backup of it, so you can open "
            "another journal or quit."
        )
    else:
        taken = latest.taken.astimezone()
        when = f"{taken:%A %d %B %Y}, {clock_time(taken.time(), preferences.hour12())}"
        offer = (
            f"The file has not been changed. The latest usable backup is from "
            f"{when} ({latest.words()}). You can "
            "restore it (the unusable file is kept beside it), open another journal, or quit."
        )
    return str(error), offer


def ask_recovery(error: JournalError, latest: BackupInfo | None) -> tuple[str, Path | None]:
    """The dialog for a journal that cannot be used: restore the latest usable backup, open
    another file, or quit. Returns ("restore" | "open" | "quit", the file to use)."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(APP_NAME)
    text, offer = recovery_words(error, latest)
    box.setText(text)
    box.setInformativeText(offer)
    if error.details:
        box.setDetailedText(f"What SQLite said: {error.details}")
    restore = None
    if latest is not None:
        restore = box.addButton("Restore the latest backup", QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton("Open another journal…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore and latest is not None:
        return "restore", latest.path
    if clicked is other:
        path = ask_open(None, "Open a journal", JOURNALS)
        return ("open", Path(path)) if path else ("quit", None)
    return "quit", None


def open_or_recover(
    db_path: str | Path | None, tz: str | None, error: JournalError, ask: Ask = ask_recovery
) -> MainWindow | None:
    """After a refused journal: ask, then restore its latest usable backup (setting the
    unusable file aside, byte for byte) or open another file, until a window opens or the
    user quits (design §9)."""
    path = resolve_journal_path(db_path)
    while True:
        usable = [b for b in describe_backups(path) if b.days is not None]
        choice, chosen = ask(error, usable[0] if usable else None)
        if choice == "restore" and chosen is not None:
            set_aside_and_restore(path, chosen)
        elif choice == "open" and chosen is not None:
            path = chosen
        else:
            return None
        try:
            return build_main_window(path, tz)
        except (JournalError, JournalLocked) as exc:
            error = exc if isinstance(exc, JournalError) else JournalError(str(exc))


def report_unexpected(kind: type[BaseException], error: BaseException, trace: object) -> None:
    """An error nothing else caught while the window runs: a message, never a traceback
    (the traceback goes to stderr only with NTS_DESKTOP_DEBUG=1)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)  # type: ignore[arg-type]
        return
    if os.environ.get("NTS_DESKTOP_DEBUG"):
        sys.__excepthook__(kind, error, trace)  # type: ignore[arg-type]
    else:
        print(f"nts-desktop: {kind.__name__}: {error}", file=sys.stderr)
    text = str(error) if isinstance(error, JournalError) else f"{kind.__name__}: {error}"
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "Something went wrong.")
    box.setInformativeText(
        f"{text}\n\nWhat is saved in your journal is safe; unsaved edits stay in the form."
    )
    box.exec()


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux /proc; elsewhere since import)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED) * 1000


_IMPORTED = time.perf_counter()


def show_at_start(window: MainWindow, in_tray: bool = False) -> bool:
    """Show the window, unless asked to start in the tray and its icon is there (the
    reminder is on and the desktop has a tray): then it waits there. True when shown."""
    if in_tray and window.tray.shown:
        return False
    window.show()
    return True


def run_window(
    db_path: str | Path | None,
    tz: str | None = None,
    startup_check: bool = False,
    in_tray: bool = False,
) -> int:
    """Open the window (or, with ``in_tray``, its tray icon: ``show_at_start``) and run
    until it closes; returns the process exit code."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        print(
            "nts-desktop: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
            "unset). Run it in a desktop session, under xvfb-run, or with "
            "QT_QPA_PLATFORM=offscreen for --startup-check.",
            file=sys.stderr,
        )
        return ExitCode.BAD_INPUT
    app = ensure_app()
    if not startup_check:
        sys.excepthook = report_unexpected
    try:
        window = build_main_window(db_path, tz)
    except JournalLocked as exc:
        if startup_check:
            print(f"nts-desktop: {exc}", file=sys.stderr)
        else:
            QMessageBox.warning(None, APP_NAME, str(exc))
        return ExitCode.LOCKED
    except JournalError as exc:
        if startup_check:
            print(f"nts-desktop: {exc}", file=sys.stderr)
            return ExitCode.JOURNAL
        recovered = open_or_recover(db_path, tz, exc)
        if recovered is None:
            return ExitCode.JOURNAL
        window = recovered
    show_at_start(window, in_tray and not startup_check)
    if startup_check:
        app.processEvents()
        window.repaint()
        app.processEvents()
        print(f"startup_ms={process_age_ms():.0f}", flush=True)
        window.close()
        return ExitCode.OK
    return app.exec()


def main() -> None:
    """GUI entry point (``nts-desktop-gui``): the window on the default journal."""
    sys.exit(run_window(os.environ.get(ENV_DB), in_tray=IN_TRAY in sys.argv[1:]))
