"""The header row of a CSV diary, and the order of day and month of its date column.

``check_header`` names the columns (ignoring case, spaces and hyphens) and refuses a header
that cannot be read (empty, another separator, a duplicate, no date, half a night) with one
problem each; unknown and unnamed columns are warnings (design §6).
"""

from __future__ import annotations

import csv
import io

from nts_desktop.core.dates import DateOrder, DateOrderConflict, DateOrderUnknown, settle_order
from nts_desktop.core.records import NIGHT_NUMBERS, NIGHT_TIMES
from nts_desktop.core.units import shown

from .columns import COLUMNS, DERIVED
from .csv_cells import ImportRefused, RowProblem, normalize_header

NIGHT_CELLS = (*NIGHT_TIMES, *NIGHT_NUMBERS)


def check_header(header: list[str] | None, warnings: list[str], filename: str) -> list[str]:
    """The header's column names, normalized; raises ImportRefused for a header that cannot
    be used, and adds a warning for each column that is ignored."""
    problems: list[RowProblem] = []
    if header is None:
        raise ImportRefused([RowProblem(1, None, "the file is empty")], filename)
    if not any(h.strip() for h in header):
        raise ImportRefused(
            [RowProblem(1, None, "the first line is empty; it must be the header row")],
            filename,
        )
    if len(header) == 1 and any(sep in header[0] for sep in (";", "\t")):
        sep = "semicolons" if ";" in header[0] else "tabs"
        raise ImportRefused(
            [
                RowProblem(
                    1,
                    None,
                    f"the columns are separated by {sep}; save the file as "
                    "comma-separated CSV (UTF-8) and import it again",
                )
            ],
            filename,
        )
    header = [normalize_header(h) for h in header]
    known = set(COLUMNS) | set(DERIVED)
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if not name:
            warnings.append(f"column {position} has no name; ignored")
            continue
        if name in seen:
            problems.append(RowProblem(1, name, "the column appears twice in the header"))
        seen.add(name)
        if name not in known:
            warnings.append(f"column {shown(name)} is not a journal column; ignored")
    if "date" not in header:
        problems.append(
            RowProblem(
                1,
                "date",
                "the header has no date column (the columns are: " + ", ".join(COLUMNS) + ")",
            )
        )
    night_columns = [c for c in NIGHT_CELLS if c in header]
    if night_columns and len(night_columns) < len(NIGHT_CELLS):
        missing = [c for c in NIGHT_CELLS if c not in header]
        problems.append(
            RowProblem(
                1,
                None,
                f"the header has {', '.join(night_columns)} but not "
                f"{', '.join(missing)}: a night needs all seven diary items",
            )
        )
    if problems:
        raise ImportRefused(problems, filename)
    return header


def settle_date_order(
    text: str, header: list[str], given: DateOrder | None, filename: str
) -> DateOrder | None:
    """The order of day and month of the file's date column (design §6), read ahead."""
    if "date" not in header:
        return None
    column = header.index("date")
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader, None)
    cells, end = [], 1
    try:
        for row in reader:
            line, end = end + 1, reader.line_num
            if len(row) > column:
                cells.append((line, row[column]))
    except csv.Error:
        pass  # the main pass reports broken quoting with its line
    try:
        return settle_order(cells, given)
    except DateOrderUnknown as exc:
        raise ImportRefused([RowProblem(1, "date", str(exc))], filename, date_order=True) from None
    except DateOrderConflict as exc:
        raise ImportRefused([RowProblem(1, "date", str(exc))], filename) from None
