"""One writer per journal: an exclusive ``flock`` keyed by the journal file itself (design §9).

The window holds the lock for as long as it is open; a command that writes takes it for the
length of the command. The lock file is named after the journal's device and inode, in the
user's cache folder, so it belongs to the file, not to a name: a hard link, a symlink or
another spelling of the path cannot get round it, and nothing is created beside the journal
(or beside whatever a link points to). It is not a lock on the journal file's own
descriptor on purpose: closing any descriptor of a file drops the POSIX locks SQLite holds
on it in the same process. The lock file says who holds it ("window" or "command", and the
process), so the message tells the truth; a command waits a few seconds for another
command before it gives up. Readers do not lock.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not a POSIX system
    fcntl = None  # type: ignore[assignment]

from platformdirs import user_cache_path

from nts_desktop import APP_NAME

from .errors import JournalLocked
from .paths import PRIVATE_FILE, ensure_private_dir

__all__ = ["WAIT", "JournalLock", "JournalLocked"]

WAIT = 5.0  # seconds a command waits for another command to finish


class JournalLock:
    """An exclusive lock on one journal file; use as a context manager or hold it.

    ``kind`` is what holds it: ``window`` (the default) or ``command``."""

    def __init__(self, journal_path: Path, kind: str = "window"):
        self.path = Path(journal_path)
        self.kind = kind
        self._fd: int | None = None

    def _lock_file(self) -> Path:
        st = os.stat(self.path)  # follows links: the file the journal really is
        # the cache folder, not the runtime one: the same for a desktop session and a cron job
        return user_cache_path(APP_NAME) / "locks" / f"journal-{st.st_dev}-{st.st_ino}.lock"

    def _holder(self, fd: int) -> tuple[str, str]:
        try:
            kind, pid = os.pread(fd, 64, 0).decode().split()
        except (OSError, ValueError, UnicodeDecodeError):
            return "", ""
        alive = not Path("/proc").exists() or Path(f"/proc/{pid}").exists()
        return (kind, pid) if alive else ("", "")

    def _message(self, kind: str, pid: str) -> str:
        if kind == "command":
            return (
                f"{self.path} is being written by another nts-desktop command (process {pid}); "
                "try again when it has finished"
            )
        if kind == "window":
            return (
                f"{self.path} is open in an nts-desktop window (perhaps waiting in the system "
                "tray for the morning reminder); quit it there first (its tray menu: Quit)"
            )
        return f"{self.path} is in use by another nts-desktop process (a window or a command)"

    def acquire(self, wait: float = 0.0) -> JournalLock:
        """Take the lock, waiting up to ``wait`` seconds while another command holds it
        (never for a window: it will not let go soon). Raises JournalLocked."""
        lock_file = self._lock_file()
        ensure_private_dir(lock_file.parent)
        fd = os.open(lock_file, os.O_CREAT | os.O_RDWR, PRIVATE_FILE)
        deadline = time.monotonic() + wait
        while fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                kind, pid = self._holder(fd)
                if time.monotonic() >= deadline or kind == "window":
                    os.close(fd)
                    raise JournalLocked(self._message(kind, pid)) from exc
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{self.kind} {os.getpid()}".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> JournalLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
