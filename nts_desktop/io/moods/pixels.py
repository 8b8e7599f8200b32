"""Pixels ("Year in Pixels" by Teo Vogel): its backup JSON (``PIXELS-BACKUP-<time>.json``) as
``MoodEntry``s.

Format facts relied on:

* A JSON array, one object per day, ascending:
  ``{"date": "2025-6-1", "type": "Mood", "scores": [4, 5], "notes": "…", "tags": [{"type":
  "Emotions", "entries": ["calm"]}]}``. ``date`` is not zero-padded; compact UTF-8 JSON.
* ``scores`` run 1-5 (5 best); several scores are several moods that day. Each score is an
  entry (``Reading.scale`` (1, 5)); the day's note and tags go with the first of them only,
  so they count once. A day with a note or tags and no score is one entry with no level.
* A tag is an entry of a tag group, as the app shows it; the group's name (``type``) is not
  kept. Objects of another ``type`` than ``Mood`` are counted and skipped.
* Entries are placed ``day N``: the object's position in the array, from 1.
* The same date again (within a backup or in another backup of the same import) is read
  once: the first one met is kept, with one warning (saying how many of them differ).
"""

from __future__ import annotations

import json
import re
from datetime import date

from nts_desktop.core.units import plural, shown

from ..csv_cells import MOST_LINES, RowProblem
from ..devices.sleeps import DeviceFileError, Reading
from .entry import MoodEntry

SOURCE = "pixels"
SCALE = (1, 5)
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_KEY = re.compile(r'"date"\s*:\s*"\d{4}-\d{1,2}-\d{1,2}"')
_SCORES_KEY = re.compile(r'"scores"\s*:\s*\[')


def looks_like(text: str, name: str) -> bool:
    """A JSON array whose first object has ``date`` and ``scores``."""
    text = text.lstrip("\ufeff").lstrip()
    if not text.startswith("["):
        return False
    body = text[1:].lstrip()
    if not body.startswith("{"):
        return False
    try:
        first, _ = json.JSONDecoder().raw_decode(body)
    except json.JSONDecodeError:  # the first object runs past the part read: its keys
        return bool(_DATE_KEY.search(body) and _SCORES_KEY.search(body))
    return isinstance(first, dict) and "date" in first and "scores" in first


def _tags(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        tag = " ".join(item.replace(";", ",").split())
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _date(value: object) -> date:
    m = _DATE.match(value.strip()) if isinstance(value, str) else None
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise ValueError(f"the date {_shown(value)} is not a date (like 2025-6-1)")


def _shown(value: object) -> str:
    return shown(value) if isinstance(value, str) else _json(value)


def _json(value: object) -> str:
    return shown(json.dumps(value, ensure_ascii=False))


def _scores(value: object) -> list[float]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"scores {_shown(value)} is not a list")
    out = []
    for score in value:
        ok = isinstance(score, int | float) and not isinstance(score, bool)
        if not ok or not SCALE[0] <= score <= SCALE[1]:
            raise ValueError(f"the score {_json(score)} is not a number from 1 to 5")
        out.append(float(score))
    return out


def _day_tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"tags {_shown(value)} is not a list")
    names: list[str] = []
    for group in value:
        entries = group.get("entries") if isinstance(group, dict) else None
        if entries is None and isinstance(group, dict):
            continue
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise ValueError(f"the tag group {_shown(group)} has no list of tag names")
        names.extend(entries)
    return _tags(names)


def _note(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"notes {_shown(value)} is not text")
    return value.strip() or None


def _parse(name: str, data: bytes) -> list:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = RowProblem(line, None, "is not UTF-8 text; it is not a Pixels backup")
        raise DeviceFileError([problem], name) from None
    try:
        days = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = RowProblem(exc.lineno, None, f"is not valid JSON ({exc.msg}, column {exc.colno})")
        raise DeviceFileError([problem], name) from None
    if not isinstance(days, list):
        problem = RowProblem(1, None, "is not a Pixels backup (a JSON array of days)")
        raise DeviceFileError([problem], name)
    return days


def read(files: list[tuple[str, bytes]], journal_zone: str) -> Reading:
    """Every Pixels backup of one import (``journal_zone`` is not needed: days have no time);
    a broken file refuses the whole import."""
    reading = Reading(format=SOURCE, source=SOURCE, scale=SCALE)
    seen: dict[date, object] = {}
    repeated = differ = 0
    for name, data in files:
        reading.files.append(name)
        problems: list[RowProblem] = []
        for number, day in enumerate(_parse(name, data), start=1):
            reading.records += 1
            where = f"day {number}"
            if not isinstance(day, dict):
                problems.append(RowProblem(number, None, f"{where}: {_shown(day)} is no object"))
            elif str(day.get("type") or "Mood").strip().lower() == "mood":
                try:
                    when = _date(day.get("date"))
                    scores = _scores(day.get("scores"))
                    note, tags = _note(day.get("notes")), _day_tags(day.get("tags"))
                except ValueError as exc:
                    problems.append(RowProblem(number, None, f"{where}: {exc}"))
                    continue
                if when in seen:
                    repeated += 1
                    differ += seen[when] != day
                    continue
                seen[when] = day
                levels: list[float | None] = list(scores) or ([None] if note or tags else [])
                for i, level in enumerate(levels):
                    first = i == 0
                    reading.entries.append(
                        MoodEntry(
                            when,
                            where,
                            level=level,
                            tags=tags if first else (),
                            note=note if first else None,
                        )
                    )
            if len(problems) >= MOST_LINES:
                break
        if problems:
            raise DeviceFileError(problems, name)
    if repeated:
        reading.warnings.append(
            f"{plural(repeated, 'day')} found again (another backup, or twice in one) read once"
            + (f"; {differ} of them differ, the first one read was kept" if differ else "")
        )
    return reading
