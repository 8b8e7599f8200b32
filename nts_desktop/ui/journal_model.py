"""The Journal table: every date from the first entry to the last, missing ones included.

``JournalModel`` holds one row per date (a logged day, a day without a night, or a missing
date) with the derived columns; ``JournalFilter`` sorts by real values (numbers, not text;
blanks last) and filters by a search over dates, tags and notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from nts_desktop.core.measures import NightMeasures, measure
from nts_desktop.core.records import QUALITY_WORDS, Day, Night
from nts_desktop.core.timeutil import anchored_minutes, in_zone
from nts_desktop.core.units import clock, clock_time, hours_minutes

SORT_ROLE = Qt.ItemDataRole.UserRole
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    numeric: bool = True
    tip: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("date", "Date", False),
    Column("source", "Source", False, tip="Your diary, or the device an imported night came from"),
    Column("bedtime", "Bedtime", tip="Got into bed"),
    Column("out_of_bed", "Got up", tip="Got out of bed"),
    Column("tib", "In bed", tip="Time in bed: bedtime to out of bed"),
    Column("tst", "Asleep", tip="Total sleep time"),
    Column("se", "Efficiency", tip="Sleep efficiency: asleep / in bed"),
    Column("midsleep", "Midsleep", tip="Halfway between falling asleep and final awakening"),
    Column("sol", "To sleep", tip="Minutes to fall asleep"),
    Column("waso", "Awake", tip="Minutes awake during the night"),
    Column("quality", "Quality", tip="Sleep quality, 1 very poor … 5 very good"),
    Column("mood", "Mood"),
    Column("focus", "Focus"),
    Column("resilience", "Resilience"),
    Column("tags", "Tags", False),
    Column("notes", "Notes", False),
)
COLUMN = {c.key: i for i, c in enumerate(COLUMNS)}


@dataclass(frozen=True)
class Row:
    """One date of the table and what is shown for it: the diary's night, else a device's."""

    date: date
    day: Day | None
    m: NightMeasures | None
    device: Night | None = None  # an imported night, shown where the diary has none

    @property
    def night(self) -> Night | None:
        return self.day.night if self.day is not None and self.day.night else self.device

    @property
    def state(self) -> str:
        if self.day is None and self.device is None:
            return "missing"
        return "day" if self.m is None else "night"


def _clock_of(row: Row, name: str, hour12: bool) -> tuple[float | None, str]:
    n = row.night
    if n is None:
        return None, ""
    moment = in_zone(getattr(n, name), n.tz)
    minutes = anchored_minutes(moment, n.date)
    return minutes, clock_time(moment.time(), hour12)


def cell(row: Row, key: str, hour12: bool = False) -> tuple[Any, str]:
    """(sort value, display text) of one cell; clock times as ``11:30 PM`` with ``hour12``."""
    d, m = row.day, row.m
    if key == "date":
        return row.date.isoformat(), f"{row.date.isoformat()} {row.date:%a}"
    if key == "source":
        source = row.night.source if row.night is not None else ""
        return source or None, source
    if key in ("bedtime", "out_of_bed"):
        if row.state == "missing" and key == "bedtime":
            return None, "no entry"
        if row.state == "day" and key == "bedtime":
            return None, "no night logged"
        return _clock_of(row, key, hour12)
    if m is not None:
        if key == "tib":
            return m.tib_min, hours_minutes(m.tib_min)
        if key == "tst":
            return m.tst_min, hours_minutes(m.tst_min)
        if key == "se":
            return m.se_pct, f"{m.se_pct:.0f} %"
        if key == "midsleep":
            return m.midsleep_anchored_min, clock(m.midsleep_anchored_min, hour12)
    if row.night is not None:
        if key == "sol":
            return row.night.sleep_latency_min, str(row.night.sleep_latency_min)
        if key == "waso":
            return row.night.waso_min, str(row.night.waso_min)
    if d is not None:
        if key in ("quality", "mood", "focus", "resilience"):
            value = getattr(d, key)
            return value, "" if value is None else str(value)
        if key == "tags":
            return "; ".join(d.tags).casefold() or None, "; ".join(d.tags)
        if key == "notes":
            first = (d.notes or "").strip().splitlines()
            return (d.notes or "").casefold() or None, first[0] + (
                " …" if len(first) > 1 else ""
            ) if first else ""
    return None, ""


class JournalModel(QAbstractTableModel):
    """All dates of the journal as rows; call ``reload`` after the journal changed (or
    ``hour12``, the clock form of its times)."""

    hour12 = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []
        self._cells: list[list[tuple[Any, str]]] = []

    def reload(self, days: list[Day], device: dict[date, Night] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows_for(days, device)
        self._cells = [[cell(r, c.key, self.hour12) for c in COLUMNS] for r in self._rows]
        self._order(*self._sorted_by)
        self.endResetModel()

    _sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by the real values of ``column``, blanks last in either order.

        Sorting here (one Python sort) instead of in the proxy (a Python ``lessThan`` per
        comparison) keeps a 10-year journal quick to sort.
        """
        self.layoutAboutToBeChanged.emit()
        old_positions = {id(row): i for i, row in enumerate(self._rows)}
        self._order(column, order)
        moved = {old_positions[id(row)]: new for new, row in enumerate(self._rows)}
        before = self.persistentIndexList()
        after = [self.index(moved[i.row()], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        self._sorted_by = (column, order)
        if column < 0 or not self._rows:
            return
        pairs = list(zip(self._rows, self._cells, strict=True))
        filled = [p for p in pairs if p[1][column][0] is not None]
        blank = [p for p in pairs if p[1][column][0] is None]
        filled.sort(key=lambda p: p[1][column][0], reverse=order == Qt.SortOrder.DescendingOrder)
        blank.sort(key=lambda p: p[0].date, reverse=True)
        ordered = filled + blank
        self._rows = [p[0] for p in ordered]
        self._cells = [p[1] for p in ordered]

    def row_at(self, index: int) -> Row:
        return self._rows[index]

    def find(self, when: date) -> int | None:
        for i, row in enumerate(self._rows):
            if row.date == when:
                return i
        return None

    def update_days(self, changed: dict[date, Day | None]) -> bool:
        """Refresh the rows of a few changed dates in place (a save, a delete, an undo).

        Returns False when a date lies outside the rows shown (the span grew or shrank):
        then the caller reloads everything.
        """
        if not self._rows:
            return False
        positions = {row.date: i for i, row in enumerate(self._rows)}
        first, last = min(positions), max(positions)
        if any(when not in positions for when in changed):
            return False
        if any(day is None and when in (first, last) for when, day in changed.items()):
            return False  # deleting the first or last day shrinks the span
        for when, day in changed.items():
            i = positions[when]
            old = self._rows[positions[when]]
            device = old.device if day is None or day.night is None else None
            night = day.night if day is not None and day.night is not None else device
            row = Row(when, day, measure(night) if night else None, device)
            self._rows[i] = row
            self._cells[i] = [cell(row, c.key, self.hour12) for c in COLUMNS]
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        if self._sorted_by[0] >= 0:
            self.sort(*self._sorted_by)
        return True

    def counts(self) -> dict[str, int]:
        out = {"night": 0, "day": 0, "missing": 0}
        for row in self._rows:
            out[row.state] += 1
        return out

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        sort_value, text = self._cells[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == SORT_ROLE:
            return sort_value
        if role == DATE_ROLE:
            return row.date
        if role == SEARCH_ROLE:
            return self._search_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[index.column()].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.state != "night" and key != "date":
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "notes" and row.day and row.day.notes:
                return row.day.notes
            if key == "quality" and row.day and row.day.quality:
                return QUALITY_WORDS[row.day.quality - 1]
            if row.state == "missing":
                return "Nothing logged for this date"
        return None

    def _search_text(self, row: Row) -> str:
        parts = [row.date.isoformat(), f"{row.date:%A %B}"]
        if row.day is not None:
            parts += list(row.day.tags)
            parts.append(row.day.notes or "")
            parts.append(row.day.medication or "")
        return " ".join(parts).casefold()


def rows_for(days: list[Day], device: dict[date, Night] | None = None) -> list[Row]:
    """One row per date from the first entry to the last, missing dates included; a date
    without a diary night shows the device night analysis would use (``device``)."""
    device = device or {}
    by_date = {d.date: d for d in days}
    known = [*by_date, *device]
    if not known:
        return []
    first, last = min(known), max(known)
    rows = []
    for i in range((last - first).days + 1):
        when = first + timedelta(days=i)
        day = by_date.get(when)
        other = device.get(when) if day is None or day.night is None else None
        night = day.night if day is not None and day.night is not None else other
        rows.append(Row(when, day, measure(night) if night else None, other))
    return rows


class JournalFilter(QSortFilterProxyModel):
    """Keeps the rows matching every search word; sorting is passed to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = self.sourceModel().data(index, SEARCH_ROLE) or ""
        return all(word in text for word in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort (see ``JournalModel.sort``); this proxy only filters."""
        self.sourceModel().sort(column, order)
