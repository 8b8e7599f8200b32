"""The Trends page: the weekly look back (design §8).

Stacked charts sharing one date axis: the sleep window per night on a clock axis (in bed
light, asleep dark), total sleep and efficiency with 7-night rolling means, the three day
ratings, and regularity (7-day SRI, night-to-night midsleep shift). Missing nights are gaps.
Hovering shows that day's values; clicking opens the day in Today. The clinician's sleep
diary chart is the second view. The data is computed off the GUI thread; redrawing a range
only slices it and calls ``setData``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from PySide6.QtCore import QLocale, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.analysis.trends import TrendData, trend_data
from nts_desktop.core.ranges import RANGES, date_range, step
from nts_desktop.core.units import clock, hours_minutes

from .charts import Background, ClockAxis, DateAxis, HoursAxis, day_number, save_png, save_svg
from .context import AppContext, RefreshWhenShown, read_snapshot
from .diary_chart import DiaryChart
from .style import role_label
from .theme import SERIES, chart_colors

import pyqtgraph as pg  # isort: skip

AskSavePath = Callable[[QWidget, str, str], str | None]


def _ask_save_path(parent: QWidget, suggested: str, filter_: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export", suggested, filter_)
    return path or None


def _finite(*arrays: np.ndarray) -> np.ndarray:
    mask = np.ones(len(arrays[0]), bool)
    for a in arrays:
        mask &= ~np.isnan(a)
    return mask


class TrendsPage(RefreshWhenShown, QWidget):
    """Charts of the chosen range; ``openDate`` asks the window to show a date in Today."""

    openDate = Signal(object)
    computed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("trends_page")
        self.kind = "week"
        self.anchor = ctx.today()
        self.data: TrendData | None = None
        self.ask_save_path: AskSavePath = _ask_save_path
        self.background = Background(self)
        self.background.finished.connect(self._computed)
        self.background.failed.connect(self._failed)
        self._build()
        ctx.changed.connect(self._on_changed)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        bar = QHBoxLayout()
        self.range_group = QButtonGroup(self)
        for i, kind in enumerate(RANGES):
            button = QPushButton(kind.capitalize(), objectName=f"range_{kind.replace(' ', '_')}")
            button.setCheckable(True)
            button.setProperty("role", "segment")
            button.setAccessibleName(f"Show {kind}")
            self.range_group.addButton(button, i)
            bar.addWidget(button)
        self.range_group.button(0).setChecked(True)
        self.range_group.idClicked.connect(lambda i: self.set_range(RANGES[i]))
        bar.addSpacing(12)
        self.prev_button = QToolButton(text="◀", objectName="trends_prev")
        self.prev_button.setAutoRaise(True)
        self.prev_button.setToolTip("Previous (Alt+←)")
        self.prev_button.setAccessibleName("Previous range")
        self.next_button = QToolButton(text="▶", objectName="trends_next")
        self.next_button.setAutoRaise(True)
        self.next_button.setToolTip("Next (Alt+→)")
        self.next_button.setAccessibleName("Next range")
        self.this_button = QPushButton("This week", objectName="trends_this_week")
        self.range_label = role_label("subtitle", objectName="trends_range_label")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.this_button.clicked.connect(self.this_week)
        for w in (self.prev_button, self.range_label, self.next_button, self.this_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.view_group = QButtonGroup(self)
        for i, name in enumerate(("Charts", "Sleep diary")):
            button = QPushButton(name, objectName=f"view_{name.split()[-1].lower()}")
            button.setCheckable(True)
            button.setProperty("role", "segment")
            self.view_group.addButton(button, i)
            bar.addWidget(button)
        self.view_group.button(0).setChecked(True)
        self.view_group.idClicked.connect(self._show_view)
        self.export_button = QToolButton(text="Export", objectName="trends_export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_png_action = menu.addAction("Chart as PNG…", lambda: self.export("png"))
        self.export_svg_action = menu.addAction("Chart as SVG…", lambda: self.export("svg"))
        self.export_csv_action = menu.addAction("Data as CSV…", lambda: self.export("csv"))
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.stack = QStackedWidget()
        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setObjectName("trends_charts")
        self.charts.setAccessibleName("Trend charts")
        self.diary = DiaryChart()
        self.stack.addWidget(self.charts)
        self.stack.addWidget(self.diary.scroll_area())
        layout.addWidget(self.stack, 1)
        self.hover = role_label("hint", objectName="trend_hover")
        self.hover.setText("Point at a day to see its values; click it to open it in Today.")
        self.empty = role_label("hint", objectName="trends_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.hover)
        self._make_plots()
        for keys, slot in (
            ("Alt+Left", lambda: self.step(-1)),
            ("Alt+Right", lambda: self.step(1)),
        ):
            act = QAction(self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)

    def _make_plots(self) -> None:
        colors = chart_colors()
        self.charts.setBackground(colors["background"])
        pen_fg = pg.mkPen(colors["foreground"])
        self.plots: dict[str, pg.PlotItem] = {}
        ratings_title = " · ".join(
            f"<span style='color:{SERIES[n]}'>■</span> {n}" for n in ("mood", "focus", "resilience")
        )
        self._ratings_title = ratings_title
        rows = (
            ("window", "Sleep window: in bed (faint), asleep (solid)", 3),
            ("tst", "Total sleep, thick: 7-night mean", 2),
            ("se", "Efficiency (%), thick: 7-night mean", 2),
            ("ratings", ratings_title, 2),
            ("sri", "Regularity: 7-day Sleep Regularity Index", 2),
            ("shift", "Midsleep shift from the night before, either way (min)", 2),
        )
        for row, (key, title, stretch) in enumerate(rows):
            axes = {"bottom": DateAxis("bottom")}
            if key == "window":
                axes["left"] = ClockAxis("left")
            elif key == "tst":
                axes["left"] = HoursAxis("left")
            plot = self.charts.addPlot(row=row, col=0, axisItems=axes)
            self.charts.ci.layout.setRowStretchFactor(row, stretch)
            plot.setTitle(title, color=colors["foreground"], size="9pt", justify="left")
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

        def curve(
            key: str,
            color: str,
            width: float = 1.5,
            symbol: str | None = "o",
            name: str | None = None,
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

        self.tst_curve = curve("tst", SERIES["tst"], 1, "o")
        self.tst_mean = curve("tst", SERIES["tst"], 3, None)
        self.se_curve = curve("se", SERIES["se"], 1, "o")
        self.se_mean = curve("se", SERIES["se"], 3, None)
        self.rating_curves = {
            name: curve("ratings", SERIES[name], 1.5, "o", name)
            for name in ("mood", "focus", "resilience")
        }
        self.plots["ratings"].setYRange(1, 10, padding=0.05)
        self.plots["ratings"].getAxis("left").setTicks([[(v, str(v)) for v in (1, 4, 7, 10)]])
        self.sri_curve = curve("sri", SERIES["sri"], 2, "o")
        self.shift_bars = pg.BarGraphItem(
            x=[], height=[], width=0.5, pen=None, brush=SERIES["shift"]
        )
        self.plots["shift"].addItem(self.shift_bars)
        self.cursors = []
        for plot in self.plots.values():
            line = pg.InfiniteLine(
                angle=90, movable=False, pen=pg.mkPen(colors["muted"], style=Qt.PenStyle.DashLine)
            )
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
        scene = self.charts.scene()
        scene.sigMouseMoved.connect(self._mouse_moved)
        scene.sigMouseClicked.connect(self._mouse_clicked)

    def restyle(self) -> None:
        """Follow a theme change: chart colours come from the palette."""
        colors = chart_colors()
        self.charts.setBackground(colors["background"])
        pen = pg.mkPen(colors["foreground"])
        for plot in self.plots.values():
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(pen)
                plot.getAxis(name).setTextPen(pen)
            title = plot.titleLabel.text
            plot.setTitle(title, color=colors["foreground"], size="9pt", justify="left")
        self.in_bed.setOpts(brush=colors["in_bed"])
        self.asleep.setOpts(brush=colors["asleep"])
        for line in self.cursors:
            line.setPen(pg.mkPen(colors["muted"], style=Qt.PenStyle.DashLine))
        self.diary.update()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the chart data in the background from a fresh read of the journal."""
        self._stale = False
        path = self.ctx.journal.path
        today = self.ctx.today()

        def work() -> TrendData | None:
            days, nights, settings = read_snapshot(path)
            return trend_data(days, nights, settings.preferred_source, through=today)

        self.background.run(work)

    def _computed(self, data: TrendData | None) -> None:
        self.data = data
        self.redraw()
        self.computed.emit()

    def _failed(self, message: str) -> None:
        self.empty.setText(f"The charts could not be computed: {message}")
        self.empty.setVisible(True)

    # -- ranges ------------------------------------------------------------------------------
    def visible_range(self) -> tuple[date, date]:
        journal = None
        if self.data is not None and self.data.n:
            journal = (self.data.first, self.data.date_at(self.data.n - 1))
        first_weekday = QLocale().firstDayOfWeek().value % 7  # Qt: Monday 1 … Sunday 7
        return date_range(self.kind, self.anchor, (first_weekday - 1) % 7, journal)

    def set_range(self, kind: str) -> None:
        self.kind = kind
        self.range_group.button(RANGES.index(kind)).setChecked(True)
        self.redraw()

    def step(self, direction: int) -> None:
        self.anchor = step(self.kind, self.anchor, direction)
        self.redraw()

    def this_week(self) -> None:
        self.anchor = self.ctx.today()
        self.redraw()

    # -- drawing -----------------------------------------------------------------------------
    def redraw(self) -> None:
        start, end = self.visible_range()
        self.range_label.setText(_range_words(start, end))
        self.prev_button.setEnabled(self.kind != "all")
        self.next_button.setEnabled(self.kind != "all")
        data = self.data
        has_data = data is not None and data.n > 0
        self.empty.setVisible(not has_data)
        self.stack.setVisible(has_data)
        if self.stack.currentIndex() == 1:
            self._update_diary()  # the diary view follows the range and the data too
        if not has_data:
            self.empty.setText(
                "Nothing to chart yet. Log a few mornings on the Today page "
                "(or import a diary) and your trends appear here."
            )
            return
        assert data is not None
        part = data.span(start, end)
        x = data.x[part]
        logged = int(np.sum(~np.isnan(data.tst_h[part])))
        if logged == 0:
            self.empty.setText("No nights logged in this range. Use ◀ ▶ or choose a longer range.")
            self.empty.setVisible(True)
        self._set_bars(self.in_bed, x, data.bedtime[part], data.out_of_bed[part])
        self._set_bars(self.asleep, x, data.onset[part], data.final_wake[part])
        self._set_curve(self.tst_curve, x, data.tst_h[part])
        self._set_curve(self.tst_mean, x, data.tst_mean7[part])
        self._set_curve(self.se_curve, x, data.se[part])
        self._set_curve(self.se_mean, x, data.se_mean7[part])
        dense = end - start > timedelta(days=120)
        for name, item in self.rating_curves.items():
            # over months, daily ratings tangle into noise: show their 7-day means instead
            series = getattr(data, f"{name}_mean7" if dense else name)
            self._set_curve(item, x, series[part])
        self.plots["ratings"].setTitle(
            self._ratings_title + (" (7-day means)" if dense else ""),
            color=chart_colors()["foreground"],
            size="9pt",
            justify="left",
        )
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
    def _day_at(self, scene_pos: QPointF) -> int | None:
        if self.data is None:
            return None
        for plot in self.plots.values():
            if plot.sceneBoundingRect().contains(scene_pos):
                x = plot.vb.mapSceneToView(scene_pos).x()
                i = int(round(x - self.data.x[0]))
                start, end = self.visible_range()
                if 0 <= i < self.data.n and start <= self.data.date_at(i) <= end:
                    return i
        return None

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        i = self._day_at(scene_pos)
        for line in self.cursors:
            line.setVisible(i is not None)
            if i is not None:
                line.setValue(self.data.x[i])  # type: ignore[union-attr]
        if i is not None:
            self.hover.setText(self.describe(i))

    def _mouse_clicked(self, event) -> None:
        i = self._day_at(event.scenePos())
        if i is not None and self.data is not None:
            self.openDate.emit(self.data.date_at(i))

    def describe(self, i: int) -> str:
        """One day's values in words, for the hover line."""
        d = self.data
        assert d is not None
        when = d.date_at(i)
        parts = [f"{when:%a} {when.day} {when:%b %Y}"]
        if np.isnan(d.tst_h[i]):
            parts.append("no night logged")
        else:
            parts.append(f"bed {clock(d.bedtime[i])}–{clock(d.out_of_bed[i])}")
            parts.append(f"asleep {hours_minutes(d.tst_h[i] * 60)}")
            parts.append(f"efficiency {d.se[i]:.0f} %")
        for name in ("mood", "focus", "resilience"):
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

    # -- views and exports -------------------------------------------------------------------
    def _show_view(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.hover.setVisible(index == 0)
        if index == 1:
            self._update_diary()

    def show_diary(self, on: bool = True) -> None:
        self.view_group.button(1 if on else 0).setChecked(True)
        self._show_view(1 if on else 0)

    def _update_diary(self) -> None:
        start, end = self.visible_range()
        self.diary.set_data(self.data, start, end)

    def export(self, kind: str) -> str | None:
        """Export the visible chart (png, svg) or its data (csv); returns the path written."""
        start, end = self.visible_range()
        stem = f"sleep-{self.kind.replace(' ', '')}-{start}-{end}"
        filters = {
            "png": "PNG images (*.png)",
            "svg": "SVG images (*.svg)",
            "csv": "CSV files (*.csv)",
        }
        path = self.ask_save_path(self, f"{stem}.{kind}", filters[kind])
        if not path:
            return None
        target = self.charts if self.stack.currentIndex() == 0 else self.diary
        try:
            if kind == "png":
                ok = save_png(target, path)
            elif kind == "svg":
                ok = save_svg(target, path, f"nts-desktop {self.kind} {start} to {end}")
            else:
                from nts_desktop.io.csv_export import write_atomically

                if self.data is None:
                    return None
                write_atomically(path, self.data.csv_bytes(start, end))
                ok = True
        except OSError as exc:
            ok, reason = False, exc.strerror or str(exc)
        else:
            reason = "the file could not be written"
        self.ctx.notify(
            f"Exported {Path(path).name}." if ok else f"Could not export {path}: {reason}."
        )
        return path if ok else None


def _range_words(start: date, end: date) -> str:
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%B %Y}"
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
