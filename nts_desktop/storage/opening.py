"""Opening a journal file: read-only checks first, then creating, migrating, locking.

Opening checks the file read-only before anything can change a byte (design §9): not SQLite,
damaged, another application's file, or a newer version's file are refused with
``JournalError`` (exit code 3) and left untouched. ``open_for_writing`` is the one way to
open a journal for writing: it takes the journal's lock first (a second writer must neither
migrate nor write), opens, and releases the lock again if opening fails; closing the
journal releases it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from nts_desktop.core.timeutil import system_zone_name, zone

from .errors import JournalError
from .journal import Journal
from .lock import JournalLock
from .paths import create_private_file, data_dir, default_journal_path, ensure_private_dir
from .schema import APPLICATION_ID, MIGRATION_SET, known_steps, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"


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
        raise JournalError(f"{path} cannot be opened as a journal", str(exc)) from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise JournalError(
                f"{path} is damaged: SQLite's own check of the file found problems in it",
                check,
            )
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
        raise JournalError(f"{path} is damaged or not a journal", str(exc)) from exc
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
        raise JournalError(f"{path} cannot be opened for writing", str(exc)) from exc
    journal = Journal(path, db, tz, read_only=False)
    if not existing:
        journal.update_settings(tz=tz or system_zone_name(), free_weekdays=(5, 6))
    return journal


def open_for_writing(
    path: str | Path | None = None, *, tz: str | None = None, create: bool = True
) -> Journal:
    """Take the journal's lock, then open it for writing; the journal's ``close()`` releases
    the lock. Raises JournalLocked while another window or command holds it, JournalError
    (with the lock released again) for a file that cannot be used."""
    path = resolve_journal_path(path)
    lock = JournalLock(path) if path.parent.exists() else None
    if lock is not None:
        lock.acquire()  # before opening: a second writer must not migrate or write
    try:
        journal = open_journal(path, tz=tz, create=create)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is None:  # the default data folder was created by opening
        try:
            lock = JournalLock(journal.path).acquire()
        except BaseException:
            journal.close()
            raise
    journal.lock = lock
    return journal
