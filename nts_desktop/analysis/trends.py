"""What the Trends page and the sleep diary chart draw, computed once per journal change.

``TrendData`` holds one slot per calendar date (NaN where nothing was logged, so charts show
gaps, never zeros) with the clock positions of each night in anchored minutes, the nightly
measures and their 7-night rolling means, the day ratings and the regularity predictors.
No Qt: the window slices it for the visible range.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from nts_desktop.core.records import Day, Night
from nts_desktop.core.timeutil import anchored_minutes, in_zone

from .series import build_series, choose_nights
from .stats import daily_series

ROLLING_WIDTH = 7
ROLLING_MIN = 3  # a 7-night mean needs at least 3 nights in the window


@dataclass
class TrendData:
    """Per-date arrays from ``first``; ``x`` is the date as days since 1970-01-01."""

    first: date
    x: np.ndarray
    bedtime: np.ndarray  # anchored minutes
    out_of_bed: np.ndarray
    onset: np.ndarray
    final_wake: np.ndarray
    awakenings: np.ndarray
    tib: np.ndarray  # minutes
    tst_h: np.ndarray
    se: np.ndarray
    tst_mean7: np.ndarray
    se_mean7: np.ndarray
    mood: np.ndarray
    focus: np.ndarray
    resilience: np.ndarray
    mood_mean7: np.ndarray  # 7-day means of the ratings, drawn for long ranges
    focus_mean7: np.ndarray
    resilience_mean7: np.ndarray
    sri_7d: np.ndarray
    midsleep_shift: np.ndarray
    has_day: np.ndarray
    notes: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.x)

    def index_of(self, when: date) -> int:
        return (when - self.first).days

    def date_at(self, i: int) -> date:
        return date.fromordinal(self.first.toordinal() + i)

    def span(self, start: date, end: date) -> slice:
        """Indices of ``start``…``end`` clipped to the data."""
        lo = max(0, self.index_of(start))
        hi = min(self.n, self.index_of(end) + 1)
        return slice(lo, max(lo, hi))

    def last_night(self) -> date | None:
        """The latest date with a night."""
        logged = np.flatnonzero(~np.isnan(self.tst_h))
        return self.date_at(int(logged[-1])) if len(logged) else None

    def has_night_between(self, start: date, end: date) -> bool:
        return bool(np.any(~np.isnan(self.tst_h[self.span(start, end)])))

    def csv_bytes(self, start: date, end: date) -> bytes:
        """The visible chart's data as CSV (RFC 4180, CRLF), blanks where nothing was logged."""
        columns = [
            ("date", None),
            ("bedtime_min", self.bedtime),
            ("sleep_onset_min", self.onset),
            ("final_wake_min", self.final_wake),
            ("out_of_bed_min", self.out_of_bed),
            ("tib_min", self.tib),
            ("tst_h", self.tst_h),
            ("se_pct", self.se),
            ("tst_h_mean7", self.tst_mean7),
            ("se_pct_mean7", self.se_mean7),
            ("mood", self.mood),
            ("focus", self.focus),
            ("resilience", self.resilience),
            ("sri_7d", self.sri_7d),
            ("midsleep_shift_min", self.midsleep_shift),
        ]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([name for name, _ in columns])
        for i in range(*self.span(start, end).indices(self.n)):
            row = [self.date_at(i).isoformat()]
            for _name, values in columns[1:]:
                value = values[i]
                row.append(
                    ""
                    if np.isnan(value)
                    else f"{value:.4g}"
                    if abs(value) < 1000
                    else f"{value:.0f}"
                )
            writer.writerow(row)
        return buffer.getvalue().encode("utf-8")


def rolling_mean(
    values: np.ndarray, width: int = ROLLING_WIDTH, min_count: int = ROLLING_MIN
) -> np.ndarray:
    present = ~np.isnan(values)
    c = np.concatenate([[0], np.cumsum(present)])
    s = np.concatenate([[0.0], np.cumsum(np.where(present, values, 0.0))])
    out = np.full(len(values), np.nan)
    for i in range(len(values)):
        lo = max(0, i - width + 1)
        k = c[i + 1] - c[lo]
        if k >= min_count:
            out[i] = (s[i + 1] - s[lo]) / k
    return out


def trend_data(
    days: list[Day],
    device_nights: list[Night] | tuple[Night, ...] = (),
    preferred_source: str = "",
    through: date | None = None,
) -> TrendData | None:
    """Everything the charts need for the whole journal (None for an empty journal).

    ``through`` (today) extends the dates to the present, so the days since the last entry
    show as gaps rather than as the edge of the data.
    """
    if not days and not device_nights:
        return None
    known = [d.date for d in days] + [n.date for n in device_nights]
    last = max([*known, through]) if through else max(known)
    s = build_series(days, device_nights, preferred_source, min(known), last)
    daily = daily_series(s)
    nan = np.full(s.n, np.nan)
    bedtime, out_of_bed, awakenings = nan.copy(), nan.copy(), nan.copy()
    for when, night in choose_nights(days, device_nights, preferred_source).items():
        i = s.index(when)
        bedtime[i] = anchored_minutes(in_zone(night.bedtime, night.tz), when)
        out_of_bed[i] = anchored_minutes(in_zone(night.out_of_bed, night.tz), when)
        awakenings[i] = night.awakenings
    notes = [""] * s.n
    for d in days:
        notes[s.index(d.date)] = (d.notes or "").strip().splitlines()[0] if d.notes else ""
    tst_h = s.tst / 60
    return TrendData(
        first=s.first,
        x=np.arange(s.n, dtype=float) + (s.first - date(1970, 1, 1)).days,
        bedtime=bedtime,
        out_of_bed=out_of_bed,
        onset=s.onset,
        final_wake=s.wake,
        awakenings=awakenings,
        tib=s.tib,
        tst_h=tst_h,
        se=s.se,
        tst_mean7=np.where(s.has_night, rolling_mean(tst_h), np.nan),
        se_mean7=np.where(s.has_night, rolling_mean(s.se), np.nan),
        mood_mean7=rolling_mean(s.day["mood"]),
        focus_mean7=rolling_mean(s.day["focus"]),
        resilience_mean7=rolling_mean(s.day["resilience"]),
        mood=s.day["mood"],
        focus=s.day["focus"],
        resilience=s.day["resilience"],
        sri_7d=np.where(s.has_night, daily["sri_7d"], np.nan),
        midsleep_shift=daily["midsleep_shift_min"],
        has_day=s.has_day,
        notes=notes,
    )
