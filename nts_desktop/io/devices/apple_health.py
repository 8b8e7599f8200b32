"""Apple Health's ``export.xml`` (also inside the export zip), read as a stream.

Real exports are gigabytes: the file is parsed with defusedxml's ``iterparse`` (no entity
expansion, no external resources) and every element is cleared once read, so memory stays
flat whatever the size; only the sleep records are kept. Their printed offsets are those in
force when the export was made, not when the night happened, so each instant is converted to
the night's zone: the record's ``HKTimeZone`` where present, else the journal's.

Several sources overlap (watch, phone, the Clock app's "Bedtime" windows, AutoSleep, hand
entries). Within a source, asleep intervals (Asleep, AsleepUnspecified, AsleepCore,
AsleepDeep, AsleepREM) and Awake ones closer than two hours form one sleep; InBed intervals
of any source that overlap it extend its bedtime and out-of-bed time. Per night one source is
kept, by this rule: the preferred source if it has that night, else a source that records
stages (a watch), else the one with the most sleep.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import IO

from defusedxml.ElementTree import iterparse

from nts_desktop.core.timeutil import TimeRuleError, in_zone, zone

from ..csv_cells import RowProblem
from .sleeps import MAIN_MIN, DeviceFileError, Progress, Reading, Sleep

SOURCE = "apple-health"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
PREFIX = "HKCategoryValueSleepAnalysis"
KINDS = {
    "InBed": "in_bed",
    "Asleep": "asleep",
    "AsleepUnspecified": "asleep",
    "AsleepCore": "light_min",
    "AsleepDeep": "deep_min",
    "AsleepREM": "rem_min",
    "Awake": "awake_min",
}
ASLEEP = {"asleep", "light_min", "deep_min", "rem_min"}
GAP = timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class Interval:
    source: str
    kind: str
    start: datetime
    end: datetime
    tz: str
    tz_known: bool = False  # from the record's HKTimeZone, not the journal's fallback

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


def looks_like(head: bytes) -> bool:
    return b"<HealthData" in head or (b"<?xml" in head[:100] and b"HealthKit" in head)


def _instant(text: str) -> datetime:
    return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S %z")


def intervals(
    stream: IO[bytes], journal_zone: str, progress: Progress | None = None
) -> Iterator[Interval | int]:
    """The sleep intervals of an export, read as a stream; yields the count of records read
    every 10 000 records (for progress) between them."""
    root = None
    count = 0
    for event, elem in iterparse(stream, events=("start", "end")):
        if event == "start":
            if root is None:
                root = elem
            continue
        if elem.tag != "Record":
            continue
        count += 1
        if elem.get("type") == SLEEP:
            kind = KINDS.get((elem.get("value") or "").removeprefix(PREFIX))
            if kind is not None:
                tz, known = journal_zone, False
                for meta in elem.iter("MetadataEntry"):
                    if meta.get("key") == "HKTimeZone" and meta.get("value"):
                        tz, known = meta.get("value"), True
                try:
                    zone(tz)
                except TimeRuleError:
                    tz, known = journal_zone, False
                start = in_zone(_instant(elem.get("startDate", "")), tz)
                end = in_zone(_instant(elem.get("endDate", "")), tz)
                yield Interval(elem.get("sourceName") or "unknown", kind, start, end, tz, known)
        elem.clear()
        if root is not None:
            root.clear()  # drop what is read: memory stays flat however large the file
        if count % 10_000 == 0:
            if progress is not None:
                progress(count)
            yield count
    yield count


def _union_minutes(spans: list[tuple[datetime, datetime]]) -> float:
    total, end = 0.0, None
    for a, b in sorted(spans):
        if end is None or a > end:
            total += (b - a).total_seconds() / 60
            end = b
        elif b > end:
            total += (b - end).total_seconds() / 60
            end = b
    return total


def _sessions(items: list[Interval], in_bed: list[Interval]) -> Iterator[Sleep]:
    items.sort(key=lambda i: i.start)
    group: list[Interval] = []
    for item in [*items, None]:
        if item is not None and (not group or item.start - max(g.end for g in group) < GAP):
            group.append(item)
            continue
        if group:
            asleep = [(g.start, g.end) for g in group if g.kind in ASLEEP]
            if asleep:
                start, end = min(g.start for g in group), max(g.end for g in group)
                beds = [b for b in in_bed if b.start < end and b.end > start]
                for bed in beds:  # an overlapping in-bed window widens the night
                    start, end = min(start, bed.start), max(end, bed.end)
                zones = [i.tz for i in [*group, *beds] if i.tz_known]
                stages: dict[str, int] = defaultdict(int)
                for g in group:
                    if g.kind in ("light_min", "deep_min", "rem_min", "awake_min"):
                        stages[g.kind] += round(g.minutes)
                last = group[-1]
                tz = zones[-1] if zones else last.tz  # a zone any of its records names
                yield Sleep(
                    source=last.source,
                    start=in_zone(start, tz),
                    end=in_zone(end, tz),
                    tz=tz,
                    asleep_min=_union_minutes(asleep),
                    stages=dict(stages) if "rem_min" in stages or "deep_min" in stages else {},
                    where=f"{last.source}, {in_zone(end, tz):%Y-%m-%d}",
                )
        group = [item] if item is not None else []


def read(
    stream: IO[bytes],
    name: str,
    journal_zone: str,
    prefer: str | None = None,
    progress: Progress | None = None,
) -> Reading:
    """The nights of an Apple Health export, one source per night (the rule above)."""
    reading = Reading(format="apple-health", source=SOURCE, files=[name])
    by_source: dict[str, list[Interval]] = defaultdict(list)
    in_bed: list[Interval] = []
    try:
        for item in intervals(stream, journal_zone, progress):
            if isinstance(item, int):
                reading.records = item
                continue
            if item.kind == "in_bed":
                in_bed.append(item)
            else:
                by_source[item.source].append(item)
    except (ValueError, SyntaxError) as exc:  # ParseError is a SyntaxError; bad dates
        raise DeviceFileError(
            [RowProblem(getattr(exc, "position", (0,))[0], None, f"cannot be read ({exc})")],
            name,
        ) from exc
    reading.sources = {s: len(v) for s, v in by_source.items()}
    candidates: dict[object, list[Sleep]] = defaultdict(list)
    for items in by_source.values():
        for sleep in _sessions(items, in_bed):
            candidates[sleep.local_end(), sleep.minutes >= MAIN_MIN].append(sleep)
    for (_day, _main), options in sorted(candidates.items(), key=lambda kv: str(kv[0])):
        options.sort(key=lambda s: (s.source != prefer, not s.stages, -s.asleep_min))
        chosen = options[0]
        chosen.where = f"{chosen.where} (from {chosen.source})"
        chosen.source = SOURCE
        reading.sleeps.append(chosen)
    if not by_source and in_bed:
        reading.warnings.append("only in-bed windows were found, no sleep: nothing to import")
    return reading
