"""The first thing on Insights: "Regular sleep and your resilience" (design §5, §8).

The finding in words with its numbers, the most against the least regular third of weeks as
a small chart (each mean with its 95 % interval from resampling whole weeks), whether it
holds for the next days, and what is still needed where there are too few days. The words
come from ``analysis.headline_words``, the same as the first lines of `stats`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nts_desktop.analysis.headline import Headline
from nts_desktop.analysis.headline_words import (
    headline_finding,
    headline_lags,
    headline_thirds,
    headline_title,
)
from nts_desktop.analysis.words import outcome_label

from .style import role_label
from .theme import OKABE_ITO, chart_colors

import pyqtgraph as pg  # isort: skip


class HeadlinePanel(QFrame):
    """The headline of the shown range; ``set_headline(None)`` while nothing is computed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="headline")
        self.setProperty("role", "card")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        text = QVBoxLayout()
        text.setSpacing(3)
        self.title = role_label("subtitle", "Regular sleep and your resilience")
        self.finding = QLabel(objectName="headline_finding")
        self.finding.setWordWrap(True)
        self.thirds = role_label("hint", objectName="headline_thirds", wrap=True)
        self.lags = role_label("hint", objectName="headline_lags", wrap=True)
        for w in (self.title, self.finding, self.thirds, self.lags):
            text.addWidget(w)
        text.addStretch(1)
        row.addLayout(text, 1)
        self.chart = pg.PlotWidget(objectName="headline_chart")
        self.chart.setFixedSize(230, 120)
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(False, False)
        self.chart.hideButtons()
        self.chart.getPlotItem().getAxis("bottom").setTicks(
            [[(0, "least regular"), (1, "most regular")]]
        )
        self.chart.setAccessibleName("Most against least regular third of weeks")
        row.addWidget(self.chart)
        self.restyle()
        self.set_headline(None)

    def restyle(self) -> None:
        colors = chart_colors()
        self.chart.setBackground(colors["background"])
        for name in ("left", "bottom"):
            axis = self.chart.getAxis(name)
            axis.setPen(pg.mkPen(colors["foreground"]))
            axis.setTextPen(pg.mkPen(colors["foreground"]))

    def set_headline(self, h: Headline | None) -> None:
        if h is None:
            self.title.setText("Regular sleep and your resilience")
            self.finding.setText("Computing…")
            for w in (self.thirds, self.lags, self.chart):
                w.setVisible(False)
            return
        self.title.setText(headline_title(h))
        self.finding.setText(headline_finding(h))
        thirds, lags = headline_thirds(h), headline_lags(h)
        self.thirds.setText(thirds)
        self.thirds.setVisible(bool(thirds))
        self.lags.setText(lags)
        self.lags.setVisible(bool(lags))
        self._draw(h)

    def _draw(self, h: Headline) -> None:
        plot = self.chart.getPlotItem()
        plot.clear()
        parts = (h.least_regular, h.most_regular)
        shown = all(t.mean is not None and t.ci95 is not None for t in parts)
        self.chart.setVisible(shown)
        if not shown:
            return
        means = np.array([t.mean for t in parts], dtype=float)
        lows = means - np.array([t.ci95[0] for t in parts])  # type: ignore[index]
        highs = np.array([t.ci95[1] for t in parts]) - means  # type: ignore[index]
        x = np.array([0.0, 1.0])
        colors = (OKABE_ITO["vermillion"], OKABE_ITO["green"])
        plot.addItem(pg.BarGraphItem(x=x, height=means, width=0.55, brushes=list(colors), pen=None))
        fg = chart_colors()["foreground"]
        plot.addItem(
            pg.ErrorBarItem(
                x=x, y=means, bottom=lows, top=highs, beam=0.18, pen=pg.mkPen(fg, width=1.5)
            )
        )
        top = max(t.ci95[1] for t in parts)  # type: ignore[index]
        plot.setYRange(1, max(10.0, top), padding=0.02)
        plot.setXRange(-0.6, 1.6, padding=0)
        plot.getAxis("left").setLabel(outcome_label(h.outcome))
