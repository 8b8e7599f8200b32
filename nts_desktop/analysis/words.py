"""One vocabulary for the analysis, shared by `stats` and the window (design §5).

Names and units of measures, how numbers are written, what each regularity measure means
and what it needs, the words of a pair in the table, and insight sentences. An insight is
worded only for a clear (q < .05) or suggestive (q < .2) link, always names the numbers
behind it, and always says it is a correlation in the user's own data. The sentence is built
so it reads right for either sign: the predictor is described in the direction that went
with *higher* outcome values.
"""

from __future__ import annotations

from dataclasses import dataclass

from nts_desktop.core.units import clock, hours_minutes, plural

from .correlate import MIN_DAYS, Correlation
from .regularity import MIN_SRI_DAYS
from .stats import Stats

CAVEAT = "This is a correlation in your own data, not proof of cause."

# predictor: (label, clause when higher, clause when lower)
PREDICTORS: dict[str, tuple[str, str, str]] = {
    "tst_h": (
        "total sleep",
        "After nights when you slept longer",
        "After nights when you slept less",
    ),
    "se_pct": (
        "sleep efficiency",
        "After nights with more of the time in bed asleep",
        "After nights with more of the time in bed awake",
    ),
    "sol_min": (
        "time to fall asleep",
        "After nights when you took longer to fall asleep",
        "After nights when you fell asleep faster",
    ),
    "waso_min": (
        "time awake in the night",
        "After nights when you lay awake longer",
        "After nights when you were awake less",
    ),
    "quality": ("sleep quality", "After nights you rated better", "After nights you rated worse"),
    "rem_min": (
        "REM sleep (device)",
        "After nights with more REM sleep",
        "After nights with less REM sleep",
    ),
    "deep_min": (
        "deep sleep (device)",
        "After nights with more deep sleep",
        "After nights with less deep sleep",
    ),
    "midsleep_shift_min": (
        "night-to-night midpoint shift",
        "When your sleep midpoint moved more from the night before",
        "When your sleep midpoint stayed close to the night before",
    ),
    "sri_7d": (
        "7-day Sleep Regularity Index",
        "In weeks when your sleep schedule was more regular",
        "In weeks when your sleep schedule was less regular",
    ),
    "midsleep_sd_7d": (
        "midpoint variability",
        "In weeks when your sleep midpoint varied more",
        "In weeks when your sleep midpoint was steadier",
    ),
    "caffeine": (
        "caffeinated drinks",
        "days with more caffeinated drinks",
        "days with fewer caffeinated drinks",
    ),
    "alcohol": (
        "alcoholic drinks",
        "days with more alcoholic drinks",
        "days with fewer alcoholic drinks",
    ),
    "naps_min": ("naps", "days with longer naps", "days with shorter or no naps"),
}
SLEEP_OUTCOME_NAMES = ("tst_h", "se_pct", "sol_min")
# outcome: (label, subject, word when higher, word when lower)
OUTCOMES: dict[str, tuple[str, str, str, str]] = {
    "mood": ("mood", "your mood ratings", "higher", "lower"),
    "focus": ("focus", "your focus ratings", "higher", "lower"),
    "resilience": ("resilience", "your resilience ratings", "higher", "lower"),
    "rested": ("feeling rested", "how rested you felt on waking", "higher", "lower"),
    "tst_h": ("total sleep", "your sleep that night", "longer", "shorter"),
    "se_pct": ("sleep efficiency", "your sleep efficiency that night", "higher", "lower"),
    "sol_min": (
        "time to fall asleep",
        "the time you took to fall asleep that night",
        "longer",
        "shorter",
    ),
}


def predictor_label(name: str) -> str:
    if name.startswith("tag:"):
        return f"the “{name[4:]}” tag"
    return PREDICTORS[name][0]


def outcome_label(name: str) -> str:
    return OUTCOMES[name][0]


def _clause(name: str, higher: bool, outcome: str) -> str:
    """The predictor's side of the sentence. Factors and tags belong to the entry's row: the
    day before its night, so a rating outcome is "the day after" and a sleep outcome "that
    night"."""
    if name.startswith("tag:"):
        tag = name[4:]
        return (
            f"When an entry was tagged “{tag}”"
            if higher
            else (f"When an entry was not tagged “{tag}”")
        )
    words = PREDICTORS[name][1 if higher else 2]
    if name in ("caffeine", "alcohol", "naps_min"):
        return f"After {words}" if outcome in SLEEP_OUTCOME_NAMES else f"On the days after {words}"
    return words


@dataclass(frozen=True)
class Insight:
    correlation: Correlation
    sentence: str


def number(value: float | None, spec: str = ".2f", unit: str = "") -> str:
    """``value`` written for people: "–" when missing, a real minus sign, never "−0.00"."""
    if value is None:
        return "–"
    text = format(value, spec)
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace("-", "−") + unit


def q_value(q: float | None) -> str:
    """A q (or p) value for a table cell: ``0.003``, ``< 0.001`` or ``–``."""
    if q is None:
        return "–"
    return "< 0.001" if q < 0.001 else f"{q:.3f}"


def interval(c: Correlation) -> str:
    """``0.42 [0.21, 0.59]``: ρ with its 95 % interval (``–`` when not computable)."""
    if c.rho is None:
        return "–"
    ci = f" [{number(c.ci95[0])}, {number(c.ci95[1])}]" if c.ci95 else ""
    return f"{number(c.rho)}{ci}"


def numbers(c: Correlation) -> str:
    """``ρ = −0.42 between … and … [−0.59, −0.21], 86 days, q = 0.003``."""
    assert c.rho is not None
    ci = f" [{number(c.ci95[0])}, {number(c.ci95[1])}]" if c.ci95 else ""
    q = q_value(c.q)
    q = q if q.startswith(("<", "–")) else f"= {q}"
    return (
        f"ρ = {number(c.rho)} between {predictor_label(c.predictor)} and "
        f"{outcome_label(c.outcome)}{ci}, {plural(c.n, 'day')}, q {q}"
    )


def sentence(c: Correlation, caveat: bool = True) -> str:
    """The finding in words, reading right for either sign (with the caveat unless a list
    states it once for all its sentences)."""
    assert c.rho is not None
    _label, subject, up, _down = OUTCOMES[c.outcome]
    clause = _clause(c.predictor, c.rho > 0, c.outcome)
    text = f"{clause}, {subject} tended to be {up} ({numbers(c)})."
    return f"{text} {CAVEAT}" if caveat else text


def pair_sentence(c: Correlation) -> str:
    """What one pair says, in words that stay true: a tendency only for a clear or
    suggestive link; "no clear link yet" (with its numbers) for the others; what is still
    needed where nothing can be said."""
    if c.rho is None:
        return pair_status(c)
    if c.evidence == "no clear link":
        return (
            f"No clear link yet between {predictor_label(c.predictor)} and "
            f"{outcome_label(c.outcome)} in this range ({numbers(c)}): the days so far do "
            "not show a tendency either way."
        )
    return f"{c.evidence.capitalize()}, {c.strength}: {sentence(c)}"


def needs_more(c: Correlation) -> str:
    """What a pair without numbers still needs: ``needs 3 more days`` or no variation."""
    more = MIN_DAYS - c.n
    return f"needs {plural(more, 'more day')}" if more > 0 else "no variation yet"


def pair_words(c: Correlation) -> str:
    """The table's "In words": ``clear, moderate``, ``no clear link (weak)``, ``needs …``."""
    if c.rho is None:
        return needs_more(c)
    if c.evidence == "no clear link":
        return f"no clear link ({c.strength})"
    return f"{c.evidence}, {c.strength}"


def pair_status(c: Correlation) -> str:
    """A pair's sentence when it has no numbers yet, saying why."""
    head = f"{predictor_label(c.predictor).capitalize()} and {outcome_label(c.outcome)}: "
    more = MIN_DAYS - c.n
    if more > 0:
        return (
            f"{head}{plural(c.n, 'day')} with both so far; {more} more needed before a link "
            "can be judged."
        )
    return f"{head}one of the two never varies in this range."


UNITS = {
    "tst_h": "h",
    "se_pct": "%",
    "sol_min": "min",
    "waso_min": "min",
    "midsleep_shift_min": "min",
    "midsleep_sd_7d": "min",
    "quality": "1–5",
    "rested": "1–5",
    "mood": "1–10",
    "focus": "1–10",
    "resilience": "1–10",
    "caffeine": "drinks",
    "alcohol": "drinks",
    "naps_min": "min",
    "rem_min": "min",
    "deep_min": "min",
}


def value_text(name: str, value: float) -> str:
    """One value of a measure as people read it: ``7 h 45``, ``12 min``, ``88 %``, ``7``."""
    if name.startswith("tag:"):
        return "tagged" if value else "not tagged"
    unit = UNITS.get(name, "")
    if unit == "h":
        return hours_minutes(value * 60)
    if unit in ("min", "%"):
        return f"{value:.0f} {unit}"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def with_unit(label: str, name: str) -> str:
    """A measure's label with its unit, for a chart axis: ``total sleep (h)``."""
    if name.startswith("tag:"):
        return f"{label} (1 = tagged, 0 = not)"
    return f"{label} ({UNITS[name]})" if name in UNITS else label


def insights(stats: Stats) -> list[Insight]:
    """Clear, then suggestive links, the stronger first within each."""
    found = [c for c in stats.correlations if c.rho is not None and c.evidence != "no clear link"]
    found.sort(key=evidence_order)
    return [Insight(c, sentence(c)) for c in found]


def evidence_order(c: Correlation) -> tuple:
    """Sort key: clear, suggestive, no clear link, not computable; stronger |ρ| first."""
    rank = {"clear": 0, "suggestive": 1, "no clear link": 2}[c.evidence]
    return (c.rho is None, rank, -abs(c.rho or 0.0), -c.n)


def no_clear_link(stats: Stats) -> list[Correlation]:
    return [c for c in stats.correlations if c.rho is not None and c.evidence == "no clear link"]


def too_few(stats: Stats) -> list[Correlation]:
    return [c for c in stats.correlations if c.rho is None]


# -- the regularity measures: what each means, typical values, what it needs -----------------
SRI_TYPICAL = "typical adults 70–85"
SJL_SMALL = "under 1 h is small"
MSFSC_COMMON = "03:00–05:00 is common"
NEEDS = {
    "sri": f"needs {MIN_SRI_DAYS} pairs of consecutive logged days",
    "mctq": "needs nights before both work days and free days",
    "cpd": "needs a chronotype and consecutive nights",
    "timing": "needs 2 nights",
    "sleep": "needs a night",
    "sri_7d": "the 7-day SRI needs 6 nights in a row within a week",
    "shift": "the midsleep shift needs two nights in a row",
}


@dataclass(frozen=True)
class Measure:
    """A regularity card: its title, what it means, and what typical values are."""

    key: str
    title: str
    meaning: str
    typical: str


MEASURES: tuple[Measure, ...] = (
    Measure(
        "sri",
        "Sleep Regularity Index",
        "How alike your sleep and wake times are from one day to the next (−100 to 100).",
        f"{SRI_TYPICAL.capitalize()}; 90+ is very regular.",
    ),
    Measure(
        "sjl",
        "Social jetlag",
        "How far your midsleep on free days is from work days.",
        f"{SJL_SMALL.capitalize()}; 2 h or more is like flying two time zones each weekend.",
    ),
    Measure(
        "msfsc",
        "Chronotype (MSFsc)",
        "Your free-day midsleep, corrected for catching up on sleep.",
        f"{MSFSC_COMMON}; later means more of an evening type.",
    ),
    Measure(
        "cpd",
        "Composite phase deviation",
        "How far each night's midpoint strays from your chronotype and from the night before.",
        "Lower is steadier; under 1 h is regular.",
    ),
    Measure(
        "timing",
        "Timing spread",
        "Sample SD of falling asleep, midsleep and waking, in minutes.",
        "Under 30 min is regular; over 60 min is irregular.",
    ),
    Measure(
        "sleep",
        "Average sleep",
        "Total sleep per night, and the share of time in bed spent asleep.",
        "Adults need 7–9 h; efficiency of 85 % or more is good.",
    ),
)


def card_values(stats: Stats) -> dict[str, tuple[str, str]]:
    """Each measure's value as shown, and a detail line (what it is over, or what it needs)."""
    r, t, m = stats.regularity, stats.timing, stats.means
    sds = ("onset_sd_min", "midsleep_sd_min", "wake_sd_min")
    return {
        "sri": (
            number(r["sri"], ".0f"),
            f"over {plural(round(r['sri_days']), 'pair')} of consecutive days"
            if r["sri"] is not None
            else NEEDS["sri"],
        ),
        "sjl": (
            hours_minutes(r["sjl_min"]),
            "" if r["sjl_min"] is not None else NEEDS["mctq"],
        ),
        "msfsc": (
            clock(r["msfsc_clock_min"]),
            "" if r["msfsc_clock_min"] is not None else NEEDS["mctq"],
        ),
        "cpd": (number(r["cpd_h"], ".2f", " h"), "" if r["cpd_h"] is not None else NEEDS["cpd"]),
        "timing": (
            " · ".join(number(t[k], ".0f") for k in sds) + " min"
            if t["midsleep_sd_min"] is not None
            else "–",
            "falling asleep · midsleep · waking"
            if t["midsleep_sd_min"] is not None
            else NEEDS["timing"],
        ),
        "sleep": (
            f"{hours_minutes(m['tst_min'])} · {number(m['se_pct'], '.0f')} %"
            if m["tst_min"] is not None
            else "–",
            "asleep per night · efficiency" if m["tst_min"] is not None else NEEDS["sleep"],
        ),
    }
