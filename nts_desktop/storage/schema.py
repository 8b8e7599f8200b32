"""The journal's schema as sqlite-utils migrations. Never edit a released step; add the next.

Step names are recorded in ``_sqlite_migrations``; a file holding a step this version does
not know was written by a newer version and is refused (design §9).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x4E545344  # "NTSD"
MIGRATION_SET = "nts_desktop"

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(
        """CREATE TABLE days (
            date TEXT PRIMARY KEY,
            free_day INTEGER NOT NULL CHECK (free_day IN (0, 1)),
            quality INTEGER,
            rested INTEGER,
            naps_min INTEGER,
            caffeine INTEGER,
            alcohol INTEGER,
            medication TEXT,
            mood INTEGER,
            focus INTEGER,
            resilience INTEGER,
            tags TEXT,
            notes TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE nights (
            date TEXT NOT NULL,
            source TEXT NOT NULL,
            tz TEXT NOT NULL,
            bedtime TEXT NOT NULL,
            lights_out TEXT NOT NULL,
            sleep_latency_min INTEGER NOT NULL,
            awakenings INTEGER NOT NULL,
            waso_min INTEGER NOT NULL,
            final_wake TEXT NOT NULL,
            out_of_bed TEXT NOT NULL,
            PRIMARY KEY (date, source)
        )"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations()
def m002_device_data(db: Database) -> None:
    """Imported history: sleep stages and app labels on device nights, naps, import batches."""
    for column in ("rem_min", "deep_min", "light_min", "awake_min"):
        db.execute(f"ALTER TABLE nights ADD COLUMN {column} INTEGER")
    db.execute("ALTER TABLE nights ADD COLUMN tags TEXT")
    db.execute("ALTER TABLE nights ADD COLUMN batch INTEGER")
    db.execute(
        """CREATE TABLE batches (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            filename TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            nights INTEGER NOT NULL,
            naps INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE naps (
            date TEXT NOT NULL,
            source TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            batch INTEGER,
            PRIMARY KEY (date, source)
        )"""
    )


@migrations()
def m003_day_fills(db: Database) -> None:
    """Imported day ratings: what each batch filled, so removing it restores exactly that."""
    db.execute("ALTER TABLE batches ADD COLUMN days INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """CREATE TABLE fills (
            batch INTEGER NOT NULL,
            date TEXT NOT NULL,
            field TEXT NOT NULL,
            before TEXT,
            after TEXT,
            PRIMARY KEY (batch, date, field)
        )"""
    )


def known_steps() -> frozenset[str]:
    """Names of every step this version knows (all are pending on an empty database)."""
    return frozenset(m.name for m in migrations.pending(Database(memory=True)))
