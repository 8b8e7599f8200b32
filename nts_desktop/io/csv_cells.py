"""Reading one CSV row's cells, and the problems found: each with its line, column, reason.

``ImportRefused`` carries every problem of a refused file; ``Row`` turns cells into whole
numbers and clock readings by the rules of design §6, recording what it cannot read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from nts_desktop.core.records import FIELD, out_of_range
from nts_desktop.core.timeutil import TimeRuleError, parse_bare_time, parse_datetime
from nts_desktop.core.units import plural, shown

from .columns import unguard

_INT = re.compile(r"^[0-9]{1,9}$")
_DIGITS = re.compile(r"^[0-9]+$")
_WHOLE_DECIMAL = re.compile(r"^[0-9]+\.0+$")


@dataclass(frozen=True)
class RowProblem:
    """One reason a row was refused."""

    line: int
    column: str | None
    message: str

    def describe(self, filename: str = "") -> str:
        where = f"{filename}:" if filename else "line "
        col = f" column {self.column}:" if self.column else ""
        return f"{where}{self.line}:{col} {self.message}"


MOST_LINES = 100  # a report never lists more than this (one mistake in 1 000 000 rows is one line)


class ImportRefused(ValueError):
    """Nothing was written; ``problems`` says why, row by row."""

    def __init__(
        self,
        problems: list[RowProblem],
        filename: str = "",
        conflicts: list[date] | None = None,
        date_order: bool = False,
    ):
        self.problems = problems
        self.filename = filename
        self.conflicts = conflicts or []  # dates already in the journal (policy "fail")
        self.date_order = date_order  # the file's numeric dates need day or month first
        super().__init__("\n".join(self.lines()))

    def lines(self, most: int = MOST_LINES) -> list[str]:
        """The report: a problem that repeats (the same mistake in many rows) once, with its
        count and lines; the others one a line; at most ``most`` lines."""
        return summarize(self.problems, self.filename, most)


_VALUES = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d+")


def _kind(problem: RowProblem) -> tuple[str | None, str]:
    """What a problem says with its values left out: rows with the same kind repeat one
    mistake (every time 12-hour, every date in another format)."""
    return problem.column, _VALUES.sub("#", problem.message)


def line_ranges(lines: list[int], most: int = 6) -> str:
    """``2–40, 42, 44–366`` (the first ``most`` runs, then ``…``)."""
    runs: list[list[int]] = []
    for line in sorted(set(lines)):
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    text = [f"{a}–{b}" if b > a else str(a) for a, b in runs[:most]]
    return ", ".join(text) + (", …" if len(runs) > most else "")


def summarize(problems: list[RowProblem], filename: str = "", most: int = MOST_LINES) -> list[str]:
    groups: dict[tuple[str | None, str], list[RowProblem]] = {}
    for p in problems:
        groups.setdefault(_kind(p), []).append(p)
    out: list[str] = []
    for group in groups.values():
        if len(group) < 3:
            out.extend(p.describe(filename) for p in group)
            continue
        first = group[0]
        where = f"{filename}:" if filename else ""
        col = f" column {first.column}:" if first.column else ""
        out.append(
            f"{where}lines {line_ranges([p.line for p in group])} ({len(group)} rows):{col} "
            f"{first.message} (line {first.line}; the other rows alike)"
        )
    if len(out) > most:
        rest = len(out) - most + 1
        out = [*out[: most - 1], f"… and {plural(rest, 'more problem')}"]
    return out


def normalize_header(name: str) -> str:
    """``Lights Out`` / ``lights-out`` / `` LIGHTS_OUT`` → ``lights_out``."""
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        raise ImportRefused(
            [
                RowProblem(
                    line, None, "is not UTF-8 text; save the file as CSV UTF-8 and import it again"
                )
            ]
        ) from exc


class Row:
    """One CSV record's cells by column, and the problems found while reading it."""

    def __init__(self, line: int, cells: dict[str, str]):
        self.line = line
        self.cells = cells
        self.problems: list[RowProblem] = []

    def text(self, column: str) -> str:
        return unguard(self.cells.get(column, ""))

    def blank(self, column: str) -> bool:
        return self.text(column).strip() == ""

    def fail(self, column: str | None, message: str) -> None:
        self.problems.append(RowProblem(self.line, column, message))

    def integer(self, column: str) -> int | None:
        value = self.text(column).strip()
        if not value:
            return None
        if _WHOLE_DECIMAL.match(value):  # spreadsheets write 15 as 15.0
            value = value.split(".", 1)[0]
        if not _INT.match(value):
            if _DIGITS.match(value):
                self.fail(column, out_of_range(column, f"{value[:12]}…"))
            else:
                self.fail(column, f"{shown(value)} is not a whole number")
            return None
        number = int(value)
        f = FIELD[column]
        if (f.lo is not None and number < f.lo) or (f.hi is not None and number > f.hi):
            self.fail(column, out_of_range(column, number))
            return None
        return number

    def reading(self, column: str, tz: str) -> time | datetime | None:
        value = self.text(column).strip()
        if not value:
            return None
        try:
            bare = parse_bare_time(value)
            return bare if bare is not None else parse_datetime(value, tz)
        except TimeRuleError as exc:
            self.fail(column, str(exc))
            return None
