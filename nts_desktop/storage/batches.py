"""Imported history as batches: each import of device nights, naps and day ratings is one
batch that can be listed and removed again as a whole (design §9).

Imported nights live beside the diary, keyed by (date, source): a night of that source
already in the journal is kept and the imported one skipped, so importing the same file
twice, or an overlapping one, changes nothing the second time. Naps (a device's shorter
sleeps) are minutes per (date, source). Day ratings from mood apps fill the days' own
fields, recorded per batch (``fills``). Writing a batch is one transaction, with a backup
first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from nts_desktop.core.fills import DayFill
from nts_desktop.core.records import DIARY, Night, normalize_night
from nts_desktop.core.units import clock_time, plural

from .backup import backup_journal
from .changes import Change, everything
from .fills import apply_fills, undo_fills
from .journal import Journal
from .rows import night_row


@dataclass(frozen=True)
class Nap:
    """Minutes of naps a device recorded on one calendar date."""

    date: date
    source: str
    minutes: int


@dataclass(frozen=True)
class Batch:
    """One import, as listed and removed."""

    id: int
    source: str
    filename: str
    imported_at: datetime
    nights: int
    naps: int
    days: int = 0  # days whose ratings, tags or notes it filled

    def words(self, hour12: bool = False) -> str:
        """``oura: 30 nights from sleep.csv (2026-03-01 07:05)``, the time as 7:05 AM with
        ``hour12``."""
        when = self.imported_at.astimezone()
        parts = [plural(self.nights, "night")] if self.nights or not self.days else []
        if self.naps:
            parts.append(f"{plural(self.naps, 'day')} of naps")
        if self.days:
            parts.append(f"{plural(self.days, 'day')} of ratings")
        stamp = f"{when:%Y-%m-%d} {clock_time(when.time(), hour12)}"
        return f"{self.source}: {', '.join(parts)} from {self.filename} ({stamp})"


def existing_keys(journal: Journal) -> tuple[set[tuple[date, str]], set[tuple[date, str]]]:
    """The (date, source) of every device night and of every day of naps already kept."""
    rows = journal.db.execute("SELECT date, source FROM nights WHERE source != ?", [DIARY])
    nights = {(date.fromisoformat(d), source) for d, source in rows.fetchall()}
    if "naps" not in journal.db.table_names():  # a journal not upgraded yet (read-only)
        return nights, set()
    naps = {(date.fromisoformat(r["date"]), r["source"]) for r in journal.db["naps"].rows}
    return nights, naps


def write_batch(
    journal: Journal,
    source: str,
    filename: str,
    nights: Iterable[Night],
    naps: Iterable[Nap],
    days: Iterable[DayFill] = (),
    replace_ratings: bool = False,
) -> tuple[Change, Batch]:
    """Write the nights and naps not yet kept, and the day fields ``days`` fill, as one batch
    (one transaction, a backup first); own ratings are kept unless ``replace_ratings``."""
    have_nights, have_naps = existing_keys(journal)
    new_nights = [normalize_night(n) for n in nights if (n.date, n.source) not in have_nights]
    new_naps = [n for n in naps if (n.date, n.source) not in have_naps]
    if journal.day_count() or have_nights:
        backup_journal(journal.path, db=journal.db, reason="before-import")
    now = datetime.now(UTC)
    with journal.transaction():
        batch_id = (
            journal.db["batches"]
            .insert(
                {
                    "source": source,
                    "filename": filename,
                    "imported_at": now.isoformat(timespec="seconds"),
                    "nights": len(new_nights),
                    "naps": len(new_naps),
                    "days": 0,
                }
            )
            .last_pk
        )
        if new_nights:
            journal.db["nights"].insert_all(night_row(n, batch_id) for n in new_nights)
        if new_naps:
            journal.db["naps"].insert_all(
                {
                    "date": n.date.isoformat(),
                    "source": n.source,
                    "minutes": n.minutes,
                    "batch": batch_id,
                }
                for n in new_naps
            )
        filled = apply_fills(journal, batch_id, days, replace_ratings)
        if filled:
            journal.db["batches"].update(batch_id, {"days": filled})
    batch = Batch(batch_id, source, filename, now, len(new_nights), len(new_naps), filled)
    return everything(f"Imported {batch.words()}."), batch


def list_batches(journal: Journal) -> list[Batch]:
    """Every import batch, newest first."""
    if "batches" not in journal.db.table_names():
        return []
    return [
        Batch(
            r["id"],
            r["source"],
            r["filename"],
            datetime.fromisoformat(r["imported_at"]),
            r["nights"],
            r["naps"],
            r.get("days") or 0,
        )
        for r in journal.db["batches"].rows_where(order_by="id desc")
    ]


def remove_batch(journal: Journal, batch_id: int) -> Change:
    """Remove everything one import brought, and only that (a backup first)."""
    found = [b for b in list_batches(journal) if b.id == batch_id]
    if not found:
        raise KeyError(f"there is no import batch {batch_id}")
    backup_journal(journal.path, db=journal.db, reason="before-removing-import")
    with journal.transaction():
        undo_fills(journal, batch_id)
        journal.db["nights"].delete_where("batch = ?", [batch_id])
        journal.db["naps"].delete_where("batch = ?", [batch_id])
        journal.db["batches"].delete_where("id = ?", [batch_id])
    return everything(f"Removed the import {found[0].words()}.")


def device_naps(journal: Journal) -> list[Nap]:
    """Every day of naps a device recorded, by date."""
    if "naps" not in journal.db.table_names():
        return []
    with journal.reading():
        return [
            Nap(date.fromisoformat(r["date"]), str(r["source"]), int(r["minutes"]))
            for r in journal.db["naps"].rows_where(order_by="date, source")
        ]
