"""An open journal: its settings, and reading and writing days and nights.

Every write is one ``db.atomic()`` transaction with ``synchronous=FULL`` in WAL mode, so a
save that returned is on disk, and returns the ``Change`` it made (design §8). Open a
journal with ``open_journal`` (read-only readers) or ``open_for_writing`` (``opening.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from nts_desktop.core.records import DIARY, Day, Night
from nts_desktop.core.settings_spec import SETTING
from nts_desktop.core.timeutil import system_zone_name, zone
from nts_desktop.core.units import plural

from .changes import Change, everything, on_dates
from .errors import JournalError
from .files import disk_full, is_disk_full
from .lock import JournalLock
from .rows import DamagedRow, day_from_row, day_row, night_date, night_from_row, night_row

FREE_DEFAULT = ",".join(str(d) for d in SETTING["free_weekdays"].default)  # as stored


@dataclass(frozen=True)
class Settings:
    """What the journal file itself remembers, so the CLI and the window agree (design §2)."""

    tz: str
    free_weekdays: tuple[int, ...] = SETTING["free_weekdays"].default  # type: ignore[assignment]
    preferred_source: str = SETTING["preferred_source"].default  # type: ignore[assignment]
    person_name: str = SETTING["person_name"].default  # type: ignore[assignment]  # on reports
    demo: bool = False  # written by `demo`: the window says so, restore refuses it

    @property
    def work_weekdays(self) -> int:
        return 7 - len(self.free_weekdays)


class Journal:
    """An open journal file. Use ``open_journal``; close it (or use ``with``) when done."""

    def __init__(self, path: Path, db: Database, tz_override: str | None, read_only: bool):
        self.path = path
        self.db = db
        self.tz_override = tz_override
        self.read_only = read_only
        self.lock: JournalLock | None = None  # held while open for writing (open_for_writing)
        self.settings = self._load_settings()

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Close the file and release the journal's lock if this journal holds it."""
        try:
            self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings ----------------------------------------------------------------------------
    @property
    def zone_name(self) -> str:
        """The zone for readings without one: ``--tz`` for this run, else the journal's."""
        return self.tz_override or self.settings.tz

    def reload_settings(self) -> Settings:
        """Read the settings again (after the file's contents were replaced)."""
        self.settings = self._load_settings()
        return self.settings

    def _load_settings(self) -> Settings:
        if "settings" not in self.db.table_names():
            return Settings(tz=self.tz_override or system_zone_name())
        try:
            rows = {r["key"]: r["value"] for r in self.db["settings"].rows}
            free = tuple(
                int(x) for x in str(rows.get("free_weekdays", FREE_DEFAULT)).split(",") if x.strip()
            )
            tz = rows.get("tz") or system_zone_name()
            zone(tz)
            if any(not 0 <= d <= 6 for d in free):
                raise ValueError(f"free weekdays {free}")
        except (sqlite3.DatabaseError, ValueError, TypeError) as exc:
            raise JournalError(
                f"{self.path} is damaged: its settings cannot be read", str(exc)
            ) from exc
        return Settings(
            tz=tz,
            free_weekdays=free,
            preferred_source=str(rows.get("preferred_source", "")),
            person_name=str(rows.get("person_name", "")),
            demo=rows.get("demo") == "1",
        )

    def update_settings(self, **values: object) -> Change:
        """Change journal settings at once — those declared in ``core/settings_spec.py``
        (each checked by its declaration), and ``demo``; every page recomputes."""
        stored: dict[str, str] = {}
        for key, value in values.items():
            if key == "demo":
                stored[key] = "1" if value else "0"
                continue
            spec = SETTING.get(key)
            if spec is None or spec.where != "journal":
                raise KeyError(key)
            typed = spec.check(value)  # ValueError in words for people
            if key == "tz":
                zone(str(typed))
            if key == "free_weekdays":
                stored[key] = ",".join(str(d) for d in typed)  # type: ignore[attr-defined]
            else:
                stored[key] = str(typed)
        with self.transaction():
            self.db["settings"].upsert_all(
                [{"key": k, "value": v} for k, v in stored.items()], pk="key"
            )
        self.settings = self._load_settings()
        return everything("Journal settings saved.")

    # -- reading (a damaged row ends in JournalError naming its date) ----------------------
    @contextmanager
    def reading(self) -> Iterator[None]:
        try:
            yield
        except DamagedRow as exc:
            raise JournalError(f"{self.path} is damaged: {exc}", str(exc)) from exc
        except (KeyError, TypeError, ValueError) as exc:  # a row not shaped like the app's
            raise JournalError(f"{self.path} is damaged: a row cannot be read", repr(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{self.path} is damaged: a row cannot be read", str(exc)) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; a full disk is DiskFull (nothing was written)."""
        self._require_writable()
        try:
            with self.db.atomic():
                yield
        except (sqlite3.Error, OSError) as exc:
            if is_disk_full(exc):
                raise disk_full(self.path) from exc
            raise

    def dates(self) -> set[date]:
        """Every date that has a day record."""
        with self.reading():
            return {night_date(r["date"]) for r in self.db["days"].rows_where(select="date")}

    def day_count(self) -> int:
        return self.db["days"].count

    def known_tags(self) -> list[str]:
        """Every tag used on any day, sorted."""
        with self.reading():
            rows = self.db["days"].rows_where("tags IS NOT NULL", select="DISTINCT tags")
            return sorted(
                {t for r in rows if isinstance(r["tags"], str) for t in r["tags"].split(";")}
            )

    def days(self, start: date | None = None, end: date | None = None) -> list[Day]:
        """Days between ``start`` and ``end`` (inclusive), by date, with their diary nights."""
        where, params = _range_sql(start, end)
        with self.reading():
            nights = {n.date: n for n in self._nights(f"{where} AND source = ?", [*params, DIARY])}
            rows = self.db["days"].rows_where(where, params, order_by="date")
            return [day_from_row(r, nights.get(night_date(r["date"]))) for r in rows]

    def day(self, when: date) -> Day | None:
        found = self.days(when, when)
        return found[0] if found else None

    def device_nights(self, start: date | None = None, end: date | None = None) -> list[Night]:
        """Imported (non-diary) nights in the range, by date then source."""
        where, params = _range_sql(start, end)
        with self.reading():
            return list(self._nights(f"{where} AND source != ?", [*params, DIARY], "date, source"))

    def _nights(self, where: str, params: list, order_by: str | None = None) -> Iterator[Night]:
        for r in self.db["nights"].rows_where(where, params, order_by=order_by):
            yield night_from_row(r)

    # -- writing (each call is one transaction and returns what it changed) ----------------
    def save_day(self, day: Day) -> Change:
        """Insert or replace one day together with its diary night."""
        return self.write_many([day])

    def delete_day(self, when: date) -> Change:
        """Remove a day and its diary night; the change holds what was removed (for undo)."""
        with self.transaction():
            old = self.day(when)
            self.db["days"].delete_where("date = ?", [when.isoformat()])
            self.db["nights"].delete_where("date = ? AND source = ?", [when.isoformat(), DIARY])
        return Change(
            frozenset({when}), f"Deleted {when}.", removed=(old,) if old is not None else ()
        )

    def write_many(self, days: Iterable[Day], nights: Iterable[Night] = ()) -> Change:
        """Insert or replace many days (each with its diary night, or none) and device nights
        in one transaction (the form's save, imports)."""
        days, nights = list(days), list(nights)
        with self.transaction():
            if days:
                self.db["days"].insert_all((day_row(d) for d in days), replace=True)
                self.db.conn.executemany(
                    "DELETE FROM nights WHERE date = ? AND source = ?",
                    [(d.date.isoformat(), DIARY) for d in days],
                )
            written = [d.night for d in days if d.night is not None] + nights
            if written:
                self.db["nights"].insert_all((night_row(n) for n in written), replace=True)
        dates = {d.date for d in days} | {n.date for n in nights}
        if len(dates) == 1:
            return on_dates(dates, f"Saved {next(iter(dates))}.")
        return on_dates(dates, f"Saved {plural(len(days) + len(nights), 'record')}.")

    def import_records(self, days: Iterable[Day], nights: Iterable[Night] = ()) -> Change:
        """``write_many`` for an import: one transaction; every page reloads afterwards."""
        written = self.write_many(days, nights)
        return everything(f"Imported {plural(len(written.dates), 'date')}.")

    def _require_writable(self) -> None:
        if self.read_only:
            raise JournalError(f"{self.path} was opened read-only")


def _range_sql(start: date | None, end: date | None) -> tuple[str, list[str]]:
    """A WHERE clause (``1`` for all dates) and its parameters for ``start``…``end``."""
    clauses, params = ["1"], []
    if start is not None:
        clauses.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("date <= ?")
        params.append(end.isoformat())
    return " AND ".join(clauses), params
