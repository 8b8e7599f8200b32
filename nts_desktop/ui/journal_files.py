"""File → Open journal…, Back up now and Restore from backup… for one window.

Backing up and restoring call the same storage functions as `nts-desktop backup` and
`nts-desktop restore`; restoring first keeps the journal as it is as a backup of its own.
The questions (which file, which backup) are callables on ``JournalFiles`` so tests answer
them; the defaults are dialogs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.units import clock_time
from nts_desktop.storage import JournalError
from nts_desktop.storage.backup import BackupInfo, backup_dir, backup_journal, describe_backups
from nts_desktop.storage.restore import restore_backup

from . import preferences
from .file_dialogs import JOURNALS, ask_open

if TYPE_CHECKING:
    from .main_window import MainWindow


class RestoreDialog(QDialog):
    """The journal's backups, newest first, with their age and how many days each holds."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Restore from a backup")
        layout = QVBoxLayout(self)
        text = QLabel(
            "Choose the backup to go back to. The journal as it is now is kept as a backup "
            "first, so this can be undone by restoring that one."
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget(objectName="restore_list")
        self.list.setAccessibleName("Backups")
        for info in backups:
            taken = info.taken.astimezone()
            stamp = f"{taken:%Y-%m-%d} {clock_time(taken.time(), preferences.hour12())}"
            item = QListWidgetItem(f"{stamp} — {info.words()}")
            item.setData(Qt.ItemDataRole.UserRole, info.path)
            if info.days is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        first = next((i for i in range(self.list.count()) if backups[i].days is not None), None)
        if first is not None:
            self.list.setCurrentRow(first)
        self.list.setMinimumSize(520, 260)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Restore")
        self.ok.setEnabled(first is not None)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(buttons)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _ask_backup(parent: QWidget, backups: list[BackupInfo]) -> Path | None:
    dialog = RestoreDialog(backups, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class JournalFiles:
    """Opening another journal, backing up, restoring — for one window."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.ctx = window.ctx
        self.ask_journal_path: Callable[[QWidget], str | None] = lambda parent: ask_open(
            parent, "Open a journal", JOURNALS
        )
        self.ask_backup: Callable[[QWidget, list[BackupInfo]], Path | None] = _ask_backup

    def open_journal(self) -> MainWindow | None:
        """Ask for a journal file and open it in this window's place."""
        path = self.ask_journal_path(self.window)
        if not path:
            return None
        return self.window.switch_to(path=Path(path))

    def back_up_now(self) -> Path | None:
        journal = self.ctx.journal
        try:
            saved = backup_journal(journal.path, db=journal.db, reason="manual")
        except (OSError, sqlite3.Error) as exc:
            self.ctx.notify(f"Could not back up the journal: {exc}")
            return None
        self.ctx.notify(f"Backed up to {saved}.")
        return saved

    def restore(self) -> bool:
        """Choose a backup and put it in place (the current state is kept as a backup)."""
        journal = self.ctx.journal
        backups = describe_backups(journal.path)
        if not backups:
            self.ctx.notify(
                f"There are no backups of this journal yet (in {backup_dir(journal.path)})."
            )
            return False
        chosen = self.ask_backup(self.window, backups)
        if chosen is None or not self.window.settle_unsaved():
            return False
        try:
            change, _saved = restore_backup(journal, chosen)
        except (JournalError, ValueError, OSError, sqlite3.Error) as exc:
            self.ctx.notify(f"Not restored: {exc}")
            return False
        self.ctx.undo_stack.clear()  # the days it would bring back are another journal's
        self.ctx.emit(change)
        return True
