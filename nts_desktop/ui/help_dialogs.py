"""Help: the keyboard shortcuts (read from the window's own actions, so the list cannot
drift from what the keys do) and About (version, licence, where the journal lives)."""

from __future__ import annotations

import platform
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nts_desktop import __version__
from nts_desktop.resources import ICON, resource_path

from .style import role_label

# keys that are not actions: how the inputs themselves read the keyboard
TYPING = (
    ("Morning form", "Next item / previous item", "Tab / Shift+Tab"),
    ("Morning form", "A time (replaces the whole reading)", "four digits: 2245, or 715"),
    ("Morning form", "Pick a rating (0 = 10)", "1 … 9, 0"),
    ("Morning form", "Step a rating or clear it", "← → / Backspace"),
)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action of the window that has a shortcut."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcuts()
        if not keys or id(action) in seen or not action.text():
            continue
        seen.add(id(action))
        menus = [o for o in action.associatedObjects() if isinstance(o, QMenu)]
        where = menus[0].title().replace("&", "") if menus else "On its page"
        text = action.text().replace("&", "").rstrip("…").strip()
        rows.append(
            (
                where,
                text,
                " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys),
            )
        )
    order = {"File": 0, "Edit": 1, "Day": 2, "View": 3, "Go": 4, "Help": 5}
    rows.sort(key=lambda r: (order.get(r[0], 9), r[0]))
    return [*rows, *TYPING]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, grouped by where it is."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels(["Where", "What", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumSize(560, 420)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def open_folder(folder: Path) -> bool:
    """Show a folder in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


NO_BACKUPS = (
    "(none yet: File → Back up now makes one; a daily one is taken once the journal holds days)"
)
NO_DEMO_BACKUPS = "(none: a demo journal is not backed up)"


class AboutDialog(QDialog):
    """Version, licence, and where this journal and its backups live, each with a button
    that opens its folder through ``opener`` (tests pass their own; nothing is opened)."""

    def __init__(
        self,
        journal_path: Path,
        backups: Path,
        parent: QWidget | None = None,
        opener: Callable[[Path], bool] = open_folder,
        demo: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle("About nts-desktop")
        self.opener = opener
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        head = QHBoxLayout()
        head.setSpacing(16)
        icon = QLabel(objectName="about_icon")
        icon.setPixmap(QIcon(str(resource_path(ICON))).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        head.addWidget(icon)
        words = QVBoxLayout()
        words.addWidget(role_label("title", f"nts-desktop {__version__}"))
        words.addWidget(
            QLabel(
                "A private, offline sleep journal: the Consensus Sleep Diary, sleep-regularity "
                "science and honest statistics on your own days. It opens no network "
                "connection; your journal stays on this computer.",
                wordWrap=True,
            )
        )
        words.addWidget(
            role_label(
                "hint",
                f"MIT licence · Python {platform.python_version()} · Qt {qVersion()}",
                objectName="about_licence",
            )
        )
        words.addStretch(1)
        head.addLayout(words, 1)
        layout.addLayout(head)
        layout.addSpacing(6)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self._add_place(
            grid, 0, "This journal", journal_path, journal_path.parent, "about_open_journal_folder"
        )
        self._add_place(grid, 2, "Its backups", backups, backups, "about_open_backups")
        if not backups.is_dir():
            hint = NO_DEMO_BACKUPS if demo else NO_BACKUPS
            grid.addWidget(role_label("hint", hint, wrap=True), 3, 1, 1, 2)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        # wrapped labels make the first guess too tall: as tall as the text needs at this width
        self.resize(560, self.layout().totalHeightForWidth(560))

    def _add_place(
        self, grid: QGridLayout, row: int, label: str, path: Path, folder: Path, name: str
    ) -> None:
        """One row: what it is, its path (selectable), and a button that opens its folder."""
        grid.addWidget(role_label("subtitle", label), row, 0)
        where = QLabel(str(path), objectName=f"{name}_path")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        grid.addWidget(where, row, 1)
        button = QPushButton("Open folder", objectName=name)
        button.setToolTip(f"Show {folder} in the file manager")
        button.setAccessibleName(f"Open the folder of {label.lower()}")
        button.clicked.connect(lambda _=False: self.opener(folder))
        button.setEnabled(folder.is_dir())
        grid.addWidget(button, row, 2)
