"""Bearable's CSV export (``Bearable_Export_YYYYMMDD.csv``): its mood, energy, sleep-quality,
factor, symptom and medication rows as ``MoodEntry``s, its ``Sleep`` rows as ``Sleep``s.

Format facts relied on (the 2020-2021 export, and the newer layout third-party code reads):

* Header ``date,weekday,time of day,category,rating/amount,detail,notes``; newer exports add
  ``date formatted`` after ``date``, so columns are found by name. Every field is quoted, no
  BOM, no final newline. One row per reading, many rows and categories a day.
* ``date`` is ``22nd Sep 2020`` (ordinal suffix, English month, day not padded). When it is
  not in that form, an ISO ``date formatted`` (``2021-07-28``) is used instead.
* ``time of day`` (``03:00``, ``pre``, ``all day``, empty) is not kept: an entry is a day's.
* ``Mood``: ``rating/amount`` 1-10 → the entry's level. The file never states the scale and
  only 2 to 9 are seen; Bearable's mood slider is taken to run 1 to 10 (``Reading.scale``).
  ``detail`` holds the emotions chosen (``Meh | Anxious``) → tags; no label.
* ``Energy`` 1-5 (1 Awful, 2 Poor, 3 OK, 4 Good, 5 Great) → an entry with no level and the
  tag ``energy:<word>`` (``energy:good``). ``Sleep quality`` (same words) → ``quality``.
* ``Factors``, ``Sleep factors``, ``Food Diary factors``: `` | `` lists → tags. ``Symptom``:
  ``Headache (Mild)`` → that tag; ``Meds/Supplements``: ``Hydroxyzine (mg)`` → that tag (the
  amount is not kept).
* Any other category (Gratitudes, Food Diary, Bowel Movements, …): its ``detail`` text is the
  entry's note, prefixed by the category (``Gratitude: sunny walk``); a row with no text is
  skipped. ``notes`` is the note of a Mood row as written, of any other row prefixed by its
  category; the ``. `` placeholder (Sleep rows) counts as blank.
* ``Sleep``: ``rating/amount`` a duration ``H:MM``; ``detail`` ``Asleep 02:45 - 12:30. In bed
  02:15 - 13:15``, sometimes only ``In bed …`` or only ``Asleep …``, possibly followed by
  ``. Nap (mid)`` / ``Nap 4h (mid)`` — the nap has no times and is ignored. The row is dated
  on the day the sleep ended: the span's end is on that date, its start the evening before
  when the start clock is after the end clock. Times are read in the journal's zone; one in
  a DST gap refuses the row. Start and end are in bed (Asleep when there is no In bed);
  minutes asleep are the Asleep span, else the duration column (at most the time in bed).
  An Asleep span that does not lie inside its In bed span (seen in a real file) is not used:
  the row keeps In bed and the duration, with a warning.
* Exports are cumulative: a row read from an earlier export of the same import is skipped
  (one warning counts them); identical rows within one export are all kept.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta

from nts_desktop.core.timeutil import TimeRuleError, localize
from nts_desktop.core.units import plural, shown

from ..csv_cells import MOST_LINES, ImportRefused, RowProblem, decode, normalize_header
from ..devices.sleeps import DeviceFileError, Reading, Sleep
from .entry import MoodEntry

SOURCE = "bearable"
SCALE = (1, 10)
NEEDED = ("date", "category", "rating/amount", "detail")
WORDS = {1: "Awful", 2: "Poor", 3: "OK", 4: "Good", 5: "Great"}
LISTS = {"factors", "sleep factors", "food diary factors"}
SINGLE_TAG = {"symptom", "meds/supplements"}
PREFIX = {"gratitudes": "Gratitude"}  # the note's prefix, where it is not the category itself
MONTHS = "january february march april may june july august september october november december"
_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_SPAN = r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})"
_ASLEEP = re.compile(r"\bAsleep\s+" + _SPAN, re.IGNORECASE)
_IN_BED = re.compile(r"\bIn bed\s+" + _SPAN, re.IGNORECASE)
_DURATION = re.compile(r"^(\d{1,2}):(\d{2})$")


def looks_like(text: str, name: str) -> bool:
    """A Bearable export: its header names ``date`` first and Bearable's columns."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    try:
        header = [normalize_header(c).replace("_", " ") for c in next(csv.reader([first]))]
    except (csv.Error, StopIteration):
        return False
    wanted = {"weekday", "time of day", "category", "rating/amount", "detail"}
    return bool(header) and header[0] == "date" and wanted <= set(header)


def _tags(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        tag = " ".join(item.replace(";", ",").split())
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _text(value: str) -> str | None:
    value = value.strip()
    return None if not value.strip(" .") else value


def _date(value: str, formatted: str) -> date:
    m = _DATE.match(value.strip())
    if m:
        word = m.group(2).lower()
        month = next((i for i, n in enumerate(MONTHS.split(), 1) if n.startswith(word)), 0)
        if month:
            try:
                return date(int(m.group(3)), month, int(m.group(1)))
            except ValueError:
                pass
    try:
        return date.fromisoformat(formatted.strip())
    except ValueError:
        raise ValueError(f"{shown(value.strip())} is not a date (like 22nd Sep 2020)") from None


def _number(value: str, what: str, lo: int, hi: int, whole: bool = False) -> float:
    try:
        number = float(value.strip())
    except ValueError:
        raise ValueError(f"{what} {shown(value.strip())} is not a number") from None
    if not lo <= number <= hi or (whole and not number.is_integer()):
        kind = "a whole number" if whole else "a number"
        raise ValueError(f"{what} {shown(value.strip())} is not {kind} from {lo} to {hi}")
    return number


def _clock(h: str, m: str, where: str) -> tuple[int, int]:
    hour, minute = int(h), int(m)
    if hour > 23 or minute > 59:
        raise ValueError(f"{shown(f'{h}:{m}')} in {where} is not a time of day")
    return hour, minute


def _span(m: re.Match[str], end_day: date, what: str) -> tuple[datetime, datetime]:
    """A ``HH:MM - HH:MM`` span ending on ``end_day`` (naive)."""
    start, end = _clock(m.group(1), m.group(2), what), _clock(m.group(3), m.group(4), what)
    stop = datetime.combine(end_day, datetime.min.time()).replace(hour=end[0], minute=end[1])
    begin = stop.replace(hour=start[0], minute=start[1])
    return (begin - timedelta(days=1) if start > end else begin), stop


def _minutes(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 60


def _sleep(day: date, detail: str, amount: str, tz: str, where: str, warnings: list[str]):
    """The Sleep of one ``Sleep`` row, or None (a warning) when its detail has no times."""
    duration = None
    if amount.strip():
        m = _DURATION.match(amount.strip())
        if not m or int(m.group(2)) > 59:
            raise ValueError(f"the duration {shown(amount.strip())} is not H:MM")
        duration = int(m.group(1)) * 60 + int(m.group(2))
    bed_m, asleep_m = _IN_BED.search(detail), _ASLEEP.search(detail)
    if not bed_m and not asleep_m:
        if detail.strip():
            raise ValueError(f"{shown(detail.strip())} holds no Asleep or In bed times")
        warnings.append(f"{where}: skipped, a Sleep row with no times")
        return None
    bed = _span(bed_m, day, "In bed") if bed_m else None
    asleep = None
    if asleep_m:
        asleep = _span(asleep_m, day, "Asleep")
        if bed is not None:
            if asleep[1] > bed[1]:  # woke before midnight, left bed after it
                asleep = (asleep[0] - timedelta(days=1), asleep[1] - timedelta(days=1))
            if not bed[0] <= asleep[0] <= asleep[1] <= bed[1]:
                warnings.append(
                    f"{where}: {asleep_m.group(0)} does not lie inside "
                    f"{bed_m.group(0) if bed_m else 'In bed'}; In bed and the duration were used"
                )
                asleep = None
    span = bed or asleep
    assert span is not None
    start, end = localize(span[0], tz), localize(span[1], tz)
    if asleep is not None:
        a0, a1 = localize(asleep[0], tz), localize(asleep[1], tz)
        asleep_min, latency, after = _minutes(a0, a1), _minutes(start, a0), _minutes(a1, end)
    else:
        in_bed = _minutes(start, end)
        asleep_min = min(duration, in_bed) if duration is not None else in_bed
        latency = after = 0.0
    return Sleep(
        source=SOURCE,
        start=start,
        end=end,
        tz=tz,
        asleep_min=asleep_min,
        latency_min=latency,
        after_wake_min=after,
        main=True,
        where=where,
    )


def _entry(category: str, day: date, where: str, rating: str, detail: str, notes: str | None):
    """The MoodEntry of one row (None: nothing in it to keep)."""
    key = " ".join(category.lower().split())
    prefix = PREFIX.get(key, " ".join(category.split()))
    level = quality = None
    tags: tuple[str, ...] = ()
    note = notes if key == "mood" or notes is None else f"{prefix}: {notes}"
    if key == "mood":
        level = _number(rating, "the mood", *SCALE)
        tags = _tags(detail.split("|"))
    elif key in ("energy", "sleep quality"):
        word = detail.strip()
        if rating.strip() or word.lower() not in (w.lower() for w in WORDS.values()):
            number = int(_number(rating, f"the {key}", 1, 5, whole=True))
        else:  # no number, but the word
            number = next(n for n, w in WORDS.items() if w.lower() == word.lower())
        if key == "energy":
            tags = (f"energy:{WORDS[number].lower()}",)
        else:
            quality = number
    elif key == "sleep":
        pass  # the Sleep itself is read by _sleep; only its notes can be an entry
    elif key in LISTS:
        tags = _tags(detail.split("|"))
    elif key in SINGLE_TAG:
        tags = _tags([detail])
    else:
        text = _text(detail)
        if text is not None:
            note = f"{prefix}: {text}" + (f" — {notes}" if notes else "")
    if level is None and quality is None and not tags and note is None:
        return None
    return MoodEntry(day, where, level=level, tags=tags, note=note, quality=quality)


def _rows(text: str):
    """``(line where the row starts, cells)`` of every CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _read_file(name: str, data: bytes, tz: str, reading: Reading, earlier: set[tuple]) -> int:
    """Reads one export into ``reading``; rows in ``earlier`` (read from another export of
    the import) are skipped. Returns how many were; adds this file's rows to ``earlier``."""
    try:
        text = decode(data)
    except ImportRefused as exc:
        raise DeviceFileError(exc.problems, name) from None
    problems: list[RowProblem] = []
    rows = _rows(text)
    try:
        _, header_cells = next(rows)
    except (StopIteration, csv.Error):
        return 0
    header = [normalize_header(c).replace("_", " ") for c in header_cells]
    missing = [c for c in NEEDED if c not in header]
    if missing:
        found = ", ".join(shown(c) for c in header_cells[:8])
        raise DeviceFileError(
            [RowProblem(1, None, f"has no {', '.join(missing)} column (header: {found})")], name
        )
    col = {c: header.index(c) for c in header}
    mine: set[tuple] = set()
    again = line = 0
    try:
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            reading.records += 1
            where = f"line {line}"
            key = tuple(cells[col[c]].strip() if col[c] < len(cells) else "" for c in sorted(col))
            mine.add(key)
            if key in earlier:
                again += 1
            elif len(cells) < len(header):
                problems.append(
                    RowProblem(
                        line,
                        None,
                        f"has {plural(len(cells), 'field')}; the header has {len(header)}",
                    )
                )
            else:
                _read_row(cells, col, line, where, tz, reading, problems)
            if len(problems) >= MOST_LINES:
                break
    except csv.Error as exc:
        problems.append(RowProblem(line + 1, None, f"is not CSV that can be read ({exc})"))
    if problems:
        raise DeviceFileError(problems[:MOST_LINES], name)
    earlier |= mine
    return again


def _read_row(cells, col, line, where, tz, reading, problems) -> None:
    def cell(name: str) -> str:
        return cells[col[name]] if name in col else ""

    category = cell("category").strip()
    try:
        day = _date(cell("date"), cell("date formatted"))
        if category.lower() == "sleep":
            sleep = _sleep(day, cell("detail"), cell("rating/amount"), tz, where, reading.warnings)
            if sleep is not None:
                reading.sleeps.append(sleep)
        notes = _text(cell("notes"))
        entry = _entry(category, day, where, cell("rating/amount"), cell("detail"), notes)
    except (ValueError, TimeRuleError) as exc:
        problems.append(RowProblem(line, None, str(exc)))
        return
    if entry is not None:
        reading.entries.append(entry)


def read(files: list[tuple[str, bytes]], journal_zone: str) -> Reading:
    """Every Bearable export of one import; a broken file refuses the whole import."""
    reading = Reading(format=SOURCE, source=SOURCE, scale=SCALE)
    earlier: set[tuple] = set()
    again = 0
    for name, data in files:
        reading.files.append(name)
        again += _read_file(name, data, journal_zone, reading, earlier)
    if again:
        reading.warnings.append(
            f"{plural(again, 'row')} already in another export of this import skipped"
        )
    return reading
