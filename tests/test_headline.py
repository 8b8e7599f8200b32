"""The headline (design §5, §8): regular sleep against resilience, first in `stats` and on
Insights — right on a journal with a planted link, honest with too few days, and the lags
counted in the multiple testing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
from click.testing import CliRunner
from simulate import journal

from nts_desktop.analysis.headline import REGULARITY, thirds
from nts_desktop.analysis.headline_words import headline_lines
from nts_desktop.analysis.stats import compute, to_json
from nts_desktop.cli import cli
from nts_desktop.demo import write_demo
from nts_desktop.storage import open_journal


def test_a_planted_regularity_link_is_the_clear_headline_with_thirds_and_lags():
    stats = compute(journal(np.random.default_rng(3), n=240, effect=-0.6))
    h = stats.headline
    assert h.predictor in REGULARITY and h.outcome == "resilience"
    assert h.correlation.evidence == "clear"
    assert h.most_regular.mean > h.least_regular.mean  # steadier weeks, better days
    for third in (h.most_regular, h.least_regular):
        assert third.ci95[0] < third.mean < third.ci95[1] and third.weeks >= 3
    assert [c.outcome for c in h.lags] == ["resilience+1", "resilience+2", "resilience+3"]
    assert all(c.q is not None for c in h.lags)  # the lags join the adjustment
    lines = headline_lines(h)
    assert lines[0] == "Regular sleep and your resilience"
    assert lines[1].startswith("Clear") and "weekends and slow drifts allowed for" in lines[1]
    assert "most regular third of weeks" in lines[2] and lines[3].startswith("The next days")


def test_the_lags_raise_the_q_of_every_pair_as_three_more_tests_should():
    from nts_desktop.analysis.correlate import with_q

    stats = compute(journal(np.random.default_rng(4), n=200, effect=-0.4))
    pairs = [c for c in stats.correlations if c.p is not None]
    alone = {(c.predictor, c.outcome): c.q for c in with_q(pairs)}
    assert all(c.q >= alone[(c.predictor, c.outcome)] - 1e-12 for c in pairs)
    assert any(c.q > alone[(c.predictor, c.outcome)] for c in pairs)


def test_with_too_few_days_the_headline_says_what_it_needs(tmp_path):
    db = tmp_path / "j.sqlite3"
    with open_journal(db, tz="Europe/Berlin") as j:
        write_demo(j, nights=12, seed=2, end=date(2026, 3, 11))
    out = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    head = out.stdout.split("\n\n")[1].splitlines()
    assert head[0] == "Regular sleep and your resilience"
    assert "more needed for a first answer" in head[1]
    data = json.loads(CliRunner().invoke(cli, ["--db", str(db), "stats", "--json"]).stdout)
    h = data["headline"]
    assert h["rho"] is None and h["p"] is None and h["thirds"]["most_regular"]["mean"] is None
    assert h["lags"] == [] and "more needed" in h["words"]


def test_a_comparison_of_weeks_waits_for_nine_weeks_with_three_days_each():
    start = date(2024, 1, 1).toordinal()
    ordinals = np.arange(start, start + 56)  # eight weeks
    x, y = np.linspace(0, 1, 56), np.linspace(1, 10, 56)
    least, most, needed = thirds("sri_7d", x, y, ordinals)
    assert needed == 1 and least.mean is None
    ordinals = np.arange(start, start + 63)
    least, most, needed = thirds("sri_7d", np.linspace(0, 1, 63), np.linspace(1, 10, 63), ordinals)
    assert needed == 0 and most.mean > least.mean and most.weeks == least.weeks == 3
    low, high = thirds("midsleep_sd_7d", np.linspace(0, 1, 63), np.linspace(1, 10, 63), ordinals)[
        :2
    ]
    assert high.mean < low.mean  # a larger SD is less regular


def test_the_json_headline_matches_the_text(tmp_path):
    stats = compute(journal(np.random.default_rng(5), n=150, effect=-0.5))
    h = to_json(stats)["headline"]
    assert h["predictor"] == stats.headline.predictor and h["n"] == stats.headline.correlation.n
    assert h["words"].startswith(headline_lines(stats.headline)[1][:40])
    assert [lag["lag"] for lag in h["lags"]] == [1, 2, 3]


def test_insights_shows_the_headline_first_in_both_themes(make_window, tmp_path, qtbot):
    db = tmp_path / "j.sqlite3"
    with open_journal(db, tz="Europe/Berlin") as j:
        write_demo(j, nights=200, seed=1, end=date.today() - timedelta(days=1))
    window = make_window(db)
    window.show_page(window.tabs.indexOf(window.insights))
    page = window.insights
    page.range_box.setCurrentText("All")
    page.background.wait()
    qtbot.waitUntil(lambda: page.headline.finding.text() != "Computing…")
    assert page.headline.title.text() == "Regular sleep and your resilience"
    first_card = min(page.cards.values(), key=lambda c: c.y())
    assert (
        page.headline.y() < first_card.y() < page.table.mapTo(page, page.table.rect().topLeft()).y()
    )
    assert page.headline.chart.isVisible(), (
        page.headline.finding.text(),
        page.headline.thirds.text(),
    )
    window.set_theme("dark")
    assert page.headline.chart.backgroundBrush().color().lightness() < 128


def test_on_a_short_window_the_cards_keep_their_values_and_move_the_words_to_tooltips(
    make_window, tmp_path, qtbot
):
    window = make_window(tmp_path / "j.sqlite3")
    window.show_page(window.tabs.indexOf(window.insights))
    card = (
        window.insights.cards["sri"]
        if "sri" in window.insights.cards
        else next(iter(window.insights.cards.values()))
    )
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: not card.explain.isVisible())
    assert card.value.isVisible() and not card.hint.isVisible()
    assert card.toolTip() == f"{card.explain.text()}\n{card.hint.text()}"
    window.resize(1200, 1000)
    qtbot.waitUntil(lambda: card.explain.isVisible())
