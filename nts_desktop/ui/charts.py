"""Chart building blocks: date, clock and hour axes shared by the chart pages.

(Exports are in ``export_image.py``: pyqtgraph's own SVG exporter fails on current Qt,
pyqtgraph issue 3495, so pictures go through QSvgGenerator and ``render``.)
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6 import QtCore  # noqa: F401  (PySide6 first, so pyqtgraph binds to it)

from nts_desktop.core.units import clock

import pyqtgraph as pg  # isort: skip  (PySide6 first, so pyqtgraph binds to it)

pg.setConfigOptions(antialias=True, background=None)
EPOCH = date(1970, 1, 1)


def day_number(when: date) -> int:
    return (when - EPOCH).days


def from_day_number(x: float) -> date:
    return EPOCH + timedelta(days=int(round(x)))


class DateAxis(pg.AxisItem):
    """Days since 1970 shown as dates; the format follows the tick spacing."""

    def tickValues(self, minVal: float, maxVal: float, size: float):
        minVal, maxVal = sorted((minVal, maxVal))
        span = maxVal - minVal
        steps = (1, 2, 7, 14, 28, 56, 91, 182, 364, 728)
        pixels_per_label = 70
        wanted = max(span * pixels_per_label / max(size, 1), 1)
        step = next((s for s in steps if s >= wanted), steps[-1])
        first = int(minVal) - int(minVal) % step
        values = [float(v) for v in range(first, int(maxVal) + 1, step) if v >= minVal - 0.5]
        return [(step, values)]

    def tickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            d = from_day_number(v)
            if spacing < 2:
                out.append(f"{d:%a} {d.day}")
            elif spacing < 60:
                out.append(f"{d.day} {d:%b}")
            else:
                out.append(f"{d:%b %Y}")
        return out


class ClockAxis(pg.AxisItem):
    """Anchored minutes (−60 = 23:00 the evening before) shown as clock times (``11 PM``
    with ``hour12``)."""

    hour12 = False

    def set_hour12(self, on: bool) -> None:
        if on != self.hour12:
            self.hour12 = on
            self.picture = None  # pyqtgraph redraws the ticks from tickStrings
            self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float):
        lo, hi = sorted((minVal, maxVal))
        span = hi - lo
        step = next((s for s in (60, 120, 180, 240, 360) if span / s <= max(size / 28, 2)), 720)
        first = int(lo // step * step)
        return [(step, [float(v) for v in range(first, int(hi) + step, step) if lo <= v <= hi])]

    def tickStrings(self, values, scale, spacing):
        texts = [clock(v, self.hour12) for v in values]
        # whole hours as "11 PM": "11:00 PM" would not fit the axis beside the other charts'
        return [t.replace(":00 ", " ") for t in texts] if self.hour12 else texts


class HoursAxis(pg.AxisItem):
    """Hours on whole-hour ticks with their unit: ``6 h``, ``7 h``, ``8 h``. With
    ``hours = False`` it is a plain value axis (the Insights scatter switches per pair)."""

    hours = True

    def tickValues(self, minVal: float, maxVal: float, size: float):
        if not self.hours:
            return super().tickValues(minVal, maxVal, size)
        lo, hi = sorted((minVal, maxVal))
        step = next((s for s in (1, 2, 3, 6) if (hi - lo) / s <= max(size / 28, 2)), 12)
        first = math.ceil(lo / step) * step
        return [(step, [float(v) for v in range(first, int(hi) + 1, step)])]

    def tickStrings(self, values, scale, spacing):
        if not self.hours:
            return super().tickStrings(values, scale, spacing)
        return [f"{v:.0f} h" for v in values]
