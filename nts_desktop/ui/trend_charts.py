"""The stacked charts of the Trends page: building them, drawing a range, restyling, hover.

Six plots share one date axis: the sleep window per night on a clock axis (in bed faint,
asleep solid), total sleep and efficiency with their 7-night means, the three day ratings,
the 7-day SRI and the night-to-night midsleep shift. Each chart item is created once and
drawing a range only slices ``TrendData`` and calls ``setData`` (missing nights stay gaps).
Pointing at a day emits ``dayHovered``; clicking it emits ``dayClicked``.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal

from nts_desktop.analysis.card_words import NEEDS
from nts_desktop.analysis.trends import TrendData
from nts_desktop.core.units import clock, hours_minutes

from .charts import ClockAxis, DateAxis, HoursAxis, day_number
from .theme import SERIES, chart_colors

import pyqtgraph as pg  # isort: skip

RATING_NAMES = ("mood", "focus", "resilience")
DENSE = timedelta(days=120)  # over longer ranges daily ratings tangle: draw 7-day means
# A value axis never spans less than this, so a small change does not fill a panel; and it
# stays within what the measure can be.
MIN_SPAN = {"tst": 2.0, "se": 20.0, "sri": 20.0, "shift": 60.0}
BOUNDS = {"tst": (0.0, 24.0), "se": (0.0, 100.0), "sri": (-100.0, 100.0), "shift": (0.0, 1440.0)}
EMPTY = {  # what a panel says when the range has nothing to draw in it
    "window": "No nights logged in this range",
    "tst": "No nights logged in this range",
    "se": "No nights logged in this range",
    "ratings": "No ratings in this range",
    "sri": NEEDS["sri_7d"][0].upper() + NEEDS["sri_7d"][1:],
    "shift": NEEDS["shift"][0].upper() + NEEDS["shift"][1:],
}


def _finite(*arrays: np.ndarray) -> np.ndarray:
    mask = np.ones(len(arrays[0]), bool)
    for a in arrays:
        mask &= ~np.isnan(a)
    return mask


def _title(plot: pg.PlotItem, text: str) -> None:
    plot.setTitle(text, color=chart_colors()["foreground"], size="9pt", justify="left")


class TrendCharts(pg.GraphicsLayoutWidget):
    """The Trends charts. ``draw(data, start, end)`` shows a range; hover and click report
    the index of the day under the mouse (within the shown range only)."""

    dayHovered = Signal(object)  # index into the data, or None
    dayClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trends_charts")
        self.setAccessibleName("Trend charts")
        self.data: TrendData | None = None
        self.start: date | None = None
        self.end: date | None = None
        self._make_plots()
        scene = self.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)

    # -- construction ------------------------------------------------------------------------
    def _make_plots(self) -> None:
        colors = chart_colors()
        self.setBackground(colors["background"])
        pen_fg = pg.mkPen(colors["foreground"])
        self.plots: dict[str, pg.PlotItem] = {}
        self._ratings_title = " · ".join(
            f"<span style='color:{SERIES[n]}'>■</span> {n}" for n in RATING_NAMES
        )
        rows = (
            ("window", "Sleep window: in bed (faint), asleep (solid)", 3),
            ("tst", "Total sleep, thick: 7-night mean", 2),
            ("se", "Efficiency (%), thick: 7-night mean", 2),
            ("ratings", self._ratings_title, 2),
            ("sri", "Regularity: 7-day Sleep Regularity Index", 2),
            ("shift", "Midsleep shift from the night before, either way (min)", 2),
        )
        for row, (key, title, stretch) in enumerate(rows):
            axes = {"bottom": DateAxis("bottom")}
            if key == "window":
                axes["left"] = ClockAxis("left")
            elif key == "tst":
                axes["left"] = HoursAxis("left")
            plot = self.addPlot(row=row, col=0, axisItems=axes)
            self.ci.layout.setRowStretchFactor(row, stretch)
            _title(plot, title)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(x=True, y=True, alpha=0.15)
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(pen_fg)
                plot.getAxis(name).setTextPen(pen_fg)
            plot.getAxis("left").setWidth(52)
            if row < len(rows) - 1:
                plot.getAxis("bottom").setStyle(showValues=False)
                plot.getAxis("bottom").setHeight(4)
            if row:
                plot.setXLink(self.plots["window"])
            self.plots[key] = plot
        self.plots["window"].invertY(True)
        self.in_bed = pg.BarGraphItem(
            x=[], y0=[], height=[], width=0.6, pen=None, brush=colors["in_bed"]
        )
        self.asleep = pg.BarGraphItem(
            x=[], y0=[], height=[], width=0.4, pen=None, brush=colors["asleep"]
        )
        self.plots["window"].addItem(self.in_bed)
        self.plots["window"].addItem(self.asleep)
        self.tst_curve = self._curve("tst", SERIES["tst"], 1, "o")
        self.tst_mean = self._curve("tst", SERIES["tst"], 3, None)
        self.se_curve = self._curve("se", SERIES["se"], 1, "o")
        self.se_mean = self._curve("se", SERIES["se"], 3, None)
        self.rating_curves = {
            name: self._curve("ratings", SERIES[name], 1.5, "o", name) for name in RATING_NAMES
        }
        self.plots["ratings"].setYRange(1, 10, padding=0.12)  # room for the 1 and 10 labels
        self.plots["ratings"].getAxis("left").setTicks([[(v, str(v)) for v in (1, 4, 7, 10)]])
        self.sri_curve = self._curve("sri", SERIES["sri"], 2, "o")
        self.shift_bars = pg.BarGraphItem(
            x=[], height=[], width=0.5, pen=None, brush=SERIES["shift"]
        )
        self.plots["shift"].addItem(self.shift_bars)
        self.notes: dict[str, pg.TextItem] = {}
        for key, plot in self.plots.items():
            note = pg.TextItem(EMPTY[key], color=colors["muted"], anchor=(0.5, 0.5))
            note.setVisible(False)
            plot.addItem(note, ignoreBounds=True)
            self.notes[key] = note
        self.cursors = []
        for plot in self.plots.values():
            line = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen(colors["muted"], style=Qt.PenStyle.DashLine)
            )
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
            self.cursors.append(line)

    def _curve(
        self, key: str, color: str, width: float, symbol: str | None, name: str | None = None
    ) -> pg.PlotDataItem:
        item = pg.PlotDataItem(
            [],
            [],
            pen=pg.mkPen(color, width=width),
            symbol=symbol,
            symbolSize=5,
            symbolBrush=color,
            symbolPen=None,
            connect="finite",
            name=name,
        )
        self.plots[key].addItem(item)
        return item

    def set_hour12(self, on: bool) -> None:
        """Show the sleep window's clock axis as ``11 PM`` (True) or ``23:00``."""
        self.plots["window"].getAxis("left").set_hour12(on)

    def restyle(self) -> None:
        """Follow a theme change: chart colours come from the palette."""
        colors = chart_colors()
        self.setBackground(colors["background"])
        pen = pg.mkPen(colors["foreground"])
        for plot in self.plots.values():
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(pen)
                plot.getAxis(name).setTextPen(pen)
            _title(plot, plot.titleLabel.text)
        self.in_bed.setOpts(brush=colors["in_bed"])
        self.asleep.setOpts(brush=colors["asleep"])
        for line in self.cursors:
            line.setPen(pg.mkPen(colors["muted"], style=Qt.PenStyle.DashLine))
        for note in self.notes.values():
            note.setColor(colors["muted"])

    def legend(self) -> tuple[tuple[str, str], ...]:
        """What each colour means, for an exported picture."""
        colors = chart_colors()
        return (
            (colors["in_bed"], "in bed"),
            (colors["asleep"], "asleep"),
            (SERIES["tst"], "total sleep"),
            (SERIES["se"], "efficiency"),
            *((SERIES[name], name) for name in RATING_NAMES),
            (SERIES["sri"], "7-day SRI"),
            (SERIES["shift"], "midsleep shift"),
        )

    # -- drawing -----------------------------------------------------------------------------
    def draw(self, data: TrendData, start: date, end: date) -> None:
        """Show the dates ``start``…``end`` of ``data``."""
        self.data, self.start, self.end = data, start, end
        for line in self.cursors:
            line.setVisible(False)  # the pointer's day may not be in the new range
        part = data.span(start, end)
        x = data.x[part]
        self._set_bars(self.in_bed, x, data.bedtime[part], data.out_of_bed[part])
        self._set_bars(self.asleep, x, data.onset[part], data.final_wake[part])
        self._set_curve(self.tst_curve, x, data.tst_h[part])
        self._set_curve(self.tst_mean, x, data.tst_mean7[part])
        self._set_curve(self.se_curve, x, data.se[part])
        self._set_curve(self.se_mean, x, data.se_mean7[part])
        dense = end - start > DENSE
        for name, item in self.rating_curves.items():
            series = getattr(data, f"{name}_mean7" if dense else name)
            self._set_curve(item, x, series[part])
        _title(self.plots["ratings"], self._ratings_title + (" (7-day means)" if dense else ""))
        for item, key in ((self.tst_curve, "tst"), (self.se_curve, "se")):
            item.setPen(pg.mkPen(SERIES[key] + ("55" if dense else "ff"), width=1))
        self._set_curve(self.sri_curve, x, data.sri_7d[part])
        ok = _finite(data.midsleep_shift[part])
        self.shift_bars.setOpts(x=x[ok], height=data.midsleep_shift[part][ok], y0=0)
        for item in (self.tst_curve, self.se_curve, self.sri_curve, *self.rating_curves.values()):
            item.setSymbol(None if dense else "o")
        lo, hi = day_number(start) - 0.6, day_number(end) + 0.6
        self.plots["window"].setXRange(lo, hi, padding=0)
        self._fit_window_axis(data, part)
        ratings = [getattr(data, name)[part] for name in RATING_NAMES]
        for key, series in (
            ("window", [data.tst_h[part]]),
            ("tst", [data.tst_h[part], data.tst_mean7[part]]),
            ("se", [data.se[part], data.se_mean7[part]]),
            ("ratings", ratings),
            ("sri", [data.sri_7d[part]]),
            ("shift", [data.midsleep_shift[part]]),
        ):
            self._fit_values(key, series, (lo + hi) / 2)

    def _fit_values(self, key: str, series: list[np.ndarray], x_mid: float) -> None:
        """A value axis spanning at least its minimum, or a note saying what is missing."""
        plot = self.plots[key]
        values = np.concatenate([a[~np.isnan(a)] for a in series])
        empty = len(values) == 0
        self.notes[key].setVisible(empty)
        plot.getAxis("left").setStyle(showValues=not empty)
        if key in ("window", "ratings") and not empty:
            return  # the clock and rating axes have their own fixed spans
        if empty:
            y_lo, y_hi = plot.vb.viewRange()[1]
            self.notes[key].setPos(x_mid, (y_lo + y_hi) / 2)
            return
        low, high = float(values.min()), float(values.max())
        if key == "shift":
            low = 0.0  # bars stand on zero
        span = max(high - low, MIN_SPAN[key])
        floor, ceiling = BOUNDS[key]
        y_lo = min(max((low + high - span) / 2, floor), ceiling - span)
        plot.setYRange(y_lo, y_lo + span, padding=0.08)

    @staticmethod
    def _set_bars(item: pg.BarGraphItem, x: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
        ok = _finite(a, b)
        item.setOpts(x=x[ok], y0=a[ok], height=(b - a)[ok])

    @staticmethod
    def _set_curve(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
        if not np.any(~np.isnan(y)):
            item.setData([], [])  # all gaps: pyqtgraph would warn on an all-NaN range
            return
        item.setData(x, y, connect="finite")

    def _fit_window_axis(self, data: TrendData, part: slice) -> None:
        low = np.nanmin(data.bedtime[part]) if np.any(~np.isnan(data.bedtime[part])) else -120
        high = np.nanmax(data.out_of_bed[part]) if np.any(~np.isnan(data.out_of_bed[part])) else 480
        self.plots["window"].setYRange(min(low, -120) - 30, max(high, 480) + 30, padding=0)

    # -- hover and click ---------------------------------------------------------------------
    def day_at(self, scene_pos: QPointF) -> int | None:
        """The index of the shown day under ``scene_pos`` (None outside the range)."""
        if self.data is None or self.start is None or self.end is None:
            return None
        for plot in self.plots.values():
            if plot.sceneBoundingRect().contains(scene_pos):
                x = plot.vb.mapSceneToView(scene_pos).x()
                i = int(round(x - self.data.x[0]))
                if 0 <= i < self.data.n and self.start <= self.data.date_at(i) <= self.end:
                    return i
        return None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        i = self.day_at(scene_pos)
        for line in self.cursors:
            line.setVisible(i is not None)
            if i is not None:
                line.setValue(self.data.x[i])  # type: ignore[union-attr]
        if i is not None:
            self.dayHovered.emit(i)

    def _mouse_clicked(self, event) -> None:
        i = self.day_at(event.scenePos())
        if i is not None:
            self.dayClicked.emit(i)


def describe(d: TrendData, i: int, hour12: bool = False) -> str:
    """One day's values in words, for the hover line (times as ``11:30 PM`` with ``hour12``)."""
    when = d.date_at(i)
    parts = [f"{when:%a} {when.day} {when:%b %Y}"]
    if np.isnan(d.tst_h[i]):
        parts.append("no night logged")
    else:
        parts.append(f"bed {clock(d.bedtime[i], hour12)}–{clock(d.out_of_bed[i], hour12)}")
        parts.append(f"asleep {hours_minutes(d.tst_h[i] * 60)}")
        parts.append(f"efficiency {d.se[i]:.0f} %")
    for name in RATING_NAMES:
        value = getattr(d, name)[i]
        if not np.isnan(value):
            parts.append(f"{name} {value:.0f}")
    if not np.isnan(d.sri_7d[i]):
        parts.append(f"7-day SRI {d.sri_7d[i]:.0f}")
    if not np.isnan(d.midsleep_shift[i]):
        parts.append(f"midsleep shift {d.midsleep_shift[i]:.0f} min")
    if d.notes[i]:
        parts.append(f"“{d.notes[i]}”")
    return "  ·  ".join(parts)
