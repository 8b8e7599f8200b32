"""The Insights page: the headline (regular sleep and resilience), regularity cards and the
correlation table for a range (design §8).

Each card shows one measure with a line on what it means and what typical values are. The
table lists every predictor–outcome pair of `stats`, sorted by evidence; selecting a row
draws its scatter plot with a trend line, and pointing at a point lists the days behind it.
The analysis runs off the GUI thread (it imports scipy the first time).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.analysis.card_words import MEASURES, card_values
from nts_desktop.analysis.correlate import Correlation
from nts_desktop.analysis.stats import Stats, compute
from nts_desktop.analysis.words import (
    outcome_label,
    pair_sentence,
    predictor_label,
    readiness,
    value_text,
    with_unit,
)
from nts_desktop.core.units import plural

from . import preferences
from .agreement_panel import AgreementPanel
from .background import Background
from .charts import HoursAxis
from .context import AppContext, RefreshWhenShown, read_snapshot
from .correlation_model import CorrelationModel
from .headline_panel import HeadlinePanel
from .style import role_label
from .theme import OKABE_ITO, chart_colors

import pyqtgraph as pg  # isort: skip

RANGES = {"Last 4 weeks": 28, "Last 3 months": 91, "Last year": 365, "All": None}


class Card(QFrame):
    def __init__(self, key: str, title: str, meaning: str, typical: str):
        super().__init__(objectName=f"card_{key}")
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        heading = role_label("card-title", title)
        self.value = role_label("card-value", "–", objectName=f"card_{key}_value")
        self.detail = role_label("hint", objectName=f"card_{key}_detail")
        self.detail.setVisible(False)
        self.explain = QLabel(meaning)
        self.explain.setWordWrap(True)
        self.hint = role_label("hint", typical, wrap=True)
        for w in (heading, self.value, self.detail, self.explain, self.hint):
            layout.addWidget(w)
        layout.addStretch(1)
        self.setAccessibleName(title)
        self.setToolTip(f"{meaning}\n{typical}")

    def set_compact(self, compact: bool) -> None:
        """On a short window the card keeps its value; what it means moves to its tooltip."""
        self.explain.setVisible(not compact)
        self.hint.setVisible(not compact)


class InsightsPage(RefreshWhenShown, QWidget):
    """Cards and correlations for the chosen range; recomputed when the journal changes."""

    computed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("insights_page")
        self.stats: Stats | None = None
        self.background = Background(self)
        self.background.finished.connect(self._computed)
        self.background.failed.connect(self._failed)
        self._points: list[tuple[float, float, list[date]]] = []
        self._pair: Correlation | None = None  # the pair the scatter shows
        self._build()
        ctx.changed.connect(self._on_changed)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        bar = QHBoxLayout()
        self.range_box = QComboBox(objectName="insights_range")
        self.range_box.addItems(list(RANGES))
        self.range_box.setCurrentText("Last 3 months")
        self.range_box.setAccessibleName("Range of dates")
        self.range_box.currentTextChanged.connect(lambda _t: self.refresh())
        self.status = role_label("hint", objectName="insights_status")
        bar.addWidget(QLabel("Range"))
        bar.addWidget(self.range_box)
        bar.addWidget(self.status, 1)
        outer.addLayout(bar)
        self.headline = HeadlinePanel()
        outer.addWidget(self.headline)

        cards = QGridLayout()
        cards.setSpacing(10)
        self.cards: dict[str, Card] = {}
        for i, measure in enumerate(MEASURES):
            card = Card(measure.key, measure.title, measure.meaning, measure.typical)
            self.cards[measure.key] = card
            cards.addWidget(card, i // 3, i % 3)
        outer.addLayout(cards)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        title = role_label("subtitle", "What goes with better days")
        left_box.addWidget(title)
        self.readiness = role_label("hint", objectName="insights_readiness", wrap=True)
        left_box.addWidget(self.readiness)
        self.model = CorrelationModel(self)
        self.table = QTableView(objectName="insights_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName("Correlations")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_pair(current.row())
        )
        left_box.addWidget(self.table, 1)
        split.addWidget(left)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.sentence = QLabel(objectName="insights_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scatter = pg.PlotWidget(
            axisItems={"bottom": HoursAxis("bottom"), "left": HoursAxis("left")}
        )
        self.scatter.setObjectName("insights_scatter")
        self.scatter.setMenuEnabled(False)
        self.scatter.setMouseEnabled(x=False, y=False)
        self.scatter.hideButtons()
        self.points = pg.ScatterPlotItem(
            size=8, pen=None, brush=pg.mkBrush(OKABE_ITO["blue"] + "b0")
        )
        self.trend = pg.PlotDataItem([], [], pen=pg.mkPen(OKABE_ITO["vermillion"], width=2))
        self.scatter.addItem(self.points)
        self.scatter.addItem(self.trend)
        self.scatter.scene().sigMouseMoved.connect(self._hover_point)
        self.days_label = role_label("hint", objectName="insights_days", wrap=True)
        right_box.addWidget(self.sentence)
        right_box.addWidget(self.scatter, 1)
        right_box.addWidget(self.days_label)
        self.side = QTabWidget(objectName="insights_side")
        self.side.setDocumentMode(True)
        self.side.addTab(right, "The selected link")
        self.agreement = AgreementPanel()
        self.side.addTab(self.agreement, "Diary and device")
        split.addWidget(self.side)
        split.setSizes([700, 360])
        outer.addWidget(split, 1)
        self._style_chart()

    COMPACT_BELOW = 720  # page height (px) under which the cards show only their values

    def resizeEvent(self, event) -> None:
        compact = event.size().height() < self.COMPACT_BELOW
        for card in self.cards.values():
            card.set_compact(compact)
        super().resizeEvent(event)

    def restyle(self) -> None:
        self._style_chart()
        self.agreement.restyle()
        self.headline.restyle()

    def _style_chart(self) -> None:
        colors = chart_colors()
        self.scatter.setBackground(colors["background"])
        for name in ("left", "bottom"):
            axis = self.scatter.getAxis(name)
            axis.setPen(pg.mkPen(colors["foreground"]))
            axis.setTextPen(pg.mkPen(colors["foreground"]))

    # -- computing ---------------------------------------------------------------------------
    def selected_range(self) -> tuple[date | None, date | None]:
        days = RANGES[self.range_box.currentText()]
        if days is None:
            return None, None
        end = self.ctx.today()
        return end - timedelta(days=days - 1), end

    def refresh(self) -> None:
        self._stale = False
        path = self.ctx.journal.path
        start, end = self.selected_range()
        self.status.setText("Computing…")

        def work() -> Stats:
            snap = read_snapshot(path)
            settings = snap.settings
            return compute(
                snap.days,
                snap.nights,
                start,
                end,
                settings.work_weekdays,
                settings.preferred_source,
                settings.free_weekdays,
                naps=snap.naps,
            )

        self.background.run(work)

    def _failed(self, message: str) -> None:
        self.status.setText(f"Could not compute: {message}")

    def _computed(self, stats: Stats) -> None:
        self.stats = stats
        if stats.start is None:
            self.status.setText("Nothing logged yet: cards and links appear as you log.")
        else:
            self.status.setText(f"{stats.start} to {stats.end} · {plural(stats.nights, 'night')}")
        values = card_values(stats, preferences.hour12())
        for key, (text, detail) in values.items():
            self.cards[key].value.setText(text)
            self.cards[key].detail.setText(detail)
            self.cards[key].detail.setVisible(bool(detail))
        self.headline.set_headline(stats.headline)
        self.model.set_results(stats.correlations)
        self.readiness.setText(readiness(stats.correlations))
        self.readiness.setVisible(bool(self.readiness.text()))
        self.agreement.set_results(stats.agreement)
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.show_pair(-1)
        self.computed.emit()

    # -- scatter -----------------------------------------------------------------------------
    def show_pair(self, row: int) -> None:
        """Draw the scatter plot of the pair in ``row`` of the table."""
        self._points = []
        if self.stats is None or not 0 <= row < self.model.rowCount():
            self.points.setData([], [])
            self.trend.setData([], [])
            self.sentence.setText("")
            self.scatter.setVisible(False)
            return
        c = self._pair = self.model.rows[row]
        x = self.stats.series[c.predictor]
        y = self.stats.series[c.outcome]
        both = ~np.isnan(x) & ~np.isnan(y)
        dates = [d for d, keep in zip(self.stats.dates, both, strict=True) if keep]
        xs, ys = x[both], y[both]
        groups: dict[tuple[float, float], list[date]] = {}
        for a, b, d in zip(xs, ys, dates, strict=True):
            groups.setdefault((float(a), float(b)), []).append(d)
        self._points = [(a, b, ds) for (a, b), ds in groups.items()]
        sizes = [6 + 2 * min(len(ds), 8) for _, _, ds in self._points]
        self.points.setData([p[0] for p in self._points], [p[1] for p in self._points], size=sizes)
        self.scatter.setVisible(bool(self._points))  # no empty 0–1 axes before there is data
        if len(xs) >= 2 and np.ptp(xs) > 0:
            slope, intercept = np.polyfit(xs, ys, 1)
            line_x = np.array([xs.min(), xs.max()])
            self.trend.setData(line_x, slope * line_x + intercept)
        else:
            self.trend.setData([], [])
        self.scatter.getAxis("bottom").hours = c.predictor == "tst_h"
        self.scatter.getAxis("left").hours = c.outcome == "tst_h"
        self.scatter.setLabel("bottom", with_unit(predictor_label(c.predictor), c.predictor))
        self.scatter.setLabel("left", with_unit(outcome_label(c.outcome), c.outcome))
        self.sentence.setText(pair_sentence(c))
        self.days_label.setText(
            "Point at a dot to see the days behind it (bigger dots stand for several days)."
        )

    def _hover_point(self, scene_pos: QPointF) -> None:
        if not self._points:
            return
        view = self.scatter.getPlotItem().vb
        if not self.scatter.getPlotItem().sceneBoundingRect().contains(scene_pos):
            return
        pos = view.mapSceneToView(scene_pos)
        (x0, x1), (y0, y1) = view.viewRange()
        sx, sy = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        nearest = min(
            self._points, key=lambda p: ((p[0] - pos.x()) / sx) ** 2 + ((p[1] - pos.y()) / sy) ** 2
        )
        self.days_label.setText(self.describe_point(nearest))

    def describe_point(self, point: tuple[float, float, list[date]]) -> str:
        """The days behind one dot, with the two values in their units."""
        x, y, days = point
        c = self._pair
        assert c is not None
        listed = ", ".join(f"{d:%a} {d.day} {d:%b %Y}" for d in days[:8])
        more = f" and {len(days) - 8} more" if len(days) > 8 else ""
        values = f"{value_text(c.predictor, x)} → {value_text(c.outcome, y)}"
        return f"{values}: {plural(len(days), 'day')}: {listed}{more}"
