"""What the clinician's report says, before it is drawn (design §8, the report).

``report_content`` gathers, for one period, the weekly Consensus Sleep Diary tables, the
chart's data, the averages and sample SDs of the derived measures, the regularity figures,
the day ratings, the findings of Insights for that period and the diary vs device agreement.
It reads no journal (the caller hands it the days, device nights and naps) and draws
nothing: ``ui/report`` turns it into pages, the CLI and the window alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from nts_desktop.core.measures import measure
from nts_desktop.core.records import DIARY, Day, Night

from .diary_table import Clock, WeekTable, clock24, week_dates, week_table
from .series import choose_nights
from .stats import Stats, compute
from .trends import TrendData, trend_data

DEFAULT_DAYS = 14  # the report's period when none is given: the last two weeks

DERIVED = (  # key, label, unit of the derived measures' summary
    ("tib_min", "Time in bed (TIB)", "min"),
    ("tst_min", "Total sleep time (TST)", "min"),
    ("se_pct", "Sleep efficiency (SE)", "%"),
    ("sol_min", "Sleep onset latency (SOL)", "min"),
    ("waso_min", "Wake after sleep onset (WASO)", "min"),
)


class NothingToReport(ValueError):
    """The period holds no diary day and no device night: there is nothing to print."""


@dataclass(frozen=True)
class Spread:
    """Mean and sample SD of one measure over the period's nights (None: too few)."""

    mean: float | None
    sd: float | None
    n: int


@dataclass
class ReportContent:
    start: date
    end: date
    created: datetime
    name: str  # the person's, "" for none
    weeks: list[WeekTable]
    trend: TrendData | None
    stats: Stats
    derived: dict[str, Spread]
    logged_days: int  # dates of the period with a diary entry
    device_nights: int  # dates of the period whose night comes from a device only
    notes: list[tuple[date, str]]  # every note of the period, in full
    medication: list[tuple[date, str]]  # every medication answer, in full
    device_dates: set[date]  # dates whose night comes from a device
    not_logged: int  # dates of the period with nothing at all (shaded on the week pages)
    asked_from: date | None = None  # the first date asked for, when the journal began later

    @property
    def period_days(self) -> int:
        return (self.end - self.start).days + 1


def spread(values: list[float]) -> Spread:
    """Mean and sample SD (n − 1); the SD needs two values."""
    n = len(values)
    if n == 0:
        return Spread(None, None, 0)
    mean = math.fsum(values) / n
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1)) if n > 1 else None
    return Spread(mean, sd, n)


def _derived(nights: Iterable[Night]) -> dict[str, Spread]:
    columns: dict[str, list[float]] = {key: [] for key, _label, _unit in DERIVED}
    for night in nights:
        m = measure(night)
        columns["tib_min"].append(m.tib_min)
        columns["tst_min"].append(m.tst_min)
        columns["se_pct"].append(m.se_pct)
        columns["sol_min"].append(float(night.sleep_latency_min))
        columns["waso_min"].append(float(night.waso_min))
    return {key: spread(values) for key, values in columns.items()}


def report_content(
    days: list[Day],
    device_nights: list[Night] | tuple[Night, ...],
    start: date,
    end: date,
    *,
    created: datetime,
    name: str = "",
    preferred_source: str = "",
    free_weekdays: tuple[int, ...] = (5, 6),
    naps: Iterable[Any] = (),
    clock: Clock = clock24,
) -> ReportContent:
    """The report of ``start``…``end``; clock times written by ``clock``.

    A period that begins before the journal's first entry begins with that entry instead
    (``asked_from`` keeps the date asked for); one with nothing in it raises
    NothingToReport."""
    if start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    known = [d.date for d in days] + [n.date for n in device_nights]
    asked_from = None
    if known and start < min(known) <= end:
        asked_from, start = start, min(known)
    if not any(start <= when <= end for when in known):
        raise NothingToReport(f"nothing is logged from {start} to {end}")
    chosen = {
        when: night
        for when, night in choose_nights(days, device_nights, preferred_source).items()
        if start <= when <= end
    }
    by_date = {d.date: d for d in days if start <= d.date <= end}
    device = {when: n for when, n in chosen.items() if n.source != DIARY}
    weeks = [
        week_table(block, by_date, device, clock, free_weekdays) for block in week_dates(start, end)
    ]
    stats = compute(
        days,
        device_nights,
        start,
        end,
        work_weekdays=7 - len(free_weekdays),
        preferred_source=preferred_source,
        free_weekdays=free_weekdays,
        naps=naps,
    )
    return ReportContent(
        start=start,
        end=end,
        created=created,
        name=name,
        weeks=weeks,
        trend=trend_data(days, device_nights, preferred_source, through=end),
        stats=stats,
        derived=_derived(chosen[d] for d in sorted(chosen)),
        logged_days=len(by_date),
        device_nights=len(device),
        notes=[(d, by_date[d].notes or "") for d in sorted(by_date) if by_date[d].notes],
        medication=[
            (d, by_date[d].medication or "") for d in sorted(by_date) if by_date[d].medication
        ],
        device_dates=set(device),
        not_logged=sum(sum(week.missing) for week in weeks),
        asked_from=asked_from,
    )
