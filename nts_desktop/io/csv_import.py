"""CSV import (design §6): by header name, every bad row reported, all or nothing.

``read_csv`` turns bytes into records or raises ``ImportRefused`` listing every problem with
its physical line (header = 1), column and reason. ``import_csv`` then checks the dates
against the journal under the conflict policy and writes everything in one transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Literal

from nts_desktop.core.dates import (
    DateOrder,
    looks_like_date,
    parse_date,
)
from nts_desktop.core.entry import build_night
from nts_desktop.core.records import (
    DIARY,
    FIELD,
    NIGHT_NUMBERS,
    NIGHT_TIMES,
    STAGES,
    Day,
    Night,
    RecordError,
    day_problems,
    default_free_day,
    normalize_tags,
)
from nts_desktop.core.timeutil import TimeRuleError, zone
from nts_desktop.core.units import plural, shown
from nts_desktop.storage import Change, Journal
from nts_desktop.storage.backup import backup_journal

from .columns import COLUMNS
from .csv_cells import ImportRefused, Row, RowProblem, decode
from .csv_header import NIGHT_CELLS, check_header, settle_date_order

__all__ = ["ImportRefused", "ImportResult", "RowProblem", "import_bytes", "import_csv", "read_csv"]

MAX_CELL = 1 << 30  # notes may be long; the csv module's default limit is 128 KiB
MAX_BYTES = 64_000_000  # a file larger than this is refused before it is read
MAX_ROWS = 200_000  # 1900–2100 is 73 000 days: more rows than this is not a journal
Progress = Callable[[int], None]  # called with the rows read so far; may raise to cancel
Policy = Literal["fail", "skip", "replace"]
POLICIES: tuple[Policy, ...] = ("fail", "skip", "replace")
DAY_CELLS = tuple(c for c in COLUMNS if FIELD[c].part == "day")


@dataclass
class ParsedCsv:
    """The records a file holds, with the line each came from."""

    days: list[tuple[int, Day]] = field(default_factory=list)
    nights: list[tuple[int, Night]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    blank_rows: int = 0


@dataclass
class ImportResult:
    """What an import did."""

    added: int = 0
    replaced: int = 0
    skipped: list[date] = field(default_factory=list)
    blank_rows: int = 0
    warnings: list[str] = field(default_factory=list)
    backup: Path | None = None
    change: Change = field(default_factory=Change)  # what the journal's write changed

    def summary(self) -> str:
        total = self.added + self.replaced
        parts = [f"imported {plural(total, 'record')}"]
        if self.replaced:
            parts.append(f"{self.replaced} replaced")
        if self.skipped:
            parts.append(f"{len(self.skipped)} existing dates skipped")
        if self.blank_rows:
            parts.append(f"{self.blank_rows} blank rows ignored")
        return ", ".join(parts)


def _parse_row(
    row: Row, journal_zone: str, free_weekdays: Iterable[int], order: DateOrder | None
) -> Day | Night | None:
    try:
        when = parse_date(row.text("date"), order)
    except ValueError as exc:
        row.fail("date", str(exc))
        return None
    source = row.text("source").strip() or DIARY
    tz = row.text("tz").strip() or journal_zone
    try:
        zone(tz)
    except TimeRuleError as exc:
        row.fail("tz", str(exc))
        return None

    night: Night | None = None
    present = [c for c in NIGHT_CELLS if not row.blank(c)]
    readings = {c: row.reading(c, tz) for c in NIGHT_TIMES}
    numbers = {c: row.integer(c) for c in NIGHT_NUMBERS}
    stages = {c: row.integer(c) for c in STAGES}
    if present and not row.problems:
        try:
            night = build_night(when, tz, readings, numbers, source)
        except RecordError as exc:
            for p in exc.problems:
                row.fail(p.field, p.message)
    if source == DIARY:
        for column in STAGES:
            if not row.blank(column):
                row.fail(column, "sleep stages come from devices: only a device row holds them")
    else:
        for column in DAY_CELLS:
            if column != "tags" and not row.blank(column):
                row.fail(column, f"only the diary row of a date holds day fields (source {source})")
        if not present:
            row.fail("source", f"a {source} row needs a night")
        try:
            tags = normalize_tags(row.text("tags"))
        except RecordError as exc:
            row.fail("tags", str(exc.problems[0].message))
            tags = ()
        if row.problems or night is None:
            return None
        return replace(night, tags=tags, **stages)

    values: dict = {c: row.integer(c) for c in DAY_CELLS if FIELD[c].kind == "int"}
    free = row.text("free_day").strip()
    if free in ("0", "1"):
        values["free_day"] = free == "1"
    elif free:
        row.fail("free_day", f"{shown(free)} is not 0 or 1")
    else:
        values["free_day"] = default_free_day(when, free_weekdays)
    values["medication"] = row.text("medication") if not row.blank("medication") else None
    values["notes"] = row.text("notes") if not row.blank("notes") else None
    try:
        values["tags"] = normalize_tags(row.text("tags"))
    except RecordError as exc:
        for p in exc.problems:
            row.fail(p.field, p.message)
    if row.problems:
        return None
    day = Day(date=when, night=night, **values)
    for p in day_problems(day):
        row.fail(p.field, p.message)
    return None if row.problems else day


def read_csv(
    data: bytes,
    journal_zone: str,
    free_weekdays: Iterable[int] = (5, 6),
    filename: str = "",
    date_order: DateOrder | None = None,
    progress: Progress | None = None,
) -> ParsedCsv:
    """Parse a whole file; raises ImportRefused with every problem if any row is bad.

    ``date_order`` says whether numeric dates put the day or the month first, for a file
    whose dates leave it open (ImportRefused with ``date_order=True`` asks for it)."""
    try:
        text = decode(data)
    except ImportRefused as exc:
        raise ImportRefused(exc.problems, filename) from None
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    parsed = ParsedCsv()
    problems: list[RowProblem] = []
    end_of_previous = 0
    try:
        header = check_header(next(reader, None), parsed.warnings, filename)
        order = settle_date_order(text, header, date_order, filename)
        first_line: dict[tuple[date, str], int] = {}
        end_of_previous = reader.line_num
        for count, cells in enumerate(reader, start=1):
            line = end_of_previous + 1
            end_of_previous = reader.line_num
            if progress is not None and count % 2000 == 0:
                progress(count)
            if count > MAX_ROWS:
                problems.append(
                    RowProblem(
                        line,
                        None,
                        f"the file has more than {MAX_ROWS:,} rows; a journal has one row per "
                        "day and source (1900–2100 is 73 000 days): is it the right file?",
                    )
                )
                break
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.append(
                    RowProblem(
                        line,
                        None,
                        f"has {len(cells)} cells but the header has {len(header)}"
                        " (a missing or extra comma shifts every value after it)",
                    )
                )
                continue
            row = Row(line, {h: c for h, c in zip(header, cells, strict=False) if h in COLUMNS})
            if all(row.blank(c) for c in COLUMNS if c != "date") and (
                row.blank("date") or looks_like_date(row.text("date"))
            ):
                parsed.blank_rows += 1
                continue
            record = _parse_row(row, journal_zone, free_weekdays, order)
            problems.extend(row.problems)
            if record is None:
                continue
            source = record.source if isinstance(record, Night) else DIARY
            key = (record.date, source)
            if key in first_line:
                problems.append(
                    RowProblem(
                        line,
                        "date",
                        f"{record.date} ({source}) is already on line {first_line[key]}",
                    )
                )
                continue
            first_line[key] = line
            if isinstance(record, Night):
                parsed.nights.append((line, record))
            else:
                parsed.days.append((line, record))
    except csv.Error as exc:
        problems.append(
            RowProblem(
                end_of_previous + 1,
                None,
                f"is not valid CSV ({exc}); check the quotes of the record that starts here",
            )
        )
    if problems:
        raise ImportRefused(problems, filename)
    return parsed


def read_file(
    source: str | Path,
    journal_zone: str,
    free_weekdays: Iterable[int] = (5, 6),
    date_order: DateOrder | None = None,
    progress: Progress | None = None,
) -> ParsedCsv:
    """Read and parse a CSV file (no journal needed: the window does this off its thread).

    A file over ``MAX_BYTES`` is refused before it is read, so memory stays bounded."""
    path, name = Path(source), str(source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(
                [
                    RowProblem(
                        0,
                        None,
                        f"is {size / 1e6:.0f} MB; a diary file is at most "
                        f"{MAX_BYTES / 1e6:.0f} MB (a century of days is about 3 MB): is it "
                        "the right file?",
                    )
                ],
                name,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(
            [RowProblem(0, None, f"cannot be read ({exc.strerror})")], name
        ) from exc
    return read_csv(data, journal_zone, free_weekdays, name, date_order, progress)


def import_csv(
    journal: Journal,
    source: str | Path,
    on_conflict: Policy = "fail",
    date_order: DateOrder | None = None,
) -> ImportResult:
    """Import a CSV file into the journal, all or nothing; raises ImportRefused on any problem."""
    parsed = read_file(
        source, journal.zone_name, journal.settings.free_weekdays, date_order=date_order
    )
    return import_parsed(journal, parsed, on_conflict, str(source))


def import_bytes(
    journal: Journal,
    data: bytes,
    on_conflict: Policy = "fail",
    filename: str = "",
    date_order: DateOrder | None = None,
) -> ImportResult:
    """Import CSV bytes (see ``import_csv``)."""
    if on_conflict not in POLICIES:
        raise ValueError(f"on_conflict must be one of {POLICIES}")
    parsed = read_csv(data, journal.zone_name, journal.settings.free_weekdays, filename, date_order)
    return import_parsed(journal, parsed, on_conflict, filename)


def import_parsed(
    journal: Journal, parsed: ParsedCsv, on_conflict: Policy = "fail", filename: str = ""
) -> ImportResult:
    """Write a parsed file into the journal under the conflict policy, in one transaction."""
    if on_conflict not in POLICIES:
        raise ValueError(f"on_conflict must be one of {POLICIES}")
    existing_days = journal.dates()
    existing_nights = {(n.date, n.source) for n in journal.device_nights()}
    day_conflicts = [(line, d) for line, d in parsed.days if d.date in existing_days]
    night_conflicts = [
        (line, n) for line, n in parsed.nights if (n.date, n.source) in existing_nights
    ]
    result = ImportResult(blank_rows=parsed.blank_rows, warnings=parsed.warnings)
    conflicts = len(day_conflicts) + len(night_conflicts)
    if conflicts and on_conflict == "fail":
        raise ImportRefused(
            [
                RowProblem(line, "date", f"{rec.date} is already in the journal")
                for line, rec in sorted(day_conflicts + night_conflicts, key=lambda x: x[0])
            ],
            filename,
            conflicts=sorted({rec.date for _, rec in day_conflicts + night_conflicts}),
        )
    days = [d for _, d in parsed.days]
    nights = [n for _, n in parsed.nights]
    if on_conflict == "skip":
        result.skipped = sorted(
            {d.date for _, d in day_conflicts} | {n.date for _, n in night_conflicts}
        )
        days = [d for d in days if d.date not in existing_days]
        nights = [n for n in nights if (n.date, n.source) not in existing_nights]
    elif conflicts:
        result.backup = backup_journal(journal.path, db=journal.db, reason="before-import")
        result.replaced = conflicts
    result.change = journal.import_records(days, nights)
    result.added = len(days) + len(nights) - result.replaced
    return result
