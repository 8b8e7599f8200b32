"""How durations, clock positions and percentages are written for people."""

from __future__ import annotations

from datetime import time


def hours_minutes(minutes: float | None) -> str:
    """``485`` -> ``8 h 05``; negative values keep their sign; None -> ``–``."""
    if minutes is None:
        return "–"
    sign = "−" if minutes < 0 else ""
    total = round(abs(minutes))
    return f"{sign}{total // 60} h {total % 60:02d}"


def time_of_day(minutes: float) -> time:
    """Anchored or clock minutes as a time of day (to the nearest minute), ``-30`` -> 23:30."""
    whole = round(minutes) % 1440
    return time(whole // 60, whole % 60)


def clock(minutes: float | None, hour12: bool = False) -> str:
    """Anchored or clock minutes as a wall-clock time of day, ``-30`` -> ``23:30``, or with
    ``hour12`` ``11:30 PM``; None -> ``–``."""
    if minutes is None:
        return "–"
    return clock_time(time_of_day(minutes), hour12)


def clock_time(moment: time, hour12: bool = False) -> str:
    """A time of day as ``23:30`` or, with ``hour12``, ``11:30 PM`` (``12:05 AM`` after
    midnight, ``12:00 PM`` at noon)."""
    if not hour12:
        return f"{moment:%H:%M}"
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def plural(count: int, word: str) -> str:
    """``1 night``, ``2 nights``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def first_upper(text: str) -> str:
    """``text`` with its first letter upper case and the rest as written (REM, tag names);
    ``str.capitalize`` would lower the rest."""
    return text[:1].upper() + text[1:]


def shown(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters (a 10 MB cell stays short)."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def age_words(seconds: float) -> str:
    """How long ago, in words: ``just now``, ``5 minutes ago``, ``3 hours ago``, ``2 days ago``."""
    minutes = seconds / 60
    for size, unit in ((60 * 24 * 7, "week"), (60 * 24, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size:
            return f"{plural(int(minutes // size), unit)} ago"
    return "just now"
