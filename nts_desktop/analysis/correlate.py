"""Predictor–outcome pairs of one run (design §5): each tested by ``association`` (the
de-weekended, de-trended, prewhitened test; Spearman ρ shown), then Benjamini–Hochberg q
over all p of the run (scipy's ``false_discovery_control``), and the words for strength and
evidence. scipy is imported inside the functions that need it, so nothing on the start-up
path pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from .within_person import MIN_DAYS, Cache, association

MONDAY = date(2024, 1, 1)
__all__ = ["MIN_DAYS", "Correlation", "correlate", "naive_p", "with_q"]


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
    adjusted: float | None = None  # the rank correlation left after weekends and drift

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


def correlate(
    predictor: str,
    outcome: str,
    x: np.ndarray,
    y: np.ndarray,
    dates: Sequence[date] | np.ndarray | None = None,
    free: np.ndarray | None = None,
    cache: Cache | None = None,
) -> Correlation:
    """One pair on the days where both series have a value (q filled later); ``dates``
    (dates, or their ordinals) default to consecutive days from a Monday, ``free`` to
    Saturday and Sunday."""
    if dates is None:
        dates = [MONDAY + timedelta(days=i) for i in range(len(x))]
    a = association(dates, x, y, free, cache=cache)
    return Correlation(predictor, outcome, a.n, a.n_eff, a.rho, a.ci95, a.p, None, a.adjusted)


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


def pyper_peterman_p(x: np.ndarray, y: np.ndarray) -> float | None:
    """The previous method's p (for comparison only): Spearman ρ tested with Student's t on
    Pyper & Peterman's effective n − 2 degrees of freedom, nothing else allowed for."""
    import math

    from scipy.stats import t as student

    from .within_person import effective_n, ranks_of

    both = ~np.isnan(x) & ~np.isnan(y)
    if both.sum() < MIN_DAYS or np.ptp(x[both]) == 0 or np.ptp(y[both]) == 0:
        return None
    rx, ry = ranks_of(x[both]), ranks_of(y[both])
    rho = float(np.corrcoef(rx, ry)[0, 1])
    df = effective_n(rx, ry) - 2
    if abs(rho) >= 1:
        return 0.0
    return float(min(1.0, 2 * student.sf(abs(rho) * math.sqrt(df / (1 - rho * rho)), df)))


def naive_p(x: np.ndarray, y: np.ndarray) -> float | None:
    """The textbook Spearman p-value that ignores autocorrelation (for comparison only)."""
    from scipy.stats import spearmanr

    both = ~np.isnan(x) & ~np.isnan(y)
    if both.sum() < MIN_DAYS:
        return None
    return float(spearmanr(x[both], y[both]).pvalue)
