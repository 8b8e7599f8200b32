"""Day fields an import filled, recorded per batch, so removing the batch restores them.

Imported ratings never go over the person's own: a mood or sleep quality fills a day that
has none; a day that already has a different one keeps it (a *conflict*, listed in the
preview) unless the person chose to replace them. Tags are added beside the day's own;
notes fill an empty note or are added after it. Every field written is recorded in
``fills`` (batch, date, field, value before, value after), and a day the import created is
recorded as field ``day``. Removing the batch puts back the value before wherever the field
still holds what the import wrote — a field the person changed since is left alone — and
deletes a created day that is empty again (design §6, §9).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from nts_desktop.core.fills import DayFill
from nts_desktop.core.records import Day, default_free_day, normalize_day

from .journal import Journal
from .rows import day_row

RATINGS = ("mood", "quality")
EMPTY = {
    "quality": None,
    "rested": None,
    "naps_min": None,
    "caffeine": None,
    "alcohol": None,
    "medication": None,
    "mood": None,
    "focus": None,
    "resilience": None,
    "tags": (),
    "notes": None,
}


@dataclass(frozen=True)
class Conflict:
    """A date whose own rating differs from the one an import brings."""

    date: date
    field: str
    own: int
    imported: int

    def words(self) -> str:
        return f"{self.date} {self.field}: yours {self.own}, the file's {self.imported}"


def conflicts(journal: Journal, fills: Iterable[DayFill]) -> list[Conflict]:
    """The ratings of ``fills`` that differ from ratings the journal already has."""
    fills = list(fills)
    if not fills:
        return []
    days = {d.date: d for d in journal.days(min(f.date for f in fills), max(f.date for f in fills))}
    out = []
    for f in fills:
        day = days.get(f.date)
        for name in RATINGS:
            own, new = (getattr(day, name) if day else None), getattr(f, name)
            if own is not None and new is not None and own != new:
                out.append(Conflict(f.date, name, own, new))
    return out


def _merged(day: Day, fill: DayFill, replace_ratings: bool) -> tuple[Day, dict[str, tuple]]:
    """The day with the fill applied, and per field written its (before, after)."""
    changes: dict[str, tuple] = {}
    values: dict = {}
    for name in RATINGS:
        own, new = getattr(day, name), getattr(fill, name)
        if new is not None and own != new and (own is None or replace_ratings):
            values[name] = new
            changes[name] = (own, new)
    added = tuple(t for t in fill.tags if t not in day.tags)
    if added:
        values["tags"] = (*day.tags, *added)
        changes["tags"] = (list(day.tags), list(added))  # before, and the tags added
    if fill.notes and (not day.notes or fill.notes not in day.notes):
        notes = fill.notes if not day.notes else f"{day.notes}\n\n{fill.notes}"
        values["notes"] = notes
        changes["notes"] = (day.notes, notes)
    return replace(day, **values), changes


def apply_fills(
    journal: Journal,
    batch_id: int,
    fills: Iterable[DayFill],
    replace_ratings: bool = False,
) -> int:
    """Write ``fills`` into the days (inside the caller's transaction) and record them under
    ``batch_id``; returns the number of days changed."""
    fills = list(fills)
    if not fills:
        return 0
    first, last = min(f.date for f in fills), max(f.date for f in fills)
    days = {d.date: d for d in journal.days(first, last)}
    free = journal.settings.free_weekdays
    written: list[Day] = []
    records: list[dict] = []
    for fill in sorted(fills, key=lambda f: f.date):
        day = days.get(fill.date)
        created = day is None
        if day is None:
            day = Day(date=fill.date, free_day=default_free_day(fill.date, free))
        new, changes = _merged(day, fill, replace_ratings)
        if not changes:
            continue
        if created:
            changes["day"] = (None, None)
        written.append(normalize_day(new))
        days[fill.date] = new
        records += [
            {
                "batch": batch_id,
                "date": fill.date.isoformat(),
                "field": name,
                "before": json.dumps(before),
                "after": json.dumps(after),
            }
            for name, (before, after) in changes.items()
        ]
    if written:
        journal.db["days"].insert_all((day_row(d) for d in written), replace=True)
        journal.db["fills"].insert_all(records, replace=True)
    return len(written)


def _undone(day: Day, rows: list[dict]) -> Day:
    values: dict = {}
    for r in rows:
        name, before, after = r["field"], json.loads(r["before"]), json.loads(r["after"])
        if name in RATINGS or name == "notes":
            if getattr(day, name) == after:  # still what the import wrote
                values[name] = before
        elif name == "tags":
            added = set(after)
            values["tags"] = tuple(t for t in day.tags if t not in added)
    return replace(day, **values)


def _empty(day: Day, free_weekdays: tuple[int, ...]) -> bool:
    return (
        day.night is None
        and all(getattr(day, k) == v for k, v in EMPTY.items())
        and day.free_day == default_free_day(day.date, free_weekdays)
    )


def undo_fills(journal: Journal, batch_id: int) -> int:
    """Restore what batch ``batch_id`` filled (inside the caller's transaction); returns the
    number of days changed back."""
    if "fills" not in journal.db.table_names():
        return 0
    by_date: dict[str, list[dict]] = {}
    for r in journal.db["fills"].rows_where("batch = ?", [batch_id], order_by="date"):
        by_date.setdefault(r["date"], []).append(r)
    changed = 0
    for when, rows in by_date.items():
        day = journal.day(date.fromisoformat(when))
        if day is None:  # the person deleted the day since: nothing to put back
            continue
        back = _undone(day, rows)
        if any(r["field"] == "day" for r in rows) and _empty(back, journal.settings.free_weekdays):
            journal.db["days"].delete_where("date = ?", [when])
        elif back != day:
            journal.db["days"].insert(day_row(normalize_day(back)), replace=True)
        changed += 1
    journal.db["fills"].delete_where("batch = ?", [batch_id])
    return changed
