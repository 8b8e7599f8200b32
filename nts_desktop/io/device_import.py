"""Importing device history: a preview of what a file holds, then one batch per source.

``preview`` says, per source, how many nights and days of naps the file holds, their dates,
how many of those nights the journal already has (kept, never replaced), and what was
skipped and why. ``import_readings`` writes the new ones as one batch per source (a backup
first), so an import can be listed and removed again as a whole (design §6, §9).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nts_desktop.core.records import Night
from nts_desktop.core.units import plural
from nts_desktop.storage import Change, Journal
from nts_desktop.storage.batches import Batch, Nap, existing_keys, write_batch
from nts_desktop.storage.changes import everything

from .devices import Reading
from .devices.sleeps import to_nights


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

    @property
    def first(self) -> date | None:
        return min((n.date for n in self.nights), default=None)

    @property
    def last(self) -> date | None:
        return max((n.date for n in self.nights), default=None)

    def words(self) -> list[str]:
        span = f", {self.first} to {self.last}" if self.nights else ""
        lines = [
            f"{self.source}: {plural(len(self.nights), 'night')}{span}, "
            f"{plural(len(self.naps), 'day')} with naps, from {plural(self.records, 'record')}"
        ]
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


def preview(journal: Journal | None, readings: list[Reading]) -> list[SourcePreview]:
    """What would be imported (``journal`` None: into a journal that does not exist yet)."""
    previews = prepare(readings)
    if journal is not None:
        count_already(journal, previews)
    return previews


def prepare(readings: list[Reading]) -> list[SourcePreview]:
    """The nights and naps each reading stands for; needs no journal, so the window runs it
    off its thread with the reading of the file."""
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
            )
        )
    return out


def count_already(journal: Journal, previews: list[SourcePreview]) -> None:
    """Set each preview's count of the nights the journal already has."""
    have_nights = existing_keys(journal)[0]
    for p in previews:
        p.already = sum((n.date, n.source) in have_nights for n in p.nights)


def import_readings(
    journal: Journal, previews: list[SourcePreview], filename: str | Path
) -> tuple[Change, list[Batch]]:
    """Write every source's new nights and naps as its own batch; returns what changed."""
    batches = []
    for p in previews:
        _change, batch = write_batch(journal, p.source, Path(filename).name, p.nights, p.naps)
        batches.append(batch)
    nights = sum(b.nights for b in batches)
    return everything(f"Imported {plural(nights, 'night')} from {Path(filename).name}."), batches
