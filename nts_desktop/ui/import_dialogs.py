"""The dialogs of bringing history in: the preview of what files hold (Import writes it),
the table that places a mood app's own mood names on its scale, and the list of imports
(File → Imports…) where one can be removed as a whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.units import plural
from nts_desktop.io.device_import import SourcePreview
from nts_desktop.storage import JournalError
from nts_desktop.storage.batches import list_batches, remove_batch

from . import preferences

if TYPE_CHECKING:
    from .context import AppContext

AUTOMATIC = "(automatic: a watch first, else the most sleep)"
APP_NAMES = {
    "daylio": "Daylio",
    "bearable": "Bearable",
    "pixels": "Year in Pixels",
    "imoodjournal": "iMoodJournal",
    "loop": "Loop Habit Tracker",
}
LEVELS = ("1 awful", "2 bad", "3 meh", "4 good", "5 rad")  # Daylio's five, worst first


@dataclass(frozen=True)
class Answer:
    """What the person chose in the preview."""

    accepted: bool
    prefer: str | None = None  # Apple Health: the app whose nights win
    replace_ratings: bool = False


class PreviewDialog(QDialog):
    """What files hold, before anything is written; Import writes it."""

    def __init__(self, name: str, previews: list[SourcePreview], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_preview")
        self.setWindowTitle(f"Import {name}")
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(objectName="import_preview_text")
        text.setReadOnly(True)
        text.setPlainText("\n".join(line for p in previews for line in p.words()))
        text.setMinimumSize(600, 240)
        layout.addWidget(text)
        self.prefer = QComboBox(objectName="import_prefer")
        apps = sorted({a for p in previews for a in p.apps})
        form = QFormLayout()
        if apps:
            self.prefer.addItem(AUTOMATIC, None)
            for app in apps:
                self.prefer.addItem(app, app)
            form.addRow("Nights from", self.prefer)
            layout.addLayout(form)
        clashes = sum(len(p.conflicts) for p in previews)
        self.replace = QCheckBox(
            f"Replace my own ratings with the file's on {plural(clashes, 'day')} "
            "(a backup is made first)",
            objectName="import_replace",
        )
        self.replace.setVisible(clashes > 0)
        layout.addWidget(self.replace)
        note = QLabel(
            "Imported nights are kept beside your own diary, never over it; imported ratings "
            "fill only days without your own. An import can be removed again as a whole from "
            "File → Imports…."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            any(p.nights or p.naps or p.days for p in previews)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def answer(self, accepted: bool) -> Answer:
        prefer = self.prefer.currentData() if self.prefer.count() else None
        return Answer(accepted, prefer, self.replace.isVisible() and self.replace.isChecked())


def ask_preview(parent: QWidget, name: str, previews: list[SourcePreview]) -> Answer:
    dialog = PreviewDialog(name, previews, parent)
    return dialog.answer(dialog.exec() == QDialog.DialogCode.Accepted)


class MoodMapDialog(QDialog):
    """The mood names an app's file holds without a level, with their counts, each given a
    level from a list; remembered for the next import of that app."""

    def __init__(self, app: str, names: Counter[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mood_map_dialog")
        name = APP_NAMES.get(app, app)
        self.setWindowTitle(f"Place {name}'s mood names")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{name} names these moods in the file without saying how good they are. Choose "
            "where each sits on its scale from awful to rad; this is remembered for the next "
            f"import from {name}."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(names), 3, objectName="mood_map_table")
        self.table.setHorizontalHeaderLabels(["Mood name", "Entries", "Level"])
        self.table.verticalHeader().hide()
        self.boxes: dict[str, QComboBox] = {}
        for row, (name, count) in enumerate(names.most_common()):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            counted = QTableWidgetItem(str(count))
            counted.setFlags(Qt.ItemFlag.ItemIsEnabled)
            counted.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, counted)
            box = QComboBox()
            box.addItem("choose…", None)
            for i, word in enumerate(LEVELS, start=1):
                box.addItem(word, float(i))
            box.setAccessibleName(f"Level of {name}")
            box.currentIndexChanged.connect(self._update)
            self.table.setCellWidget(row, 2, box)
            self.boxes[name] = box
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumSize(460, min(80 + 30 * len(names), 360))
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        done = all(b.currentData() is not None for b in self.boxes.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(done)

    def mapping(self) -> dict[str, float]:
        return {n: b.currentData() for n, b in self.boxes.items() if b.currentData() is not None}


def ask_mood_map(parent: QWidget, app: str, names: Counter[str]) -> dict[str, float] | None:
    dialog = MoodMapDialog(app, names, parent)
    return dialog.mapping() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ImportsDialog(QDialog):
    """Every import batch, newest first; Remove takes one away as a whole."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("imports_dialog")
        self.setWindowTitle("Imports")
        layout = QVBoxLayout(self)
        self.list = QListWidget(objectName="imports_list")
        self.list.setMinimumSize(560, 220)
        layout.addWidget(self.list)
        self.remove = QPushButton("Remove this import", objectName="imports_remove")
        self.remove.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        batches = list_batches(self.ctx.journal)
        for b in batches:
            item = QListWidgetItem(b.words(preferences.hour12()))
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            self.list.addItem(item)
        if not batches:
            self.list.addItem("No imports yet.")
        self.list.setCurrentRow(0)
        self.remove.setEnabled(bool(batches))

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        batch = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if batch is None:
            return
        try:
            self.ctx.emit(remove_batch(self.ctx.journal, batch))
        except (JournalError, KeyError) as exc:
            self.ctx.notify(f"Not removed: {exc}")
        self.reload()
