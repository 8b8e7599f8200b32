"""The morning form's rules, below Qt: form values from a day, blank values, days from values.

The Today page shows date d: the night before it with the morning's answers (stored on d),
and the ratings of the day that has just ended (stored on d − 1), or of d itself when the
person rates today in the evening. A *value dict* holds what the form shows, by field name
(``core.records.FIELDS``) plus ``has_night``, always every key: bare ``time`` readings,
counts, ratings (None = not given) and text ("" = none). These functions turn stored days
into such dicts and back; the page only moves the values in and out of its widgets
(design §8).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from .entry import build_night
from .prefill import Typical
from .records import (
    NIGHT_NUMBERS,
    NIGHT_TIMES,
    Day,
    Problem,
    RecordError,
    default_free_day,
    normalize_day,
    normalize_tags,
)
from .timeutil import in_zone

RATINGS = ("mood", "focus", "resilience")
NIGHT_ITEMS = (*NIGHT_TIMES[:2], *NIGHT_NUMBERS, *NIGHT_TIMES[2:])  # in diary order
DAY_ANSWERS = ("quality", "rested", "free_day", "naps_min", "caffeine", "alcohol")
LOOKBACK_DAYS = 60  # prefill looks for nights this far back

Values = dict[str, Any]


@dataclass(frozen=True)
class Morning:
    """What the form of date ``date`` is about: the stored days and the journal's rules."""

    date: date
    journal_zone: str
    free_weekdays: tuple[int, ...]
    stored: Day | None = None  # day d
    stored_prev: Day | None = None  # day d − 1
    today: date | None = None  # in the journal's zone; a later date cannot be saved

    @property
    def zone(self) -> str:
        """The zone the night's readings are typed in: the stored night's, else the journal's."""
        if self.stored is not None and self.stored.night is not None:
            return self.stored.night.tz
        return self.journal_zone

    def rated(self, rate_today: bool) -> Day | None:
        """The stored day whose ratings the form shows."""
        return self.stored if rate_today else self.stored_prev


def ratings_date(when: date, rate_today: bool) -> date:
    """The day the ratings belong to: d − 1 (the day that has just ended), or d itself."""
    return when if rate_today else when - timedelta(days=1)


def blank_values(morning: Morning, typical: Typical) -> Values:
    """A new entry: the typical night's readings and counts, the weekday's free-day default,
    nothing else given (ratings are never prefilled)."""
    values: Values = {name: getattr(typical, name) for name in NIGHT_ITEMS}
    values.update(dict.fromkeys((*DAY_ANSWERS, *RATINGS)))
    values.update(medication="", tags="", notes="")
    values.update(has_night=True, free_day=default_free_day(morning.date, morning.free_weekdays))
    return values


def day_values(day: Day) -> Values:
    """The form values of a stored day (its readings as bare times in the night's zone)."""
    values: Values = {name: getattr(day, name) for name in DAY_ANSWERS}
    values["medication"] = day.medication or ""
    values["notes"] = day.notes or ""
    values["tags"] = "; ".join(day.tags)
    values["has_night"] = day.night is not None
    if day.night is not None:
        n = day.night
        for name in NIGHT_TIMES:
            values[name] = in_zone(getattr(n, name), n.tz).time()
        for name in NIGHT_NUMBERS:
            values[name] = getattr(n, name)
    return values


def rating_values(morning: Morning, rate_today: bool) -> Values:
    """The ratings the chosen day already has (None where not rated)."""
    rated = morning.rated(rate_today)
    return {name: getattr(rated, name) if rated else None for name in RATINGS}


def form_values(morning: Morning, typical: Typical, rate_today: bool) -> Values:
    """Everything the form shows when it opens date d: the stored day over the blank one."""
    values = blank_values(morning, typical)
    if morning.stored is not None:
        values.update(day_values(morning.stored))
    values.update(rating_values(morning, rate_today))
    return values


def prefill_words(typical: Typical) -> str:
    """The note over a new entry, saying where its values come from."""
    if typical.based_on:
        return (
            f"New entry, prefilled with the median of your last {typical.based_on} "
            "nights: adjust what differs and press Ctrl+S."
        )
    return "New entry with typical times: adjust them and press Ctrl+S."


def readings(morning: Morning, values: Values) -> dict[str, time | datetime]:
    """Bare times from the form, except where a stored reading shows the same HH:MM.

    Re-using the stored datetime keeps what HH:MM cannot say (seconds, the second occurrence
    of a repeated DST hour), so saving unchanged times changes nothing.
    """
    stored = morning.stored
    old = stored.night if stored and stored.night and stored.night.tz == morning.zone else None
    out: dict[str, time | datetime] = {}
    for name in NIGHT_TIMES:
        out[name] = values[name]
        if old is not None:
            kept = in_zone(getattr(old, name), old.tz)
            if kept.time().replace(second=0, microsecond=0) == values[name]:
                out[name] = kept
    return out


def future_problem(morning: Morning) -> Problem | None:
    """Why date d cannot be saved yet: its night has not ended (it is after today)."""
    if morning.today is None or morning.date <= morning.today:
        return None
    return Problem(
        "date",
        f"{morning.date} is in the future (today is {morning.today}): a night is logged on "
        "the morning it ends",
    )


def days_from_values(
    morning: Morning, values: Values, rate_today: bool, edited: str | None = None
) -> tuple[Day, Day | None]:
    """The records the form describes: day d, and day d − 1 only if its ratings changed.

    Only what the form owns changes: fields of the stored days it does not show are kept.
    Raises RecordError naming every field that is wrong; a rule broken between several
    fields is marked on ``edited``, the one the person changed last, when it is among them.
    """
    when = morning.date
    future = future_problem(morning)
    if future is not None:
        raise RecordError([future])
    night = None
    if values["has_night"]:
        night = build_night(
            when,
            morning.zone,
            readings(morning, values),
            {name: values[name] for name in NIGHT_NUMBERS},
            blame=edited,
        )
    base = morning.stored or Day(date=when, free_day=False)
    day = replace(
        base,
        night=night,
        free_day=values["free_day"],
        quality=values["quality"],
        rested=values["rested"],
        naps_min=values["naps_min"],
        caffeine=values["caffeine"],
        alcohol=values["alcohol"],
        medication=values["medication"] or None,
        tags=normalize_tags(values["tags"]),
        notes=values["notes"] or None,
    )
    ratings = {name: values[name] for name in RATINGS}
    prev = None
    if rate_today:
        day = replace(day, **ratings)
    else:
        when_prev = when - timedelta(days=1)
        old = morning.stored_prev or Day(
            date=when_prev, free_day=default_free_day(when_prev, morning.free_weekdays)
        )
        if any(getattr(old, k) != r for k, r in ratings.items()):
            prev = normalize_day(replace(old, **ratings))
    return normalize_day(day), prev
