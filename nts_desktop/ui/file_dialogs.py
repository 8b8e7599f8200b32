"""Asking for a file: the usual Qt dialogs, opening in the folder the person used last.

The folder is a preference of the person, not of a journal (QSettings). Every "Open…",
"Import…" and "Export…" of the window asks through these two functions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from . import preferences

JOURNALS = "Journals (*.sqlite3);;All files (*)"


def last_folder() -> str:
    folder = str(preferences.read("last_folder"))
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(folder: str) -> None:
    """Where the next file dialog opens."""
    preferences.write("last_folder", folder)


def _remember(path: str) -> str | None:
    if not path:
        return None
    remember_folder(str(Path(path).parent))
    return path


def ask_open(parent: QWidget | None, caption: str, filter_: str) -> str | None:
    """A file to read, starting in the folder used last; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, last_folder(), filter_)
    return _remember(path)


def ask_folder(parent: QWidget | None, caption: str) -> str | None:
    """A folder to read, starting in the folder used last; None when cancelled."""
    path = QFileDialog.getExistingDirectory(parent, caption, last_folder())
    if not path:
        return None
    remember_folder(path)
    return path


def ask_save(parent: QWidget | None, caption: str, suggested: str, filter_: str) -> str | None:
    """A file to write (``suggested`` as its name), starting in the folder used last."""
    start = str(Path(last_folder()) / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, caption, start, filter_)
    return _remember(path)
