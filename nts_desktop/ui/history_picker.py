"""The welcome panel's "Import my history": a list of the files and folders to bring in
(exports of sleep trackers and mood apps, a journal CSV), gathered with "Add files…" and
"Add a folder…", then imported together with one preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .file_dialogs import ask_folder, last_folder, remember_folder

APPS = (
    "Sleep as Android, Fitbit (a Takeout folder), Oura, Apple Health (export.zip), Daylio "
    "(CSV or .daylio backup), Bearable, Year in Pixels, iMoodJournal, Loop Habit Tracker, "
    "or a journal CSV"
)


class HistoryPicker(QDialog):
    """The files and folders to import, gathered one or several at a time."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("history_picker")
        self.setWindowTitle("Import my history")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Add the exports of the apps and devices you used: {APPS}. They are read "
            "together and shown in one preview before anything is written."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(objectName="history_picker_list")
        self.list.setMinimumSize(520, 160)
        layout.addWidget(self.list)
        self.add_files = QPushButton("Add files…", objectName="history_add_files")
        self.add_folder = QPushButton("Add a folder…", objectName="history_add_folder")
        self.remove = QPushButton("Remove", objectName="history_remove")
        self.add_files.clicked.connect(self._ask_files)
        self.add_folder.clicked.connect(self._ask_folder)
        self.remove.clicked.connect(self._remove_selected)
        row = QHBoxLayout()
        for b in (self.add_files, self.add_folder, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Read them")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def add(self, paths: list[str]) -> None:
        known = set(self.paths())
        for p in paths:
            if p and p not in known:
                self.list.addItem(p)
                known.add(p)
        self._update()

    def paths(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add files", last_folder(), "All files (*)")
        if paths:
            remember_folder(str(Path(paths[0]).parent))
        self.add(paths)

    def _ask_folder(self) -> None:
        folder = ask_folder(self, "Add a folder")
        self.add([folder] if folder else [])

    def _remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.list.count() > 0)
        ok.setDefault(self.list.count() > 0)
        self.add_files.setDefault(self.list.count() == 0)
        self.remove.setEnabled(self.list.count() > 0)


def ask_history_paths(parent: QWidget | None) -> list[str]:
    """The files and folders the person gathered; empty when cancelled."""
    dialog = HistoryPicker(parent)
    return dialog.paths() if dialog.exec() == QDialog.DialogCode.Accepted else []
