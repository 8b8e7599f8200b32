"""What every device format is read into (``Sleep``), and how sleeps become nights and naps.

A ``Sleep`` is one record of a device or app: when it started and ended (aware instants),
the zone its clock readings belong to, the minutes asleep and, where known, the minutes to
fall asleep, in bed after waking, awakenings and stages. ``to_nights`` maps them onto the
diary's items (the README's table): the night of a date is its main sleep ending that
day; shorter or secondary sleeps are naps. Durations are elapsed time in the zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from nts_desktop.core.records import Night, RecordError, night_problems, normalize_tags
from nts_desktop.core.timeutil import in_zone, zone

from ..csv_cells import RowProblem
from ..moods.entry import MoodEntry

MAIN_MIN = 180  # a sleep of three hours or more, with no main flag, can be the night
JOIN_GAP = timedelta(minutes=90)  # two main sleeps this close are one night, split
Progress = Callable[[int], None]


class DeviceFileError(ValueError):
    """A device file that cannot be read; ``problems`` say where (record or line) and why."""

    def __init__(self, problems: list[RowProblem], filename: str = ""):
        self.problems = problems
        self.filename = filename
        super().__init__("\n".join(p.describe(filename) for p in problems))


@dataclass
class Sleep:
    """One sleep as a device recorded it."""

    source: str
    start: datetime
    end: datetime
    tz: str
    asleep_min: float
    latency_min: float = 0.0
    after_wake_min: float = 0.0
    awakenings: int | None = None
    stages: dict[str, int] = field(default_factory=dict)  # rem_min, deep_min, light_min, awake_min
    main: bool | None = None  # None: decided by length
    tags: tuple[str, ...] = ()
    where: str = ""  # "record 12", "line 40": for warnings

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60

    def local_end(self) -> date:
        return in_zone(self.end, self.tz).date()


@dataclass
class Reading:
    """What one file (or folder) holds, before anything is written."""

    format: str
    source: str
    sleeps: list[Sleep] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    records: int = 0
    files: list[str] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)  # Apple Health: records per app
    entries: list[MoodEntry] = field(default_factory=list)  # a mood app's day entries
    scale: tuple[int, int] | None = None  # the mood app's rating scale, worst to best


def zone_for_offset(offset: timedelta, journal_zone: str, when: datetime) -> str:
    """An IANA zone for a reading that only came with a UTC offset: the journal's zone if it
    has that offset then, else the fixed ``Etc/GMT±h`` zone of a whole-hour offset."""
    if in_zone(when, journal_zone).utcoffset() == offset:
        return journal_zone
    hours = offset.total_seconds() / 3600
    if hours.is_integer() and -14 <= hours <= 12:
        name = "Etc/GMT" if hours == 0 else f"Etc/GMT{-int(hours):+d}"  # POSIX signs
        zone(name)
        return name
    return journal_zone


def _merge(sleeps: list[Sleep]) -> Sleep:
    """Main sleeps of one date close together (a split night) as one night."""
    sleeps = sorted(sleeps, key=lambda s: s.start)
    first, last = sleeps[0], sleeps[-1]
    stages: dict[str, int] = defaultdict(int)
    for s in sleeps:
        for k, v in s.stages.items():
            stages[k] += v
    return Sleep(
        source=first.source,
        start=first.start,
        end=last.end,
        tz=last.tz,
        asleep_min=sum(s.asleep_min for s in sleeps),
        latency_min=first.latency_min,
        after_wake_min=last.after_wake_min,
        awakenings=sum(s.awakenings or 0 for s in sleeps) + len(sleeps) - 1,
        stages=dict(stages) if all(s.stages for s in sleeps) else {},
        main=True,
        tags=tuple(dict.fromkeys(t for s in sleeps for t in s.tags)),
        where=", ".join(s.where for s in sleeps),
    )


def night_of(sleep: Sleep) -> Night:
    """The diary items a sleep stands for: in bed from its start to its end, asleep after
    the latency, the final awakening before the minutes in bed after waking; the time awake
    in between is what is left of the span after sleep. Raises RecordError."""
    tz = sleep.tz
    start, end = in_zone(sleep.start, tz), in_zone(sleep.end, tz)
    wake = end - timedelta(minutes=round(sleep.after_wake_min))
    span = (wake - start).total_seconds() / 60
    sol = min(max(round(sleep.latency_min), 0), 720, max(int(span), 0))
    waso = min(max(round(span - sol - sleep.asleep_min), 0), 720)
    night = Night(
        date=end.date(),
        tz=tz,
        source=sleep.source,
        bedtime=start,
        lights_out=start,
        sleep_latency_min=sol,
        awakenings=min(max(sleep.awakenings or 0, 0), 99),
        waso_min=waso,
        final_wake=in_zone(wake, tz),
        out_of_bed=end,
        tags=normalize_tags(sleep.tags),
        **{k: min(max(int(round(v)), 0), 1440) for k, v in sleep.stages.items()},
    )
    problems = night_problems(night)
    if problems:
        raise RecordError(problems)
    return night


def to_nights(
    sleeps: Iterable[Sleep], warnings: list[str]
) -> tuple[list[Night], dict[tuple[date, str], int]]:
    """Nights (one per date and source: the main sleep ending that day) and nap minutes per
    (date, source); records that cannot be a night are skipped with a warning."""
    by_date: dict[tuple[date, str], list[Sleep]] = defaultdict(list)
    for s in sleeps:
        if s.end <= s.start:
            warnings.append(f"{s.where}: skipped, it ends before it starts or lasts no time")
            continue
        by_date[(s.local_end(), s.source)].append(s)
    nights: list[Night] = []
    naps: dict[tuple[date, str], int] = defaultdict(int)
    for (when, source), group in sorted(by_date.items()):
        mains = [s for s in group if s.main or (s.main is None and s.minutes >= MAIN_MIN)]
        others = [s for s in group if s not in mains]
        if len(mains) > 1:  # a split night joins; another long sleep is a nap
            mains.sort(key=lambda s: s.start)
            chosen = [mains[0]]
            for s in mains[1:]:
                if s.start - chosen[-1].end <= JOIN_GAP:
                    chosen.append(s)
                else:
                    others.append(s)
            mains = [_merge(chosen)] if len(chosen) > 1 else chosen
        for s in others:
            naps[(when, source)] += round(s.asleep_min)
        if mains:
            try:
                nights.append(night_of(mains[0]))
            except RecordError as exc:
                warnings.append(f"{mains[0].where}: skipped, {exc}")
    return nights, dict(naps)
