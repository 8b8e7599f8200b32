"""Turning what a person typed (bare HH:MM or full date-times) into a valid Night.

The morning form and CSV import share this, so a time means the same wherever it is entered:
out_of_bed lands on the day's date, each earlier reading on the latest date that keeps it not
after the next one (design §2).
"""

from __future__ import annotations

from datetime import date, datetime, time

from .records import (
    DIARY,
    FIELD,
    NIGHT_NUMBERS,
    NIGHT_TIMES,
    Night,
    Problem,
    RecordError,
    night_problems,
)
from .timeutil import TimeRuleError, in_zone, localize, place_bare, zone

Reading = time | datetime | None


def typed_time(digits: str) -> tuple[time, bool] | None:
    """The reading that the digits typed so far into a time field stand for, and whether it
    is complete: ``2315`` → 23:15, ``715`` → 07:15, ``0010`` → 00:10.

    Typing replaces the whole reading, whatever part of the field has the cursor. A first
    digit of 3–9 is a one-digit hour; two digits over 23 are a one-digit hour and the first
    minute digit; a minute digit over 5 is a one-digit minute. Until the reading is complete
    the missing minutes count as zero (``23`` → 23:00), so the summary follows the typing.
    None when the digits cannot start a time.
    """
    if not digits or not digits.isascii() or not digits.isdigit() or len(digits) > 4:
        return None
    if digits[0] in "3456789" or (len(digits) >= 2 and int(digits[:2]) > 23):
        hour, rest = int(digits[0]), digits[1:]
    elif len(digits) == 1:
        return time(int(digits), 0), False
    else:
        hour, rest = int(digits[:2]), digits[2:]
    if not rest:
        return time(hour, 0), False
    if int(rest[0]) > 5:
        return (time(hour, int(rest[0])), True) if len(rest) == 1 else None
    if len(rest) == 1:
        return time(hour, int(rest) * 10), False
    return time(hour, int(rest[:2])), True


def build_night(
    day: date,
    tz: str,
    readings: dict[str, Reading],
    numbers: dict[str, int | None],
    source: str = DIARY,
    blame: str | None = None,
) -> Night:
    """A validated Night from the four readings and three counts; RecordError lists problems.

    ``readings`` maps bedtime, lights_out, final_wake and out_of_bed to a bare ``time`` (placed
    by the rules of design §2) or an aware or naive ``datetime`` (naive = a reading in ``tz``).
    ``blame`` is the field the person changed last (the form knows it): a rule broken between
    several fields is then marked on that one.
    """
    try:
        zone(tz)
    except TimeRuleError as exc:
        raise RecordError([Problem("tz", str(exc))]) from exc
    missing = [n for n in NIGHT_TIMES if readings.get(n) is None]
    missing += [n for n in NIGHT_NUMBERS if numbers.get(n) is None]
    if missing:
        raise RecordError(
            [Problem(n, "is missing (a night needs all seven diary items)") for n in missing]
        )
    placed: dict[str, datetime] = {}
    later: datetime | None = None
    overshoot: dict[str, tuple[float, str]] = {}  # bare readings moved to the day before
    for name, after in zip(reversed(NIGHT_TIMES), (None, *reversed(NIGHT_TIMES)), strict=False):
        value = readings[name]
        try:
            if isinstance(value, datetime):
                moment = in_zone(value, tz) if value.tzinfo else localize(value, tz)
            elif later is None:
                moment = localize(datetime.combine(day, value), tz)  # type: ignore[arg-type]
            else:
                moment = place_bare(value, later, tz)  # type: ignore[arg-type]
                local_later = in_zone(later, tz)
                if moment.date() < local_later.date():
                    gap = (
                        datetime.combine(local_later.date(), value)  # type: ignore[arg-type]
                        - local_later.replace(tzinfo=None)
                    ).total_seconds() / 60
                    overshoot[name] = (gap, after)  # type: ignore[assignment]
        except TimeRuleError as exc:
            raise RecordError([Problem(name, str(exc))]) from exc
        placed[name] = moment
        later = moment
    night = Night(
        date=day,
        tz=tz,
        source=source,
        sleep_latency_min=numbers["sleep_latency_min"],  # type: ignore[arg-type]
        awakenings=numbers["awakenings"],  # type: ignore[arg-type]
        waso_min=numbers["waso_min"],  # type: ignore[arg-type]
        **placed,
    )
    problems = night_problems(night)
    if problems:
        problems = _name_the_order_mistake(problems, overshoot, readings, blame)
        raise RecordError([p.on(blame) for p in problems] if blame else problems)
    return night


def _name_the_order_mistake(
    problems: list[Problem],
    overshoot: dict[str, tuple[float, str]],
    readings: dict,
    blame: str | None = None,
) -> list[Problem]:
    """Turn "24 hours or more in bed" into the mistake behind it when a bare time was typed
    after the next diary item (e.g. final awakening 07:00, out of bed 06:00): the placement
    rules then moved it to the day before, and the night grew past a day.

    Each such reading and the item after it are a pair out of order. The pair named is the
    one the blamed field moved in (else one it is part of, else the closest pair), and the
    message speaks of the blamed field when it is one of the two."""
    too_long = [p for p in problems if "24 hours or more" in p.message]
    if not too_long or not overshoot:
        return problems
    pairs = sorted(overshoot.items(), key=lambda item: item[1][0])
    chosen = next((item for item in pairs if item[0] == blame), None)
    chosen = chosen or next((item for item in pairs if item[1][1] == blame), None)
    if chosen is None and blame is not None and too_long[0].involves(blame):
        return problems  # e.g. bedtime typed a day early: the night is what is too long
    chosen = chosen or pairs[0]
    name, (_gap, after) = chosen
    order = (
        "the diary times go in order (if the night really lasted a day or more, enter full dates)"
    )

    def clock(field: str) -> str:
        return f" ({readings[field]:%H:%M})" if isinstance(readings[field], time) else ""

    if blame == after and isinstance(readings[after], time):
        problem = Problem(
            after,
            f"{readings[after]:%H:%M} is before {FIELD[name].label}{clock(name)}; {order}",
            (name,),
        )
    else:
        problem = Problem(
            name,
            f"{readings[name]:%H:%M} is after {FIELD[after].label}{clock(after)}; {order}",
            (after,),
        )
    return [p for p in problems if p not in too_long] + [problem]
