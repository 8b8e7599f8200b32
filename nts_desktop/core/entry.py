"""Turning what a person typed (bare HH:MM or full date-times) into a valid Night.

The morning form and CSV import share this, so a time means the same wherever it is entered:
out_of_bed lands on the day's date, each earlier reading on the latest date that keeps it not
after the next one (DESIGN §2).
"""

from __future__ import annotations

from datetime import date, datetime, time

from .records import DIARY, NIGHT_NUMBERS, NIGHT_TIMES, Night, Problem, RecordError, night_problems
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
    by the rules of §2) or an aware or naive ``datetime`` (naive = a reading in ``tz``).
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
    for name in reversed(NIGHT_TIMES):
        value = readings[name]
        try:
            if isinstance(value, datetime):
                moment = in_zone(value, tz) if value.tzinfo else localize(value, tz)
            elif later is None:
                moment = localize(datetime.combine(day, value), tz)  # type: ignore[arg-type]
            else:
                moment = place_bare(value, later, tz)  # type: ignore[arg-type]
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
        raise RecordError(problems)
    return night
