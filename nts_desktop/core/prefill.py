"""What an empty morning form starts from: the median of the last nights, or sensible defaults.

Clock readings are averaged as anchored minutes (minutes from 00:00 of each night's date), so
23:30 and 00:30 have a median of 00:00, not noon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from statistics import median

from .records import Night
from .timeutil import anchored_minutes, in_zone
from .units import time_of_day

LOOKBACK = 7


@dataclass(frozen=True)
class Typical:
    """A typical night as bare times of day and counts."""

    bedtime: time = time(23, 0)
    lights_out: time = time(23, 15)
    sleep_latency_min: int = 15
    awakenings: int = 1
    waso_min: int = 10
    final_wake: time = time(7, 0)
    out_of_bed: time = time(7, 15)
    based_on: int = 0  # how many nights the values come from (0 = defaults)


def typical_night(nights: list[Night], before: date, lookback: int = LOOKBACK) -> Typical:
    """Median of the ``lookback`` most recent nights dated before ``before`` (else defaults)."""
    recent = sorted((n for n in nights if n.date < before), key=lambda n: n.date)[-lookback:]
    if not recent:
        return Typical()

    def clock(name: str) -> list[float]:
        return [anchored_minutes(in_zone(getattr(n, name), n.tz), n.date) for n in recent]

    # Bedtime and final awakening are medians of their own; lights out and out of bed follow
    # them by the median gap, so the prefilled night keeps its usual shape (medians taken
    # one by one could put lights out a minute after bed on a night that never looked so).
    bed, wake = median(clock("bedtime")), median(clock("final_wake"))
    settle = median(b - a for a, b in zip(clock("bedtime"), clock("lights_out"), strict=True))
    linger = median(b - a for a, b in zip(clock("final_wake"), clock("out_of_bed"), strict=True))
    times = {
        "bedtime": time_of_day(bed),
        "lights_out": time_of_day(bed + settle),
        "final_wake": time_of_day(wake),
        "out_of_bed": time_of_day(wake + linger),
    }
    counts = {
        name: round(median(getattr(n, name) for n in recent))
        for name in ("sleep_latency_min", "awakenings", "waso_min")
    }
    return Typical(**times, **counts, based_on=len(recent))
