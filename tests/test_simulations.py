"""Simulations with a known truth (seeded, deterministic): the method stays honest.

1. Ratings that are autocorrelated noise, unrelated to sleep, tested against the 7-day
   midsleep SD (a strongly autocorrelated predictor): the baseline method's false-alarm rate
   at p < .05 stays inside a stated band around 5 %, while the naive Spearman test on the same
   data exceeds it several times over.
2. A planted effect of realistic size (|ρ| ≈ 0.4 over 120–180 days) is found in most
   journals, through the whole `stats` pipeline.
"""

from __future__ import annotations

import numpy as np
from simulate import ar1, journal

from nts_desktop.analysis.correlate import correlate, naive_p
from nts_desktop.analysis.stats import compute

JOURNALS = 600
# 600 independent tests: the binomial SD of a 5 % rate is 0.9 points, so [2.5 %, 7.5 %] is
# about ±2.8 SD around the nominal rate.
BAND = (0.025, 0.075)


def rolling_sd7(x: np.ndarray) -> np.ndarray:
    return np.array([np.std(x[i - 6 : i + 1], ddof=1) if i >= 6 else np.nan for i in range(len(x))])


def null_journal(rng: np.random.Generator, n: int = 150) -> tuple[np.ndarray, np.ndarray]:
    midsleep = 180 + ar1(rng, n + 6, 0.6, 45)
    predictor = rolling_sd7(midsleep)[6:]
    mood = np.clip(np.round(6 + 1.5 * ar1(rng, n, 0.7)), 1, 10)
    return predictor, mood


def test_false_alarm_rate_stays_near_five_percent_where_the_naive_test_does_not():
    rng = np.random.default_rng(20261126)
    honest = naive = 0
    for _ in range(JOURNALS):
        x, y = null_journal(rng)
        honest += correlate("midsleep_sd_7d", "mood", x, y).p < 0.05
        naive += naive_p(x, y) < 0.05
    honest_rate, naive_rate = honest / JOURNALS, naive / JOURNALS
    print(f"false alarms: baseline {honest_rate:.1%}, naive {naive_rate:.1%}")
    assert BAND[0] <= honest_rate <= BAND[1]
    assert naive_rate > 0.15  # design §5: "about 1 in 5 on such data"
    assert naive_rate > 2.5 * honest_rate


def test_false_alarms_through_the_whole_pipeline():
    rng = np.random.default_rng(7)
    honest = naive = tests = 0
    for _ in range(60):
        stats = compute(journal(rng, n=150, effect=0.0))
        for c in stats.correlations:
            if (
                c.predictor in ("sri_7d", "midsleep_sd_7d")
                and c.outcome in ("mood", "focus", "resilience")
                and c.p is not None
            ):
                tests += 1
                honest += c.p < 0.05
                naive += naive_p(stats.series[c.predictor], stats.series[c.outcome]) < 0.05
    print(
        f"pipeline false alarms over {tests} tests: baseline {honest / tests:.1%}, "
        f"naive {naive / tests:.1%}"
    )
    assert tests == 360
    # 360 tests, but six per journal share their ratings: a wider band than above.
    assert 0.01 <= honest / tests <= 0.10
    assert naive / tests > honest / tests + 0.05


def test_a_planted_effect_is_found_in_most_journals():
    rng = np.random.default_rng(11)
    found = trials = 0
    rhos = []
    for n in (120, 135, 150, 165, 180) * 8:
        stats = compute(journal(rng, n=n, effect=-0.42))
        c = next(
            c
            for c in stats.correlations
            if (c.predictor, c.outcome) == ("midsleep_sd_7d", "resilience")
        )
        rhos.append(c.rho)
        trials += 1
        found += c.p < 0.05 and c.rho < 0
    print(f"planted effect: mean ρ {np.mean(rhos):.2f}, found in {found}/{trials}")
    assert -0.47 < np.mean(rhos) < -0.33  # realistic size, |ρ| ≈ 0.4
    assert found / trials >= 0.7
