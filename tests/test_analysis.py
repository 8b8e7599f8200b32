"""The sleep science engine (design §2–5) against the reference vectors and own diaries."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest
from conftest import VECTORS
from diaries import day, night

from nts_desktop.analysis.correlate import (
    Correlation,
    benjamini_hochberg,
    correlate,
    evidence_word,
    strength_word,
)
from nts_desktop.analysis.series import choose_nights
from nts_desktop.analysis.stats import Stats, compute, pairs, to_json
from nts_desktop.analysis.text_report import render_text
from nts_desktop.analysis.trends import rolling_mean
from nts_desktop.analysis.within_person import autocorrelations, effective_n
from nts_desktop.analysis.words import insights, sentence
from nts_desktop.core.ranges import date_range
from nts_desktop.io.csv_import import read_csv

TOL = {"min": 0.01, "pct": 0.01, "sri": 0.01, "h": 0.0005}


def vector_days(name: str):
    parsed = read_csv((VECTORS / f"diary_{name}.csv").read_bytes(), "Europe/Berlin")
    return [d for _, d in parsed.days]


@pytest.mark.parametrize("name", ["A_regular", "B_weekend_shift"])
def test_reference_values(name):
    expected = json.loads((VECTORS / f"expected_{name}.json").read_text())
    out = to_json(compute(vector_days(name)))
    assert out["range"] == expected["range"]
    for key, want in expected["means"].items():
        assert out["means"][key] == pytest.approx(want, abs=TOL["min"]), key
    for key, want in expected["timing"].items():
        assert out["timing"][key] == pytest.approx(want, abs=TOL["min"]), key
    reg = expected["regularity"]
    assert out["regularity"]["sri"] == pytest.approx(reg["sri"], abs=TOL["sri"])
    assert out["regularity"]["sri_days"] == pytest.approx(reg["sri_days"], abs=TOL["sri"])
    for key in ("sjl_min", "msw_clock_min", "msf_clock_min", "msfsc_clock_min"):
        assert out["regularity"][key] == pytest.approx(reg[key], abs=TOL["min"]), key
    assert out["regularity"]["cpd_h"] == pytest.approx(reg["cpd_h"], abs=TOL["h"])


def regular(start: str, count: int, bed="23:00", up="07:00", tz="Europe/Berlin", skip=(), **values):
    first = date.fromisoformat(start)
    out = []
    for i in range(count):
        when = first + timedelta(days=i)
        if i in skip:
            continue
        out.append(
            day(
                when,
                bed,
                bed,
                up,
                up,
                sol=0,
                awakenings=0,
                waso=0,
                tz=tz,
                free=when.weekday() >= 5,
                **values,
            )
        )
    return out


def test_a_missing_night_drops_its_noon_to_noon_day_and_cpd_skips_the_next_night():
    full = compute(regular("2025-05-05", 14))
    gap = compute(regular("2025-05-05", 14, skip={6}))
    assert full.regularity["sri"] == pytest.approx(100)
    assert full.regularity["sri_days"] == 13
    assert gap.regularity["sri_days"] == 11  # both pairs touching the missing day are gone
    assert gap.nights == 13
    days = regular("2025-05-05", 14, skip={6})
    shifted = [
        d
        if d.date != date(2025, 5, 12)
        else day("2025-05-12", "01:00", "01:00", "09:00", "09:00", sol=0, awakenings=0, waso=0)
        for d in days
    ]
    # 05-12 (midsleep 05:00) follows the missing 05-11, so it has no previous calendar night
    # and is left out of CPD; 05-13 (03:00) follows it: √(0² + 120²) min = 2 h. MSFsc stays
    # 03:00 and the other 10 nights with a previous night deviate by 0: CPD = 2 h / 11.
    assert compute(days).regularity["cpd_h"] == pytest.approx(0)
    moved = compute(shifted).regularity
    assert moved["msfsc_clock_min"] == pytest.approx(180)
    assert moved["cpd_h"] == pytest.approx(2 / 11)


def test_dst_night_keeps_wall_clock_regularity_and_elapsed_durations():
    stats = compute(regular("2025-03-26", 10))  # crosses 2025-03-30 spring forward
    assert stats.regularity["sri"] == pytest.approx(100)
    assert stats.timing["midsleep_sd_min"] > 0  # 7 h night: midsleep 02:30 CET = 03:30 CEST
    assert stats.means["tib_min"] == pytest.approx((9 * 480 + 420) / 10)


def test_zone_change_mid_journal_reads_each_night_in_its_zone():
    days = regular("2025-05-01", 7) + regular("2025-05-08", 7, tz="America/New_York")
    stats = compute(days)
    assert stats.regularity["sri"] == pytest.approx(100)
    assert stats.timing["onset_sd_min"] == pytest.approx(0)
    assert stats.timing["midsleep_mean_clock_min"] == pytest.approx(180)


def test_msfsc_equals_msf_when_free_nights_are_not_longer():
    days = regular("2025-05-05", 14)
    free = [d.date for d in days if d.free_day]
    days = [
        d
        if d.date not in free
        else day(d.date, "00:00", "00:00", "07:00", "07:00", sol=0, awakenings=0, waso=0, free=True)
        for d in days
    ]
    r = compute(days).regularity
    assert r["msf_clock_min"] == pytest.approx(210)
    assert r["msfsc_clock_min"] == pytest.approx(r["msf_clock_min"])
    assert r["sjl_min"] == pytest.approx(30)


def test_msfsc_corrects_oversleep_on_free_nights():
    days = regular("2025-05-05", 14)
    days = [
        d
        if not d.free_day
        else day(d.date, "00:00", "00:00", "10:00", "10:00", sol=0, awakenings=0, waso=0, free=True)
        for d in days
    ]
    r = compute(days).regularity
    sd_w, sd_f = 480, 600
    sd_week = (5 * sd_w + 2 * sd_f) / 7
    assert r["msfsc_clock_min"] == pytest.approx(300 - (sd_f - sd_week) / 2)


def test_only_work_nights_leave_mctq_and_cpd_null():
    days = [d for d in regular("2025-05-05", 14) if not d.free_day]
    r = to_json(compute(days))["regularity"]
    assert r["sjl_min"] is None and r["msfsc_clock_min"] is None and r["cpd_h"] is None
    assert r["sri"] is not None


def test_constant_ratings_give_null_rho():
    days = regular("2025-05-01", 30, mood=5, focus=5, resilience=5)
    out = to_json(compute(days))
    mood = [c for c in out["correlations"] if c["outcome"] == "mood"]
    assert mood and all(c["rho"] is None and c["p"] is None and c["q"] is None for c in mood)
    assert all(c["n"] >= 23 for c in mood if c["predictor"] == "tst_h")


def test_one_night_and_empty_journal_are_valid_json_with_nulls():
    for days in ([], regular("2025-05-01", 1)):
        out = to_json(compute(days))
        text = json.dumps(out, allow_nan=False)  # raises on NaN or Infinity
        assert json.loads(text) == out
        assert out["regularity"]["sri"] is None
        assert all(c["rho"] is None for c in out["correlations"])
    assert to_json(compute([]))["range"] == {"from": None, "to": None, "nights": 0}
    one = to_json(compute(regular("2025-05-01", 1)))
    assert one["range"]["nights"] == 1 and one["timing"]["onset_sd_min"] is None
    assert one["means"]["tib_min"] == 480


def test_pairs_are_in_the_fixed_order_with_tags():
    order = pairs(["caffeine", "alcohol", "naps_min", "tag:run"])
    assert order[:4] == [
        ("tst_h", "mood"),
        ("tst_h", "focus"),
        ("tst_h", "resilience"),
        ("tst_h", "rested"),
    ]
    assert order[32:35] == [("caffeine", "mood"), ("caffeine", "focus"), ("caffeine", "resilience")]
    assert order[-3:] == [("tag:run", "tst_h"), ("tag:run", "se_pct"), ("tag:run", "sol_min")]


def test_tags_need_five_days_used_and_five_absent():
    days = regular("2025-05-01", 20)

    def tags(i: int) -> tuple[str, ...]:
        return tuple(
            t for t, used in (("run", i < 5), ("walk", 5 <= i < 9), ("tea", i >= 4)) if used
        )

    tagged = [d.__class__(**{**d.__dict__, "tags": tags(i)}) for i, d in enumerate(days)]
    names = {c.predictor for c in compute(tagged).correlations}
    assert "tag:run" in names  # used 5, absent 15
    assert "tag:walk" not in names  # used only 4
    assert "tag:tea" not in names  # used 16, absent only 4


def test_rolling_sri_equals_each_window_computed_alone():
    from nts_desktop.analysis.regularity import rolling_sri, sri
    from nts_desktop.analysis.series import build_series

    rng = np.random.default_rng(4)
    days = []
    for i in range(40):
        when = date(2025, 6, 1) + timedelta(days=i)
        if i in (9, 10, 25):
            continue
        if i in (15, 16, 30):  # day sleeper: the sleep falls after noon, into the next day
            bed, up = "13:00", "21:00"
        else:
            start = 23 * 60 + int(rng.integers(-90, 90))
            bed = f"{(start // 60) % 24:02d}:{start % 60:02d}"
            up = f"{7 + int(rng.integers(0, 3)):02d}:{int(rng.integers(0, 60)):02d}"
        days.append(day(when, bed, bed, up, up, sol=0, awakenings=0, waso=0))
    s = build_series(days)
    rolled = rolling_sri(s)
    for i in range(1, s.n):
        alone, _ = sri(s, max(0, i - 6), i)
        if alone is None:
            assert np.isnan(rolled[i]), i
        else:
            assert rolled[i] == pytest.approx(alone), i


def test_spearman_ties_and_scipy_agreement():
    from scipy.stats import spearmanr

    rng = np.random.default_rng(1)
    x = rng.integers(1, 6, 60).astype(float)
    y = x + rng.integers(-2, 3, 60)
    c = correlate("quality", "mood", x, y)
    assert c.rho == pytest.approx(spearmanr(x, y).statistic)
    assert c.n == 60


def test_effective_n_is_n_for_white_noise_and_smaller_for_autocorrelated_series():
    rng = np.random.default_rng(2)
    white = [rng.normal(size=400) for _ in range(2)]
    assert effective_n(*white) > 330
    walk = [np.cumsum(rng.normal(size=400)) for _ in range(2)]
    assert effective_n(*walk) < 60
    assert effective_n(np.arange(10.0), np.arange(10.0)[::-1]) >= 3
    r = autocorrelations(np.array([1.0, 2, 3, 4, 5]), 2)
    assert r[0] == pytest.approx(((-2 * -1) + (-1 * 0) + 0 + (1 * 2)) / 10)


def test_p_and_interval_follow_the_formulas():
    from scipy.stats import t as student

    rng = np.random.default_rng(3)
    x = rng.normal(size=80)
    y = 0.5 * x + rng.normal(size=80)
    c = correlate("tst_h", "mood", x, y)
    # white series without weekly rhythm or drift: nothing is fitted, the test is the plain
    # t-test of the rank correlation on n − 2 degrees of freedom
    stat = c.rho * math.sqrt((c.n - 2) / (1 - c.rho**2))
    assert c.p == pytest.approx(2 * student.sf(abs(stat), c.n - 2))
    se = math.sqrt((1 + c.rho**2 / 2) / (c.n_eff - 3))
    lo, hi = c.ci95
    assert lo == pytest.approx(math.tanh(math.atanh(c.rho) - 1.959964 * se), abs=1e-6)
    assert hi == pytest.approx(math.tanh(math.atanh(c.rho) + 1.959964 * se), abs=1e-6)


def test_benjamini_hochberg_and_words():
    assert benjamini_hochberg([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert [strength_word(r) for r in (0.05, -0.2, 0.45, -0.7)] == [
        "negligible",
        "weak",
        "moderate",
        "strong",
    ]
    assert [evidence_word(q) for q in (0.01, 0.1, 0.5, None)] == [
        "clear",
        "suggestive",
        "no clear link",
        "no clear link",
    ]


def test_too_few_days_give_nulls_but_report_n():
    x = np.arange(13.0)
    c = correlate("tst_h", "mood", x, x)
    assert (c.n, c.rho, c.p, c.ci95) == (13, None, None, None)


@pytest.mark.parametrize(
    ("rho", "words"),
    [
        (
            -0.42,
            "In weeks when your sleep midpoint was steadier, your resilience ratings tended "
            "to be higher (ρ = −0.42 between midpoint variability and resilience [−0.59, −0.21], "
            "86 days, q = 0.003)",
        ),
        (
            0.42,
            "In weeks when your sleep midpoint varied more, your resilience ratings tended to "
            "be higher (ρ = 0.42 between midpoint variability and resilience [0.21, 0.59], "
            "86 days, q = 0.003)",
        ),
    ],
)
def test_insight_sentence_reads_right_for_either_sign(rho, words):
    ci = (-0.59, -0.21) if rho < 0 else (0.21, 0.59)
    c = Correlation("midsleep_sd_7d", "resilience", 86, 40.0, rho, ci, 0.0001, 0.003)
    text = sentence(c)
    assert text.startswith(words)
    assert text.endswith(
        "This is a correlation in your own data, with weekends and slow drifts allowed for, "
        "not proof of cause."
    )


def test_only_clear_or_suggestive_links_become_findings():
    from simulate import journal

    stats = compute(journal(np.random.default_rng(8), n=160, effect=-0.6))
    found = insights(stats)
    assert found and all(i.correlation.q < 0.2 for i in found)
    assert any(
        i.correlation.predictor == "midsleep_sd_7d" and i.correlation.outcome == "resilience"
        for i in found
    )
    text = render_text(stats)
    assert "No clear link yet:" in text
    assert "not proof of cause" in text


def test_a_range_outside_the_journal_is_empty_not_wrapped():
    days = regular("2025-05-01", 30, mood=5)
    for start, end in ((None, date(2025, 4, 20)), (date(2025, 6, 10), None)):
        out = to_json(compute(days, start=start, end=end))
        assert out["range"]["nights"] == 0
        assert out["means"]["tib_min"] is None and out["regularity"]["sjl_min"] is None
        assert all(c["n"] == 0 for c in out["correlations"])


def test_device_nights_without_a_day_record_are_work_or_free_by_weekday():
    from dataclasses import replace as with_

    weekdays = [d for d in regular("2025-05-05", 14) if not d.free_day]
    weekend = [
        with_(d.night, source="watch")
        for d in regular("2025-05-05", 14, bed="00:30", up="09:00")
        if d.free_day
    ]
    r = compute(weekdays, weekend).regularity
    assert r["sjl_min"] == pytest.approx(45 + 60)  # 03:00 -> 04:45 midsleep
    assert r["cpd_h"] is not None


def test_rolling_sd_ties_are_exact():
    from nts_desktop.analysis.regularity import rolling_sd

    values = np.tile([770.5, 790.0, 800.0, 790.0, 770.5, 800.0, 790.0], 300)
    out = rolling_sd(values)
    assert len(set(out[6:])) == 1


def _bh_by_hand(ps: list[float]) -> list[float]:
    """Benjamini & Hochberg (1995) step-up, written out: the reference for scipy's."""
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    q, running = [0.0] * m, 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, ps[i] * m / rank)
        q[i] = min(running, 1.0)
    return q


def test_benjamini_hochberg_equals_the_step_up_procedure_on_random_and_tied_vectors():
    rng = np.random.default_rng(12)
    for size in (1, 2, 7, 88, 300):
        ps = list(rng.uniform(0, 1, size) ** 3)  # many small p, as real runs have
        assert benjamini_hochberg(ps) == pytest.approx(_bh_by_hand(ps), abs=1e-12)
    tied = [0.01, 0.01, 0.2, 0.2, 0.2, 1.0, 0.0]
    assert benjamini_hochberg(tied) == pytest.approx(_bh_by_hand(tied), abs=1e-12)
    assert benjamini_hochberg([]) == []


def test_week_starts_on_the_given_first_weekday():
    wednesday = date(2025, 4, 9)
    assert date_range("week", wednesday, first_weekday=6) == (date(2025, 4, 6), date(2025, 4, 12))
    assert date_range("week", wednesday, first_weekday=0) == (date(2025, 4, 7), date(2025, 4, 13))


def test_rolling_mean_needs_three_nights_in_the_week():
    values = np.array([np.nan] * 5 + [7.0, 8.0, 6.0])
    out = rolling_mean(values)
    assert np.isnan(out[6]) and out[7] == 7.0


def test_the_diary_night_wins_and_the_preferred_source_comes_next():
    diary = day("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    a = night("2025-04-08", "22:00", "22:10", "05:50", "06:00", source="a")
    b = night("2025-04-09", "22:30", "22:40", "06:20", "06:30", source="b")
    a9 = replace(b, source="a")
    chosen = choose_nights([diary], [a, b, a9], preferred="b")
    assert chosen[date(2025, 4, 8)].source == "diary"
    assert chosen[date(2025, 4, 9)].source == "b"
    assert choose_nights([], [a9, b])[date(2025, 4, 9)].source == "a"  # else first by name


def test_rolling_predictors_look_back_before_the_range():
    beds = ("22:00", "23:00", "00:00")
    days = [
        day(
            date(2025, 5, 1) + timedelta(days=i),
            beds[i % 3],
            beds[i % 3],
            "07:00",
            "07:00",
            sol=0,
            awakenings=0,
            waso=0,
            mood=5 + i % 4,
        )
        for i in range(30)
    ]
    whole = compute(days)
    part = compute(days, start=date(2025, 5, 15))
    i = whole.dates.index(date(2025, 5, 15))
    assert part.series["sri_7d"][0] == whole.series["sri_7d"][i]
    assert part.series["midsleep_sd_7d"][0] == whole.series["midsleep_sd_7d"][i]
    assert not math.isnan(part.series["sri_7d"][0])


def test_sri_needs_five_day_pairs():
    def nights(n: int):
        return [
            day(
                date(2025, 5, 1) + timedelta(days=i),
                "23:00",
                "23:00",
                "07:00",
                "07:00",
                sol=0,
                awakenings=0,
                waso=0,
            )
            for i in range(n)
        ]

    assert compute(nights(5)).regularity["sri"] is None  # 4 pairs
    assert compute(nights(6)).regularity["sri"] is not None  # 5 pairs


def test_to_json_never_writes_nan_or_infinity():
    stats = compute(
        [day("2025-05-01", "23:00", "23:00", "07:00", "07:00", sol=0, awakenings=0, waso=0)]
    )
    broken = Stats(
        stats.start,
        stats.end,
        1,
        {**stats.means, "tib_min": float("nan")},
        {**stats.timing, "onset_sd_min": float("inf")},
        stats.regularity,
        stats.correlations,
    )
    out = to_json(broken)
    assert out["means"]["tib_min"] is None and out["timing"]["onset_sd_min"] is None
    json.dumps(out, allow_nan=False)
