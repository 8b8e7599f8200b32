"""Publishing files so that a kill, a power cut or a full disk never leaves half of one.

A file is written under a temporary name in its own folder, flushed to disk, and only then
renamed (or linked) to its real name, and the folder is flushed too, so the rename itself
survives a crash (design §9). A full disk is reported as such, with the space left.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import DiskFull
from .paths import PRIVATE_FILE


def free_mb(path: Path) -> float:
    """Free space, in MB, on the file system that holds ``path`` (or its nearest parent)."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free / 1e6
    except OSError:
        return 0.0


def disk_full(path: Path) -> DiskFull:
    return DiskFull(f"the disk is full ({free_mb(path):.0f} MB free); nothing was changed")


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (an OSError or an SQLite error) says the disk is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        return "disk is full" in text or "database or disk is full" in text
    return False


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new, empty, private file in ``target``'s folder, named so that no backup, journal or
    export pattern matches it."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    os.chmod(name, PRIVATE_FILE)
    return Path(name)


def publish(tmp: Path, target: Path, *, replace: bool = True) -> None:
    """Give the finished file ``tmp`` its real name: flush it, rename (or, with
    ``replace=False``, link, which fails if ``target`` exists), flush the folder."""
    fsync_file(tmp)
    if replace:
        os.replace(tmp, target)
    else:
        os.link(tmp, target)
        tmp.unlink()
    fsync_dir(target.parent)


def remove_quietly(*paths: Path) -> None:
    """Remove temporary files (and their SQLite ``-journal``/``-wal``/``-shm``), if any."""
    for path in paths:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def write_new(target: Path, write: Callable[[Path], None], *, replace: bool = True) -> Path:
    """Create ``target`` by ``write(tmp)`` into a temporary file, then publish it. Any
    failure removes the temporary file and leaves ``target`` as it was; a full disk is
    reported as DiskFull."""
    tmp = temporary_beside(target)
    try:
        write(tmp)
        publish(tmp, target, replace=replace)
    except BaseException as exc:
        remove_quietly(tmp)
        if is_disk_full(exc):
            raise disk_full(target) from exc
        raise
    return target
