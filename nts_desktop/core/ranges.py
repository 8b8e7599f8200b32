"""The date ranges of the Trends page: week (from the locale's first weekday), 4 weeks,
3 months (13 weeks), year (52 weeks) and all; each steps back and forth by its own length."""

from __future__ import annotations

from datetime import date, timedelta

RANGES = ("week", "4 weeks", "3 months", "year", "all")
WEEKS = {"week": 1, "4 weeks": 4, "3 months": 13, "year": 52}


def week_start(day: date, first_weekday: int) -> date:
    """The first day of ``day``'s week, weeks starting on ``first_weekday`` (Monday = 0)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def date_range(
    kind: str, anchor: date, first_weekday: int = 0, journal: tuple[date, date] | None = None
) -> tuple[date, date]:
    """(first, last) date shown for ``kind`` around ``anchor`` (the week it falls in is last)."""
    if kind == "all":
        if journal is None:
            return week_start(anchor, first_weekday), week_start(anchor, first_weekday) + timedelta(
                days=6
            )
        return journal
    end = week_start(anchor, first_weekday) + timedelta(days=6)
    return end - timedelta(days=7 * WEEKS[kind] - 1), end


def step(kind: str, anchor: date, direction: int) -> date:
    """The anchor one range earlier (−1) or later (+1)."""
    if kind == "all":
        return anchor
    return anchor + timedelta(days=7 * WEEKS[kind] * direction)
