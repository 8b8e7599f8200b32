"""The main window: pages in tabs, menus, status bar, first-run welcome, and leaving safely."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nts_desktop import APP_NAME
from nts_desktop.storage import JournalLock
from nts_desktop.storage.backup import backup_dir

from . import autostart, preferences
from .banners import demo_banner, read_only_banner
from .context import AppContext, Change
from .dates import short_date
from .file_actions import FileActions
from .help_dialogs import AboutDialog, ShortcutsDialog
from .journal_files import JournalFiles
from .journal_page import JournalPage
from .menus import build_menus
from .reminder import Reminder, ReminderBar
from .settings_dialog import SettingsDialog
from .style import apply_style
from .theme import apply_theme
from .today import TodayPage
from .tray import Tray
from .welcome import Welcome

if TYPE_CHECKING:  # imported lazily at run time: they pull in pyqtgraph
    from .insights import InsightsPage
    from .trends import TrendsPage

AskUnsaved = Callable[[QWidget, list[date]], str]  # returns "save", "discard" or "cancel"
# open the demo (True), a journal file (a path), or the user's own journal (neither)
Opener = Callable[[bool, "Path | None"], "MainWindow | None"]
REMINDER_SETTINGS = frozenset({"reminder_enabled", "reminder_time", "close_to_tray"})


def ask_unsaved(parent: QWidget, dates: list[date]) -> str:
    """Ask what to do with unsaved edits when the window closes."""
    names = ", ".join(short_date(d) for d in dates[:4]) + (" …" if len(dates) > 4 else "")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save your changes to {names}?")
    box.setInformativeText("Changes you do not save are lost.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(QMessageBox.StandardButton(answer), "cancel")


class MainWindow(QMainWindow):
    """Today, Journal, Trends and Insights over one AppContext; holds the journal's lock.

    Trends and Insights (pyqtgraph, numpy work) are built the first time they are shown or
    asked for, so start-up pays only for the page it opens on.
    """

    def __init__(
        self,
        ctx: AppContext,
        opener: Opener | None = None,
        read_only_reason: str = "",
        tray_icon: QSystemTrayIcon | None = None,
        tray_available: bool | None = None,
    ):
        super().__init__()
        self.ctx = ctx
        self.opener = opener
        self.read_only_reason = read_only_reason
        self._shown_once = False
        self._leaving = False  # closing for good: past the tray
        self.ask_unsaved: AskUnsaved = ask_unsaved
        self.quit_app: Callable[[], None] = QCoreApplication.quit
        self.setObjectName("main_window")
        title = f"{ctx.journal.path.name} — {APP_NAME}"
        self.setWindowTitle(f"Demo journal — {title}" if ctx.demo else title)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.today = TodayPage(ctx, self)
        self.journal = JournalPage(ctx, self)
        self._trends: TrendsPage | None = None
        self._insights: InsightsPage | None = None
        self.tabs.addTab(self.today, "Today")
        self.tabs.addTab(self.journal, "Journal")
        self.tabs.addTab(QWidget(objectName="trends_placeholder"), "Trends")
        self.tabs.addTab(QWidget(objectName="insights_placeholder"), "Insights")
        self.tabs.currentChanged.connect(self._build_lazy_page)
        self.journal.openDate.connect(self.open_in_today)
        self.files = FileActions(ctx, self)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if ctx.demo:
            layout.addWidget(demo_banner(self.open_own_journal))
        if ctx.journal.read_only:
            layout.addWidget(read_only_banner(read_only_reason))
        self.reminder_bar = ReminderBar()
        if self.menuBar().isNativeMenuBar():  # macOS: a native menu bar has no corner for it
            layout.addWidget(self.reminder_bar)
        else:
            self.menuBar().setCornerWidget(self.reminder_bar)
        self.stack = QStackedWidget()
        self.welcome = Welcome()
        self.welcome.start.clicked.connect(self._start_logging)
        self.welcome.demo.clicked.connect(self.open_demo)
        self.welcome.history.clicked.connect(self.import_history)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.welcome)
        layout.addWidget(self.stack)
        self.setCentralWidget(body)
        if not ctx.demo and ctx.journal.day_count() == 0 and not preferences.read("welcomed"):
            self.stack.setCurrentWidget(self.welcome)

        ctx.changed.connect(self._on_changed)
        self.journal_files = JournalFiles(self)
        build_menus(self)
        self.statusBar().showMessage(f"Journal: {ctx.journal.path}", 5000)
        self.resize(1120, 860)
        geometry = preferences.read("geometry")
        if geometry:  # b"" until the window first closed
            self.restoreGeometry(geometry)
        autostart.sync_setting()  # the entry on disk is the truth (design §2)
        self.reminder = Reminder(ctx, parent=self)
        self.tray = Tray(self, tray_icon, tray_available)
        self.apply_reminder_settings()

    def apply_reminder_settings(self) -> None:
        """Re-read the reminder and tray settings (``reminder/*``, ``tray/*``) and act on them;
        the settings dialog calls this after saving them."""
        self.tray.apply_settings()
        self.reminder.apply_settings()

    TRENDS, INSIGHTS = 2, 3

    @property
    def trends(self) -> TrendsPage:
        if self._trends is None:
            from .trends import TrendsPage

            self._trends = TrendsPage(self.ctx, self)
            self._trends.openDate.connect(self.open_in_today)
            self._place(self.TRENDS, self._trends, "Trends")
        return self._trends

    @property
    def insights(self) -> InsightsPage:
        if self._insights is None:
            from .insights import InsightsPage

            self._insights = InsightsPage(self.ctx, self)
            self._place(self.INSIGHTS, self._insights, "Insights")
        return self._insights

    def _place(self, index: int, page: QWidget, title: str) -> None:
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        old.deleteLater()

    def _build_lazy_page(self, index: int) -> None:
        if index == self.TRENDS:
            self.trends  # noqa: B018 - building it is the point
        elif index == self.INSIGHTS:
            self.insights  # noqa: B018

    def edit_settings(self) -> SettingsDialog:
        """Open Edit → Settings… (non-blocking); saving broadcasts what changed."""
        sources = sorted({n.source for n in self.ctx.journal.device_nights()})
        dialog = SettingsDialog(
            self.ctx, self, sources, self.read_only_reason, tray=self.tray.available
        )
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts (non-blocking)."""
        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()
        return self.shortcuts_dialog

    def show_about(self) -> AboutDialog:
        journal = self.ctx.journal
        self.about_dialog = AboutDialog(
            journal.path, backup_dir(journal.path), self, demo=self.ctx.demo
        )
        self.about_dialog.open()
        return self.about_dialog

    def export_report(self):
        """File → Export report… (non-blocking): the period, a preview, Save PDF…"""
        from .report_dialog import open_report_dialog  # analysis (scipy) only when asked

        self.report_dialog = open_report_dialog(self.ctx, self)
        return self.report_dialog

    def show_sleep_diary(self) -> None:
        self.show_page(self.TRENDS)
        self.trends.show_diary(True)

    def set_theme(self, theme: str) -> None:
        """Switch between the system, light and dark looks, for this and later runs."""
        self.ctx.update_preferences(theme=theme)

    def _follow_theme(self) -> None:
        theme = str(preferences.read("theme"))
        app = QApplication.instance()
        apply_theme(app, theme)  # type: ignore[arg-type]
        apply_style(app)  # type: ignore[arg-type]  # re-evaluates palette() in the stylesheet
        for page in (self._trends, self._insights):
            if page is not None:
                page.restyle()
        self.theme_actions[theme].setChecked(True)

    # -- navigation --------------------------------------------------------------------------
    def show_page(self, index: int) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(index)
        if self.tabs.widget(index) is self.today and self.today.current_date > self.ctx.today():
            self.today.go_today()  # a date after today cannot be logged: back to today

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.stack.currentWidget() is self.tabs and self.tabs.currentWidget() is self.today:
                self.today.focus_first_item()  # typing starts the morning at once

    def open_in_today(self, when: date) -> None:
        self.today.set_date(when)
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.today)
        self.today.focus_first_item()

    def _start_logging(self) -> None:
        preferences.write("welcomed", True)
        self.show_page(self.tabs.indexOf(self.today))
        self.today.focus_first_item()

    def import_history(self) -> bool:
        """Welcome → Import my history: gather files, preview, import, land on Insights."""
        if not self.files.import_history():
            return False
        preferences.write("welcomed", True)
        self.show_page(self.tabs.indexOf(self.insights))
        return True

    def open_demo(self) -> MainWindow | None:
        """Open the demo journal in its own window (this one closes)."""
        return self.switch_to(demo=True)

    def open_own_journal(self) -> MainWindow | None:
        return self.switch_to()

    def switch_to(self, demo: bool = False, path: Path | None = None) -> MainWindow | None:
        """Open the demo, another journal file, or the person's own journal in a new window
        that takes this one's place (this one stays when the other cannot be opened)."""
        if self.opener is None:
            return None
        if demo:
            preferences.write("welcomed", True)
        if not self.settle_unsaved():
            return None
        window = self.opener(demo, path)  # this window keeps its own lock meanwhile
        if window is None:
            return None  # the other journal could not be opened: stay here
        self.close_for_good()
        self.deleteLater()
        return window

    @property
    def lock(self) -> JournalLock | None:
        """The journal's lock, held while this window is open."""
        return self.ctx.journal.lock

    def _on_changed(self, change: Change, origin: object | None = None) -> None:
        if change.message:
            self.statusBar().showMessage(change.message, 8000)
        if "theme" in change.preferences:
            self._follow_theme()
        if change.preferences & REMINDER_SETTINGS:
            self.apply_reminder_settings()
        if "autostart" in change.preferences:
            self.statusBar().showMessage(autostart.follow_setting(), 8000)
        if change.touches_data and self.stack.currentWidget() is self.welcome:
            self.show_page(0)

    # -- closing -----------------------------------------------------------------------------
    def settle_unsaved(self) -> bool:
        """Ask about unsaved edits (save / discard / cancel); True when it is fine to leave."""
        if not hasattr(self, "today"):
            return True  # construction failed half-way: nothing typed yet
        unsaved = self.today.unsaved_dates()
        if unsaved:
            if not self.isVisible():  # hidden in the tray: the question and its outcome show
                self.tray.open_window()
            answer = self.ask_unsaved(self, unsaved)
            if answer == "cancel" or (answer == "save" and not self._save_all(unsaved)):
                return False
            self.today.discard_drafts()
        return True

    def close_for_good(self) -> bool:
        """Close the window even when closing would hide it to the tray (False: the person
        chose to stay, to keep unsaved edits)."""
        self._leaving = True
        try:
            return self.close()
        finally:
            self._leaving = False

    def quit(self) -> bool:
        """File → Quit and the tray's Quit: close for good, then end the application."""
        if not self.close_for_good():
            return False
        self.quit_app()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving and hasattr(self, "tray") and self.tray.hides_on_close():
            event.ignore()  # drafts stay in the form, the lock stays held
            self._save_geometry()
            self.tray.hide_window()
            return
        if not self.settle_unsaved():
            event.ignore()
            return
        if hasattr(self, "tray"):
            self.tray.remove()
        if self.lock is not None and self.lock.held:
            self._save_geometry()
            self.ctx.journal.close()  # releases the lock
        elif self.ctx.journal.read_only:
            self.ctx.journal.close()
        event.accept()

    def _save_geometry(self) -> None:
        preferences.write("geometry", self.saveGeometry())
        QSettings().sync()
        path = Path(QSettings().fileName())
        if path.exists():
            path.chmod(0o600)  # the person's settings stay private

    def _save_all(self, dates: list[date]) -> bool:
        for when in dates:
            if when != self.today.current_date:
                self.today.set_date(when)
            if not self.today.save():
                return False
        return True
