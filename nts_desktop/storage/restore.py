"""Going back to a backup, in ways that never leave a person with less than they had.

Every path checks the chosen backup before anything is moved; a bad one is refused
(``BadBackup``, which names the next-newest good backup to offer instead). Restoring into an
open journal keeps its present state as a backup first. Setting an unusable journal aside
never overwrites an earlier set-aside file, and if anything fails midway the journal's
path holds what it held before (design §9).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from .backup import BackupInfo, backup_journal, describe_backups
from .changes import Change, everything
from .errors import JournalError
from .files import disk_full, fsync_dir, is_disk_full, remove_quietly, temporary_beside
from .journal import Journal


class BadBackup(JournalError):
    """The chosen backup cannot be used; ``instead`` is the next-newest good one, if any."""

    def __init__(self, message: str, instead: BackupInfo | None = None):
        if instead is not None:
            message += f"; the next good one is from {instead.words()}"
        super().__init__(message)
        self.instead = instead


def check_backup(backup: Path, journal_path: Path | None = None) -> None:
    """Refuse (BadBackup) a backup that is not a good, complete journal file."""
    from .opening import check_journal_file

    try:
        good = check_journal_file(backup)
    except JournalError as exc:
        good, reason = False, str(exc)
    else:
        reason = f"{backup} is empty, not a journal"
    if good:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if check == "ok":
            return
        reason = f"{backup} is damaged"
    instead = None
    if journal_path is not None:
        instead = next(
            (b for b in describe_backups(journal_path) if b.days and b.path != backup), None
        )
    raise BadBackup(f"the backup cannot be used: {reason}", instead)


def restore_into(db: Database, backup: Path) -> None:
    """Replace the open journal's contents with those of ``backup`` (already checked), in
    one step of SQLite's backup API."""
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    except sqlite3.Error as exc:
        if is_disk_full(exc):
            raise disk_full(Path(db.conn.execute("PRAGMA database_list").fetchone()[2])) from exc
        raise
    finally:
        source.close()


def restore_backup(journal: Journal, backup: Path) -> tuple[Change, Path]:
    """Put ``backup`` into the open journal, after saving the journal as it is now as a
    backup of its own; returns the change (everything) and where the old state was saved.

    Refuses a backup that is not a good journal (BadBackup) and a demo journal going into a
    journal of one's own (ValueError); nothing changes then."""
    from .opening import open_journal

    check_backup(backup, journal.path)
    with open_journal(backup, read_only=True) as source:
        if source.settings.demo and not journal.settings.demo:
            raise ValueError(
                f"{backup} is a demo journal; demo data never goes into your own journal"
            )
    saved = backup_journal(journal.path, db=journal.db, reason="before-restore")
    restore_into(journal.db, backup)
    journal.reload_settings()
    message = f"Restored {backup.name}; the journal as it was is kept in {saved.name}."
    return everything(message), saved


def _aside_name(journal_path: Path, now: datetime) -> Path:
    """``<journal>.unusable-<UTC time>``, with ``-2``, ``-3`` … when that name is taken."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = journal_path.with_name(f"{journal_path.name}.unusable-{stamp}")
    aside, n = base, 1
    while any(Path(f"{aside}{s}").exists() for s in ("", "-wal", "-shm")):
        n += 1
        aside = base.with_name(f"{base.name}-{n}")
    return aside


def set_aside_and_restore(journal_path: Path, backup: Path, now: datetime | None = None) -> Path:
    """Move an unusable journal aside (kept byte for byte, with its ``-wal``/``-shm``) and
    put ``backup`` in its place; returns where the unusable file now is.

    The backup is checked and copied to a temporary file first; only then is anything moved,
    and if putting the copy in place fails, the unusable file is moved back."""
    check_backup(backup, journal_path)
    copy = temporary_beside(journal_path)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        fd = os.open(copy, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
    except BaseException as exc:
        remove_quietly(copy)
        if is_disk_full(exc):
            raise disk_full(journal_path) from exc
        raise
    aside = _aside_name(journal_path, now or datetime.now(UTC))
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{journal_path}{suffix}")
            if part.exists():
                os.link(part, f"{aside}{suffix}")  # never over an earlier set-aside file
                part.unlink()
                moved.append((Path(f"{aside}{suffix}"), part))
        os.link(copy, journal_path)
        fsync_dir(journal_path.parent)
    except BaseException:
        for kept, original in moved:  # the journal's path holds what it held before
            if not original.exists():
                os.rename(kept, original)
            else:
                kept.unlink(missing_ok=True)
        raise
    finally:
        remove_quietly(copy)
    return aside
