"""The answer up front (design §5): does regular sleep go with more resilient days?

Of the three regularity predictors (7-day SRI, 7-day midsleep SD, night-to-night midsleep
shift) against resilience — mood when resilience is not rated on 14 days — the pair with
the strongest evidence (least q, then p) is the headline. Beside it, the picture: the
outcome in the person's most regular third of weeks against their least regular third
(Monday weeks with at least 3 values of both; a week's regularity is the mean of the
predictor over its days), each mean with a 95 % interval from a bootstrap that resamples
whole weeks (so the days' autocorrelation within a week is kept); and whether regularity
goes with the next days too: the same test with the outcome 1, 2 and 3 days later, whose p
join the run's Benjamini–Hochberg adjustment.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .correlate import Correlation, correlate, with_q
from .within_person import MIN_DAYS, Cache

REGULARITY = ("sri_7d", "midsleep_sd_7d", "midsleep_shift_min")
MORE_IS_REGULAR = {"sri_7d": True, "midsleep_sd_7d": False, "midsleep_shift_min": False}
OUTCOMES = ("resilience", "mood")
LAGS = (1, 2, 3)
WEEK_VALUES = 3  # a week counts with at least this many days of both
THIRD_WEEKS = 3  # each third needs at least this many weeks
BOOTSTRAP = 2000


@dataclass(frozen=True)
class Third:
    """The outcome's mean in one third of the weeks."""

    mean: float | None = None
    ci95: tuple[float, float] | None = None
    days: int = 0
    weeks: int = 0


@dataclass(frozen=True)
class Headline:
    predictor: str | None  # None: no regularity pair can be tested yet
    outcome: str
    correlation: Correlation | None
    least_regular: Third = field(default_factory=Third)
    most_regular: Third = field(default_factory=Third)
    lags: list[Correlation] = field(default_factory=list)  # outcome shifted 1, 2, 3 days
    weeks_needed: int = 0  # more eligible weeks the comparison of thirds needs
    days_needed: int = 0  # more days with both the test needs


def choose(
    correlations: list[Correlation], rated: dict[str, int]
) -> tuple[str, Correlation | None]:
    """The headline's outcome and pair among the run's correlations."""
    resilience, mood = rated.get("resilience", 0), rated.get("mood", 0)
    outcome = "resilience" if resilience >= MIN_DAYS or resilience >= mood else "mood"
    candidates = [c for c in correlations if c.predictor in REGULARITY and c.outcome == outcome]
    tested = [c for c in candidates if c.p is not None]
    if not tested:
        return outcome, max(candidates, key=lambda c: c.n, default=None)
    return outcome, min(tested, key=lambda c: (c.q if c.q is not None else 1.0, c.p))


def lagged(
    c: Correlation,
    daily: dict[str, np.ndarray],
    ordinals: np.ndarray,
    free: np.ndarray,
    cache: Cache,
) -> list[Correlation]:
    """The pair again with the outcome ``lag`` days after the predictor's day."""
    x, y = daily[c.predictor], daily[c.outcome]
    out = []
    for lag in LAGS:
        if len(x) <= lag:
            out.append(Correlation(c.predictor, f"{c.outcome}+{lag}", 0))
            continue
        found = correlate(
            c.predictor, c.outcome, x[:-lag], y[lag:], ordinals[:-lag], free[:-lag], cache
        )
        out.append(replace(found, outcome=f"{c.outcome}+{lag}"))
    return out


def _bootstrap(
    sums: np.ndarray, counts: np.ndarray, rng: np.random.Generator
) -> tuple[float, float]:
    picks = rng.integers(0, len(sums), size=(BOOTSTRAP, len(sums)))
    means = sums[picks].sum(axis=1) / counts[picks].sum(axis=1)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


def thirds(
    predictor: str, x: np.ndarray, y: np.ndarray, ordinals: np.ndarray
) -> tuple[Third, Third, int]:
    """The least and most regular thirds of the weeks, and how many more weeks are needed."""
    both = ~np.isnan(x) & ~np.isnan(y)
    week = (ordinals - 1) // 7  # ordinal 1 was a Monday: weeks run Monday to Sunday
    keys, inverse = np.unique(week[both], return_inverse=True)
    counts = np.bincount(inverse, minlength=len(keys)).astype(float)
    regularity = np.bincount(inverse, weights=x[both], minlength=len(keys)) / np.maximum(counts, 1)
    sums = np.bincount(inverse, weights=y[both], minlength=len(keys))
    ok = counts >= WEEK_VALUES
    eligible = int(ok.sum())
    if eligible < 3 * THIRD_WEEKS:
        return Third(), Third(), 3 * THIRD_WEEKS - eligible
    order = np.argsort(
        regularity[ok] if MORE_IS_REGULAR[predictor] else -regularity[ok], kind="stable"
    )
    size = eligible // 3
    rng = np.random.default_rng(7)  # the same journal gives the same interval
    out = []
    for chosen in (order[:size], order[-size:]):
        s, k = sums[ok][chosen], counts[ok][chosen]
        out.append(
            Third(float(s.sum() / k.sum()), _bootstrap(s, k, rng), int(k.sum()), len(chosen))
        )
    return out[0], out[1], 0


def headline(
    correlations: list[Correlation],
    daily: dict[str, np.ndarray],
    ordinals: np.ndarray,
    free: np.ndarray,
    cache: Cache,
) -> tuple[Headline, list[Correlation]]:
    """The headline of one run and the run's pairs, with the lags joining the
    Benjamini–Hochberg adjustment (``correlations`` carry their first q, used to choose)."""
    rated = {o: int(np.sum(~np.isnan(daily[o]))) for o in OUTCOMES if o in daily}
    outcome, best = choose(correlations, rated)
    if best is None or best.p is None:
        n = best.n if best is not None else 0
        predictor = best.predictor if best is not None else None
        return Headline(predictor, outcome, best, days_needed=max(MIN_DAYS - n, 0)), correlations
    least, most, weeks = thirds(best.predictor, daily[best.predictor], daily[outcome], ordinals)
    lags = lagged(best, daily, ordinals, free, cache)
    adjusted = with_q([replace(c, q=None) for c in correlations] + lags)
    pairs, lags = adjusted[: len(correlations)], adjusted[len(correlations) :]
    chosen = next(c for c in pairs if (c.predictor, c.outcome) == (best.predictor, outcome))
    return Headline(best.predictor, outcome, chosen, least, most, lags, weeks), pairs
