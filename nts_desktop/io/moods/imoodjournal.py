"""iMoodJournal's CSV export (Android) as ``MoodEntry``s.

Format facts relied on:

* Header ``"Date","Day of week","Hour","Minute","Level","LevelText","Comment",`` then one
  column per hashtag the user ever used (named with or without ``#``), values 0/1; a
  trailing comma may add an unnamed column. BOM, LF, oldest first.
* ``Date`` is ``September 5, 2015`` (English month, day not padded); ``Hour`` and ``Minute``
  zero-padded (checked, not kept: an entry is a day's).
* ``Level`` 1-10 (``Reading.scale``) with fixed words; ``LevelText`` is ``(7) Pretty Good``,
  kept as the label ``Pretty Good``.
* ``Comment`` is free text, newlines inside quotes, hashtags inline → the note as written.
  The hashtag columns marked 1 are the entry's tags (the column's name without ``#``).
* Exact duplicate rows occur: an entry read again (same date, time, level, words, comment
  and tags, in one file or another of the import) is skipped with one warning for all.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from nts_desktop.core.units import plural, shown

from ..csv_cells import MOST_LINES, ImportRefused, RowProblem, decode
from ..devices.sleeps import DeviceFileError, Reading
from .entry import MoodEntry

SOURCE = "imoodjournal"
SCALE = (1, 10)
COLUMNS = ("Date", "Day of week", "Hour", "Minute", "Level", "LevelText", "Comment")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DATE = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")
_LEVEL_TEXT = re.compile(r"^\(\s*\d{1,2}\s*\)\s*")
_SMALL = re.compile(r"^\d{1,2}$")


def looks_like(text: str, name: str) -> bool:
    """An iMoodJournal export: its header starts with iMoodJournal's seven columns."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    try:
        header = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return False
    return tuple(c.strip() for c in header[: len(COLUMNS)]) == COLUMNS


def _tags(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        tag = " ".join(item.replace(";", ",").split())
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _date(value: str) -> date:
    m = _DATE.match(value.strip())
    if m:
        word = m.group(1).lower()
        month = next((i for i, n in enumerate(MONTHS, 1) if n.startswith(word)), 0)
        if month:
            try:
                return date(int(m.group(3)), month, int(m.group(2)))
            except ValueError:
                pass
    raise ValueError(f"the date {shown(value.strip())} is not a date (like September 5, 2015)")


def _small(value: str, what: str, lo: int, hi: int) -> int:
    value = value.strip()
    if not _SMALL.match(value) or not lo <= int(value) <= hi:
        raise ValueError(f"{what} {shown(value)} is not a whole number from {lo} to {hi}")
    return int(value)


def _rows(text: str):
    """``(line where the row starts, cells)`` of every CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _read_file(name: str, data: bytes, reading: Reading, seen: set[tuple]) -> int:
    """Reads one export into ``reading``; returns how many duplicate rows it skipped."""
    try:
        text = decode(data)
    except ImportRefused as exc:
        raise DeviceFileError(exc.problems, name) from None
    rows = _rows(text)
    try:
        _, header = next(rows)
    except (StopIteration, csv.Error):
        return 0
    header = [c.strip() for c in header]
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        found = ", ".join(shown(c) for c in header[:7])
        raise DeviceFileError(
            [RowProblem(1, None, f"is not an iMoodJournal export (header: {found})")], name
        )
    named = len(header) if header[-1] else len(header) - 1  # a trailing comma: no column
    hashtags = [(i, header[i].lstrip("#")) for i in range(len(COLUMNS), named) if header[i]]
    problems: list[RowProblem] = []
    duplicates = 0
    line = 1
    try:
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            reading.records += 1
            extra = [c for c in cells[named:] if c.strip()]
            if len(cells) < named or extra:
                problems.append(
                    RowProblem(
                        line, None, f"has {plural(len(cells), 'field')}; the header names {named}"
                    )
                )
            else:
                try:
                    entry, key = _entry(cells, hashtags, line)
                except ValueError as exc:
                    problems.append(RowProblem(line, None, str(exc)))
                else:
                    if key in seen:
                        duplicates += 1
                    else:
                        seen.add(key)
                        reading.entries.append(entry)
            if len(problems) >= MOST_LINES:
                break
    except csv.Error as exc:
        problems.append(RowProblem(line + 1, None, f"is not CSV that can be read ({exc})"))
    if problems:
        raise DeviceFileError(problems[:MOST_LINES], name)
    return duplicates


def _entry(cells: list[str], hashtags: list[tuple[int, str]], line: int):
    """One row's entry, and the key that tells an exact duplicate."""
    when = _date(cells[0])
    hour = _small(cells[2], "the hour", 0, 23)
    minute = _small(cells[3], "the minute", 0, 59)
    level = _small(cells[4], "the level", *SCALE)
    label = _LEVEL_TEXT.sub("", cells[5].strip()).strip() or None
    note = cells[6].strip() or None
    marked = []
    for i, tag in hashtags:
        value = cells[i].strip()
        if value not in ("0", "1", ""):
            raise ValueError(f"the hashtag column {shown(tag)} holds {shown(value)}, not 0 or 1")
        if value == "1":
            marked.append(tag)
    tags = _tags(marked)
    entry = MoodEntry(when, f"line {line}", level=float(level), label=label, tags=tags, note=note)
    return entry, (when, hour, minute, level, label, note, tuple(sorted(tags)))


def read(files: list[tuple[str, bytes]], journal_zone: str) -> Reading:
    """Every iMoodJournal export of one import (``journal_zone`` is not needed: entries are
    days); a broken file refuses the whole import."""
    reading = Reading(format=SOURCE, source=SOURCE, scale=SCALE)
    seen: set[tuple] = set()
    duplicates = 0
    for name, data in files:
        reading.files.append(name)
        duplicates += _read_file(name, data, reading, seen)
    if duplicates:
        reading.warnings.append(f"{plural(duplicates, 'duplicate row')} skipped")
    return reading
