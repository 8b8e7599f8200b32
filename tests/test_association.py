"""The association test (design §5) on seeded series with a known truth: false alarms near
5 % where the journal's own structures (autocorrelation, ties, gaps, rolling predictors,
drifts, random walks, weekends) would fool a plain test, and power where a link is planted.
Small sizes here; benchmarks/association.py runs the full table."""

from __future__ import annotations

import math

import numpy as np
import pytest
from nulls import HARD, STATIONARY, case, dates, free_flags

from nts_desktop.analysis import association
from nts_desktop.analysis.correlate import pyper_peterman_p
from nts_desktop.analysis.within_person import Cache


def rates(name: str, n: int, reps: int, seed: int, rho: float = 0.2) -> tuple[float, float]:
    """Share of p < .05 for the test and for the previous (Pyper–Peterman) one."""
    rng = np.random.default_rng(seed)
    when = dates(n)
    new = old = valid = 0
    for _ in range(reps):
        x, y = case(name, rng, n, rho)
        a = association(when, x, y)
        if a.p is not None:
            valid += 1
            new += a.p < 0.05
            old += (pyper_peterman_p(x, y) or 1.0) < 0.05
    return new / valid, old / valid


@pytest.mark.parametrize("name", STATIONARY)
def test_false_alarms_stay_near_five_percent_on_stationary_nulls(name):
    for n, seed in ((30, 11), (120, 12)):
        new, _old = rates(name, n, 250, seed)
        assert 0.02 <= new <= 0.085, (name, n, new)


@pytest.mark.parametrize("name", HARD)
def test_drifts_random_walks_and_weekends_do_not_make_links(name):
    new, old = rates(name, 120, 250, 21)
    assert new <= 0.085, (name, new)
    assert old >= 0.10  # the plain test is fooled by this case: the check has teeth


def test_a_planted_link_is_found_at_least_as_often_as_before():
    new, old = rates("planted", 120, 300, 31)
    assert new >= old and new >= 0.40
    iid_new, iid_old = rates("planted-iid", 120, 300, 32)
    assert iid_new >= iid_old - 0.03


def test_white_series_get_the_plain_rank_test_and_the_fisher_interval():
    from scipy.stats import t as student

    rng = np.random.default_rng(5)
    x = rng.normal(size=90)
    y = 0.4 * x + rng.normal(size=90)
    a = association(dates(90), x, y)
    stat = a.rho * math.sqrt((a.n - 2) / (1 - a.rho**2))
    assert a.df == a.n - 2
    assert a.p == pytest.approx(2 * student.sf(abs(stat), a.n - 2))
    assert a.ci95[0] < a.rho < a.ci95[1]


def test_a_weekend_shared_by_both_is_allowed_for():
    rng = np.random.default_rng(6)
    lift = 1.5 * free_flags(200)
    x, y = rng.normal(size=200) + lift, rng.normal(size=200) + lift
    a = association(dates(200), x, y)
    assert a.rho > 0.2 and a.ci95[0] > 0  # they do go together …
    assert abs(a.adjusted) < 0.15 and a.p > 0.05  # … but only through the weekend
    own = association(dates(200), x, y, free=np.zeros(200, dtype=bool))
    assert own.p > 0.05  # the day-of-week terms catch it even without free-day marks


def test_too_few_days_and_constant_series_give_no_numbers():
    assert association(dates(13), np.arange(13.0), np.arange(13.0)).rho is None
    constant = association(dates(30), np.ones(30), np.arange(30.0))
    assert (constant.n, constant.rho, constant.p) == (30, None, None)
    gaps = np.where(np.arange(40) % 2 == 0, np.arange(40.0), np.nan)
    assert association(dates(40), gaps, np.arange(40.0)).n == 20


def test_a_shared_cache_gives_the_same_answers():
    rng = np.random.default_rng(8)
    when = dates(150)
    x, y, z = (rng.normal(size=150) for _ in range(3))
    cache = Cache()
    assert association(when, x, y, cache=cache) == association(when, x, y)
    assert association(when, x, z, cache=cache) == association(when, x, z)
