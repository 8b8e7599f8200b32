"""The sleep diary chart of the report: one row per night on an 18:00 → 18:00 axis (48 h
when double-plotted), drawn as vectors in print greys, with its legend.

The window's chart (``ui/diary_chart.py``) follows the theme; paper does not, so this one
draws its own: light grey for time in bed, near-black for asleep, white ticks for the
awakenings (their count at the right), and rows without a night say why.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from nts_desktop.analysis.trends import TrendData

from .pages import GREY, INK, RULE, font, wrapped

AXIS_START = -360  # 18:00 the evening before, in anchored minutes
DAY = 1440
LABEL_W = 64
COUNT_W = 22
IN_BED = QColor("#c4c4c4")
ASLEEP = QColor("#262626")
LEGEND_H = 48  # the legend's four lines, below the title
MAX_ROW = 26.0
MIN_ROW = 11.0

HourLabel = Callable[[int], str]  # hour of day 0–23 -> axis text


def hour24(hour: int) -> str:
    return f"{hour:02d}:00"


def rows_per_page(height: float, count: int) -> tuple[int, float]:
    """How many rows go on each page of ``height`` points (spread evenly over the pages a
    period needs), and their height."""
    usable = height - 20 - LEGEND_H - 16
    most = max(1, int(usable // MIN_ROW))
    pages = math.ceil(max(count, 1) / most)
    per_page = math.ceil(max(count, 1) / pages)
    return per_page, max(MIN_ROW, min(MAX_ROW, usable / per_page))


def chart_pages(height: float, start: date, end: date) -> int:
    count = (end - start).days + 1
    per_page, _row = rows_per_page(height, count)
    return math.ceil(count / per_page)


def draw_chart(
    painter: QPainter,
    rect: QRectF,
    data: TrendData | None,
    dates: list[date],
    row_h: float,
    double_plot: bool,
    device_dates: set[date],
    hour_label: HourLabel = hour24,
    part: str = "",
) -> None:
    """The rows for ``dates`` in ``rect``, with the title, legend and hour axis."""
    painter.setPen(INK)
    painter.setFont(font(10, bold=True))
    title = "Sleep diary chart" + (f" ({part})" if part else "")
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), 16),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    _legend(painter, rect.left(), rect.top() + 22, rect.width(), double_plot, hour_label(18))
    span = 2 * DAY if double_plot else DAY
    left = rect.left() + LABEL_W
    width = rect.width() - LABEL_W - COUNT_W
    top = rect.top() + 20 + LEGEND_H + 16  # title, legend, hour labels

    def x_of(minutes: float) -> float:
        return left + (minutes - AXIS_START) / span * width

    bottom = top + row_h * len(dates)
    with_year = dates[0].year != dates[-1].year  # rows across New Year say which year
    step = 6 if double_plot else 3
    painter.setFont(font(7))
    for h in range(0, span // 60 + 1, step):
        minutes = AXIS_START + h * 60
        x = x_of(minutes)
        solid = minutes % DAY == 0
        painter.setPen(QPen(RULE, 0.5, Qt.PenStyle.SolidLine if solid else Qt.PenStyle.DotLine))
        painter.drawLine(x, top - 3, x, bottom)
        painter.setPen(INK)
        painter.drawText(
            QRectF(x - 24, top - 16, 48, 12),
            Qt.AlignmentFlag.AlignCenter,
            hour_label((minutes // 60) % 24),
        )
    for row, when in enumerate(dates):
        y = top + row * row_h
        i = data.index_of(when) if data is not None else -1
        logged = data is not None and 0 <= i < data.n and bool(data.has_day[i])
        has_night = data is not None and 0 <= i < data.n and not np.isnan(data.bedtime[i])
        painter.setPen(INK if logged or has_night else GREY)
        painter.setFont(font(7.5))
        mark = "†" if when in device_dates else ""
        year = f" {when:%y}" if with_year else ""
        painter.drawText(
            QRectF(rect.left(), y, LABEL_W - 4, row_h),
            Qt.AlignmentFlag.AlignVCenter,
            f"{when:%a} {when.day} {when:%b}{year}{mark}",
        )
        painter.setPen(QPen(RULE, 0.3))
        painter.drawLine(left, y + row_h, left + width, y + row_h)
        if data is None:
            continue
        for offset, j in ((0, i), (DAY, i + 1)) if double_plot else ((0, i),):
            _night(painter, data, j, offset, y, row_h, x_of)
        if not has_night:
            painter.setPen(GREY)
            painter.setFont(font(6.5, italic=True))
            painter.drawText(
                QRectF(left + 4, y, width / 2, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                "no night" if logged else "not logged",
            )
        elif not np.isnan(data.awakenings[i]) and data.awakenings[i]:
            painter.setPen(GREY)
            painter.setFont(font(7))
            painter.drawText(
                QRectF(left + width, y, COUNT_W, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                f"×{int(data.awakenings[i])}",
            )


def _night(painter: QPainter, data: TrendData, i: int, offset: int, y: float, row_h: float, x_of):
    if not 0 <= i < data.n or np.isnan(data.bedtime[i]):
        return
    pad = max(2.0, row_h * 0.18)
    a, b = x_of(data.bedtime[i] + offset), x_of(data.out_of_bed[i] + offset)
    painter.fillRect(QRectF(a, y + pad, max(b - a, 0.5), row_h - 2 * pad), IN_BED)
    s, e = x_of(data.onset[i] + offset), x_of(data.final_wake[i] + offset)
    painter.fillRect(QRectF(s, y + pad - 1, max(e - s, 0.5), row_h - 2 * pad + 2), ASLEEP)
    count = 0 if np.isnan(data.awakenings[i]) else int(data.awakenings[i])
    painter.setPen(QPen(QColor("#ffffff"), 1.0))
    for k in range(1, count + 1):
        x = s + (e - s) * k / (count + 1)
        painter.drawLine(x, y + pad + 1, x, y + row_h - pad - 1)


def _legend(
    painter: QPainter, x: float, y: float, width: float, double_plot: bool, evening: str
) -> None:
    painter.setFont(font(7.5))
    items = (
        (IN_BED, "in bed"),
        (ASLEEP, "asleep (lights out + minutes to fall asleep, to the final awakening)"),
    )
    for color, text in items:
        painter.fillRect(QRectF(x, y + 2, 18, 7), color)
        painter.setPen(INK)
        painter.drawText(QRectF(x + 22, y - 1, 360, 12), Qt.AlignmentFlag.AlignVCenter, text)
        y += 11
    hours = "48 hours (double plot)" if double_plot else "24 hours"
    rows = f"each row: {hours} from {evening} the evening before its date"
    painter.setPen(GREY)
    wrapped(
        painter,
        QRectF(x, y - 1, width, 22),
        f"{rows} · white ticks: how many awakenings (spread evenly: the diary says how many, "
        "not when) · † a device's night",
        7.5,
        2,
    )


def period_dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
