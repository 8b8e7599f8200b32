"""Backups with SQLite's backup API: before upgrades, before replacing imports, once a day.

Backups sit in ``<journal>.backups/`` beside the journal (folder 0700, files 0600), named by
the time they were taken, and only the newest ``KEEP`` are kept (design §9).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from nts_desktop.core.units import age_words, plural

from .changes import Change, everything
from .errors import JournalError
from .journal import Journal
from .paths import PRIVATE_FILE, create_private_file, ensure_private_dir

KEEP = 30
DAILY = timedelta(days=1)


def backup_dir(journal_path: Path) -> Path:
    return journal_path.parent / f"{journal_path.name}.backups"


def list_backups(journal_path: Path) -> list[Path]:
    """Backups of this journal, oldest first."""
    folder = backup_dir(journal_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{journal_path.stem}-*.sqlite3"))


def backup_journal(
    journal_path: Path,
    *,
    db: Database | None = None,
    reason: str = "manual",
    now: datetime | None = None,
) -> Path:
    """Copy the journal into a new backup file and prune old ones; returns the backup's path."""
    now = now or datetime.now(UTC)
    folder = backup_dir(journal_path)
    ensure_private_dir(folder)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{journal_path.stem}-{stamp}-{reason}.sqlite3"
    create_private_file(target)
    source = db.conn if db is not None else sqlite3.connect(journal_path)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
        if db is None:
            source.close()
    target.chmod(PRIVATE_FILE)
    for old in list_backups(journal_path)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def backup_if_due(journal_path: Path, db: Database, now: datetime | None = None) -> Path | None:
    """Take the daily backup when the newest one is over a day old (or there is none)."""
    now = now or datetime.now(UTC)
    if db.execute("SELECT count(*) FROM days").fetchone()[0] == 0:
        return None
    existing = list_backups(journal_path)
    if existing:
        age = now.timestamp() - existing[-1].stat().st_mtime
        if age < DAILY.total_seconds():
            return None
    return backup_journal(journal_path, db=db, reason="daily", now=now)


def restore_into(db: Database, backup: Path) -> None:
    """Replace the open journal's contents with those of ``backup`` (already checked)."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    finally:
        source.close()


def set_aside_and_restore(journal_path: Path, backup: Path, now: datetime | None = None) -> Path:
    """Move an unusable journal aside (kept byte for byte) and put ``backup`` in its place.

    Returns where the unusable file now is. Its ``-wal``/``-shm`` companions move with it.
    """
    now = now or datetime.now(UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    aside = journal_path.with_name(f"{journal_path.name}.unusable-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{journal_path}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))
    create_private_file(journal_path)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(journal_path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return aside


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
    """Every backup of the journal, newest first, read (read-only) for how many days each
    holds."""
    from .opening import check_journal_file, open_journal

    out = []
    for path in reversed(list_backups(journal_path)):
        taken, reason = _taken(path, journal_path)
        try:
            if not check_journal_file(path):
                raise JournalError("empty")
            with open_journal(path, read_only=True, verify=False) as backup:
                days: int | None = backup.day_count()
        except (JournalError, OSError, sqlite3.Error):
            days = None
        out.append(BackupInfo(path, taken, reason, days))
    return out


def restore_backup(journal: Journal, backup: Path) -> tuple[Change, Path]:
    """Put ``backup`` into the open journal, after saving the journal as it is now as a
    backup of its own; returns the change (everything) and where the old state was saved.

    Refuses (JournalError) a file that is not a good journal, and (ValueError) a demo
    journal going into a journal of one's own."""
    from .opening import check_journal_file, open_journal

    if not check_journal_file(backup):
        raise JournalError(f"{backup} is not an nts-desktop journal")
    with open_journal(backup, read_only=True) as source:
        if source.settings.demo and not journal.settings.demo:
            raise ValueError(
                f"{backup} is a demo journal; demo data never goes into your own journal"
            )
    saved = backup_journal(journal.path, db=journal.db, reason="before-restore")
    restore_into(journal.db, backup)
    journal.settings = journal._load_settings()
    return everything(
        f"Restored {backup.name}; the journal as it was is kept in {saved.name}."
    ), saved
