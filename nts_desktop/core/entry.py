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


def build_night(
    day: date,
    tz: str,
    readings: dict[str, Reading],
    numbers: dict[str, int | None],
    source: str = DIARY,
) -> Night:
    """A validated Night from the four readings and three counts; RecordError lists problems.

    ``readings`` maps bedtime, lights_out, final_wake and out_of_bed to a bare ``time`` (placed
    by the rules of design §2) or an aware or naive ``datetime`` (naive = a reading in ``tz``).
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
        raise RecordError(_name_the_order_mistake(problems, overshoot, readings))
    return night


def _name_the_order_mistake(
    problems: list[Problem], overshoot: dict[str, tuple[float, str]], readings: dict
) -> list[Problem]:
    """Turn "24 hours or more in bed" into the mistake behind it when a bare time was typed
    after the next diary item (e.g. final awakening 07:00, out of bed 06:00): the placement
    rules then moved it to the day before, and the night grew past a day."""
    too_long = [p for p in problems if "24 hours or more" in p.message]
    if not too_long or not overshoot:
        return problems
    name, (_gap, after) = min(overshoot.items(), key=lambda item: item[1][0])
    later = f" ({readings[after]:%H:%M})" if isinstance(readings[after], time) else ""
    message = (
        f"{readings[name]:%H:%M} is after {FIELD[after].label}{later}; the diary times go in "
        "order (if the night really lasted a day or more, enter full dates)"
    )
    return [p for p in problems if p not in too_long] + [Problem(name, message)]
