"""One window per journal: an advisory lock file beside the journal (design §9).

The window holds the lock for as long as it is open; a command that writes takes it for the
length of the command, so it refuses (exit 4) while a window has the journal open. Readers
do not lock. The lock is ``flock`` on ``<journal>.lock`` and dies with the process.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not a POSIX system
    fcntl = None  # type: ignore[assignment]

from .errors import JournalLocked
from .paths import PRIVATE_FILE

__all__ = ["JournalLock", "JournalLocked"]


class JournalLock:
    """An exclusive, non-blocking lock on one journal; use as a context manager or hold it."""

    def __init__(self, journal_path: Path):
        # resolved, so a symlink or a relative path to the same journal shares one lock
        self.path = Path(f"{Path(journal_path).resolve()}.lock")
        self._fd: int | None = None

    def acquire(self) -> JournalLock:
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, PRIVATE_FILE)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                raise JournalLocked(
                    f"{self.path.with_suffix('')} is open in an nts-desktop window; "
                    "close it there first"
                ) from exc
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> JournalLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
