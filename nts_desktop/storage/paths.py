"""Where journals live: the default location from platformdirs, private folders and files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from nts_desktop import APP_NAME

ENV_DB = "NTS_DESKTOP_DB"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def data_dir() -> Path:
    """The user data folder for nts-desktop (not created here)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_journal_path() -> Path:
    """``journal.sqlite3`` in the user data folder."""
    return data_dir() / "journal.sqlite3"


def default_demo_path() -> Path:
    """``demo.sqlite3`` beside the default journal: demo data never lands in the real one."""
    return data_dir() / "demo.sqlite3"


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) readable only by the user."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    os.chmod(folder, PRIVATE_DIR)


def create_private_file(path: Path) -> None:
    """Create an empty file readable and writable only by the user (no-op if it exists)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, PRIVATE_FILE)
