"""The journal file: schema, safe opening, settings, backups, the lock, changes. No Qt."""

from .changes import Change
from .errors import DiskFull, ExitCode, JournalError, JournalLocked, NotWritable
from .journal import Journal, Settings
from .lock import JournalLock
from .opening import check_journal_file, open_for_writing, open_journal, resolve_journal_path

__all__ = [
    "Change",
    "DiskFull",
    "ExitCode",
    "Journal",
    "JournalError",
    "JournalLock",
    "JournalLocked",
    "NotWritable",
    "Settings",
    "check_journal_file",
    "open_for_writing",
    "open_journal",
    "resolve_journal_path",
]
