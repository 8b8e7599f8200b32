"""The regularity cards' words: what each measure means, typical values, what it needs.

Part of the one vocabulary (``words.py``): the Insights cards and the `stats` text take
their phrases from here, so "typical adults 70–85" and the minimum counts exist once.
"""

from __future__ import annotations

from dataclasses import dataclass

from nts_desktop.core.units import clock, hours_minutes, plural

from .regularity import MIN_SRI_DAYS
from .stats import Stats
from .words import number

# -- the regularity measures: what each means, typical values, what it needs -----------------
SRI_TYPICAL = "typical adults 70–85"
SJL_SMALL = "under 1 h is small"
MSFSC_COMMON = "3 to 5 in the morning is common"  # right in either clock form
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
        f"{MSFSC_COMMON.capitalize()}; later means more of an evening type.",
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


def card_values(stats: Stats, hour12: bool = False) -> dict[str, tuple[str, str]]:
    """Each measure's value as shown, and a detail line (what it is over, or what it needs);
    clock times as ``11:30 PM`` with ``hour12``."""
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
            clock(r["msfsc_clock_min"], hour12),
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
