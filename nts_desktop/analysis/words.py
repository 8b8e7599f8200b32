"""Plain language for the analysis: names of measures, insight sentences, the text report.

An insight is worded only for a clear (q < .05) or suggestive (q < .2) link, always names
the numbers behind it, and always says it is a correlation in the user's own data. The
sentence is built so it reads right for either sign: the predictor is described in the
direction that went with *higher* outcome values.
"""

from __future__ import annotations

from dataclasses import dataclass

from nts_desktop.core.units import clock, hours_minutes, plural

from .correlate import Correlation
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


def numbers(c: Correlation) -> str:
    """``ρ = −0.42 between … and … [−0.59, −0.21], 86 days, q = 0.003``."""
    assert c.rho is not None
    interval = f" [{_signed(c.ci95[0])}, {_signed(c.ci95[1])}]" if c.ci95 else ""
    return (
        f"ρ = {_signed(c.rho)} between {predictor_label(c.predictor)} and "
        f"{outcome_label(c.outcome)}{interval}, {c.n} days, q {_q(c.q)}"
    )


def _signed(value: float) -> str:
    text = f"{value:.2f}"
    return "0.00" if text in ("-0.00", "0.00") else text.replace("-", "−")


def _q(q: float | None) -> str:
    if q is None:
        return "–"
    return "< 0.001" if q < 0.001 else f"= {q:.3f}"


def sentence(c: Correlation, caveat: bool = True) -> str:
    """The finding in words, reading right for either sign (with the caveat unless a list
    states it once for all its sentences)."""
    assert c.rho is not None
    _label, subject, up, _down = OUTCOMES[c.outcome]
    clause = _clause(c.predictor, c.rho > 0, c.outcome)
    text = f"{clause}, {subject} tended to be {up} ({numbers(c)})."
    return f"{text} {CAVEAT}" if caveat else text


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


def render_text(stats: Stats) -> str:
    """The readable `stats` summary: aligned, with units and plain-language lines."""
    if stats.start is None:
        return "The journal is empty: log a morning or import a diary first.\n"
    m, t, r = stats.means, stats.timing, stats.regularity
    lines = [
        f"Sleep journal {stats.start} to {stats.end} · {plural(stats.nights, 'night')}",
        "",
    ]

    def row(label: str, value: str, note: str = "") -> None:
        lines.append(f"  {label:<28}{value:>10}{'   ' + note if note else ''}")

    def fmt(value: float | None, spec: str, unit: str = "") -> str:
        return "–" if value is None else f"{value:{spec}}{unit}"

    lines.append("Averages per night")
    row("in bed", hours_minutes(m["tib_min"]))
    row("asleep", hours_minutes(m["tst_min"]))
    row("sleep efficiency", fmt(m["se_pct"], ".1f", " %"), "mean of the nightly values")
    row("minutes to fall asleep", fmt(m["sol_min"], ".0f", " min"))
    row("minutes awake in the night", fmt(m["waso_min"], ".0f", " min"))
    row("sleep quality (1–5)", fmt(m["quality"], ".1f"))
    row("rested on waking (1–5)", fmt(m["rested"], ".1f"))
    for key in ("mood", "focus", "resilience"):
        row(f"{key} (1–10)", fmt(m[key], ".1f"))
    lines += ["", "Timing (average clock time ± sample SD)"]
    for key, label in (
        ("onset", "falling asleep"),
        ("midsleep", "midsleep"),
        ("wake", "final awakening"),
    ):
        mean, sd = t[f"{key}_mean_clock_min"], t[f"{key}_sd_min"]
        value = clock(mean) if mean is not None else "–"
        row(label, value, "" if sd is None else f"± {sd:.0f} min")
    lines += ["", "Regularity"]
    sri = r["sri"]
    row(
        "Sleep Regularity Index",
        fmt(sri, ".1f"),
        f"over {r['sri_days']:.0f} day pairs; 100 = the same schedule every day, "
        "typical adults 70–85"
        if sri is not None
        else "needs 5 or more pairs of consecutive logged days",
    )
    row(
        "social jetlag",
        hours_minutes(r["sjl_min"]) if r["sjl_min"] is not None else "–",
        "midsleep on free days vs work days; under 1 h is small"
        if r["sjl_min"] is not None
        else "needs both work and free nights",
    )
    row(
        "chronotype (MSFsc)",
        clock(r["msfsc_clock_min"]),
        "free-day midsleep corrected for oversleep; 03:00–05:00 is common",
    )
    row(
        "composite phase deviation",
        fmt(r["cpd_h"], ".2f", " h"),
        "0 = same midpoint every night at your chronotype",
    )
    lines += ["", "What goes with better days"]
    found = insights(stats)
    for item in found:
        c = item.correlation
        lines.append(f"  {c.evidence.capitalize()}, {c.strength}: {sentence(c, caveat=False)}")
    if found:
        lines.append("  Each of these is a correlation in your own data, not proof of cause.")
    if not found:
        lines.append("  No clear or suggestive links yet.")
    quiet = no_clear_link(stats)
    if quiet:
        names = ", ".join(
            f"{predictor_label(c.predictor)} – {outcome_label(c.outcome)}" for c in quiet[:8]
        )
        more = f" and {len(quiet) - 8} more" if len(quiet) > 8 else ""
        lines.append(f"  No clear link yet: {names}{more}.")
    short = too_few(stats)
    if short:
        most = max(c.n for c in short)
        lines.append(
            f"  Not enough days yet for {len(short)} pair{'s' if len(short) != 1 else ''}: each "
            f"needs 14 days with both values and some variation (the best has {most})."
        )
    return "\n".join(lines) + "\n"
