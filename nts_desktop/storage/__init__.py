"""The journal file: schema, safe opening, settings, backups and the window's lock. No Qt."""

from .journal import Journal, JournalError, Settings, open_journal, resolve_journal_path
from .lock import JournalLock, JournalLocked

__all__ = [
    "Journal",
    "JournalError",
    "JournalLock",
    "JournalLocked",
    "Settings",
    "open_journal",
    "resolve_journal_path",
]
