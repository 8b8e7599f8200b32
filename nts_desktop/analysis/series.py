"""Day-by-day arrays over a span of dates: the night each date uses, its measures, the day.

Everything in ``analysis`` starts from a ``Series``: one slot per calendar date (missing
dates included, as NaN / False), so rolling windows and "the previous calendar night" are
plain index arithmetic. The night of a date is the diary night, else the night of the
preferred device source (design §1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np

from nts_desktop.core.measures import measure
from nts_desktop.core.records import Day, Night
from nts_desktop.core.timeutil import in_zone

FACTORS = ("caffeine", "alcohol", "naps_min")
STAGE_PREDICTORS = ("rem_min", "deep_min")
DAY_NUMBERS = ("quality", "rested", "mood", "focus", "resilience", *FACTORS)


@dataclass
class Series:
    """Per-date arrays from ``first`` (index 0) to ``first + len - 1``."""

    first: date
    n: int
    has_day: np.ndarray
    has_night: np.ndarray
    free_day: np.ndarray  # 1.0 free, 0.0 work, NaN without a day record
    tib: np.ndarray
    tst: np.ndarray
    se: np.ndarray
    sol: np.ndarray
    waso: np.ndarray
    period: np.ndarray  # onset -> final wake, elapsed minutes (MCTQ "SD")
    onset: np.ndarray  # anchored minutes (design §2)
    midsleep: np.ndarray
    wake: np.ndarray
    sleep_start: np.ndarray  # wall-clock minutes from the grid origin, for SRI
    sleep_end: np.ndarray
    day: dict[str, np.ndarray] = field(default_factory=dict)  # DAY_NUMBERS
    tags: dict[str, np.ndarray] = field(default_factory=dict)  # 1/0, NaN without a day
    stages: dict[str, np.ndarray] = field(default_factory=dict)  # rem_min, deep_min (devices)

    def index(self, when: date) -> int:
        return (when - self.first).days

    def date_at(self, i: int) -> date:
        return self.first + timedelta(days=i)


def choose_nights(
    days: Iterable[Day], device_nights: Iterable[Night], preferred: str = ""
) -> dict[date, Night]:
    """The night analysis uses per date: diary, else the preferred (or first-named) device."""
    chosen: dict[date, Night] = {}
    by_date: dict[date, list[Night]] = {}
    for n in device_nights:
        by_date.setdefault(n.date, []).append(n)
    for when, options in by_date.items():
        options.sort(key=lambda n: (n.source != preferred, n.source))
        chosen[when] = options[0]
    for d in days:
        if d.night is not None:
            chosen[d.date] = d.night
    return chosen


def stage_nights(device_nights: Iterable[Night], preferred: str = "") -> dict[date, Night]:
    """Per date, the device night whose sleep stages analysis uses: the preferred source's,
    else the first by name among those that record stages (diary nights have none)."""
    chosen: dict[date, Night] = {}
    for n in sorted(device_nights, key=lambda n: (n.source != preferred, n.source)):
        if n.rem_min is not None and n.date not in chosen:
            chosen[n.date] = n
    return chosen


def build_series(
    days: list[Day],
    device_nights: Iterable[Night] = (),
    preferred: str = "",
    first: date | None = None,
    last: date | None = None,
    free_weekdays: tuple[int, ...] = (5, 6),
    naps: Iterable[Any] = (),
) -> Series:
    """Arrays over ``first``…``last`` (default: the first and last date with any record).

    A night on a date without a day record (a device night) is work or free by the journal's
    free weekdays, as a blank ``free_day`` would be (design §1). ``naps`` (with ``date`` and
    ``minutes``: a device's naps on a calendar date) fill ``naps_min`` of the next day — the
    day whose "day before the night" they were — where the diary says nothing.
    """
    device_nights = list(device_nights)
    nights = choose_nights(days, device_nights, preferred)
    dates = [d.date for d in days] + list(nights)
    first = first or (min(dates) if dates else date.today())
    last = last or (max(dates) if dates else first)
    n = max((last - first).days + 1, 0)

    def nan() -> np.ndarray:
        return np.full(n, np.nan)

    s = Series(
        first=first,
        n=n,
        has_day=np.zeros(n, bool),
        has_night=np.zeros(n, bool),
        free_day=nan(),
        tib=nan(),
        tst=nan(),
        se=nan(),
        sol=nan(),
        waso=nan(),
        period=nan(),
        onset=nan(),
        midsleep=nan(),
        wake=nan(),
        sleep_start=nan(),
        sleep_end=nan(),
        day={k: nan() for k in DAY_NUMBERS},
        stages={k: nan() for k in STAGE_PREDICTORS},
    )
    origin = datetime.combine(first - timedelta(days=1), datetime.min.time()) + timedelta(hours=12)
    for when, night in nights.items():
        i = (when - first).days
        if not 0 <= i < n:
            continue
        m = measure(night)
        s.has_night[i] = True
        s.free_day[i] = 1.0 if when.weekday() in free_weekdays else 0.0
        s.tib[i], s.tst[i], s.se[i] = m.tib_min, m.tst_min, m.se_pct
        s.sol[i], s.waso[i] = night.sleep_latency_min, night.waso_min
        s.period[i] = m.period_min
        s.onset[i], s.midsleep[i] = m.onset_anchored_min, m.midsleep_anchored_min
        s.wake[i] = m.wake_anchored_min
        start = m.onset.replace(tzinfo=None)
        end = in_zone(night.final_wake, night.tz).replace(tzinfo=None)
        s.sleep_start[i] = (start - origin).total_seconds() // 60
        s.sleep_end[i] = (end - origin).total_seconds() // 60
    for when, night in stage_nights(device_nights, preferred).items():
        i = (when - first).days
        if 0 <= i < n:
            for k in STAGE_PREDICTORS:
                value = getattr(night, k)
                if value is not None:
                    s.stages[k][i] = value
    tag_names = sorted({t for d in days for t in d.tags})
    s.tags = {t: nan() for t in tag_names}
    for d in days:
        i = (d.date - first).days
        if not 0 <= i < n:
            continue
        s.has_day[i] = True
        s.free_day[i] = 1.0 if d.free_day else 0.0
        for k in DAY_NUMBERS:
            value = getattr(d, k)
            if value is not None:
                s.day[k][i] = value
        present = set(d.tags)
        for t in tag_names:
            s.tags[t][i] = 1.0 if t in present else 0.0
    device_naps: dict[int, float] = {}
    for nap in naps:
        i = (nap.date - first).days + 1  # the day after the nap is the one it was "before"
        if 0 <= i < n:
            device_naps[i] = device_naps.get(i, 0.0) + nap.minutes
    for i, minutes in device_naps.items():
        if np.isnan(s.day["naps_min"][i]):
            s.day["naps_min"][i] = minutes
    return s
