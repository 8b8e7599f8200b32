"""The Journal page: every day in a sortable, searchable table; open in Today; delete, undo.

Deleting needs no confirmation: it goes through the undo stack, so Ctrl+Z brings the day
back exactly as it was.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.analysis.series import choose_nights
from nts_desktop.core.records import Day
from nts_desktop.core.units import plural

from . import preferences
from .context import AppContext, Change, RefreshWhenShown
from .dates import short_date
from .journal_model import COLUMN, COLUMNS, DATE_ROLE, JournalFilter, JournalModel
from .style import role_label


class DeleteDay(QUndoCommand):
    """Delete one day (with its diary night); undo writes it back unchanged."""

    def __init__(self, ctx: AppContext, day: Day):
        super().__init__(f"delete {short_date(day.date)}")
        self.ctx = ctx
        self.day = day

    def redo(self) -> None:
        self.ctx.delete_day(
            self.day.date, f"Deleted {short_date(self.day.date)}. Ctrl+Z brings it back."
        )

    def undo(self) -> None:
        self.ctx.save_days([self.day], f"Restored {short_date(self.day.date)}.")


class JournalPage(RefreshWhenShown, QWidget):
    """All days of the journal; ``openDate`` asks the window to show a date in Today."""

    openDate = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("journal_page")
        self.model = JournalModel(self)
        self.proxy = JournalFilter(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        bar = QHBoxLayout()
        self.search = QLineEdit(objectName="journal_search")
        self.search.setPlaceholderText(
            "Search notes, tags and dates (e.g. headache, 2025-03, Monday)"
        )
        self.search.setAccessibleName("Search the journal")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count_label = role_label("hint", objectName="journal_count")
        self.open_button = QPushButton("Open in Today", objectName="journal_open")
        self.open_button.setToolTip("Edit the selected day (Enter or double-click)")
        self.delete_button = QPushButton("Delete", objectName="journal_delete")
        self.delete_button.setToolTip("Delete the selected day (Del); Ctrl+Z undoes")
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.open_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)

        self.table = QTableView(objectName="journal_table")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Journal days")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.table.sortByColumn(COLUMN["date"], Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = role_label(
            "hint",
            "Nothing logged yet. Log a morning on the Today page, or import a CSV diary from "
            "the File menu.",
            objectName="journal_empty",
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)

        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        open_day, delete_day = "Journal: open the day in Today", "Journal: delete the day"
        for text, keys, slot in (
            (open_day, Qt.Key.Key_Return, self.open_selected),
            (open_day, Qt.Key.Key_Enter, self.open_selected),
            (delete_day, QKeySequence.StandardKey.Delete, self.delete_selected),
        ):
            act = QAction(text, self.table)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            self.table.addAction(act)
        ctx.changed.connect(self._on_changed)

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def _on_changed(self, change: Change, origin: object | None = None) -> None:
        # a few dates changed while shown: update those rows instead of reloading 10 years
        if change.dates and not change.everything and self.isVisible() and not self._stale:
            changed = {when: self.ctx.journal.day(when) for when in change.dates}
            if self.model.update_days(changed):
                self._update_count()
                return
        super()._on_changed(change, origin)

    def reload(self) -> None:
        self._stale = False
        selected = self.selected_date()
        journal = self.ctx.journal
        device = choose_nights([], journal.device_nights(), journal.settings.preferred_source)
        self.model.hour12 = preferences.hour12()
        self.model.reload(journal.days(), device)
        self._size_columns(max((n.source for n in device.values()), key=len, default=""))
        self._update_count()
        if selected is not None:
            self.select_date(selected)

    def _size_columns(self, longest_source: str) -> None:
        """Widths from sample text; the Source column shows only once a device's nights do."""
        self.table.setColumnHidden(COLUMN["source"], not longest_source)
        fm = self.table.horizontalHeader().fontMetrics()
        samples = {
            "date": "2026-12-31 Wed",
            "source": longest_source,
            "tib": "10 h 00",
            "tst": "10 h 00",
            "se": "100 %",
            "tags": "exercise; late screen",
        }
        for column, index in zip(COLUMNS, COLUMN.values(), strict=True):
            if column.key == "notes":
                continue
            text = samples.get(column.key, "00:00")
            if column.key in ("bedtime", "out_of_bed", "midsleep") and self.model.hour12:
                text = "12:00 PM"
            width = max(fm.horizontalAdvance(column.title), fm.horizontalAdvance(text))
            self.table.setColumnWidth(index, width + 16)

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        counts = self.model.counts()
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        text = plural(counts["night"] + counts["day"], "day")
        if counts["missing"]:
            text += f", {counts['missing']} missing"
        if shown != total:
            text = f"{shown} of {plural(total, 'date')} match · " + text
        self.count_label.setText(text)
        empty = total == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self.open_button.setEnabled(not empty)
        self.delete_button.setEnabled(not empty)

    # -- selection and actions ---------------------------------------------------------------
    def selected_date(self) -> date | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(DATE_ROLE) if rows else None

    def select_date(self, when: date) -> bool:
        source_row = self.model.find(when)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def open_selected(self) -> None:
        when = self.selected_date()
        if when is not None:
            self.openDate.emit(when)

    def delete_selected(self) -> None:
        when = self.selected_date()
        if when is None:
            return
        day = self.ctx.journal.day(when)
        if day is None:
            self.ctx.notify(f"{short_date(when)} has nothing to delete.")
            return
        row = self.table.currentIndex().row()
        self.ctx.undo_stack.push(DeleteDay(self.ctx, day))
        next_index = self.proxy.index(min(row, self.proxy.rowCount() - 1), 0)
        if next_index.isValid():
            self.table.selectRow(next_index.row())
