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

from nts_desktop.core.units import first_upper, hours_minutes, plural

from .agreement import MIN_NIGHTS as AGREEMENT_NIGHTS
from .agreement import Agreement
from .correlate import MIN_DAYS, Correlation
from .stats import Stats

CAVEAT = (
    "This is a correlation in your own data, with weekends and slow drifts allowed for, "
    "not proof of cause."
)
LIST_CAVEAT = (  # said once under a list of findings
    "Each of these is a correlation in your own data, with weekends and slow drifts allowed "
    "for, not proof of cause."
)

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
    if c.evidence == "no clear link" and c.ci95 and (c.ci95[0] > 0 or c.ci95[1] < 0):
        return (
            f"{first_upper(predictor_label(c.predictor))} and {outcome_label(c.outcome)} went "
            f"together in this range ({numbers(c)}), but once weekends and slow drifts are "
            "allowed for, no clear link remains: something they share, not one another, "
            "may explain it."
        )
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
    head = f"{first_upper(predictor_label(c.predictor))} and {outcome_label(c.outcome)}: "
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


# -- diary and device ------------------------------------------------------------------------
def _minutes(value: float) -> str:
    return hours_minutes(abs(value)) if abs(value) >= 60 else f"{abs(value):.0f} min"


def agreement_sentence(a: Agreement) -> str:
    """``Your diary says 34 min more sleep than fitbit, on 87 nights; on most nights the two
    differ by −20 to +88 min.`` (or what is still needed)."""
    if a.mean is None or a.n < AGREEMENT_NIGHTS or a.lo is None or a.hi is None:
        more = AGREEMENT_NIGHTS - a.n
        return f"Diary and {a.source}: {plural(a.n, 'night')} with both so far; needs {more} more."
    x, up = _minutes(a.mean), a.mean >= 0
    head = {
        "tst_min": f"Your diary says {x} {'more' if up else 'less'} sleep than {a.source}",
        "sol_min": f"Your diary says you took {x} {'longer' if up else 'less time'} to fall "
        f"asleep than {a.source} measured",
        "wake_min": f"Your diary puts your final awakening {x} {'later' if up else 'earlier'} "
        f"than {a.source}",
    }[a.measure]
    span = f"{number(a.lo, '+.0f')} to {number(a.hi, '+.0f')} min"
    return f"{head}, on {plural(a.n, 'night')}; on most nights the two differ by {span}."


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def readiness(correlations: list[Correlation]) -> str:
    """How many pairs can be tested now, and what the others still need: outcomes never
    rated, more days with both, or a value that never varies."""
    if not correlations:
        return ""
    ready = [c for c in correlations if c.rho is not None]
    waiting = [c for c in correlations if c.rho is None]
    text = f"{len(ready)} of {plural(len(correlations), 'pair')} can be tested now."
    if not waiting:
        return text
    by_outcome: dict[str, list[Correlation]] = {}
    for c in correlations:
        by_outcome.setdefault(c.outcome, []).append(c)
    unrated = [o for o, cs in by_outcome.items() if all(c.n == 0 for c in cs)]
    parts = []
    if unrated:
        count = sum(len(by_outcome[o]) for o in unrated)
        names = _listed([outcome_label(o) for o in unrated])
        parts.append(
            f"{names}: no day has them with its night yet ({plural(count, 'pair')}; each is "
            f"tested from {MIN_DAYS} such days)"
        )
    by_predictor: dict[str, list[Correlation]] = {}
    for c in correlations:
        if c.outcome not in unrated:
            by_predictor.setdefault(c.predictor, []).append(c)
    unrecorded = [p for p, cs in by_predictor.items() if all(c.n == 0 for c in cs)]
    if unrecorded:
        count = sum(len(by_predictor[p]) for p in unrecorded)
        names = _listed([predictor_label(p) for p in unrecorded])
        parts.append(f"{names}: not recorded with a rated day yet ({plural(count, 'pair')})")
    rest = [c for c in waiting if c.outcome not in unrated and c.predictor not in unrecorded]
    short = [c for c in rest if c.n < MIN_DAYS]
    if short:
        closest = max(short, key=lambda c: c.n)
        parts.append(
            f"{plural(len(short), 'pair')} {'needs' if len(short) == 1 else 'need'} more days "
            "with both (closest: "
            f"{predictor_label(closest.predictor)} and {outcome_label(closest.outcome)}, "
            f"{MIN_DAYS - closest.n} more)"
        )
    flat = [c for c in rest if c.n >= MIN_DAYS]
    if flat:
        verb = "has" if len(flat) == 1 else "have"
        parts.append(f"{plural(len(flat), 'pair')} {verb} a value that never varies yet")
    return f"{text} Still waiting: {'; '.join(parts)}."
