"""The journal file: schema, safe opening, settings, backups, the lock, changes. No Qt."""

from .changes import Change
from .errors import ExitCode, JournalError, JournalLocked
from .journal import Journal, Settings
from .lock import JournalLock
from .opening import check_journal_file, open_for_writing, open_journal, resolve_journal_path

__all__ = [
    "Change",
    "ExitCode",
    "Journal",
    "JournalError",
    "JournalLock",
    "JournalLocked",
    "Settings",
    "check_journal_file",
    "open_for_writing",
    "open_journal",
    "resolve_journal_path",
]
