"""The Insights table: every predictor–outcome pair of one analysis, most convincing first.

A ``QAbstractTableModel`` over ``Correlation`` rows; its words and numbers come from
``analysis/words.py``, the vocabulary the `stats` command uses too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from nts_desktop.analysis.correlate import Correlation
from nts_desktop.analysis.words import (
    evidence_order,
    interval,
    number,
    outcome_label,
    pair_sentence,
    pair_words,
    predictor_label,
    q_value,
)
from nts_desktop.core.units import first_upper

Index = QModelIndex | QPersistentModelIndex
# the words next to the names, so they stay readable in a narrow window; the numbers after
HEADERS = ("Predictor", "Outcome", "In words", "ρ [95 % CI]", "Days", "n eff", "q")
COLUMN = {name: i for i, name in enumerate(HEADERS)}


class CorrelationModel(QAbstractTableModel):
    """The correlations of one `stats` run, most convincing first; UserRole is the row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Correlation] = []

    def set_results(self, results: list[Correlation]) -> None:
        self.beginResetModel()
        self.rows = sorted(results, key=evidence_order)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        c = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return c
        if role == Qt.ItemDataRole.ToolTipRole:
            return pair_sentence(c)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= COLUMN["ρ [95 % CI]"]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return (
            first_upper(predictor_label(c.predictor)),
            first_upper(outcome_label(c.outcome)),
            pair_words(c),
            interval(c),
            str(c.n),
            number(c.n_eff, ".0f"),
            q_value(c.q),
        )[index.column()]
