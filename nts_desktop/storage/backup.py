"""Backups with SQLite's backup API: before upgrades, replacing imports and restores, daily.

Backups sit in ``<journal>.backups/`` beside the journal (folder 0700, files 0600), named
``<stem>-<UTC time>-<reason>.sqlite3`` (design §9). A backup is written under a temporary
name, checked (``integrity_check``, and as many days as the journal), flushed, and only
then linked to its name, so a killed or failed backup never leaves a file under a backup's
name. The daily backup is judged by the newest *good* backup, and pruning keeps the newest
``KEEP`` good ones whatever torn files lie beside them. Restoring is in ``restore.py``.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from nts_desktop.core.units import age_words, plural

from .errors import JournalError
from .files import remove_quietly, write_new
from .paths import ensure_private_dir

KEEP = 30
DAILY = timedelta(days=1)
STALE = 600  # seconds: a temporary file this old belongs to a backup that was killed


def backup_dir(journal_path: Path) -> Path:
    return journal_path.parent / f"{journal_path.name}.backups"


def list_backups(journal_path: Path) -> list[Path]:
    """Files under a backup's name, oldest first (good or not: see ``good_backups``)."""
    folder = backup_dir(journal_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{journal_path.stem}-*.sqlite3"))


def backup_days(path: Path) -> int | None:
    """How many days a backup holds, or None when it is not a good journal file."""
    from .opening import check_journal_file

    try:
        if not check_journal_file(path):
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM days").fetchone()[0]
        finally:
            conn.close()
    except (JournalError, OSError, sqlite3.Error):
        return None


def good_backups(journal_path: Path) -> list[Path]:
    """The backups that are good journal files, newest first."""
    return [p for p in reversed(list_backups(journal_path)) if backup_days(p) is not None]


def _copy_checked(source: sqlite3.Connection, target: Path) -> None:
    days = source.execute("SELECT count(*) FROM days").fetchone()[0]
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
        check = dest.execute("PRAGMA integrity_check").fetchone()[0]
        copied = dest.execute("SELECT count(*) FROM days").fetchone()[0]
    finally:
        dest.close()
    if check != "ok" or copied != days:
        raise JournalError(
            f"the backup of the journal did not check out ({copied} of {days} days, {check})"
        )


def _remove_stale_temporaries(folder: Path, now: float) -> None:
    for leftover in folder.glob(".*.tmp*"):
        try:
            if now - leftover.stat().st_mtime > STALE:
                leftover.unlink()
        except OSError:
            pass


def prune(journal_path: Path) -> None:
    """Keep the newest ``KEEP`` good backups; never remove a good one to keep torn files."""
    for old in good_backups(journal_path)[KEEP:]:
        remove_quietly(old)


def backup_journal(
    journal_path: Path,
    *,
    db: Database | None = None,
    reason: str = "manual",
    now: datetime | None = None,
) -> Path:
    """Copy the journal into a new, checked backup file and prune old ones; returns its path.

    Raises DiskFull on a full disk, JournalError when the copy does not check out; either
    way no file is left under a backup's name."""
    now = now or datetime.now(UTC)
    folder = backup_dir(journal_path)
    ensure_private_dir(folder)
    _remove_stale_temporaries(folder, time.time())
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{journal_path.stem}-{stamp}-{reason}.sqlite3"

    def write(tmp: Path) -> None:
        if db is not None:
            _copy_checked(db.conn, tmp)
            return
        source = sqlite3.connect(f"{journal_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _copy_checked(source, tmp)
        finally:
            source.close()

    for n in range(2, 100):  # never over another file, even one taken the same microsecond
        try:
            write_new(target, write, replace=False)
            break
        except FileExistsError:
            target = folder / f"{journal_path.stem}-{stamp}-{reason}-{n}.sqlite3"
    prune(journal_path)
    return target


def backup_if_due(journal_path: Path, db: Database, now: datetime | None = None) -> Path | None:
    """Take the daily backup when the newest good one is over a day old (or there is none)."""
    now = now or datetime.now(UTC)
    if db.execute("SELECT count(*) FROM days").fetchone()[0] == 0:
        return None
    newest = next(
        (p for p in reversed(list_backups(journal_path)) if backup_days(p) is not None), None
    )
    if newest is not None and now - _taken(newest, journal_path)[0] < DAILY:
        return None
    return backup_journal(journal_path, db=db, reason="daily", now=now)


@dataclass(frozen=True)
class BackupInfo:
    """One backup as a person chooses it: when it was taken, why, and what it holds."""

    path: Path
    taken: datetime  # UTC
    reason: str
    days: int | None  # None: the file cannot be read as a journal

    def words(self, now: datetime | None = None) -> str:
        """``3 hours ago, 365 days (daily backup)``, or why it cannot be used."""
        age = age_words(((now or datetime.now(UTC)) - self.taken).total_seconds())
        held = "unreadable" if self.days is None else plural(self.days, "day")
        return f"{age}, {held} ({self.reason.replace('-', ' ')} backup)"


def _taken(path: Path, journal_path: Path) -> tuple[datetime, str]:
    stamp, _, reason = path.stem[len(journal_path.stem) + 1 :].partition("-")
    try:
        when = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        when = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return when, reason or "manual"


def describe_backups(journal_path: Path) -> list[BackupInfo]:
    """Every file under a backup's name, newest first, with how many days each holds."""
    out = []
    for path in reversed(list_backups(journal_path)):
        taken, reason = _taken(path, journal_path)
        out.append(BackupInfo(path, taken, reason, backup_days(path)))
    return out
