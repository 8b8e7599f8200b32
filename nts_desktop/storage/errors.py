"""What can go wrong with a journal file, and the exit codes that say so (design §7).

The command line and the window's process share these codes, so a script sees the same
number for the same trouble whichever way the journal was opened.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of ``nts-desktop``."""

    OK = 0
    BAD_INPUT = 1  # bad input or a refused action; nothing was written
    USAGE = 2  # click's own code for a wrong command line
    JOURNAL = 3  # the journal file is unreadable, damaged, foreign or newer (left untouched)
    LOCKED = 4  # the journal is open in a window and the command would write


class JournalError(RuntimeError):
    """The journal file cannot be used: unreadable, damaged, foreign or from a newer version.

    The message says it in words; ``details`` keeps what SQLite itself said, for a "details"
    box or a bug report."""

    exit_code = ExitCode.JOURNAL

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


class JournalLocked(RuntimeError):
    """Another process (a window) has the journal open for writing."""

    exit_code = ExitCode.LOCKED


class NotWritable(JournalError):
    """A healthy journal that cannot be written here (read-only media, no permission): it
    can still be opened read-only, looked at and exported."""


class DiskFull(NotWritable):
    """The disk has no room for what was being written; nothing was changed."""
