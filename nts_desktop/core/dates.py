"""Calendar dates as people and spreadsheets write them: ISO, US and European numeric dates.

``2026-10-01`` is always year-month-day. ``10/01/2026`` may be the 10th of January (day
first, ``dmy``) or the 1st of October (month first, ``mdy``); the order is decided for a
whole column from the file itself (``settle_order``): a number over 12 in one place settles
it, a dot (``1.10.2026``) means day first as it does wherever dots are written, and where
nothing settles it the caller must say. Two-digit years are 2000–2069 or 1970–1999.
Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

from .units import shown

DateOrder = Literal["dmy", "mdy"]
ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})$")


class DateOrderUnknown(ValueError):
    """Numeric dates whose order of day and month the file does not settle."""

    def __init__(self, example: str):
        self.example = example
        super().__init__(
            f"the dates could be day/month or month/day (e.g. {example}); "
            "say which: day first (dmy) or month first (mdy)"
        )


class DateOrderConflict(ValueError):
    """A column whose dates put the day first in one place and the month first in another."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _numeric(text: str) -> tuple[int, int, int, str] | None:
    m = _NUMERIC.match(text.strip())
    if not m:
        return None
    return int(m.group(1)), int(m.group(3)), _year(m.group(4)), m.group(2)


def settle_order(
    cells: Iterable[tuple[int, str]], given: DateOrder | None = None
) -> DateOrder | None:
    """The order of day and month for a column of ``(line, text)`` cells.

    None when every date is ISO (no order needed). Raises DateOrderUnknown when numeric
    dates leave it open and ``given`` is None, DateOrderConflict (naming both lines) when
    the file contradicts itself or ``given``.
    """
    day_first: tuple[int, str] | None = None  # the first evidence of each order
    month_first: tuple[int, str] | None = None
    example = None
    for line, text in cells:
        parts = _numeric(text)
        if parts is None:
            continue
        a, b, _, sep = parts
        example = example or text.strip()
        if (a > 12 or sep == ".") and day_first is None:
            day_first = (line, text.strip())
        if b > 12 and month_first is None:
            month_first = (line, text.strip())
    if day_first and month_first:
        raise DateOrderConflict(
            f"{shown(day_first[1])} (line {day_first[0]}) puts the day first but "
            f"{shown(month_first[1])} (line {month_first[0]}) the month; one file uses one order"
        )
    settled: DateOrder | None = "dmy" if day_first else "mdy" if month_first else None
    if settled and given and settled != given:
        line, text = day_first or month_first  # type: ignore[misc]
        first = "day" if settled == "dmy" else "month"
        raise DateOrderConflict(
            f"{shown(text)} (line {line}) can only have the {first} first, not {given}"
        )
    if example is None:
        return None
    if settled is None and given is None:
        raise DateOrderUnknown(example)
    return settled or given


def looks_like_date(text: str) -> bool:
    """Whether ``text`` is written like a date (ISO or numeric), valid or not."""
    value = text.strip()
    return bool(_ISO.match(value) or _NUMERIC.match(value))


def parse_date(text: str, order: DateOrder | None = None) -> date:
    """An ISO or numeric date; ValueError with a message for anything else."""
    value = text.strip()
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"{shown(value)} is not a calendar date") from None
    parts = _numeric(value)
    if parts is None:
        raise ValueError(
            f"{shown(value)} is not a date (expected YYYY-MM-DD, 31/12/2026, 12/31/2026 or "
            "31.12.2026)"
        )
    if order is None:
        raise DateOrderUnknown(value)
    a, b, year, _sep = parts
    day, month = (a, b) if order == "dmy" else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{shown(value)} is not a calendar date ({order})") from None
