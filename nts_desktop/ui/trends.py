"""The Trends page: the weekly look back (design §8).

The page owns the range bar (week … all, ◀ ▶), computing the chart data off the GUI thread,
the two views — the stacked charts (``ui/trend_charts.py``) and the clinician's sleep diary
chart (``ui/diary_chart.py``) — the hover line and the exports. Clicking a day opens it in
Today.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
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

from . import preferences
from .background import Background
from .context import AppContext, RefreshWhenShown, read_snapshot
from .diary_chart import DiaryChart
from .export_image import Caption, save_png, save_svg
from .file_dialogs import ask_save
from .style import role_label
from .trend_charts import TrendCharts, describe

AskSavePath = Callable[[QWidget, str, str], str | None]
HOVER_HINT = "Point at a day to see its values; click it in the charts to open it in Today."


def _ask_save_path(parent: QWidget, suggested: str, filter_: str) -> str | None:
    return ask_save(parent, "Export", suggested, filter_)


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
        self._opened = False  # the first data moves the range to where nights are
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
        self.charts = TrendCharts()
        self.charts.dayHovered.connect(lambda i: self.hover.setText(self.describe(i)))
        self.charts.dayClicked.connect(lambda i: self.openDate.emit(self.data.date_at(i)))
        self.diary = DiaryChart()
        self.diary.dayHovered.connect(self._diary_hovered)
        self.stack.addWidget(self.charts)
        self.stack.addWidget(self.diary.scroll_area())
        layout.addWidget(self.stack, 1)
        self.hover = role_label("hint", objectName="trend_hover")
        self.hover.setText(HOVER_HINT)
        self.empty = role_label("hint", objectName="trends_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.hover)
        for text, keys, slot in (
            ("Trends: previous range", "Alt+Left", lambda: self.step(-1)),
            ("Trends: next range", "Alt+Right", lambda: self.step(1)),
        ):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)

    def restyle(self) -> None:
        """Follow a theme change: chart colours come from the palette."""
        self.charts.restyle()
        self.diary.update()

    # -- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the chart data in the background from a fresh read of the journal."""
        self._stale = False
        path = self.ctx.journal.path
        today = self.ctx.today()

        def work() -> TrendData | None:
            snap = read_snapshot(path)
            return trend_data(snap.days, snap.nights, snap.settings.preferred_source, through=today)

        self.background.run(work)

    def _computed(self, data: TrendData | None) -> None:
        self.data = data
        if not self._opened and data is not None:
            self._opened = True  # the first data: open on the latest range that holds nights
            start, end = self.visible_range()
            last = data.last_night()
            if last is not None and not data.has_night_between(start, end):
                self.anchor = last
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
        return date_range(self.kind, self.anchor, preferences.week_start(), journal)

    def set_range(self, kind: str) -> None:
        """Show another length of range ending where the shown one ends."""
        self.anchor = self.visible_range()[1]
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
        self.range_label.setText(range_words(start, end))
        self.hover.setText(HOVER_HINT)  # never a day the new range may not show
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
        if not np.any(~np.isnan(data.tst_h[part])):
            self.empty.setText("No nights logged in this range. Use ◀ ▶ or choose a longer range.")
            self.empty.setVisible(True)
        self.charts.set_hour12(preferences.hour12())
        self.charts.draw(data, start, end)

    def describe(self, i: int) -> str:
        """One day's values in words, for the hover line."""
        assert self.data is not None
        return describe(self.data, i, preferences.hour12())

    # -- views and exports -------------------------------------------------------------------
    def _diary_hovered(self, i: int | None) -> None:
        self.hover.setText(self.describe(i) if i is not None else HOVER_HINT)

    def _show_view(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.hover.setText(HOVER_HINT)
        if index == 1:
            self._update_diary()

    def show_diary(self, on: bool = True) -> None:
        self.view_group.button(1 if on else 0).setChecked(True)
        self._show_view(1 if on else 0)

    def _update_diary(self) -> None:
        start, end = self.visible_range()
        self.diary.hour12 = preferences.hour12()
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
        charts = self.stack.currentIndex() == 0
        target = self.charts if charts else self.diary
        caption = Caption(
            "Sleep trends" if charts else "Sleep diary: one row per night, evening to evening",
            f"{range_words(start, end)} · nts-desktop",
            self.charts.legend() if charts else self.diary.legend(),
        )
        try:
            if kind == "png":
                ok = save_png(target, path, caption)
            elif kind == "svg":
                ok = save_svg(target, path, caption)
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


def range_words(start: date, end: date) -> str:
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {end:%B %Y}"
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
