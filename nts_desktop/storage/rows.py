"""Rows of the journal's tables to records and back; reading a row validates it.

Damage that gets past SQLite's ``quick_check`` (a flipped byte in a value, a bad UTF-8
byte) must end in a clear refusal naming the date, never in a traceback or a record that
breaks the rules further on: every value read is checked for its type and range, times
for their offset, zones for being zones (design §9). Relational rules between the times
are not re-checked on every read (that doubles the load time of a 10-year journal); a
flip that keeps every value plausible is not found (docs/decisions.md).
"""

from __future__ import annotations

from datetime import date, datetime

from nts_desktop.core.records import (
    DIARY,
    FIELD,
    FIRST_DATE,
    LAST_DATE,
    NIGHT_NUMBERS,
    NIGHT_TIMES,
    STAGES,
    Day,
    Night,
)
from nts_desktop.core.timeutil import TimeRuleError, format_time, zone

DAY_COLUMNS = (
    "free_day", "quality", "rested", "naps_min", "caffeine", "alcohol", "medication",
    "mood", "focus", "resilience", "tags", "notes",
)  # fmt: skip
NIGHT_COLUMNS = ("date", "source", "tz", *NIGHT_TIMES, *NIGHT_NUMBERS)  # the first schema's
DEVICE_COLUMNS = (*STAGES, "tags")  # added by m002 (nights also carry their import batch)
_INTS = tuple(c for c in DAY_COLUMNS if FIELD[c].kind == "int")


class DamagedRow(ValueError):
    """A stored row whose values cannot be what the app wrote."""


def day_row(day: Day) -> dict:
    row = {"date": day.date.isoformat(), **{c: getattr(day, c) for c in DAY_COLUMNS}}
    row["free_day"] = int(day.free_day)
    row["tags"] = ";".join(day.tags) if day.tags else None
    return row


def night_row(night: Night, batch: int | None = None) -> dict:
    return {
        "date": night.date.isoformat(),
        "source": night.source,
        "tz": night.tz,
        **{t: format_time(getattr(night, t)) for t in NIGHT_TIMES},
        **{n: getattr(night, n) for n in NIGHT_NUMBERS},
        **{n: getattr(night, n) for n in STAGES},
        "tags": ";".join(night.tags) if night.tags else None,
        "batch": batch,
    }


def night_date(value: object) -> date:
    if not isinstance(value, str):
        raise DamagedRow("a row's date is not a date")
    try:
        when = date.fromisoformat(value)
    except ValueError:
        raise DamagedRow(f"a row's date ({value[:20]!r}) is not a date") from None
    if not FIRST_DATE <= when <= LAST_DATE:
        raise DamagedRow(f"a row's date ({when}) is outside {FIRST_DATE.year}–{LAST_DATE.year}")
    return when


def _int(when: date, name: str, value: object, optional: bool = True) -> int | None:
    if value is None and optional:
        return None
    f = FIELD[name]
    if type(value) is not int or not f.lo <= value <= f.hi:  # type: ignore[operator]
        raise DamagedRow(f"the entry of {when} has an impossible {f.label} ({value!r:.20})")
    return value


def _text(when: date, name: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise DamagedRow(f"the entry of {when} has unreadable {FIELD[name].label}")
    return value


def night_from_row(r: dict) -> Night:
    when = night_date(r["date"])
    source, tz = r["source"], r["tz"]
    if not isinstance(source, str) or not source or not isinstance(tz, str):
        raise DamagedRow(f"the night of {when} has an unreadable source or time zone")
    try:
        zone(tz)
    except TimeRuleError:
        raise DamagedRow(f"the night of {when} has an unknown time zone ({tz[:30]!r})") from None
    times = {}
    for name in NIGHT_TIMES:
        value = r[name]
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise DamagedRow(f"the night of {when} has an unreadable {FIELD[name].label}")
        times[name] = moment
    stages = {name: _int(when, name, r.get(name)) for name in STAGES}
    tags = _text(when, "tags", r.get("tags"))
    return Night(
        date=when,
        source=source,
        tz=tz,
        sleep_latency_min=_int(when, "sleep_latency_min", r["sleep_latency_min"], False),  # type: ignore[arg-type]
        awakenings=_int(when, "awakenings", r["awakenings"], False),  # type: ignore[arg-type]
        waso_min=_int(when, "waso_min", r["waso_min"], False),  # type: ignore[arg-type]
        tags=tuple(tags.split(";")) if tags else (),
        **stages,
        **times,
    )


def day_from_row(r: dict, night: Night | None) -> Day:
    when = night_date(r["date"])
    if r["free_day"] not in (0, 1) or type(r["free_day"]) is not int:
        raise DamagedRow(f"the entry of {when} has an impossible free-day mark")
    if night is not None and (night.date != when or night.source != DIARY):
        raise DamagedRow(f"the entry of {when} is joined to another night")
    values: dict = {name: _int(when, name, r[name]) for name in _INTS}
    for name in ("medication", "notes"):
        values[name] = _text(when, name, r[name])
    tags = _text(when, "tags", r["tags"])
    return Day(
        date=when,
        night=night,
        free_day=bool(r["free_day"]),
        tags=tuple(tags.split(";")) if tags else (),
        **values,
    )
