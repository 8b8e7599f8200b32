"""Opening a journal file: read-only checks first, then creating, migrating, locking.

Opening checks the file read-only before anything can change a byte (design §9): not SQLite,
damaged, another application's file, or a newer version's file are refused with
``JournalError`` (exit code 3) and left untouched. ``open_for_writing`` is the one way to
open a journal for writing: it takes the journal's lock first (a second writer must neither
migrate nor write), opens, and releases the lock again if opening fails; closing the
journal releases it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from sqlite_utils import Database

from nts_desktop.core.timeutil import system_zone_name, zone

from .backup import backup_days, list_backups
from .errors import JournalError, NotWritable
from .files import disk_full, free_mb, is_disk_full, write_new
from .journal import Journal
from .lock import JournalLock
from .paths import PRIVATE_FILE, data_dir, default_journal_path, ensure_private_dir
from .rows import DAY_COLUMNS, NIGHT_COLUMNS
from .schema import APPLICATION_ID, MIGRATION_SET, known_steps, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_FREE_MB = 1.0  # below this, a journal is not opened for writing (it opens read-only)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that changes no byte. On read-only media (or a full disk),
    where SQLite cannot make the WAL index beside the file, the file is read as immutable."""
    uri = path.resolve().as_uri()
    idle = not Path(f"{path}-wal").exists()  # no writer has it open
    if idle and free_mb(path) < MIN_FREE_MB:  # a full disk: make no -wal/-shm beside it
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:  # cannot make the -shm beside it: read it as it is
        conn.close()
    except sqlite3.Error:
        conn.close()
        raise
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _read_head(path: Path) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise JournalError(f"{path} cannot be read: {exc.strerror}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise JournalError(f"{path} is a folder, not a journal file")
    if not stat.S_ISREG(st.st_mode):
        raise JournalError(f"{path} is not a file (a device, a pipe or a socket), not a journal")
    try:
        with open(path, "rb") as fh:
            return fh.read(100)  # a /proc file says size 0 but has content
    except OSError as exc:
        raise JournalError(f"{path} cannot be read: {exc.strerror}") from exc


def check_journal_file(path: Path) -> bool:
    """Read-only checks of an existing file; True if it already holds this app's schema.

    Raises JournalError naming what is wrong. A missing or empty file is fine (a new
    journal), unless it is an empty file that has backups: then it lost its contents.
    """
    head = _read_head(path)
    if not head:
        if path.exists() and any(backup_days(p) is not None for p in list_backups(path)):
            raise JournalError(
                f"{path} is empty although it has backups: it has lost its contents; restore "
                "a backup"
            )
        return False
    if not head.startswith(SQLITE_MAGIC):
        raise JournalError(f"{path} is not an nts-desktop journal (not an SQLite file)")
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise JournalError(f"{path} is damaged or not a journal", str(exc)) from exc
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
        for table, columns in (("days", ("date", *DAY_COLUMNS)), ("nights", NIGHT_COLUMNS)):
            found = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            if not set(columns) <= found:
                raise JournalError(
                    f"{path} is damaged: its {table} table is not the journal's",
                    f"missing columns: {sorted(set(columns) - found)}",
                )
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


def create_journal(path: Path, tz: str | None = None) -> None:
    """Create a new journal at ``path``, all at once: the schema, the application id and the
    zone are written under a temporary name, which is then linked into place. A kill leaves
    no journal or a complete one; a file that appeared meanwhile is left alone."""
    if path.parent == data_dir():
        ensure_private_dir(path.parent)  # also tightens a folder someone made 0755
    elif not path.parent.is_dir():
        raise JournalError(f"the folder {path.parent} does not exist")

    def write(tmp: Path) -> None:
        db = Database(tmp)
        try:
            db.execute("PRAGMA synchronous = FULL")
            migrations.apply(db)
            with db.atomic():
                db["settings"].insert_all(
                    [
                        {"key": "tz", "value": tz or system_zone_name()},
                        {"key": "free_weekdays", "value": "5,6"},
                    ],
                    replace=True,
                )
        finally:
            db.close()

    empty = path.exists()  # an empty file (no backups: checked) is replaced
    try:
        write_new(path, write, replace=empty)
    except FileExistsError:
        pass  # another process created it first: that one is the journal
    except sqlite3.Error as exc:
        raise JournalError(f"a new journal cannot be created at {path}", str(exc)) from exc
    except PermissionError as exc:
        raise NotWritable(f"{path.parent} cannot be written to ({exc.strerror})") from exc


def writable(path: Path) -> bool:
    """Whether the journal and its folder can be written (not read-only media or modes)."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return False
    except OSError:
        return False
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _writing_failed(path: Path, exc: BaseException | None) -> JournalError:
    if (exc is not None and is_disk_full(exc)) or free_mb(path) < MIN_FREE_MB:
        return disk_full(path)
    text = str(exc).lower()
    if (
        "readonly" in text
        or "read-only" in text
        or isinstance(exc, PermissionError)
        or not (writable(path))
    ):
        return NotWritable(
            f"{path} cannot be written (read-only media or no permission); it can still be "
            "opened to look at and export",
            "" if exc is None else str(exc),
        )
    return JournalError(f"{path} cannot be opened for writing", "" if exc is None else str(exc))


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
    missing file. Raises JournalError for a file that cannot be used (DiskFull and
    NotWritable when it is healthy but cannot be written). ``verify=False`` skips the
    integrity check for a read-only reader of a file this process has already opened and
    checked (the window's background computations).
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
        try:
            conn = connect_read_only(path)
        except sqlite3.Error as exc:
            raise JournalError(f"{path} cannot be opened", str(exc)) from exc
        return Journal(path, Database(conn), tz, read_only=True)
    if not existing:
        create_journal(path, tz)
    if path.parent == data_dir():
        ensure_private_dir(path.parent)  # the data folder stays 0700
    tighten(path)
    if free_mb(path) < MIN_FREE_MB or not writable(path):  # do not even start: SQLite
        raise _writing_failed(path, None)  # would leave -wal/-shm behind
    db = None
    try:
        db = Database(path)
        if migrations.pending(db):
            from .backup import backup_journal

            backup_journal(path, db=db, reason="before-upgrade")
        db.execute("PRAGMA synchronous = FULL")
        db.enable_wal()
        migrations.apply(db)
    except (sqlite3.Error, OSError) as exc:
        if db is not None:
            db.close()
        raise _writing_failed(path, exc) from exc
    return Journal(path, db, tz, read_only=False)


def open_for_writing(
    path: str | Path | None = None,
    *,
    tz: str | None = None,
    create: bool = True,
    kind: str = "window",
    wait: float = 0.0,
) -> Journal:
    """Check, create if missing, take the journal's lock, then open it for writing; the
    journal's ``close()`` releases the lock. ``kind`` says who writes ("window" or
    "command"); a command ``wait``s a few seconds for another one. Raises JournalLocked
    while another window or command holds it, JournalError (lock released) for a file that
    cannot be used. Nothing is created for a file that is not a journal."""
    path = resolve_journal_path(path)
    if tz is not None:
        zone(tz)
    lock = None
    try:
        if path.exists():  # lock first: another name of an open journal is refused at once
            lock = JournalLock(path, kind).acquire(wait)
        existing = check_journal_file(path)  # read-only, before anything is created
        if not existing:
            if not create:
                raise JournalError(f"there is no journal at {path} yet")
            create_journal(path, tz)
        if lock is None:
            lock = JournalLock(path, kind).acquire(wait)  # before opening: one writer migrates
        journal = open_journal(path, tz=tz, create=create)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    journal.lock = lock
    return journal


def tighten(path: Path) -> None:
    """Make a journal found with looser modes private again (0600)."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(PRIVATE_FILE)
    except OSError:
        pass
