"""History from sleep trackers (Sleep as Android, Fitbit, Oura, Apple Health) and mood apps
(Daylio, Bearable, Pixels, iMoodJournal, Loop Habit Tracker), design §6.

``read_history`` finds what a file, a zip or a folder (a Takeout folder, an export zip) holds
— detected from the content, not the name — and reads it into ``Reading``s; nothing is
written until ``device_import.import_readings``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..csv_cells import RowProblem
from . import apple_health, fitbit, oura, sleep_as_android
from .sleeps import DeviceFileError, Progress, Reading

READ_BUFFER = 1 << 20
MOOD_FORMATS = ("daylio", "bearable", "pixels", "imoodjournal", "loop")
FORMATS = ("auto", "csv", "sleep-as-android", "fitbit", "oura", "apple-health", *MOOD_FORMATS)
__all__ = ["FORMATS", "DeviceFileError", "Reading", "detect", "is_journal_csv", "read_history"]


@dataclass(frozen=True)
class Entry:
    """One file to look at: a plain file, or a member of a zip."""

    name: str
    path: Path
    member: str | None = None  # inside the zip at ``path``

    def open(self) -> IO[bytes]:
        """The file for reading, buffered by the megabyte: a stream parser that reads it in
        small pieces then holds the GIL long enough at a time to keep the window responsive
        (16 KB reads starved the GUI thread for 100–300 ms; 1 MB ones for under 30)."""
        if self.member is None:
            return open(self.path, "rb", buffering=READ_BUFFER)
        member = zipfile.ZipFile(self.path).open(self.member)  # noqa: SIM115 (the reader closes it)
        return io.BufferedReader(member, buffer_size=READ_BUFFER)  # type: ignore[arg-type]

    def head(self) -> bytes:
        with self.open() as fh:
            return fh.read(4096)

    def read(self) -> bytes:
        with self.open() as fh:
            return fh.read()


def _wanted(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return "__MACOSX/" not in name and not base.startswith(".") and bool(base)


def entries(path: Path) -> list[Entry]:
    """The files of a file, a zip or a folder (zips inside a folder too); macOS metadata
    (``__MACOSX/``, ``._*``) is left out."""
    if path.is_dir():
        out = []
        for p in sorted(path.rglob("*")):
            if p.is_file() and _wanted(str(p.relative_to(path))):
                out.extend(
                    entries(p) if zipfile.is_zipfile(p) else [Entry(str(p.relative_to(path)), p)]
                )
        return out
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return [
                Entry(f"{path.name}/{i.filename}", path, i.filename)
                for i in z.infolist()
                if not i.is_dir() and _wanted(i.filename)
            ]
    return [Entry(path.name, path)]


def detect(head: bytes, name: str) -> str | None:
    """The format of a file from its first bytes (None: not one of these)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if apple_health.looks_like(text):
        return "apple-health"
    if sleep_as_android.looks_like(text):
        return "sleep-as-android"
    from ..moods import daylio  # the mood parsers read into this package's Reading

    if daylio.looks_like_backup(head, name):
        return "daylio-backup"
    decoded = text.decode("utf-8", errors="replace")
    for kind, looks_like in _mood_detectors():
        if looks_like(decoded, name):
            return kind
    if text.startswith((b"[", b"{")):
        return "json"  # Fitbit or Oura: told apart once parsed
    if b"\nSleep" in text or text.startswith(b"Body"):
        return "fitbit-csv"
    return None


_MOOD_KINDS = ("daylio-backup", "pixels", "daylio-csv", "bearable", "imoodjournal", "loop")


def _mood_detectors() -> tuple:
    from ..moods import bearable, daylio, imoodjournal, loop, pixels

    return (
        ("pixels", pixels.looks_like),
        ("daylio-csv", daylio.looks_like_csv),
        ("bearable", bearable.looks_like),
        ("imoodjournal", imoodjournal.looks_like),
        ("loop", loop.looks_like),
    )


def _read_moods(kind: str, files: list[tuple[str, bytes]], journal_zone: str) -> Reading:
    from ..moods import bearable, daylio, imoodjournal, loop, pixels

    if kind == "daylio-csv":
        return daylio.read_csv(files)
    if kind == "daylio-backup":
        return daylio.read_backup(files)
    module = {"bearable": bearable, "pixels": pixels, "imoodjournal": imoodjournal, "loop": loop}
    return module[kind].read(files, journal_zone)


def is_journal_csv(path: Path) -> bool:
    """Whether ``path`` is a journal CSV rather than a device's history (found from content)."""
    if path.is_dir() or zipfile.is_zipfile(path):
        return False
    with open(path, "rb") as fh:
        return detect(fh.read(4096), path.name) is None


def read_history(
    path: Path,
    journal_zone: str,
    fmt: str = "auto",
    prefer: str | None = None,
    progress: Progress | None = None,
) -> list[Reading]:
    """Every device history in ``path``, by format; raises DeviceFileError for a broken
    file (naming it, and the record or line) and when nothing in it is a known format."""
    readings: dict[str, Reading] = {}
    fitbit_files: list[tuple[str, object]] = []
    mood_files: dict[str, list[tuple[str, bytes]]] = {}
    for entry in entries(path):
        kind = detect(entry.head(), entry.name)
        if kind is None:
            continue
        if kind in _MOOD_KINDS and fmt in ("auto", kind.split("-")[0]):
            mood_files.setdefault(kind, []).append((entry.name, entry.read()))
            continue
        if kind == "apple-health" and fmt in ("auto", "apple-health"):
            with entry.open() as stream:
                found = apple_health.read(stream, entry.name, journal_zone, prefer, progress)
            readings.setdefault("apple-health", found)
        elif kind == "sleep-as-android" and fmt in ("auto", "sleep-as-android"):
            try:
                text = entry.read().decode("utf-8-sig")
                found = sleep_as_android.read(text, journal_zone, progress)
            except (DeviceFileError, UnicodeDecodeError) as exc:
                problems = getattr(exc, "problems", [RowProblem(0, None, f"is not UTF-8 ({exc})")])
                raise DeviceFileError(problems, entry.name) from None
            found.files.append(entry.name)
            readings.setdefault("sleep-as-android", found)
        elif kind == "json" and fmt in ("auto", "fitbit", "oura"):
            parsed = fitbit.parse_json_bytes(entry.read(), entry.name)
            if fitbit.looks_like_json(parsed):
                fitbit_files.append((entry.name, parsed))
            elif oura.documents(parsed) is not None:
                readings.setdefault("oura", oura.read(parsed, entry.name, journal_zone, progress))
        elif kind == "fitbit-csv" and fmt in ("auto", "fitbit"):
            text = entry.read().decode("utf-8-sig", errors="replace")
            if fitbit.looks_like_csv(text):
                readings.setdefault("fitbit-csv", fitbit.read_csv(text, entry.name, journal_zone))
    if fitbit_files:
        readings["fitbit"] = fitbit.read_json(fitbit_files, journal_zone, progress)
    for kind, files in mood_files.items():
        readings[kind] = _read_moods(kind, files, journal_zone)
    if not readings:
        raise DeviceFileError(
            [
                RowProblem(
                    0,
                    None,
                    "holds no history this app can read (Sleep as Android, Fitbit, Oura, "
                    "Apple Health, Daylio, Bearable, Pixels, iMoodJournal, Loop) nor a "
                    "journal CSV",
                )
            ],
            str(path),
        )
    return list(readings.values())
