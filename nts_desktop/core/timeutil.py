"""Time rules of the journal (design §2): zones, wall-clock readings, bare HH:MM placement.

Every stored time is an aware datetime with a *fixed* UTC offset equal to the offset of the
night's IANA zone at that instant. Fixed offsets make subtraction give elapsed time even
across a DST change (two datetimes sharing one ``ZoneInfo`` would subtract as wall clocks).
Standard library only.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .units import shown

UTC = UTC
_BARE_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?$", re.IGNORECASE)


class TimeRuleError(ValueError):
    """A clock reading that the time rules refuse (unknown zone, skipped DST hour, bad text)."""


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``; raises TimeRuleError naming it if it is unknown."""
    if not name or name != name.strip() or name.startswith("/") or ".." in name:
        raise TimeRuleError(f"{shown(name)} is not an IANA time zone (e.g. Europe/Berlin)")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise TimeRuleError(f"{shown(name)} is not an IANA time zone (e.g. Europe/Berlin)") from exc


def system_zone_name() -> str:
    """The machine's IANA zone name: $TZ if it names one, else /etc/localtime's target, else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if not name:
            continue
        try:
            zone(name)
        except TimeRuleError:
            continue
        return name
    return "UTC"


def in_zone(moment: datetime, zone_name: str) -> datetime:
    """``moment`` (aware) as a wall-clock reading in ``zone_name``, with a fixed offset."""
    if moment.tzinfo is None:
        raise TimeRuleError("a stored time must carry its UTC offset")
    local = moment.astimezone(zone(zone_name))
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=timezone(offset))


def localize(naive: datetime, zone_name: str) -> datetime:
    """A naive wall-clock reading placed in ``zone_name`` (fixed offset).

    A reading that occurs twice (DST fall-back) means its first occurrence; one that does not
    exist (spring-forward gap) raises TimeRuleError naming the gap.
    """
    z = zone(zone_name)
    first = naive.replace(tzinfo=z, fold=0)
    if not _exists(naive, z):
        start = naive
        while not _exists(start - timedelta(minutes=1), z) and naive - start < timedelta(days=2):
            start -= timedelta(minutes=1)
        after, before = (naive.replace(tzinfo=z, fold=f).utcoffset() for f in (1, 0))
        jump = after - before  # type: ignore[operator]
        end = start + jump
        span = (
            f"from {start:%H:%M} to {end:%H:%M}"
            if end.date() == start.date() and jump < timedelta(days=1)
            else f"from {start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M}"
        )
        raise TimeRuleError(
            f"{naive:%H:%M} does not exist on {naive:%Y-%m-%d} in {zone_name}: clocks jump "
            f"{span} (a time-zone change)"
            if jump >= timedelta(hours=3)
            else f"{naive:%H:%M} does not exist on {naive:%Y-%m-%d} in {zone_name}: clocks jump "
            f"{span} (daylight saving time)"
        )
    return in_zone(first, zone_name)


def _exists(naive: datetime, z: ZoneInfo) -> bool:
    return naive.replace(tzinfo=z).astimezone(UTC).astimezone(z).replace(tzinfo=None) == naive


def parse_bare_time(text: str) -> time | None:
    """``HH:MM``, ``HH:MM:SS`` or a 12-hour reading (``11:03 PM``; ``12:27 AM`` is 00:27), as
    spreadsheets write them, as a time of day; None when ``text`` is not a bare time."""
    m = _BARE_TIME.match(text.strip())
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    half = (m.group(4) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise TimeRuleError(f"{shown(text.strip())} is not a 12-hour time (1:00 to 12:59)")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise TimeRuleError(f"{shown(text.strip())} is not a time of day (00:00 to 23:59)")
    return time(hour, minute, second)


def parse_datetime(text: str, zone_name: str) -> datetime:
    """An ISO 8601 date-time: with an offset it is that instant; naive, a reading in the zone."""
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise TimeRuleError(
            f"{shown(value)} is not a time (expected HH:MM, 11:03 PM or ISO 8601 like "
            "2025-04-06T22:45+02:00)"
        ) from exc
    if "T" not in value and " " not in value:
        raise TimeRuleError(f"{shown(value)} is a date, not a time (expected HH:MM or ISO 8601)")
    if not 1900 <= parsed.year <= 2100:
        raise TimeRuleError(f"{shown(value)} is outside 1900–2100; is the year mistyped?")
    try:
        if parsed.tzinfo is None:
            return localize(parsed, zone_name)
        return in_zone(parsed, zone_name)
    except OverflowError as exc:  # e.g. 9999-12-31T23:00-05:00
        raise TimeRuleError(f"{shown(value)} is out of the range of dates") from exc


def place_bare(reading: time, not_after: datetime, zone_name: str) -> datetime:
    """Place a bare reading on the latest calendar date that keeps it not after ``not_after``.

    The candidate dates are ``not_after``'s local date and the day before (design §2).
    """
    anchor = in_zone(not_after, zone_name)
    for day in (anchor.date(), anchor.date() - timedelta(days=1)):
        naive = datetime.combine(day, reading)
        try:
            placed = localize(naive, zone_name)
        except TimeRuleError:
            if naive <= anchor.replace(tzinfo=None):
                raise
            continue
        if placed <= not_after:
            return placed
    raise TimeRuleError(f"{reading:%H:%M} cannot be placed before {anchor:%Y-%m-%d %H:%M}")


def format_time(moment: datetime, *, seconds: bool = False) -> str:
    """ISO 8601 with offset: ``2025-04-06T22:45+02:00`` (seconds shown when asked or non-zero)."""
    spec = "seconds" if seconds or moment.second or moment.microsecond else "minutes"
    if moment.microsecond:
        moment = moment.replace(microsecond=0)
    return moment.isoformat(timespec=spec)


def anchored_minutes(moment: datetime, record_date: date) -> float:
    """Minutes from 00:00 of ``record_date`` by the wall-clock reading of ``moment`` (design §2)."""
    days = (moment.date() - record_date).days
    return days * 1440 + moment.hour * 60 + moment.minute + moment.second / 60


def minutes_between(start: datetime, end: datetime) -> float:
    """Elapsed minutes from ``start`` to ``end`` (both aware)."""
    return (end - start).total_seconds() / 60
