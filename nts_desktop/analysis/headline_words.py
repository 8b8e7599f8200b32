"""The headline in words (design §5): its title, its finding, the most against the least
regular weeks, the next days, and what is still needed — one vocabulary for `stats` and
Insights."""

from __future__ import annotations

from nts_desktop.core.units import plural

from .headline import THIRD_WEEKS, WEEK_VALUES, Headline
from .words import number, outcome_label, pair_sentence, predictor_label, q_value

LAG_WORDS = {1: "a day later", 2: "two days later", 3: "three days later"}


def headline_title(h: Headline) -> str:
    return f"Regular sleep and your {outcome_label(h.outcome)}"


def headline_finding(h: Headline) -> str:
    """The pair with the strongest evidence, worded as the numbers say."""
    c = h.correlation
    if c is None:
        return (
            f"Log nights and rate your {outcome_label(h.outcome)}: the first answer comes "
            f"after {plural(h.days_needed, 'day')} with both."
        )
    if c.rho is None:
        if h.days_needed:
            return (
                f"{plural(c.n, 'day')} with a regular-sleep measure and a "
                f"{outcome_label(h.outcome)} rating so far; {h.days_needed} more needed for "
                "a first answer."
            )
        return f"Your {outcome_label(h.outcome)} ratings or your schedule never vary yet."
    return pair_sentence(c)


def headline_thirds(h: Headline) -> str:
    """Most against least regular weeks, or how many more weeks that needs."""
    if h.correlation is None or h.correlation.rho is None:
        return ""
    if h.weeks_needed:
        return (
            "Comparing your most and least regular weeks needs "
            f"{plural(h.weeks_needed, 'more week')} with at least {WEEK_VALUES} days of both "
            f"({3 * THIRD_WEEKS} weeks in all)."
        )
    most, least = h.most_regular, h.least_regular
    name = outcome_label(h.outcome)

    def part(t) -> str:
        ci = f" [{number(t.ci95[0], '.1f')}, {number(t.ci95[1], '.1f')}]" if t.ci95 else ""
        return f"{number(t.mean, '.1f')}{ci} over {plural(t.weeks, 'week')}"

    return (
        f"In your most regular third of weeks (by {predictor_label(h.predictor or '')}) your "
        f"{name} averaged {part(most)}; in your least regular third, {part(least)} "
        "(95 % intervals from resampling whole weeks)."
    )


def headline_lags(h: Headline) -> str:
    """Whether regularity goes with the next days too."""
    if not h.lags:
        return ""
    parts = []
    for lag, c in zip((1, 2, 3), h.lags, strict=False):
        if c.rho is None:
            parts.append(f"{LAG_WORDS[lag]}: not enough days")
            continue
        q = q_value(c.q)
        q = q if q.startswith(("<", "–")) else f"= {q}"
        parts.append(f"{LAG_WORDS[lag]}: {c.evidence} (ρ = {number(c.rho)}, q {q})")
    return f"The next days — {'; '.join(parts)}."


def headline_lines(h: Headline | None) -> list[str]:
    """Title, finding, thirds and lags: the first lines of `stats` and of Insights."""
    if h is None:
        return []
    return [
        x
        for x in (headline_title(h), headline_finding(h), headline_thirds(h), headline_lags(h))
        if x
    ]
