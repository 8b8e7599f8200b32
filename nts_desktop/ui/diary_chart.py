"""The sleep diary chart, the clinician's view: one row per night on an 18:00 → 18:00 axis
(optionally double-plotted over 48 h), time in bed light, asleep dark, awakenings marked.

Painted with QPainter so it stays crisp at any scaling and renders straight into PNG or SVG.
The awakenings are marked as ticks spread evenly over the sleep period, with the count, since
the diary records how many there were, not when.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.analysis.trends import TrendData

from .style import role_label
from .theme import chart_colors

AXIS_START = -360  # 18:00 the evening before, in anchored minutes
DAY = 1440
ROW = 20
TOP = 30
LEFT = 96
RIGHT = 16


class DiaryChart(QWidget):
    """Rows of nights for a date range; ``double_plot`` shows each row over 48 hours.
    Pointing at a row emits ``dayHovered`` with its index into the data (None elsewhere)."""

    dayHovered = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setObjectName("diary_chart")
        self.setAccessibleName("Sleep diary chart")
        self.data: TrendData | None = None
        self.start: date | None = None
        self.end: date | None = None
        self.double_plot = False
        self.hour12 = False  # hour labels as 6 PM rather than 18
        self.setMinimumWidth(480)

    def scroll_area(self) -> QWidget:
        """The chart in a scroll area, under a bar with the double-plot switch and a key."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.double_box = QCheckBox("Double-plot (48 h per row)", objectName="diary_double")
        self.double_box.toggled.connect(self.set_double_plot)
        key = role_label(
            "hint",
            "Faint bar: in bed · solid bar: asleep · white ticks: awakenings (count at the "
            "right) · each row runs from one evening to the next",
        )
        bar.addWidget(self.double_box)
        bar.addSpacing(16)
        bar.addWidget(key, 1)
        layout.addLayout(bar)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self)
        layout.addWidget(area, 1)
        return box

    def set_double_plot(self, on: bool) -> None:
        self.double_plot = on
        self.update()

    def set_data(self, data: TrendData | None, start: date, end: date) -> None:
        self.data, self.start, self.end = data, start, end
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def legend(self) -> tuple[tuple[str, str], ...]:
        """What each colour means, for an exported picture."""
        colors = chart_colors()
        return (
            (colors["in_bed"], "in bed"),
            (colors["asleep"], "asleep (white ticks: awakenings, their count at the right)"),
        )

    def row_at(self, y: float) -> int | None:
        """The data index of the row at height ``y`` (None above or below the rows)."""
        rows = self.rows()
        row = int((y - TOP) // ROW) if y >= TOP else -1
        if not 0 <= row < len(rows) or self.data is None or not 0 <= rows[row] < self.data.n:
            return None
        return rows[row]

    def mouseMoveEvent(self, event) -> None:
        self.dayHovered.emit(self.row_at(event.position().y()))
        super().mouseMoveEvent(event)

    def rows(self) -> list[int]:
        """Indices into the data of the dates shown, oldest first (may lie outside the data)."""
        if self.start is None or self.end is None or self.data is None:
            return []
        first = self.data.index_of(self.start)
        return list(range(first, first + (self.end - self.start).days + 1))

    def sizeHint(self) -> QSize:
        return QSize(900, TOP + ROW * max(len(self.rows()), 1) + 12)

    def span_minutes(self) -> int:
        return 2 * DAY if self.double_plot else DAY

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, event.rect())
        finally:
            painter.end()

    def paint(self, painter: QPainter, area: QRect | None = None) -> None:
        """Draw the chart; only the rows inside ``area`` (a 10-year diary is 70 000 px tall)."""
        colors = chart_colors()
        palette = QApplication.palette()
        painter.fillRect(self.rect(), QColor(colors["background"]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text = QColor(colors["foreground"])
        muted = QColor(colors["muted"])
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        width = self.width() - LEFT - RIGHT - 28
        span = self.span_minutes()

        def x_of(minutes: float) -> float:
            return LEFT + (minutes - AXIS_START) / span * width

        # hour axis and grid
        painter.setPen(text)
        for h in range(0, span // 60 + 1, 3):
            minutes = AXIS_START + h * 60
            x = x_of(minutes)
            painter.setPen(
                QPen(grid, 1, Qt.PenStyle.DotLine if (minutes % DAY) else Qt.PenStyle.SolidLine)
            )
            painter.drawLine(int(x), TOP - 4, int(x), self.height() - 8)
            painter.setPen(text)
            hour = (minutes // 60) % 24
            label = f"{hour:02d}"
            if self.hour12:
                label = f"{hour % 12 or 12} {'AM' if hour < 12 else 'PM'}"
            painter.drawText(QRectF(x - 28, 4, 56, TOP - 10), Qt.AlignmentFlag.AlignCenter, label)
        data = self.data
        if data is None:
            return
        light, dark = QColor(colors["in_bed"]), QColor(colors["asleep"])
        white = QColor("#ffffff")
        rows = self.rows()
        first, last = 0, len(rows)
        if area is not None:
            first = max(0, (area.top() - TOP) // ROW)
            last = min(len(rows), (area.bottom() - TOP) // ROW + 1)
        for row in range(first, last):
            i = rows[row]
            y = TOP + row * ROW
            when = data.date_at(i)
            painter.setPen(text if 0 <= i < data.n and data.has_day[i] else muted)
            painter.drawText(
                QRectF(6, y, LEFT - 10, ROW),
                Qt.AlignmentFlag.AlignVCenter,
                f"{when:%a} {when.day:2d} {when:%b}",
            )
            for offset, j in ((0, i), (DAY, i + 1)) if self.double_plot else ((0, i),):
                self._night(painter, data, j, offset, y, x_of, light, dark, white)
            if 0 <= i < data.n and not np.isnan(data.awakenings[i]) and data.awakenings[i]:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(self.width() - RIGHT - 26, y, 26, ROW),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                    f"×{int(data.awakenings[i])}",
                )

    @staticmethod
    def _night(
        painter: QPainter,
        data: TrendData,
        i: int,
        offset: int,
        y: int,
        x_of,
        light: QColor,
        dark: QColor,
        white: QColor,
    ) -> None:
        if not 0 <= i < data.n or np.isnan(data.bedtime[i]):
            return
        a, b = x_of(data.bedtime[i] + offset), x_of(data.out_of_bed[i] + offset)
        painter.fillRect(QRectF(a, y + 4, max(b - a, 1), ROW - 8), light)
        s, e = x_of(data.onset[i] + offset), x_of(data.final_wake[i] + offset)
        painter.fillRect(QRectF(s, y + 3, max(e - s, 1), ROW - 6), dark)
        count = 0 if np.isnan(data.awakenings[i]) else int(data.awakenings[i])
        painter.setPen(QPen(white, 1.5))
        for k in range(1, count + 1):
            x = s + (e - s) * k / (count + 1)
            painter.drawLine(int(x), y + 5, int(x), y + ROW - 5)
