"""The journal file: safe opening, settings, and reading and writing days and nights.

Opening checks the file read-only before anything can change a byte (design §9): not SQLite,
damaged, another application's file, or a newer version's file are refused with
``JournalError`` (exit code 3) and left untouched. Every user action is one ``db.atomic()``
transaction with ``synchronous=FULL`` in WAL mode, so a save that returned is on disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from nts_desktop.core.records import DIARY, NIGHT_NUMBERS, NIGHT_TIMES, Day, Night
from nts_desktop.core.timeutil import format_time, system_zone_name, zone

from .paths import create_private_file, data_dir, default_journal_path, ensure_private_dir
from .schema import APPLICATION_ID, MIGRATION_SET, known_steps, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
DAY_COLUMNS = (
    "free_day", "quality", "rested", "naps_min", "caffeine", "alcohol", "medication",
    "mood", "focus", "resilience", "tags", "notes",
)  # fmt: skip
NIGHT_COLUMNS = ("date", "source", "tz", *NIGHT_TIMES, *NIGHT_NUMBERS)


class JournalError(RuntimeError):
    """The journal file cannot be used: unreadable, damaged, foreign or from a newer version."""


@dataclass(frozen=True)
class Settings:
    """What the journal file itself remembers, so the CLI and the window agree (design §2)."""

    tz: str
    free_weekdays: tuple[int, ...] = (5, 6)
    preferred_source: str = ""
    demo: bool = False  # written by `demo`: the window says so, restore refuses it

    @property
    def work_weekdays(self) -> int:
        return 7 - len(self.free_weekdays)


def check_journal_file(path: Path) -> bool:
    """Read-only checks of an existing file; True if it already holds this app's schema.

    Raises JournalError naming what is wrong. A missing or empty file is fine (new journal).
    """
    if not path.exists() or path.stat().st_size == 0:
        return False
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise JournalError(f"{path} cannot be read: {exc.strerror}") from exc
    if not head.startswith(SQLITE_MAGIC):
        raise JournalError(f"{path} is not an nts-desktop journal (not an SQLite file)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise JournalError(f"{path} cannot be opened: {exc}") from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise JournalError(f"{path} is damaged ({check}); restore a backup")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID:
            if app_id == 0 and not tables:
                return False
            raise JournalError(f"{path} belongs to another application, not nts-desktop")
        if "_sqlite_migrations" not in tables:
            raise JournalError(f"{path} is damaged (its schema record is missing)")
        steps = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.DatabaseError as exc:
        raise JournalError(f"{path} is damaged or not a journal ({exc})") from exc
    finally:
        conn.close()
    unknown = steps - known_steps()
    if unknown:
        raise JournalError(
            f"{path} was written by a newer version of nts-desktop; update the app to open it"
        )
    return True


def resolve_journal_path(db: str | Path | None) -> Path:
    """``--db`` / NTS_DESKTOP_DB if given, else the default journal in the user data folder."""
    return Path(db).expanduser() if db else default_journal_path()


class Journal:
    """An open journal file. Use ``open_journal``; close it (or use ``with``) when done."""

    def __init__(self, path: Path, db: Database, tz_override: str | None, read_only: bool):
        self.path = path
        self.db = db
        self.tz_override = tz_override
        self.read_only = read_only
        self.settings = self._load_settings()

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings ----------------------------------------------------------------------------
    @property
    def zone_name(self) -> str:
        """The zone for readings without one: ``--tz`` for this run, else the journal's."""
        return self.tz_override or self.settings.tz

    def _load_settings(self) -> Settings:
        if "settings" not in self.db.table_names():
            return Settings(tz=self.tz_override or system_zone_name())
        rows = {r["key"]: r["value"] for r in self.db.query("SELECT key, value FROM settings")}
        free = rows.get("free_weekdays", "5,6")
        return Settings(
            tz=rows.get("tz") or system_zone_name(),
            free_weekdays=tuple(int(x) for x in free.split(",") if x.strip()),
            preferred_source=rows.get("preferred_source", ""),
            demo=rows.get("demo") == "1",
        )

    def update_settings(self, **values: object) -> Settings:
        """Change journal settings (``tz``, ``free_weekdays``, ``preferred_source``) at once."""
        stored: dict[str, str] = {}
        for key, value in values.items():
            if key == "tz":
                zone(str(value))
                stored[key] = str(value)
            elif key == "free_weekdays":
                days = sorted({int(v) for v in value})  # type: ignore[attr-defined]
                if any(not 0 <= d <= 6 for d in days):
                    raise ValueError("free weekdays are 0 (Monday) to 6 (Sunday)")
                stored[key] = ",".join(str(d) for d in days)
            elif key == "demo":
                stored[key] = "1" if value else "0"
            elif key == "preferred_source":
                stored[key] = str(value)
            else:
                raise KeyError(key)
        with self.db.atomic():
            for key, value in stored.items():
                self.db.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )
        self.settings = self._load_settings()
        return self.settings

    # -- reading -----------------------------------------------------------------------------
    def dates(self) -> set[date]:
        """Every date that has a day record."""
        return {date.fromisoformat(r["date"]) for r in self.db.query("SELECT date FROM days")}

    def day_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM days").fetchone()[0]

    def days(self, start: date | None = None, end: date | None = None) -> list[Day]:
        """Days between ``start`` and ``end`` (inclusive), by date, with their diary nights."""
        where, params = _range_sql(start, end)
        nights = {
            n.date: n
            for n in self._nights(
                f"{where} AND source = ?" if where else "WHERE source = ?", [*params, DIARY]
            )
        }
        rows = self.db.query(f"SELECT * FROM days {where} ORDER BY date", params)
        return [_day_from_row(r, nights.get(date.fromisoformat(r["date"]))) for r in rows]

    def day(self, when: date) -> Day | None:
        found = self.days(when, when)
        return found[0] if found else None

    def device_nights(self, start: date | None = None, end: date | None = None) -> list[Night]:
        """Imported (non-diary) nights in the range, by date then source."""
        where, params = _range_sql(start, end)
        clause = f"{where} AND source != ?" if where else "WHERE source != ?"
        return list(self._nights(clause + " ORDER BY date, source", [*params, DIARY]))

    def _nights(self, where: str, params: list) -> Iterator[Night]:
        for r in self.db.query(f"SELECT * FROM nights {where}", params):
            yield _night_from_row(r)

    # -- writing (each call is one transaction) ----------------------------------------------
    def save_day(self, day: Day) -> None:
        """Insert or replace one day together with its diary night."""
        self._require_writable()
        with self.db.atomic():
            self._write_day(day)

    def delete_day(self, when: date) -> Day | None:
        """Remove a day and its diary night; returns what was removed (for undo)."""
        self._require_writable()
        with self.db.atomic():
            old = self.day(when)
            self.db.execute("DELETE FROM days WHERE date = ?", [when.isoformat()])
            self.db.execute(
                "DELETE FROM nights WHERE date = ? AND source = ?", [when.isoformat(), DIARY]
            )
        return old

    def write_many(self, days: Iterable[Day], nights: Iterable[Night] = ()) -> None:
        """Insert or replace many days and device nights in one transaction (imports)."""
        self._require_writable()
        with self.db.atomic():
            for day in days:
                self._write_day(day)
            for night in nights:
                self._write_night(night)

    def _write_day(self, day: Day) -> None:
        row = {c: getattr(day, c) for c in DAY_COLUMNS}
        row["free_day"] = int(day.free_day)
        row["tags"] = ";".join(day.tags) if day.tags else None
        cols = ", ".join(("date", *DAY_COLUMNS))
        marks = ", ".join("?" * (len(DAY_COLUMNS) + 1))
        self.db.execute(
            f"INSERT OR REPLACE INTO days ({cols}) VALUES ({marks})",
            [day.date.isoformat(), *row.values()],
        )
        self.db.execute(
            "DELETE FROM nights WHERE date = ? AND source = ?", [day.date.isoformat(), DIARY]
        )
        if day.night is not None:
            self._write_night(day.night)

    def _write_night(self, night: Night) -> None:
        values = [
            night.date.isoformat(),
            night.source,
            night.tz,
            *(format_time(getattr(night, t)) for t in NIGHT_TIMES),
            *(getattr(night, n) for n in NIGHT_NUMBERS),
        ]
        self.db.execute(
            f"INSERT OR REPLACE INTO nights ({', '.join(NIGHT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(NIGHT_COLUMNS))})",
            values,
        )

    def _require_writable(self) -> None:
        if self.read_only:
            raise JournalError(f"{self.path} was opened read-only")


def _range_sql(start: date | None, end: date | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if start is not None:
        clauses.append("date >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append("date <= ?")
        params.append(end.isoformat())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _night_from_row(r: dict) -> Night:
    return Night(
        date=date.fromisoformat(r["date"]),
        source=r["source"],
        tz=r["tz"],
        bedtime=datetime.fromisoformat(r["bedtime"]),
        lights_out=datetime.fromisoformat(r["lights_out"]),
        sleep_latency_min=r["sleep_latency_min"],
        awakenings=r["awakenings"],
        waso_min=r["waso_min"],
        final_wake=datetime.fromisoformat(r["final_wake"]),
        out_of_bed=datetime.fromisoformat(r["out_of_bed"]),
    )


def _day_from_row(r: dict, night: Night | None) -> Day:
    values = {c: r[c] for c in DAY_COLUMNS}
    values["free_day"] = bool(values["free_day"])
    values["tags"] = tuple(values["tags"].split(";")) if values["tags"] else ()
    return Day(date=date.fromisoformat(r["date"]), night=night, **values)


def open_journal(
    path: str | Path | None = None,
    *,
    tz: str | None = None,
    read_only: bool = False,
    create: bool = True,
    verify: bool = True,
) -> Journal:
    """Open (and if needed create and migrate) the journal at ``path``.

    ``tz`` overrides the journal's zone for this run; a new journal starts with it (else the
    system's zone). ``read_only`` opens without writing a byte; ``create=False`` refuses a
    missing file. Raises JournalError for a file that cannot be used. ``verify=False`` skips
    the integrity check for a read-only reader of a file this process has already opened
    and checked (the window's background computations).
    """
    path = resolve_journal_path(path)
    if tz is not None:
        zone(tz)
    existing = check_journal_file(path) if verify or not read_only else path.exists()
    if read_only or (not create and not existing):
        if not path.exists():
            raise JournalError(f"there is no journal at {path} yet")
        if not existing:
            raise JournalError(f"{path} is an empty file, not a journal yet")
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        return Journal(path, Database(conn), tz, read_only=True)
    if path.parent == data_dir():
        ensure_private_dir(path.parent)  # also tightens a folder someone made 0755
    elif not path.parent.exists():
        raise JournalError(f"the folder {path.parent} does not exist")
    create_private_file(path)
    try:
        db = Database(path)
        if existing and migrations.pending(db):
            from .backup import backup_journal

            backup_journal(path, db=db, reason="before-upgrade")
        db.execute("PRAGMA synchronous = FULL")
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise JournalError(f"{path} cannot be opened for writing: {exc}") from exc
    journal = Journal(path, db, tz, read_only=False)
    if not existing:
        journal.update_settings(tz=tz or system_zone_name(), free_weekdays=(5, 6))
    return journal
