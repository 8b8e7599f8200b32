"""The system tray: the icon and its menu (Log now, Open, Quit), the reminder's notification,
hiding the window to the tray on close, and the in-window fallback where no tray exists.

``Tray`` belongs to one main window and shows the window's ``Reminder`` (``ui/reminder.py``):
as a tray notification whose click opens Today, and always in the window's ``ReminderBar``
(the only place where no tray exists). Whether a tray exists and the tray icon itself are
passed in, so tests need neither a tray nor a desktop session.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from nts_desktop import APP_NAME
from nts_desktop.resources import ICON, resource_path

from . import preferences
from .reminder import REMINDER_TITLE, reminder_words

if TYPE_CHECKING:
    from .main_window import MainWindow

MESSAGE_MS = 15_000

STILL_RUNNING = (
    f"{APP_NAME} keeps running in the tray to remind you each morning. "
    "Quit from the tray icon's menu ends it."
)


def tray_available() -> bool:
    """Whether this desktop shows a system tray."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def tray_words(available: bool) -> str:
    """The sentence the settings show about where reminders appear."""
    if available:
        return "Reminders appear in the system tray."
    return "This desktop has no system tray: reminders appear only while the window is open."


class Tray(QObject):
    """The tray icon of one window, shown while a tray exists and the reminder is on.

    ``icon`` is the QSystemTrayIcon to use (tests pass one that records its messages);
    ``available`` says whether a tray exists (default: ask the desktop).
    """

    def __init__(
        self,
        window: MainWindow,
        icon: QSystemTrayIcon | None = None,
        available: bool | None = None,
    ):
        super().__init__(window)
        self.window = window
        self.available = tray_available() if available is None else available
        self.icon: QSystemTrayIcon | None = None
        self.shown = False
        if self.available:
            self.icon = icon or QSystemTrayIcon(self)
            self._build_icon(self.icon)
        window.reminder.due.connect(self.remind)
        window.reminder.settled.connect(window.reminder_bar.hide)
        window.reminder_bar.log_now.clicked.connect(self.log_now)

    def _build_icon(self, icon: QSystemTrayIcon) -> None:
        icon.setIcon(QIcon(str(resource_path(ICON))))
        icon.setToolTip(APP_NAME)
        menu = QMenu(self.window)
        self.log_now_action = QAction("&Log now", menu)
        self.open_action = QAction("&Open", menu)
        self.quit_action = QAction("&Quit", menu)
        self.log_now_action.triggered.connect(self.log_now)
        self.open_action.triggered.connect(self.open_window)
        self.quit_action.triggered.connect(self.window.quit)
        for act in (self.log_now_action, self.open_action):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        icon.setContextMenu(menu)
        icon.messageClicked.connect(self.log_now)
        icon.activated.connect(self._activated)

    def apply_settings(self) -> None:
        """Show the icon while the reminder is on (re-read from the settings), else hide it."""
        want = (  # never for the demo or a read-only journal: nothing is reminded there
            self.icon is not None
            and bool(preferences.read("reminder_enabled"))
            and self.window.reminder.may_remind()
        )
        if self.icon is not None and want != self.shown:
            self.icon.setVisible(want)
        self.shown = bool(want)

    def remove(self) -> None:
        """The window closes for good: the icon goes with it."""
        if self.icon is not None and self.shown:
            self.icon.hide()
        self.shown = False

    # -- the reminder ------------------------------------------------------------------------
    def remind(self, night_of: date) -> None:
        """Show the reminder: in the window always, and as a notification in the tray."""
        self.window.reminder_bar.remind(night_of)
        if self.icon is not None and self.shown:
            self.icon.showMessage(
                REMINDER_TITLE,
                f"{reminder_words(night_of)} Click here to log it.",
                QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )
        elif self.window.isVisible():
            QApplication.alert(self.window)  # the taskbar entry asks for attention

    # -- the window --------------------------------------------------------------------------
    def open_window(self) -> None:
        """Show the window (from the tray or minimized) in front."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def log_now(self) -> None:
        """Show the window on Today, on the date reminded of (else this morning's): after
        midnight, the night the reminder named is still the one to log."""
        self.open_window()
        self.window.reminder_bar.hide()
        self.window.open_in_today(self.window.reminder.pending or self.window.ctx.today())

    def hides_on_close(self) -> bool:
        """Whether closing the window hides it to the tray (the icon is shown and the
        ``tray/close_to_tray`` setting, on by default, is on). Never while the session ends:
        a window that refused to close would cancel the logout."""
        app = QGuiApplication.instance()
        if not self.shown or (isinstance(app, QGuiApplication) and app.isSavingSession()):
            return False
        return bool(preferences.read("close_to_tray"))

    def hide_window(self) -> None:
        """Hide the window to the tray; the first time ever, say that the app keeps running."""
        self.window.hide()
        if self.icon is not None and not preferences.read("tray_notice_shown"):
            preferences.write("tray_notice_shown", True)
            self.icon.showMessage(
                f"{APP_NAME} is still running",
                STILL_RUNNING,
                QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_window()
