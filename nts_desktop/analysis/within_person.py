"""The one test of "does x go with y" on a person's daily series (design §5).

Daily sleep and mood are autocorrelated, drift slowly (seasons, a new job) and follow the
week (weekends improve both): a plain correlation test then finds links that are not there.
``association`` tests the *within-person, de-weekended, de-trended* association:

1. the days where both series have a value, as average ranks (Spearman);
2. each rank series regressed on the kind of day — nothing, free or not, or (from 60 days
   on) free or not and the day of the week — and a Legendre polynomial trend in the date of
   degree 0 up to 1 under 60 days, 2 under 180, else 3; the combination of least BIC is
   chosen for each series on its own (a weekend effect or drift in only one of the two
   cannot make a false link, so nothing is spent on it);
3. each residual series prewhitened by an AR(p) fitted by least squares, p ≤ min(5, n / 10)
   chosen by BIC on a common sample (BIC rather than AIC: fewer spurious lags, so less
   power is spent on white series), both then refitted from the larger p on;
4. the correlation of the two innovation series, tested with Student's t on the degrees of
   freedom left (n − lags − covariates − 2).

The number shown stays Spearman's ρ of the days, with its 95 % interval by Fisher z on
Pyper & Peterman's effective n (autocorrelation allowed for); ``p`` is the test above, so a
ρ that weekends or a drift explain is shown with "no clear link". Limits: a link that lives
only in the slow drift or in the weekly rhythm is by design not found; lags of more than
five days in either series' own memory are assumed away.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

MIN_DAYS = 14
WEEKDAYS_FROM = 60  # days with both from which the day of the week is allowed for
MAX_LAGS = 5
Z975 = 1.959963984540054


@dataclass(frozen=True)
class Association:
    """The test of one pair; numbers are None where they cannot be computed."""

    n: int  # days where both have a value
    rho: float | None = None  # Spearman ρ of those days: the number shown
    ci95: tuple[float, float] | None = None  # of ρ, autocorrelation allowed for
    p: float | None = None  # the de-weekended, de-trended, prewhitened test
    n_eff: float | None = None  # Pyper & Peterman's effective n behind ci95
    adjusted: float | None = None  # the rank correlation left after weekends and drift
    df: float | None = None  # degrees of freedom of the test


def ranks_of(values: np.ndarray) -> np.ndarray:
    """Average ranks (1-based), ties sharing the mean of their positions."""
    from scipy.stats import rankdata

    return rankdata(values, method="average")


def trend_degree(n: int) -> int:
    """The highest trend degree allowed for ``n`` days: 1 under 60, 2 under 180, else 3."""
    return 1 if n < 60 else 2 if n < 180 else 3


def design(days: np.ndarray, free: np.ndarray) -> tuple[np.ndarray, list[list[int]]]:
    """The columns of step 2 for days numbered ``days`` (ordinals) and their free flags —
    intercept, Legendre trend terms, free-day flag, day-of-week dummies — and the column
    sets of every candidate: a trend of degree 0 … ``trend_degree`` with nothing, the free
    flag, or (from 60 days) the day of the week and the free flag where it is not already
    a matter of the weekday."""
    n = len(days)
    span = float(days[-1] - days[0]) if n > 1 else 1.0
    t = 2 * (days - days[0]) / (span or 1.0) - 1
    columns = [np.ones(n)]
    columns += [np.polynomial.legendre.Legendre.basis(d)(t) for d in range(1, trend_degree(n) + 1)]
    trend = list(range(len(columns)))  # 0 is the intercept
    weeks: list[list[int]] = [[]]
    if free.any() and not free.all():
        columns.append(free.astype(float))
        weeks.append([len(columns) - 1])
    if n >= WEEKDAYS_FROM:
        weekday = (days - 1) % 7  # ordinal 1 (0001-01-01) was a Monday: Monday is 0
        dummies = []
        for d in range(1, 7):
            column = (weekday == d).astype(float)
            if column.any():
                columns.append(column)
                dummies.append(len(columns) - 1)
        by_weekday = all(len(set(free[weekday == d])) <= 1 for d in range(7))
        weeks.append(dummies if by_weekday or len(weeks) == 1 else [*weeks[1], *dummies])
    sets = [trend[: degree + 1] + week for degree in range(len(trend)) for week in weeks]
    return np.column_stack(columns), sets


def _solve(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, int]:
    """The least-squares solution of the small normal equations ``a β = b`` and a's rank
    (a direct solve; a singular ``a`` falls back to least squares)."""
    try:
        return np.linalg.solve(a, b), len(b)
    except np.linalg.LinAlgError:
        beta, _res, rank, _sv = np.linalg.lstsq(a, b, None)
        return beta, int(rank)


def _fit(gram: np.ndarray, moment: np.ndarray, subset: list[int]) -> tuple[np.ndarray, int]:
    return _solve(gram[np.ix_(subset, subset)], moment[subset])


def residuals(values: np.ndarray, z: np.ndarray, sets: list[list[int]], gram: np.ndarray):
    """``values`` less the column set of least BIC (chosen for this series alone, never from
    the other: the test stays valid), and that set's rank; by the normal equations."""
    n = len(values)
    moment = z.T @ values
    total = float(values @ values)
    best = None
    for subset in sets:
        beta, rank = _fit(gram, moment, subset)
        rss = max(total - float(moment[subset] @ beta), 1e-300 * n)
        bic = n * math.log(rss / n) + rank * math.log(n)
        if best is None or bic < best[0]:
            best = (bic, subset, beta, rank)
    assert best is not None
    _bic, subset, beta, rank = best
    return values - z[:, subset] @ beta, rank


def _lag_gram(e: np.ndarray, lags: int, start: int) -> np.ndarray:
    stacked = np.column_stack([e[start - j : len(e) - j] for j in range(lags + 1)])
    return stacked.T @ stacked


def ar_order(e: np.ndarray, max_lags: int) -> int:
    """The AR order of least BIC for ``e`` (p ≤ ``max_lags``), compared on a common sample."""
    m = len(e) - max_lags
    if max_lags == 0 or m < 3:
        return 0
    c = _lag_gram(e, max_lags, max_lags)
    best, best_bic = 0, m * math.log(max(c[0, 0] / m, 1e-300))
    for p in range(1, max_lags + 1):
        beta, _rank = _solve(c[1 : p + 1, 1 : p + 1], c[1 : p + 1, 0])
        rss = max(c[0, 0] - float(c[1 : p + 1, 0] @ beta), 1e-300)
        bic = m * math.log(rss / m) + p * math.log(m)
        if bic < best_bic:
            best, best_bic = p, bic
    return best


def innovations(e: np.ndarray, p: int, start: int) -> np.ndarray:
    """``e`` from index ``start`` (≥ p) less its AR(p) prediction, fitted on that sample."""
    target = e[start:]
    if p == 0:
        return target
    lagged = np.column_stack([e[start - j : len(e) - j] for j in range(1, p + 1)])
    beta, *_ = np.linalg.lstsq(lagged, target, rcond=None)
    return target - lagged @ beta


@dataclass(frozen=True)
class _Prepared:
    ranks: np.ndarray
    acf: np.ndarray  # of the ranks, lags 1 … n // 5 (for the effective n)
    residual: np.ndarray
    rank: int  # of the chosen design
    order: int  # of the AR fitted to the residual


class Cache:
    """What one run of many pairs can share: the design and its Gram matrix per set of days,
    and each series' ranks, residuals and AR order per set of days."""

    def __init__(self) -> None:
        self.designs: dict[bytes, tuple[np.ndarray, list[list[int]], np.ndarray]] = {}
        self.series: dict[bytes, _Prepared] = {}

    @staticmethod
    def key(*arrays: np.ndarray) -> bytes:
        digest = hashlib.blake2b(digest_size=16)
        for a in arrays:
            digest.update(np.ascontiguousarray(a).tobytes())
            digest.update(b"|")
        return digest.digest()


def _prepare(values, days, flags, day_key: bytes, cache: Cache) -> _Prepared:
    if day_key not in cache.designs:
        z, sets = design(days, flags)
        cache.designs[day_key] = (z, sets, z.T @ z)
    series_key = day_key + Cache.key(values)
    if series_key not in cache.series:
        z, sets, gram = cache.designs[day_key]
        ranks = ranks_of(values)
        residual, rank = residuals(ranks, z, sets, gram)
        order = ar_order(residual, min(MAX_LAGS, len(values) // 10))
        acf = autocorrelations(ranks, len(values) // 5)
        cache.series[series_key] = _Prepared(ranks, acf, residual, rank, order)
    return cache.series[series_key]


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


def effective_n(
    rx: np.ndarray,
    ry: np.ndarray,
    acf_x: np.ndarray | None = None,
    acf_y: np.ndarray | None = None,
) -> float:
    """Pyper & Peterman's n_eff for two series in date order, clamped to [3, n] (their
    autocorrelations to lag n // 5 may be given)."""
    n = len(rx)
    lags = n // 5
    j = np.arange(1, lags + 1)
    acf_x = autocorrelations(rx, lags) if acf_x is None else acf_x
    acf_y = autocorrelations(ry, lags) if acf_y is None else acf_y
    total = float(np.sum((n - j) / n * acf_x * acf_y))
    inverse = 1 / n + 2 / n * total
    n_eff = 1 / inverse if inverse > 0 else float(n)
    return float(min(max(n_eff, 3.0), n))


def fisher_ci(rho: float, n_eff: float) -> tuple[float, float] | None:
    """95 % interval of ρ by Fisher z with the Bonett–Wright standard error."""
    if n_eff <= 3:
        return None
    if abs(rho) >= 1.0:
        return (rho, rho)
    z = math.atanh(rho)
    se = math.sqrt((1 + rho * rho / 2) / (n_eff - 3))
    return (math.tanh(z - Z975 * se), math.tanh(z + Z975 * se))


def _t_p(r: float, df: float) -> float:
    from scipy.stats import t as student

    if abs(r) >= 1.0:
        return 0.0
    stat = r * math.sqrt(df / (1 - r * r))
    return float(min(1.0, 2 * student.sf(abs(stat), df)))


def association(
    dates: Sequence[date] | np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    free: np.ndarray | None = None,
    free_weekdays: tuple[int, ...] = (5, 6),
    cache: Cache | None = None,
) -> Association:
    """The association of ``x`` with ``y`` (floats, NaN for missing) over ``dates`` (their
    calendar dates, ascending); ``free`` marks free days (default: ``free_weekdays``,
    Monday = 0). ``cache`` shares work between the pairs of one run. See the module's
    docstring for the method."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ordinals = np.asarray(
        [d.toordinal() for d in dates] if not isinstance(dates, np.ndarray) else dates,
        dtype=np.int64,
    )
    both = ~np.isnan(x) & ~np.isnan(y)
    n = int(both.sum())
    if n < MIN_DAYS:
        return Association(n)
    xs, ys = x[both], y[both]
    if np.all(xs == xs[0]) or np.all(ys == ys[0]):
        return Association(n)
    days = ordinals[both]
    if free is None:
        flags = np.isin((days - 1) % 7, free_weekdays)  # ordinal 1 (0001-01-01) is a Monday
    else:
        flags = np.asarray(free, dtype=bool)[both]
    cache = cache if cache is not None else Cache()
    day_key = Cache.key(days, flags)
    px_ = _prepare(xs, days, flags, day_key, cache)
    py_ = _prepare(ys, days, flags, day_key, cache)
    rx, ry = px_.ranks, py_.ranks
    rho = max(-1.0, min(1.0, float(np.corrcoef(rx, ry)[0, 1])))
    n_eff = effective_n(rx, ry, px_.acf, py_.acf)
    ex, ey = px_.residual, py_.residual
    if float(ex @ ex) <= 1e-12 * n or float(ey @ ey) <= 1e-12 * n:
        return Association(n, rho, fisher_ci(rho, n_eff), None, n_eff)
    adjusted = float(ex @ ey / math.sqrt(float(ex @ ex) * float(ey @ ey)))
    start = max(px_.order, py_.order)  # both innovation series on the same days
    ux, uy = innovations(ex, px_.order, start), innovations(ey, py_.order, start)
    df = len(ux) - 2 - (max(px_.rank, py_.rank) - 1) - start
    sx, sy = float(ux @ ux), float(uy @ uy)
    if df < 1 or sx <= 0 or sy <= 0:
        return Association(n, rho, fisher_ci(rho, n_eff), None, n_eff, adjusted)
    r = max(-1.0, min(1.0, float(ux @ uy) / math.sqrt(sx * sy)))
    return Association(n, rho, fisher_ci(rho, n_eff), _t_p(r, df), n_eff, adjusted, float(df))
