"""Loop Habit Tracker's CSV export (``Loop Habits CSV <date>.zip``, or its files unpacked):
the days each habit was done, as ``MoodEntry``s tagged with the habit's name.

Format facts relied on (Loop's own exporter, ``HabitsCSVExporter``):

* ``Habits.csv``: ``Position,Name,Type,…,Archived?``. It only tells the habits' names by
  position (``001``) and which count a number (``Type`` other than ``YES_NO``); it yields no
  entries. Archived habits are read like the others: their days still happened.
* Root ``Checkmarks.csv``: ``Date,<habit 1>,<habit 2>,`` with a trailing comma on every line
  (the names written raw: a name with a comma is joined back by ``Habits.csv``), newest
  first, ISO dates. Values: until 2021 numeric ``2`` done by hand, ``1`` not needed by the
  frequency (automatic), ``0`` not done, ``-1`` no data, ``3`` (or ``-3``) skipped; since
  June 2025 ``YES_MANUAL``, ``YES_AUTO``, ``NO``, ``UNKNOWN``, ``SKIP``.
* Per habit ``NNN Name/Checkmarks.csv``: ``Date,Value,Notes`` (since 2025) or ``Date,Value``;
  ``NNN`` is the habit's position. The folder name is sanitised (only ``a-zA-Z0-9 ._-``), so
  the name comes from ``Habits.csv`` by position when it is there, else from the folder
  (``002 Wake up early``), else the file (``002_Wake_up_early__Checkmarks.csv``). The
  ``Scores.csv`` files are not read (never detected).
* A habit is DONE only on ``2`` / ``YES_MANUAL``: ``YES_AUTO`` (``1``) means the frequency did
  not ask for it that day — not done. One entry per (date, habit done), no level, tag = the
  habit's name; the per-habit ``Notes`` of that day is its note (notes of days not done are
  not imported: a warning counts them).
* When the import holds a root ``Checkmarks.csv``, it gives the checkmarks; the per-habit
  files give only their notes (they hold the same checkmarks again). Numeric habits (known
  from ``Habits.csv``) are skipped with a warning. Entries are ``line N`` of the root file,
  ``<habit> line N`` of a per-habit file.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date

from nts_desktop.core.units import plural, shown

from ..csv_cells import MOST_LINES, ImportRefused, RowProblem, decode
from ..devices.sleeps import DeviceFileError, Reading
from .entry import MoodEntry

SOURCE = "loop"
DONE = {"2", "YES_MANUAL"}
NOT_DONE = {"1", "0", "-1", "3", "-3", "YES_AUTO", "NO", "UNKNOWN", "SKIP"}
VALUES = "YES_MANUAL, YES_AUTO, NO, UNKNOWN, SKIP or 2, 1, 0, -1, 3"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBERED = re.compile(r"^(\d+)[\s_]+(.*)$")
_IN_NAME = re.compile(r"(?:^|[^0-9A-Za-z])(\d+)[\s_]+(.+)$")


def _cells(text: str, count: int) -> list[list[str]]:
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    try:
        return [[c.strip() for c in r] for r in csv.reader(lines[:count]) if r]
    except csv.Error:
        return []


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def looks_like(text: str, name: str) -> bool:
    """``Habits.csv``, a root ``Checkmarks.csv`` or a per-habit ``Checkmarks.csv`` of Loop."""
    rows = _cells(text, 3)
    if not rows or _base(name).lower() == "scores.csv":
        return False
    header = rows[0]
    if header[:2] == ["Position", "Name"]:
        return {"Description", "Color"} <= set(header)  # the old layout and the new
    if header in (["Date", "Value", "Notes"], ["Date", "Value"]):
        if len(rows) < 2:
            return len(header) == 3
        first = rows[1]
        return (
            len(first) >= 2 and bool(_ISO.match(first[0])) and first[1].upper() in DONE | NOT_DONE
        )
    if header[0] != "Date" or header[-1] != "" or len(header) < 3 or len(rows) < 2:
        return False
    first = rows[1]
    values = first[1:-1] if first[-1] == "" else first[1:]
    return bool(_ISO.match(first[0])) and all(v.upper() in DONE | NOT_DONE for v in values)


def _rows(text: str):
    """``(line where the row starts, cells)`` of every CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _expand(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The files, with a zip (the export as Loop writes it) replaced by its CSV members."""
    out = []
    for name, data in files:
        if not data.startswith(b"PK\x03\x04"):
            out.append((name, data))
            continue
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                base = _base(info.filename)
                wanted = base.lower().endswith(".csv") and base.lower() != "scores.csv"
                if wanted and not info.is_dir() and "__MACOSX/" not in info.filename:
                    out.append((f"{name}/{info.filename}", z.read(info)))
    return out


def _join(header: list[str], names: list[str]) -> list[str]:
    """Habit names with a comma, split by the raw header, joined back."""
    out, i = [], 0
    while i < len(header):
        for name in names:
            parts = name.split(",")
            if len(parts) > 1 and [p.strip() for p in parts] == header[i : i + len(parts)]:
                out.append(name.strip())
                i += len(parts)
                break
        else:
            out.append(header[i])
            i += 1
    return out


def _tag(name: str) -> str:
    return " ".join(name.replace(";", ",").split())


def _habit_name(name: str, by_position: dict[int, str]) -> str:
    """A per-habit file's habit: by its folder's number, its folder, or its file name."""
    parts = name.replace("\\", "/").split("/")
    folder = parts[-2] if len(parts) > 1 else ""
    m = _NUMBERED.match(folder) if _base(name).lower() == "checkmarks.csv" else None
    if m:
        return by_position.get(int(m.group(1))) or " ".join(m.group(2).split())
    stem = re.sub(r"\.csv$", "", _base(name), flags=re.IGNORECASE)
    stem = re.sub(r"[\s_]*checkmarks$", "", stem, flags=re.IGNORECASE)
    m = _IN_NAME.search(stem)  # "002_Wake_up_early__Checkmarks.csv", maybe after a prefix
    if m and int(m.group(1)) in by_position:
        return by_position[int(m.group(1))]
    habit = " ".join((m.group(2) if m else stem).replace("_", " ").split())
    return habit or " ".join(folder.split())


class _Import:
    """What the files of one import say, gathered before the entries are made."""

    def __init__(self, reading: Reading):
        self.reading = reading
        self.by_position: dict[int, str] = {}
        self.numeric: set[str] = set()
        self.done: dict[tuple[date, str], str] = {}  # (date, habit) → where
        self.notes: dict[tuple[date, str], str] = {}
        self.order: dict[str, int] = {}

    def habits(self, rows) -> None:
        header = None
        for _, cells in rows:
            if header is None:
                header = [c.strip() for c in cells]
                continue
            values = dict(zip(header, cells, strict=False))
            habit = _tag(values.get("Name", ""))
            if not habit:
                continue
            kind = values.get("Type", "").strip().upper()
            if kind and kind != "YES_NO":
                self.numeric.add(habit)
            position = values.get("Position", "").strip()
            if position.isdigit():
                self.by_position[int(position)] = habit

    def checkmarks(self, rows, columns: list[str], notes: bool, checks: bool, problems) -> None:
        """Rows of a root file (``columns`` its habits) or of a per-habit file (``columns``
        its one habit, ``notes`` True); ``checks`` False: only the notes are taken."""
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            self.reading.records += checks
            if len(problems) >= MOST_LINES:
                return
            cells = [c.strip() for c in cells]
            if len(cells) < len(columns) + 1:
                message = f"has {plural(len(cells), 'field')}; the header has {len(columns) + 1}"
                problems.append(RowProblem(line, None, message))
                continue
            try:
                when = date.fromisoformat(cells[0]) if _ISO.match(cells[0]) else None
            except ValueError:
                when = None
            if when is None:
                problems.append(RowProblem(line, "Date", f"{shown(cells[0])} is not a date"))
                continue
            for habit, value in zip(columns, cells[1:], strict=False):
                if habit in self.numeric or not habit:
                    continue
                if value.upper() not in DONE | NOT_DONE:
                    message = f"{shown(value)} is not a Loop checkmark ({VALUES})"
                    problems.append(RowProblem(line, habit, message))
                    break
                self.order.setdefault(habit, len(self.order))
                if notes and len(cells) > 2 and cells[2]:
                    self.notes.setdefault((when, habit), cells[2])
                if checks and value.upper() in DONE:
                    where = f"{habit} line {line}" if notes else f"line {line}"
                    self.done.setdefault((when, habit), where)


def _text(name: str, data: bytes) -> str:
    try:
        return decode(data)
    except ImportRefused as exc:
        raise DeviceFileError(exc.problems, name) from None


def _read_checkmarks(gathered: _Import, name, text, root, has_root, names, problems) -> None:
    rows = _rows(text)
    _, header = next(rows)
    if root:
        columns = [_tag(c) for c in _join([c.strip() for c in header[1:]], names)]
        columns = columns[:-1] if columns and not columns[-1] else columns
        gathered.checkmarks(rows, columns, False, True, problems)
    else:  # with a root file, which gave the checkmarks, only the notes are new
        habit = _tag(_habit_name(name, gathered.by_position))
        gathered.checkmarks(rows, [habit], True, not has_root, problems)


def read(files: list[tuple[str, bytes]], journal_zone: str) -> Reading:
    """Every file of one Loop export (``journal_zone`` is not needed: checkmarks are days);
    a broken file refuses the whole import."""
    reading = Reading(format=SOURCE, source=SOURCE, scale=None)
    gathered = _Import(reading)
    texts = [(name, _text(name, data)) for name, data in _expand(files)]
    kinds = {}
    for name, text in texts:
        header = (_cells(text, 1) or [[]])[0]
        if header[:2] == ["Position", "Name"]:
            kinds[name] = "habits"
        elif header in (["Date", "Value", "Notes"], ["Date", "Value"]):
            kinds[name] = "per-habit"
        elif header[:1] == ["Date"] and _base(name).lower() != "scores.csv":
            kinds[name] = "root"
        else:
            raise DeviceFileError(
                [RowProblem(1, None, "is not a Loop Habit Tracker CSV (Habits, Checkmarks)")], name
            )
    for name, text in texts:
        if kinds[name] == "habits":
            reading.files.append(name)
            gathered.habits(_rows(text))
    has_root = "root" in kinds.values()
    names = list(gathered.by_position.values())
    for kind in ("root", "per-habit"):
        for name, text in texts:
            if kinds[name] != kind:
                continue
            reading.files.append(name)
            problems: list[RowProblem] = []
            try:
                _read_checkmarks(gathered, name, text, kind == "root", has_root, names, problems)
            except csv.Error as exc:
                problems.append(RowProblem(1, None, f"is not CSV that can be read ({exc})"))
            if problems:
                raise DeviceFileError(problems[:MOST_LINES], name)
    for habit in sorted(gathered.numeric):
        reading.warnings.append(f"habit {shown(habit)} counts a number, not done/not done: skipped")
    for (when, habit), where in sorted(
        gathered.done.items(), key=lambda kv: (kv[0][0], gathered.order.get(kv[0][1], 0))
    ):
        note = gathered.notes.get((when, habit))
        reading.entries.append(MoodEntry(when, where, tags=(habit,), note=note))
    lost = sum(1 for key in gathered.notes if key not in gathered.done)
    if lost:
        reading.warnings.append(
            f"{plural(lost, 'habit note')} of days the habit was not done not imported"
        )
    return reading
