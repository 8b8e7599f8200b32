"""Daylio's exports: the CSV of "Export entries" in every layout seen, and the .daylio backup.

CSV: a row per entry, newest first, several a day; columns found by header name. Layouts:
``year,date,weekday,time,mood,activities,note`` (2017–18, no ISO date: ``year`` plus the
localized ``date``, see daylio_names); ``full_date,…,note``; ``…,note_title,note`` (2021 on);
``…,activities,scales,note_title,note``; no header (by position: ``full_date,date,weekday,
time,mood,activities``, then ``note``, ``note_title,note`` or ``scales,note_title,note`` by
the row's length). ``sub_mood`` is ``mood``. ``full_date`` (ISO, or ``M/D/YYYY`` after a
spreadsheet; ``D/M/YYYY`` where a file's first number passes 12) wins over ``date`` and
``weekday``, which may disagree. ``time`` (24- or 12-hour, ``12:27 AM`` = 00:27) is checked,
not used: the day is the entry's calendar day. A row longer than the header ends with note
title and note (text in between joins the note, with a warning); a shorter one lacks columns
after ``activities``. UTF-8 with or without BOM, LF or CRLF, quoted newlines, ``""``.

Backup: a zip whose member ``backup.daylio`` is base64 of JSON; ``dayEntries`` have ``year``,
0-based ``month``, ``day``, ``hour``, ``minute``, a ``mood`` id of ``customMoods`` (level 6 −
``mood_group_id``; named ``custom_name`` or, predefined, the English name of
``predefined_name_id``), ``tags`` ids of ``tags``, ``note_title`` and ``note``.

Both: activities split on ``|``, trimmed, inner whitespace one space, ``;`` as ``,``, each
once; notes plain (``<br>`` and ends of blocks a newline, tags dropped, entities unescaped)
as ``Title — note``, scales a ``Scales: …`` line. A mood name Daylio does not ship is the
person's own: level None, for the caller to ask. Entries alike in day, time, mood,
activities and note are kept once. A broken file raises DeviceFileError with its bad rows.
"""

from __future__ import annotations

import base64
import binascii
import csv
import html
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from nts_desktop.core.units import plural, shown

from ..csv_cells import MOST_LINES, RowProblem, normalize_header
from ..devices.sleeps import DeviceFileError, Reading
from .daylio_names import PREDEFINED_ENGLISH, day_month, predefined_level
from .entry import MoodEntry

SOURCE = "daylio"
SCALE = (1, 5)
MAX_CELL = 1 << 30  # notes may be long; the csv module's default limit is 128 KiB
HEAD = ("full_date", "date", "weekday", "time", "mood", "activities")
YEAR_HEAD = ("year", *HEAD[1:])
NAMES = frozenset({*YEAR_HEAD, *HEAD, "sub_mood", "scales", "note_title", "note"})
_TAILS = ((), ("note",), ("note_title", "note"), ("scales", "note_title", "note"))  # headerless

_YEAR = re.compile(r"^\d{4}$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:([ap])\.?\s*m\.?)?$", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6])\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")

Key = tuple[date, tuple[int, int] | None, str | None, tuple[str, ...], str | None]
Found = list[tuple[Key, MoodEntry]]


class _Bad(ValueError):
    """A cell that cannot be read: ``_Bad(column, message)``."""


def _attempt(problems: list[RowProblem], line: int, read: Callable[..., Any], *args: Any) -> Any:
    try:
        return read(*args)
    except _Bad as bad:
        problems.append(RowProblem(line, *bad.args))  # and None


def tags_of(names: Iterable[str]) -> tuple[str, ...]:
    """Labels trimmed, whitespace runs as one space, ``;`` as ``,``; blanks and repeats out."""
    cleaned = (" ".join(name.split()).replace(";", ",") for name in names)
    return tuple(dict.fromkeys(c for c in cleaned if c))


def plain(text: str) -> str:
    """A note's HTML as text: ``<br>`` and ends of blocks are newlines, tags dropped."""
    text = _BREAK.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return html.unescape(_TAG.sub("", text)).strip()


def note_of(title: str, note: str, scales: str = "", extra: Iterable[str] = ()) -> str | None:
    """``Title — note``, then a ``Scales: …`` line and any stray text; None when blank."""
    title, note = plain(title), plain(note)
    lines = [f"{title} — {note}" if title and note else title or note]
    if scales.strip():
        lines.append(f"Scales: {' '.join(scales.split())}")
    lines += [plain(x) for x in extra]
    return "\n".join(line for line in lines if line) or None


def clock(text: str) -> tuple[int, int]:
    """Hour and minute of ``21:40``, ``9:03``, ``6:50 pm``, ``12:27 AM`` (00:27)."""
    value = text.strip()
    if (m := _TIME.match(value)) and int(m[2]) <= 59:
        hour, half = int(m[1]), (m[3] or "").lower()
        if half and 1 <= hour <= 12:
            return hour % 12 + (12 if half == "p" else 0), int(m[2])
        if not half and hour <= 23:
            return hour, int(m[2])
    raise _Bad("time", f"{shown(value)} is not a time of day (21:40, 9:03 pm)")


def full_date(text: str, day_first: bool = False) -> date:
    """``2021-06-30``, or ``6/30/2021`` (``30/6/2021`` with ``day_first``)."""
    value = text.strip()
    if m := _ISO.match(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _SLASH.match(value):
        a, b, year = (int(g) for g in m.groups())
        month, day = (b, a) if day_first else (a, b)
    else:
        raise _Bad("full_date", f"{shown(value)} is not a date (YYYY-MM-DD or M/D/YYYY)")
    try:
        return date(year, month, day)
    except ValueError:
        raise _Bad("full_date", f"{shown(value)} is no day of the calendar") from None


def year_date(year: str, text: str) -> date:
    """The day of the oldest layout: ``2017`` and ``7 września``."""
    year, text = year.strip(), text.strip()
    if not _YEAR.match(year):
        raise _Bad("year", f"{shown(year)} is not a year")
    found = day_month(text)
    if found is None:
        raise _Bad("date", f"{shown(text)} is not a day and month (30 May, May 30, 7 września)")
    try:
        return date(int(year), *found)
    except ValueError:
        raise _Bad("date", f"{shown(text)} {year} is no day of the calendar") from None


def _is_header(cells: list[str]) -> bool:
    names = {normalize_header(c) for c in cells}
    has_day = "full_date" in names or {"year", "date"} <= names
    return has_day and bool(names & {"mood", "sub_mood"}) and len(names & NAMES) >= 4


def _is_entry(cells: list[str]) -> bool:
    """A headerless file's row: a date, the weekday, a time, a mood, the activities…"""
    if len(cells) < len(HEAD) or not cells[4].strip() or not _attempt([], 0, clock, cells[3]):
        return False
    if _YEAR.match(cells[0].strip()):
        return day_month(cells[1]) is not None
    return any(_attempt([], 0, full_date, cells[0], first) for first in (False, True))


def looks_like_csv(text: str, name: str) -> bool:
    """Whether ``text`` (a file's first 4096 bytes, decoded, no BOM) starts a Daylio CSV:
    Daylio's header or, the header deleted, an entry. Found from the content, not the name."""
    try:
        cells = next((c for c in csv.reader(io.StringIO(text, newline="")) if any(c)), None)
    except csv.Error:
        return False
    return cells is not None and (_is_header(cells) or _is_entry(cells))


def _decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
        seen = data[start : exc.end + 20].decode("utf-8", "replace").splitlines()[0]
        message = f"is not UTF-8 text (byte {data[exc.start]:#04x} in {shown(seen)})"
        raise DeviceFileError([RowProblem(line, None, message)], name) from None


def _rows(name: str, text: str) -> list[tuple[int, list[str]]]:
    """Non-blank records with the physical line each starts on."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DeviceFileError([RowProblem(start, None, f"is not CSV ({exc})")], name) from None
    if not rows:
        raise DeviceFileError([RowProblem(1, None, "is empty: no header, no entry")], name)
    return rows


def _cells(header: tuple[str, ...] | None, row: list[str]) -> tuple[dict[str, str], list[str]]:
    """A row's cells by column, and the fields between its first and last columns that the
    header has no place for. Raises _Bad for a row too short to be an entry."""
    if header is None:
        first = YEAR_HEAD if _YEAR.match(row[0].strip()) else HEAD
        header = first + _TAILS[min(max(len(row) - len(first), 0), 3)]
    lead = 1 + max(i for i, c in enumerate(header) if c in YEAR_HEAD or c in HEAD)
    if len(row) < lead:
        fields = f"{plural(len(row), 'field')} ({shown(','.join(row))})"
        raise _Bad(None, f"has {fields}; a Daylio row has {lead} or more, to {header[lead - 1]}")
    if len(row) <= len(header):
        return dict(zip(header, row, strict=False)), []
    cut = len(row) - (len(header) - lead)
    values = dict(zip(header[:lead], row, strict=False))
    values.update(zip(header[lead:], row[cut:], strict=True))
    return values, row[lead:cut]


def _csv_day(values: dict[str, str], day_first: bool) -> date:
    if "year" in values and not values.get("full_date", "").strip():
        return year_date(values["year"], values.get("date", ""))
    return full_date(values.get("full_date", ""), day_first)


def _mood(values: dict[str, str]) -> str:
    label = (values.get("mood", "") or values.get("sub_mood", "")).strip()
    if not label:
        raise _Bad("mood", "has no mood")
    return label


def _csv_file(name: str, data: bytes, warnings: list[str]) -> Found:
    rows = _rows(name, _decode(name, data))
    header: tuple[str, ...] | None = None
    if _is_header(rows[0][1]):
        header = tuple(normalize_header(c) for c in rows[0][1])
        rows = rows[1:]
    elif not _is_entry(rows[0][1]):
        message = (
            f"is not a Daylio export: its first row {shown(','.join(rows[0][1]))} is neither "
            "Daylio's header (full_date,date,weekday,time,mood,…) nor an entry"
        )
        raise DeviceFileError([RowProblem(rows[0][0], None, message)], name)
    at_date = 0 if header is None else header.index("full_date") if "full_date" in header else -1
    day_first = at_date >= 0 and any(
        (m := _SLASH.match(row[at_date].strip() if len(row) > at_date else "")) and int(m[1]) > 12
        for _, row in rows
    )
    problems: list[RowProblem] = []
    out: Found = []
    for line, row in rows:
        if header is not None and tuple(normalize_header(c) for c in row) == header:
            continue  # the header again: two exports pasted together
        before = len(problems)
        if (cells := _attempt(problems, line, _cells, header, row)) is None:
            continue
        values, extra = cells
        day = _attempt(problems, line, _csv_day, values, day_first)
        at = _attempt(problems, line, clock, values["time"]) if "time" in values else None
        label = _attempt(problems, line, _mood, values)
        if len(problems) > before:
            continue
        extra = [x for x in extra if x.strip()]
        if extra:
            warnings.append(
                f"{name}: line {line}: more fields than the header; the last two are read as "
                "note title and note, the text in between joins the note"
            )
        level, cell = predefined_level(label), values.get
        tags = tags_of(cell("activities", "").split("|"))
        note = note_of(cell("note_title", ""), cell("note", ""), cell("scales", ""), extra)
        entry = MoodEntry(day, f"line {line}", level and float(level), label, tags, note)
        out.append(((day, at, label, tags, note), entry))
    if problems:
        raise DeviceFileError(problems[:MOST_LINES], name)
    return out


def _unbase64(data: bytes) -> bytes | None:
    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def looks_like_backup(head: bytes, name: str) -> bool:
    """Whether a zip member is a Daylio backup: named ``backup.daylio``, or base64 text whose
    decoded head is a JSON object with Daylio's keys (only ``head`` is decoded)."""
    if name.replace("\\", "/").lower().endswith("backup.daylio"):
        return True
    compact = b"".join(head.split())
    decoded = _unbase64(compact[: len(compact) // 4 * 4]) or b""
    is_json = decoded.lstrip().startswith(b"{")
    return is_json and (b'"dayEntries"' in decoded or b'"customMoods"' in decoded)


def _document(name: str, data: bytes) -> dict:
    decoded = _unbase64(data)
    try:
        doc = None if decoded is None else json.loads(decoded)
    except (ValueError, RecursionError):
        doc = None
    if not isinstance(doc, dict) or not isinstance(doc.get("dayEntries"), list):
        what = "base64 text" if decoded is None else "base64 of JSON with a dayEntries list"
        begins = shown(data[:24].decode("utf-8", "replace"))
        message = f"is not a Daylio backup: its content is not {what} (it begins {begins})"
        raise DeviceFileError([RowProblem(0, None, message)], name)
    return doc


def _backup_when(raw: dict) -> tuple[date, tuple[int, int]]:
    year, month, day, hour, minute = map(raw.get, ("year", "month", "day", "hour", "minute"))
    try:
        if hour not in range(24) or minute not in range(60):
            raise ValueError(hour, minute)
        return date(int(year), int(month) + 1, int(day)), (hour, minute)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        when = f"year {year!r}, month {month!r} (0-based), day {day!r}, {hour!r}:{minute!r}"
        raise _Bad("day", f"{when} is no day and time of the calendar") from None


def _backup_mood(raw: dict, moods: dict[object, dict]) -> tuple[float | None, str | None]:
    mood = moods.get(raw.get("mood")) if isinstance(raw.get("mood"), int | str) else None
    if mood is None:
        raise _Bad("mood", f"mood id {raw.get('mood')!r} is not one of the backup's customMoods")
    group = mood.get("mood_group_id")
    level = float(6 - group) if group in (1, 2, 3, 4, 5) else None
    custom = str(mood.get("custom_name") or "").strip()
    return level, custom or PREDEFINED_ENGLISH.get(mood.get("predefined_name_id"))


def _objects(doc: dict, key: str) -> dict[object, dict]:
    """``customMoods`` or ``tags`` by id."""
    items = doc[key] if isinstance(doc.get(key), list) else []
    return {i["id"]: i for i in items if isinstance(i, dict) and isinstance(i.get("id"), int | str)}


def _backup_file(name: str, data: bytes, warnings: list[str]) -> Found:
    doc = _document(name, data)
    moods = _objects(doc, "customMoods")
    tag_names = {i: str(t.get("name") or "") for i, t in _objects(doc, "tags").items()}
    unknown: Counter[str] = Counter()
    problems: list[RowProblem] = []
    out: Found = []
    for number, raw in enumerate(doc["dayEntries"], start=1):
        if not isinstance(raw, dict):
            problems.append(RowProblem(number, None, f"entry {number} is not an object"))
            continue
        before = len(problems)
        when = _attempt(problems, number, _backup_when, raw)
        mood = _attempt(problems, number, _backup_mood, raw, moods)
        if len(problems) > before:
            continue
        day, at = when
        ids = raw.get("tags") if isinstance(raw.get("tags"), list) else []
        unknown.update(repr(i) for i in ids if not isinstance(i, int | str) or i not in tag_names)
        tags = tags_of(tag_names[i] for i in ids if isinstance(i, int | str) and i in tag_names)
        note = note_of(str(raw.get("note_title") or ""), str(raw.get("note") or ""))
        entry = MoodEntry(day, f"entry {number}", mood[0], mood[1], tags, note)
        out.append(((day, at, entry.label, tags, note), entry))
    if problems:
        raise DeviceFileError(problems[:MOST_LINES], name)
    for tag, count in unknown.items():
        warnings.append(
            f"{name}: tag id {tag} is not among the backup's tags; left out where used ({count}×)"
        )
    return out


def _gather(fmt: str, files: list[tuple[str, bytes]], read: Callable[..., Found]) -> Reading:
    reading = Reading(format=fmt, source=SOURCE, scale=SCALE)
    seen: set[Key] = set()
    for name, data in files:
        found = read(name, data, reading.warnings)
        if not found:
            reading.warnings.append(f"{name}: holds no entries")
        for key, entry in found:
            reading.records += 1
            if key not in seen:
                seen.add(key)
                reading.entries.append(entry)
        reading.files.append(name)
    if twice := reading.records - len(reading.entries):
        reading.warnings.append(
            f"{plural(twice, 'duplicate')} (same day, time, mood, activities and note) kept once"
        )
    return reading


def read_csv(files: list[tuple[str, bytes]]) -> Reading:
    """The entries of one import's Daylio CSVs (name, bytes); DeviceFileError if one is broken."""
    return _gather("daylio-csv", files, _csv_file)


def read_backup(files: list[tuple[str, bytes]]) -> Reading:
    """The entries of one import's ``backup.daylio`` members (name, bytes); DeviceFileError
    naming a broken one."""
    return _gather("daylio-backup", files, _backup_file)
