"""The `stats` command's text: aligned figures with units, then the findings in words.

Every phrase comes from ``words.py``, the vocabulary the window uses too.
"""

from __future__ import annotations

from nts_desktop.core.units import clock, hours_minutes, plural

from .card_words import MSFSC_COMMON, NEEDS, SJL_SMALL, SRI_TYPICAL
from .correlate import MIN_DAYS
from .headline_words import headline_lines
from .stats import Stats
from .words import (
    LIST_CAVEAT,
    agreement_sentence,
    insights,
    no_clear_link,
    number,
    outcome_label,
    predictor_label,
    sentence,
    too_few,
)


def render_text(stats: Stats) -> str:
    """The readable `stats` summary: aligned, with units and plain-language lines."""
    if stats.start is None:
        return "The journal is empty: log a morning or import a diary first.\n"
    m, t, r = stats.means, stats.timing, stats.regularity
    lines = [
        f"Sleep journal {stats.start} to {stats.end} · {plural(stats.nights, 'night')}",
        "",
    ]
    head = headline_lines(stats.headline)
    if head:
        lines += [head[0], *(f"  {line}" for line in head[1:]), ""]

    def row(label: str, value: str, note: str = "") -> None:
        lines.append(f"  {label:<28}{value:>10}{'   ' + note if note else ''}")

    lines.append("Averages per night")
    row("in bed", hours_minutes(m["tib_min"]))
    row("asleep", hours_minutes(m["tst_min"]))
    row("sleep efficiency", number(m["se_pct"], ".1f", " %"), "mean of the nightly values")
    row("minutes to fall asleep", number(m["sol_min"], ".0f", " min"))
    row("minutes awake in the night", number(m["waso_min"], ".0f", " min"))
    row("sleep quality (1–5)", number(m["quality"], ".1f"))
    row("rested on waking (1–5)", number(m["rested"], ".1f"))
    for key in ("mood", "focus", "resilience"):
        row(f"{key} (1–10)", number(m[key], ".1f"))
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
        number(sri, ".1f"),
        f"over {r['sri_days']:.0f} day pairs; 100 = the same schedule every day, {SRI_TYPICAL}"
        if sri is not None
        else NEEDS["sri"],
    )
    row(
        "social jetlag",
        hours_minutes(r["sjl_min"]),
        f"midsleep on free days vs work days; {SJL_SMALL}"
        if r["sjl_min"] is not None
        else NEEDS["mctq"],
    )
    row(
        "chronotype (MSFsc)",
        clock(r["msfsc_clock_min"]),
        f"free-day midsleep corrected for oversleep; {MSFSC_COMMON}",
    )
    row(
        "composite phase deviation",
        number(r["cpd_h"], ".2f", " h"),
        "0 = same midpoint every night at your chronotype",
    )
    lines += ["", "What goes with better days"]
    found = insights(stats)
    for item in found:
        c = item.correlation
        lines.append(f"  {c.evidence.capitalize()}, {c.strength}: {sentence(c, caveat=False)}")
    if found:
        lines.append(f"  {LIST_CAVEAT}")
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
            f"  Not enough days yet for {plural(len(short), 'pair')}: each needs "
            f"{MIN_DAYS} days with both values and some variation (the best has {most})."
        )
    if stats.agreement:
        lines += ["", "Your diary and your device (diary − device, 95 % limits of agreement)"]
        lines += [f"  {agreement_sentence(a)}" for a in stats.agreement]
    return "\n".join(lines) + "\n"
