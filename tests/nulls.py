"""Seeded pairs of daily series with a known truth, for the association test (design §5).

Each case draws a predictor ``x`` and an outcome ``y`` over ``n`` consecutive dates. In the
null cases the two share no day-to-day link — only the structures a journal has anyway:
autocorrelation, ties of 1–10 ratings, missing days, rolling 7-day predictors, slow drifts
(linear or seasonal), random walks, and weekends that improve both. In ``planted`` the
innovations of two AR(1) series correlate at ``rho``, so the series do too. Used by
tests/test_association.py (small sizes) and benchmarks/association.py (full size).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

START = date(2024, 1, 1)  # a Monday


def ar1(
    rng: np.random.Generator, n: int, phi: float, shocks: np.ndarray | None = None
) -> np.ndarray:
    """A stationary AR(1) with unit variance (``shocks`` standard normal, if given)."""
    e = rng.standard_normal(n) if shocks is None else shocks
    out = np.empty(n)
    out[0] = e[0]
    scale = np.sqrt(1 - phi * phi)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + scale * e[t]
    return out


def dates(n: int) -> list[date]:
    return [START + timedelta(days=i) for i in range(n)]


def free_flags(n: int) -> np.ndarray:
    return np.array([(START + timedelta(days=i)).weekday() >= 5 for i in range(n)])


def rolling_sd(values: np.ndarray, window: int = 7) -> np.ndarray:
    out = np.full(len(values), np.nan)
    for i in range(window - 1, len(values)):
        out[i] = np.std(values[i - window + 1 : i + 1], ddof=1)
    return out


def case(
    name: str, rng: np.random.Generator, n: int, rho: float = 0.2
) -> tuple[np.ndarray, np.ndarray]:
    """The predictor and outcome series of case ``name``."""
    t = np.arange(n)
    if name.startswith("ar"):  # "ar0.3" … "ar0.9"
        phi = float(name[2:])
        return ar1(rng, n, phi), ar1(rng, n, phi)
    if name == "ties":
        x = ar1(rng, n, 0.6)
        y = np.clip(np.round(5.5 + 1.5 * ar1(rng, n, 0.6)), 1, 10)
        return np.round(x * 2) / 2, y
    if name == "missing":
        x, y = ar1(rng, n, 0.6), ar1(rng, n, 0.6)
        x[rng.random(n) < 0.2] = np.nan
        y[rng.random(n) < 0.2] = np.nan
        return x, y
    if name == "rolling":
        return rolling_sd(ar1(rng, n, 0.6)), ar1(rng, n, 0.7)
    if name == "drift":
        slope = 2.0 / max(n - 1, 1)  # two standard deviations over the journal
        return ar1(rng, n, 0.5) + slope * t, ar1(rng, n, 0.5) + slope * t
    if name == "season":
        wave = 1.5 * np.sin(2 * np.pi * t / 365)
        return ar1(rng, n, 0.5) + wave, ar1(rng, n, 0.5) + wave
    if name == "walk":
        return np.cumsum(rng.standard_normal(n)), np.cumsum(rng.standard_normal(n))
    if name == "weekend":
        lift = 1.2 * free_flags(n)
        return ar1(rng, n, 0.4) + lift, ar1(rng, n, 0.4) + lift
    if name == "planted":
        a = rng.standard_normal(n)
        b = rho * a + np.sqrt(1 - rho * rho) * rng.standard_normal(n)
        return ar1(rng, n, 0.5, a), ar1(rng, n, 0.5, b)
    if name == "planted-rolling":  # a smooth 7-day predictor that the outcome follows daily
        x = rolling_sd(ar1(rng, n, 0.6))
        z = np.where(np.isnan(x), 0.0, (x - np.nanmean(x)) / np.nanstd(x))
        return x, rho * z + np.sqrt(1 - rho * rho) * ar1(rng, n, 0.7)
    if name == "planted-iid":
        a = rng.standard_normal(n)
        return a, rho * a + np.sqrt(1 - rho * rho) * rng.standard_normal(n)
    raise KeyError(name)


STATIONARY = ("ar0.3", "ar0.6", "ar0.9", "ties", "missing", "rolling")
HARD = ("drift", "season", "walk", "weekend")
