"""Honest correlations on daily data (design §5, the baseline method).

Spearman ρ with average ranks; effective sample size by Pyper & Peterman (1998) from the
autocorrelation of the two rank series in date order; a two-sided t-test on n_eff − 2
degrees of freedom; a 95 % interval by Fisher z with the Bonett–Wright standard error; and
Benjamini–Hochberg q over all p of one run (scipy's ``false_discovery_control``). scipy is
imported inside the functions that need it, so nothing on the start-up path pays for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

MIN_DAYS = 14
Z975 = 1.959963984540054


@dataclass(frozen=True)
class Correlation:
    """One predictor–outcome pair; numbers are None where they cannot be computed."""

    predictor: str
    outcome: str
    n: int
    n_eff: float | None = None
    rho: float | None = None
    ci95: tuple[float, float] | None = None
    p: float | None = None
    q: float | None = None

    @property
    def strength(self) -> str | None:
        return None if self.rho is None else strength_word(self.rho)

    @property
    def evidence(self) -> str:
        return evidence_word(self.q)


def strength_word(rho: float) -> str:
    r = abs(rho)
    return "negligible" if r < 0.1 else "weak" if r < 0.3 else "moderate" if r < 0.5 else "strong"


def evidence_word(q: float | None) -> str:
    if q is None or q >= 0.2:
        return "no clear link"
    return "clear" if q < 0.05 else "suggestive"


def ranks(values: np.ndarray) -> np.ndarray:
    """Average ranks (1-based), ties sharing the mean of their positions."""
    from scipy.stats import rankdata

    return rankdata(values, method="average")


def autocorrelations(x: np.ndarray, max_lag: int) -> np.ndarray:
    """r(1)…r(max_lag) with the standard estimator Σ(x_t−x̄)(x_{t+j}−x̄) / Σ(x_t−x̄)²."""
    centered = x - x.mean()
    denominator = float(np.dot(centered, centered))
    if max_lag < 1 or denominator == 0:
        return np.zeros(max(max_lag, 0))
    size = 1 << int(2 * len(x) - 1).bit_length()
    spectrum = np.fft.rfft(centered, size)
    acov = np.fft.irfft(spectrum * np.conj(spectrum), size)[: max_lag + 1]
    return acov[1:] / denominator


def effective_n(rx: np.ndarray, ry: np.ndarray) -> float:
    """Pyper & Peterman's n_eff for two series in date order, clamped to [3, n]."""
    n = len(rx)
    lags = n // 5
    j = np.arange(1, lags + 1)
    total = float(np.sum((n - j) / n * autocorrelations(rx, lags) * autocorrelations(ry, lags)))
    inverse = 1 / n + 2 / n * total
    n_eff = 1 / inverse if inverse > 0 else float(n)
    return float(min(max(n_eff, 3.0), n))


def correlate(predictor: str, outcome: str, x: np.ndarray, y: np.ndarray) -> Correlation:
    """The baseline method on the days where both series have a value (q filled later)."""
    both = ~np.isnan(x) & ~np.isnan(y)
    n = int(both.sum())
    if n < MIN_DAYS:
        return Correlation(predictor, outcome, n)
    xs, ys = x[both], y[both]
    if np.all(xs == xs[0]) or np.all(ys == ys[0]):
        return Correlation(predictor, outcome, n)
    rx, ry = ranks(xs), ranks(ys)
    rho = float(np.corrcoef(rx, ry)[0, 1])
    rho = max(-1.0, min(1.0, rho))
    n_eff = effective_n(rx, ry)
    return Correlation(predictor, outcome, n, n_eff, rho, _ci(rho, n_eff), _p(rho, n_eff))


def _p(rho: float, n_eff: float) -> float:
    from scipy.stats import t as student

    if abs(rho) >= 1.0:
        return 0.0
    df = n_eff - 2
    stat = rho * math.sqrt(df / (1 - rho * rho))
    return float(min(1.0, 2 * student.sf(abs(stat), df)))


def _ci(rho: float, n_eff: float) -> tuple[float, float] | None:
    if n_eff <= 3:
        return None
    if abs(rho) >= 1.0:
        return (rho, rho)
    z = math.atanh(rho)
    se = math.sqrt((1 + rho * rho / 2) / (n_eff - 3))
    return (math.tanh(z - Z975 * se), math.tanh(z + Z975 * se))


def benjamini_hochberg(ps: list[float]) -> list[float]:
    """BH-adjusted q values in the order of ``ps`` (scipy's ``false_discovery_control``)."""
    if not ps:
        return []
    from scipy.stats import false_discovery_control

    return [float(q) for q in false_discovery_control(ps, method="bh")]


def with_q(results: list[Correlation]) -> list[Correlation]:
    """The same results with q over every non-null p of the run."""
    tested = [i for i, r in enumerate(results) if r.p is not None]
    qs = benjamini_hochberg([results[i].p for i in tested])  # type: ignore[misc]
    out = list(results)
    for i, q in zip(tested, qs, strict=True):
        out[i] = replace(results[i], q=q)
    return out


def naive_p(x: np.ndarray, y: np.ndarray) -> float | None:
    """The textbook Spearman p-value that ignores autocorrelation (for comparison only)."""
    from scipy.stats import spearmanr

    both = ~np.isnan(x) & ~np.isnan(y)
    if both.sum() < MIN_DAYS:
        return None
    return float(spearmanr(x[both], y[both]).pvalue)
