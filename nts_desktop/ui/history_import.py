"""Bringing history in from the window: File → Import… for device exports, and File →
Imports… to see and remove what came in.

The file is read off the GUI thread with progress and Cancel; a preview says what it holds
(per source: nights, naps, dates, nights already kept, what was skipped and why), and only
"Import" writes, as one batch per source — the same library functions as
`nts-desktop import` and `nts-desktop imports remove`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.io.device_import import (
    SourcePreview,
    count_already,
    import_readings,
    prepare,
)
from nts_desktop.io.devices import DeviceFileError, read_history
from nts_desktop.storage import JournalError
from nts_desktop.storage.batches import Batch, list_batches, remove_batch

from .background import Cancelled, run_with_progress

if TYPE_CHECKING:
    from .context import AppContext

AUTOMATIC = "(automatic: a watch first, else the most sleep)"


class PreviewDialog(QDialog):
    """What a file holds, before anything is written; Import writes it."""

    def __init__(self, name: str, previews: list[SourcePreview], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_preview")
        self.setWindowTitle(f"Import {name}")
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(objectName="import_preview_text")
        text.setReadOnly(True)
        text.setPlainText("\n".join(line for p in previews for line in p.words()))
        text.setMinimumSize(560, 220)
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
        layout.addWidget(
            QLabel(
                "Imported nights are kept beside your own diary, never over it; the import "
                "can be removed again as a whole from File → Imports…."
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            any(p.nights or p.naps for p in previews)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def preferred(self) -> str | None:
        return self.prefer.currentData() if self.prefer.count() else None


def _ask_preview(
    parent: QWidget, name: str, previews: list[SourcePreview]
) -> tuple[bool, str | None]:
    dialog = PreviewDialog(name, previews, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return accepted, dialog.preferred()


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
            item = QListWidgetItem(b.words())
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


class HistoryImport:
    """Device history for one window; ``ask_preview`` is the question it asks."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        self.ctx = ctx
        self.parent = parent
        self.ask_preview: Callable[[QWidget, str, list[SourcePreview]], tuple[bool, str | None]] = (
            _ask_preview
        )
        self.dialog: ImportsDialog | None = None

    def import_path(self, path: Path) -> list[Batch] | None:
        """Read ``path`` (a file, zip or folder), preview it, import it on "Import"."""
        journal, prefer = self.ctx.journal, None
        while True:
            try:
                previews = run_with_progress(
                    self.parent,
                    f"Reading {path.name}…",
                    lambda progress, p=prefer: prepare(
                        read_history(path, journal.zone_name, "auto", p, progress)
                    ),
                )
            except Cancelled:
                self.ctx.notify(f"Import of {path.name} cancelled; nothing was written.")
                return None
            except (DeviceFileError, OSError) as exc:
                self.ctx.notify(f"Nothing imported from {path.name}: {exc}")
                raise
            count_already(journal, previews)
            accepted, chosen = self.ask_preview(self.parent, path.name, previews)
            if not accepted:
                return None
            if chosen == prefer:
                break
            prefer = chosen  # another app's nights: read the export again with that choice
        change, batches = import_readings(journal, previews, path)
        self.ctx.emit(change)
        return batches

    def show_imports(self) -> ImportsDialog:
        self.dialog = ImportsDialog(self.ctx, self.parent)
        self.dialog.open()
        return self.dialog
