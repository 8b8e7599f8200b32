"""The main window: pages in tabs, the menus, the status bar, and leaving without losing edits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

from nts_desktop import APP_NAME
from nts_desktop.storage import JournalLock

from .context import AppContext, Change
from .today import TodayPage, short_date

AskUnsaved = Callable[[QWidget, list[date]], str]  # returns "save", "discard" or "cancel"


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
    """Today (and the later pages) in tabs over one AppContext; holds the journal's lock."""

    def __init__(self, ctx: AppContext, lock: JournalLock | None = None):
        super().__init__()
        self.ctx = ctx
        self.lock = lock
        self.ask_unsaved: AskUnsaved = ask_unsaved
        self.setObjectName("main_window")
        title = f"{ctx.journal.path.name} — {APP_NAME}"
        self.setWindowTitle(f"Demo journal ({title})" if ctx.demo else title)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.today = TodayPage(ctx, self)
        self.tabs.addTab(self.today, "Today")
        self.today.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.changed.connect(self._on_changed)
        self._build_menus()
        self.statusBar().showMessage(f"Journal: {ctx.journal.path}", 5000)
        self.resize(1120, 860)
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        day_menu = self.menuBar().addMenu("&Day")
        for act in (
            self.today.save_action,
            self.today.prev_action,
            self.today.next_action,
            self.today.today_action,
        ):
            day_menu.addAction(act)
        go = self.menuBar().addMenu("&Go")
        for index in range(self.tabs.count()):
            act = QAction(self.tabs.tabText(index), self)
            act.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            act.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            go.addAction(act)

    def _on_changed(self, change: Change) -> None:
        if change.message:
            self.statusBar().showMessage(change.message, 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.today.unsaved_dates()
        if unsaved:
            answer = self.ask_unsaved(self, unsaved)
            if answer == "cancel" or (answer == "save" and not self._save_all(unsaved)):
                event.ignore()
                return
            self.today.discard_drafts()
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.ctx.journal.close()
        if self.lock is not None:
            self.lock.release()
        event.accept()

    def _save_all(self, dates: list[date]) -> bool:
        for when in dates:
            if when != self.today.current_date:
                self.today.set_date(when)
            if not self.today.save():
                return False
        return True
