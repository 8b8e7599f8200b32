"""Regularity over a range of dates (design §4): SRI, MCTQ, CPD and timing spread.

All functions take a ``Series`` and the index range ``[lo, hi]`` (inclusive) of the dates to
use; they return None where the spec says a value is not computable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .series import Series

DAY = 1440
MIN_SRI_DAYS = 5


# -- Sleep Regularity Index ----------------------------------------------------------------
def _grid(s: Series, lo: int, hi: int) -> np.ndarray:
    """Asleep (1) / awake (0) / missing (−1) per wall-clock minute, noon(lo−1) to noon(hi)."""
    days = hi - lo + 1
    grid = np.zeros(days * DAY, dtype=np.int8)
    offset = lo * DAY
    for i in range(lo, hi + 1):
        if s.has_night[i]:
            a = int(s.sleep_start[i]) - offset
            b = int(s.sleep_end[i]) - offset
            grid[max(a, 0) : max(min(b, days * DAY), 0)] = 1
    for k, i in enumerate(range(lo, hi + 1)):
        if not s.has_night[i]:
            grid[k * DAY : (k + 1) * DAY] = -1
    return grid


def _pair_counts(grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Agreeing and valid minute pairs per day-to-next-day step of ``grid``."""
    a, b = grid[:-DAY], grid[DAY:]
    valid = (a >= 0) & (b >= 0)
    agree = valid & (a == b)
    steps = len(a) // DAY
    return (agree.reshape(steps, DAY).sum(axis=1), valid.reshape(steps, DAY).sum(axis=1))


def sri(s: Series, lo: int, hi: int) -> tuple[float | None, float]:
    """(SRI or None, sri_days) over the dates with indices ``lo``…``hi``."""
    if hi <= lo:
        return None, 0.0
    agree, valid = _pair_counts(_grid(s, lo, hi))
    return _sri_value(int(agree.sum()), int(valid.sum()))


def _sri_value(agree: int, valid: int) -> tuple[float | None, float]:
    days = valid / DAY
    if days < MIN_SRI_DAYS or valid == 0:
        return None, days
    return -100.0 + 200.0 * agree / valid, days


def rolling_sri(s: Series, width: int = 7) -> np.ndarray:
    """SRI over dates i−width+1…i for every index i (NaN where not computable).

    One grid over the whole series gives every window's counts by summing day steps; a
    window is recomputed on its own only where a night from outside it reaches into its
    span (day sleepers, very long nights), because such a night is not part of that window.
    """
    out = np.full(s.n, np.nan)
    if s.n < 2:
        return out
    agree, valid = _pair_counts(_grid(s, 0, s.n - 1))
    cum_a = np.concatenate([[0], np.cumsum(agree)])
    cum_v = np.concatenate([[0], np.cumsum(valid)])
    own_lo = np.arange(s.n) * DAY
    spills = np.flatnonzero(s.has_night & ((s.sleep_start < own_lo) | (s.sleep_end > own_lo + DAY)))
    for i in range(1, s.n):
        lo = max(0, i - width + 1)
        near = spills[np.searchsorted(spills, lo - 2) : np.searchsorted(spills, i + 3)]
        if any((j < lo or j > i) and _reaches(s, j, lo, i) for j in near):
            value, _ = sri(s, lo, i)
        else:
            value, _ = _sri_value(int(cum_a[i] - cum_a[lo]), int(cum_v[i] - cum_v[lo]))
        if value is not None:
            out[i] = value
    return out


def _reaches(s: Series, j: int, lo: int, hi: int) -> bool:
    return s.sleep_start[j] < (hi + 1) * DAY and s.sleep_end[j] > lo * DAY


# -- MCTQ -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mctq:
    """Mid-sleep on work and free days, social jetlag and chronotype, in anchored minutes."""

    msw: float
    msf: float
    sjl: float
    msfsc: float
    sd_week: float


def mctq(s: Series, lo: int, hi: int, work_weekdays: int = 5) -> Mctq | None:
    """MCTQ values from the nights before work days and before free days (None if one lacks)."""
    idx = slice(lo, hi + 1)
    present = s.has_night[idx] & ~np.isnan(s.free_day[idx])
    work = present & (s.free_day[idx] == 0)
    free = present & (s.free_day[idx] == 1)
    if not work.any() or not free.any():
        return None
    onset, period = s.onset[idx], s.period[idx]
    so_w, so_f = onset[work].mean(), onset[free].mean()
    sd_w, sd_f = period[work].mean(), period[free].mean()
    msw = so_w + sd_w / 2
    msf = so_f + sd_f / 2
    gap = abs(msf - msw) % DAY
    sjl = min(gap, DAY - gap)
    sd_week = (work_weekdays * sd_w + (7 - work_weekdays) * sd_f) / 7
    msfsc = msf if sd_f <= sd_w else msf - (sd_f - sd_week) / 2
    return Mctq(msw=msw, msf=msf, sjl=sjl, msfsc=msfsc, sd_week=sd_week)


def cpd(s: Series, lo: int, hi: int, msfsc: float | None) -> float | None:
    """Composite phase deviation in hours (Fischer et al. 2016); None without MSFsc or pairs."""
    if msfsc is None:
        return None
    values = []
    for i in range(max(lo, 1), hi + 1):
        if i - 1 >= lo and s.has_night[i] and s.has_night[i - 1]:
            ms, prev = s.midsleep[i], s.midsleep[i - 1]
            values.append(np.hypot(ms - msfsc, ms - prev) / 60)
    return float(np.mean(values)) if values else None


def clock_minutes(minutes: float | None) -> float | None:
    """Anchored minutes wrapped to a clock position in [0, 1440)."""
    return None if minutes is None else float(minutes % DAY)


def sample_sd(values: np.ndarray) -> float | None:
    values = values[~np.isnan(values)]
    return float(np.std(values, ddof=1)) if len(values) >= 2 else None


def rolling_sd(values: np.ndarray, width: int = 7, min_count: int = 5) -> np.ndarray:
    """Sample SD over i−width+1…i where at least ``min_count`` values exist (else NaN)."""
    n = len(values)
    out = np.full(n, np.nan)
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    c = np.concatenate([[0], np.cumsum(present)])
    s1 = np.concatenate([[0.0], np.cumsum(filled)])
    s2 = np.concatenate([[0.0], np.cumsum(filled * filled)])
    for i in range(n):
        lo = max(0, i - width + 1)
        k = c[i + 1] - c[lo]
        if k >= min_count:
            total, squares = s1[i + 1] - s1[lo], s2[i + 1] - s2[lo]
            var = (squares - total * total / k) / (k - 1)
            out[i] = np.sqrt(max(var, 0.0))
    # running sums leave noise in the last digits; windows with the same nights must tie
    # exactly, or Spearman's average ranks would split them
    return np.round(out, 9)
