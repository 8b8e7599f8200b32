"""Importing history: a preview of what files hold, then one batch per source.

``preview`` says, per source, how many nights, days of naps and days of ratings the files
hold, their dates, how many of those nights the journal already has (kept, never
replaced), which days already have a rating of their own (kept unless the person chooses to
replace them), which mood names still need a level, and what was skipped and why.
``import_readings`` writes the new ones as one batch per source (a backup first), so an
import can be listed and removed again as a whole (design §6, §9).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nts_desktop.core.fills import DayFill
from nts_desktop.core.records import Night
from nts_desktop.core.units import plural
from nts_desktop.storage import Change, Journal
from nts_desktop.storage.batches import Batch, Nap, existing_keys, write_batch
from nts_desktop.storage.changes import everything
from nts_desktop.storage.fills import Conflict, conflicts

from .devices import Reading
from .devices.sleeps import to_nights
from .moods.days import day_fills, unplaced_names

MoodMaps = dict[str, dict[str, float]]  # per app: mood name (folded) -> level on its scale


@dataclass
class SourcePreview:
    """What one source of a file holds, against the journal as it is."""

    format: str
    source: str
    nights: list[Night] = field(default_factory=list)
    naps: list[Nap] = field(default_factory=list)
    already: int = 0  # nights of this source the journal has for those dates
    warnings: list[str] = field(default_factory=list)
    records: int = 0
    apps: dict[str, int] = field(default_factory=dict)  # Apple Health: the apps found
    days: list[DayFill] = field(default_factory=list)  # a mood app's days
    conflicts: list[Conflict] = field(default_factory=list)  # own ratings that differ
    unplaced: Counter[str] = field(default_factory=Counter)  # mood names without a level
    reading: Reading | None = None  # what it was made from (to place mood names again)

    @property
    def first(self) -> date | None:
        return min((*(n.date for n in self.nights), *(d.date for d in self.days)), default=None)

    @property
    def last(self) -> date | None:
        return max((*(n.date for n in self.nights), *(d.date for d in self.days)), default=None)

    def words(self) -> list[str]:
        span = f", {self.first} to {self.last}" if self.first else ""
        parts = []
        if self.nights or not self.days:
            parts.append(plural(len(self.nights), "night"))
        if self.naps:
            parts.append(f"{plural(len(self.naps), 'day')} with naps")
        if self.days:
            rated = sum(d.mood is not None for d in self.days)
            parts.append(f"{plural(len(self.days), 'day')} ({rated} with a mood)")
        lines = [f"{self.source}: {', '.join(parts)}{span}, from {plural(self.records, 'record')}"]
        if self.conflicts:
            shown = "; ".join(c.words() for c in self.conflicts[:5])
            more = f"; … and {len(self.conflicts) - 5} more" if len(self.conflicts) > 5 else ""
            lines.append(
                f"  {plural(len(self.conflicts), 'rating')} differ from your own, kept unless "
                f"you replace them: {shown}{more}"
            )
        if self.unplaced:
            names = ", ".join(f"{n} ({c})" for n, c in self.unplaced.most_common())
            lines.append(f"  mood names without a level: {names}")
        if self.already:
            lines.append(
                f"  {plural(self.already, 'night')} of {self.source} already in the journal: "
                "kept, not imported again"
            )
        if self.apps:
            apps = ", ".join(f"{a} ({n})" for a, n in sorted(self.apps.items()))
            lines.append(f"  apps with sleep records: {apps}; one per night is kept")
        if self.warnings:
            lines.append(f"  {plural(len(self.warnings), 'record')} skipped:")
            lines += [f"    {w}" for w in self.warnings[:10]]
            if len(self.warnings) > 10:
                lines.append(f"    … and {len(self.warnings) - 10} more")
        return lines


def preview(
    journal: Journal | None, readings: list[Reading], maps: MoodMaps | None = None
) -> list[SourcePreview]:
    """What would be imported (``journal`` None: into a journal that does not exist yet)."""
    previews = prepare(readings, maps)
    if journal is not None:
        count_already(journal, previews)
    return previews


def prepare(readings: list[Reading], maps: MoodMaps | None = None) -> list[SourcePreview]:
    """The nights, naps and days each reading stands for; needs no journal, so the window
    runs it off its thread with the reading of the files. ``maps`` place mood names."""
    out = []
    for reading in readings:
        warnings = list(reading.warnings)
        nights, naps = to_nights(reading.sleeps, warnings)
        out.append(
            SourcePreview(
                format=reading.format,
                source=reading.source,
                nights=nights,
                naps=[Nap(d, s, m) for (d, s), m in sorted(naps.items()) if m > 0],
                warnings=warnings,
                records=reading.records,
                apps=reading.sources,
                reading=reading,
            )
        )
        place(out[-1], (maps or {}).get(reading.source, {}))
    return out


def place(p: SourcePreview, mood_map: dict[str, float]) -> None:
    """Work out the preview's days again with ``mood_map`` placing the app's mood names."""
    if p.reading is not None and p.reading.entries:
        p.days = day_fills(p.reading, mood_map)
        p.unplaced = unplaced_names(p.reading, mood_map)


def count_already(journal: Journal, previews: list[SourcePreview]) -> None:
    """Set each preview's count of nights the journal already has, and its conflicts."""
    have_nights = existing_keys(journal)[0]
    for p in previews:
        p.already = sum((n.date, n.source) in have_nights for n in p.nights)
        p.conflicts = conflicts(journal, p.days)


def import_readings(
    journal: Journal,
    previews: list[SourcePreview],
    filename: str | Path,
    replace_ratings: bool = False,
) -> tuple[Change, list[Batch]]:
    """Write every source's new nights, naps and day fields as its own batch (own ratings
    kept unless ``replace_ratings``); returns what changed."""
    batches = []
    name = Path(filename).name
    for p in previews:
        if p.unplaced:
            names = ", ".join(p.unplaced)
            raise ValueError(f"{p.source}: place these mood names first: {names}")
        _change, batch = write_batch(
            journal, p.source, name, p.nights, p.naps, p.days, replace_ratings
        )
        batches.append(batch)
    nights, days = sum(b.nights for b in batches), sum(b.days for b in batches)
    what = [plural(nights, "night")] if nights or not days else []
    if days:
        what.append(f"ratings on {plural(days, 'day')}")
    return everything(f"Imported {' and '.join(what)} from {name}."), batches
