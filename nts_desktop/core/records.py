"""Day and night records (design §1) and the validation rules that every entry path shares.

A *day* is keyed by the date the user got out of bed; its ratings describe that same day,
the day after the night it holds. A *night* is one per (date, source): ``diary`` for the
user's own entry, a device or app name for imported nights. The field table ``FIELDS`` is
declared once here: the CSV columns, the form widgets' ``objectName`` and the messages all
come from it. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from .timeutil import TimeRuleError, in_zone, zone
from .units import shown

DIARY = "diary"

Kind = Literal["date", "source", "zone", "time", "int", "bool", "text", "tags"]


@dataclass(frozen=True)
class Field:
    """One column of the interchange format and one input of the morning form."""

    name: str
    label: str
    kind: Kind
    lo: int | None = None
    hi: int | None = None
    part: Literal["key", "night", "day"] = "day"


FIELDS: tuple[Field, ...] = (
    Field("date", "date", "date", part="key"),
    Field("source", "source", "source", part="key"),
    Field("tz", "time zone", "zone", part="night"),
    Field("bedtime", "bedtime", "time", part="night"),
    Field("lights_out", "lights out", "time", part="night"),
    Field("sleep_latency_min", "minutes to fall asleep", "int", 0, 720, "night"),
    Field("awakenings", "times woken", "int", 0, 99, "night"),
    Field("waso_min", "minutes awake during the night", "int", 0, 720, "night"),
    Field("final_wake", "final awakening", "time", part="night"),
    Field("out_of_bed", "out of bed", "time", part="night"),
    # what a device measured (imported nights only): sleep stages, in minutes
    Field("rem_min", "REM sleep minutes", "int", 0, 1440, "night"),
    Field("deep_min", "deep sleep minutes", "int", 0, 1440, "night"),
    Field("light_min", "light sleep minutes", "int", 0, 1440, "night"),
    Field("awake_min", "minutes awake by the device", "int", 0, 1440, "night"),
    Field("quality", "sleep quality", "int", 1, 5),
    Field("rested", "rested on waking", "int", 1, 5),
    Field("free_day", "free day", "bool"),
    Field("naps_min", "nap minutes", "int", 0, 1440),
    Field("caffeine", "caffeinated drinks", "int", 0, 99),
    Field("alcohol", "alcoholic drinks", "int", 0, 99),
    Field("medication", "sleep medication", "text"),
    Field("mood", "mood", "int", 1, 10),
    Field("focus", "focus", "int", 1, 10),
    Field("resilience", "resilience", "int", 1, 10),
    Field("tags", "tags", "tags"),
    Field("notes", "notes", "text"),
)
FIELD = {f.name: f for f in FIELDS}
NIGHT_TIMES = ("bedtime", "lights_out", "final_wake", "out_of_bed")
NIGHT_NUMBERS = ("sleep_latency_min", "awakenings", "waso_min")
STAGES = ("rem_min", "deep_min", "light_min", "awake_min")  # optional, from devices
QUALITY_WORDS = ("very poor", "poor", "fair", "good", "very good")
MAX_TIME_IN_BED = timedelta(hours=24)
# A diary's dates: a mistyped year (0205, 9999) would otherwise stretch every chart and
# statistic over centuries of empty days.
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2100, 12, 31)


def _date_problem(when: date) -> Problem | None:
    if not FIRST_DATE <= when <= LAST_DATE:
        return Problem(
            "date", f"{when} is outside {FIRST_DATE.year}–{LAST_DATE.year}; is the year mistyped?"
        )
    return None


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of one record; ``related`` are the other fields a rule
    between several of them involves (the form marks the one the person just changed)."""

    field: str
    message: str
    related: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{FIELD[self.field].label if self.field in FIELD else self.field}: {self.message}"

    def involves(self, name: str) -> bool:
        return name == self.field or name in self.related

    def on(self, name: str) -> Problem:
        """The same problem marked on ``name``, one of the fields it involves."""
        if name == self.field or name not in self.related:
            return self
        others = tuple(f for f in (self.field, *self.related) if f != name)
        return replace(self, field=name, related=others)


class RecordError(ValueError):
    """A record that breaks the rules; ``problems`` names every field that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class Night:
    """The seven diary times and counts of one night, with the zone its clock readings use."""

    date: date
    tz: str
    bedtime: datetime
    lights_out: datetime
    sleep_latency_min: int
    awakenings: int
    waso_min: int
    final_wake: datetime
    out_of_bed: datetime
    source: str = DIARY
    rem_min: int | None = None  # sleep stages, where a device records them
    deep_min: int | None = None
    light_min: int | None = None
    awake_min: int | None = None
    tags: tuple[str, ...] = ()  # labels the device's app attached (diary nights: none)


@dataclass(frozen=True)
class Day:
    """One date's morning answers and ratings, with its diary night when one was logged."""

    date: date
    free_day: bool
    night: Night | None = None
    quality: int | None = None
    rested: int | None = None
    naps_min: int | None = None
    caffeine: int | None = None
    alcohol: int | None = None
    medication: str | None = None
    mood: int | None = None
    focus: int | None = None
    resilience: int | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    notes: str | None = None


def default_free_day(day: date, free_weekdays: Iterable[int]) -> bool:
    """Whether ``day`` is free by the journal's free weekdays (Monday = 0 … Sunday = 6)."""
    return day.weekday() in set(free_weekdays)


def normalize_tags(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Tags trimmed, blanks dropped, duplicates removed (first wins); a `;` inside is refused."""
    if value is None:
        return ()
    items = value.split(";") if isinstance(value, str) else list(value)
    out: list[str] = []
    for item in items:
        if ";" in item:
            raise RecordError([Problem("tags", f"a tag cannot contain ';' ({shown(item)})")])
        label = item.strip()
        if label and label not in out:
            out.append(label)
    return tuple(out)


def _check_int(name: str, value: Any, problems: list[Problem]) -> None:
    f = FIELD[name]
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(Problem(name, f"{value!r} is not a whole number"))
    elif (f.lo is not None and value < f.lo) or (f.hi is not None and value > f.hi):
        problems.append(Problem(name, out_of_range(name, value)))


def allowed_range(name: str) -> str:
    """``sleep quality is 1–5`` — what a number field accepts, in words."""
    f = FIELD[name]
    return f"{f.label} is {f.lo}–{f.hi}"


def out_of_range(name: str, value: object) -> str:
    return f"{value} is out of range: {allowed_range(name)}"


def _fmt(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def night_problems(night: Night) -> list[Problem]:
    """Every rule of design §1 that ``night`` breaks (empty when it is valid)."""
    problems: list[Problem] = [p for p in [_date_problem(night.date)] if p]
    try:
        zone(night.tz)
    except TimeRuleError as exc:
        return [Problem("tz", str(exc))]
    if not night.source or night.source != night.source.strip():
        problems.append(Problem("source", f"{shown(str(night.source))} is not a source name"))
    for name in NIGHT_TIMES:
        value = getattr(night, name)
        if not isinstance(value, datetime) or value.tzinfo is None:
            problems.append(Problem(name, "is missing its date, time or UTC offset"))
    for name in NIGHT_NUMBERS:
        if getattr(night, name) is None:
            problems.append(Problem(name, "is missing (a night needs all seven diary items)"))
        _check_int(name, getattr(night, name), problems)
    for name in STAGES:
        _check_int(name, getattr(night, name), problems)
    if problems:
        return problems
    bed, lights, wake, up = night.bedtime, night.lights_out, night.final_wake, night.out_of_bed
    sol = timedelta(minutes=night.sleep_latency_min)
    waso = timedelta(minutes=night.waso_min)
    if bed > lights:
        problems.append(
            Problem(
                "lights_out",
                f"lights out ({_fmt(lights)}) is before bedtime ({_fmt(bed)})",
                ("bedtime",),
            )
        )
    if lights + sol > wake:
        problems.append(
            Problem(
                "sleep_latency_min",
                f"lights out ({_fmt(lights)}) plus {night.sleep_latency_min} min to fall asleep "
                f"is after the final awakening ({_fmt(wake)})",
                ("lights_out", "final_wake"),
            )
        )
    elif sol + waso > wake - lights:
        problems.append(
            Problem(
                "waso_min",
                f"{night.sleep_latency_min} min to fall asleep plus {night.waso_min} min awake is "
                f"more than the {int((wake - lights).total_seconds() // 60)} min from lights out "
                "to the final awakening",
                ("sleep_latency_min", "lights_out", "final_wake"),
            )
        )
    if wake > up:
        problems.append(
            Problem(
                "out_of_bed",
                f"out of bed ({_fmt(up)}) is before the final awakening ({_fmt(wake)})",
                ("final_wake",),
            )
        )
    local_up = in_zone(up, night.tz)
    if local_up.date() != night.date:
        problems.append(
            Problem(
                "out_of_bed",
                f"out of bed is on {local_up.date()}, not on the day's date {night.date}",
            )
        )
    if up - bed >= MAX_TIME_IN_BED:
        problems.append(
            Problem(
                "out_of_bed",
                f"from bedtime ({_fmt(bed)}) to out of bed ({_fmt(up)}) is "
                "24 hours or more; time in bed must be under 24 hours",
                ("bedtime",),
            )
        )
    elif up <= bed:
        problems.append(Problem("out_of_bed", "out of bed must be after bedtime", ("bedtime",)))
    return problems


def day_problems(day: Day) -> list[Problem]:
    """Every rule that ``day`` (and its night, if any) breaks."""
    problems: list[Problem] = [p for p in [_date_problem(day.date)] if p]
    if not isinstance(day.free_day, bool):
        problems.append(Problem("free_day", f"{day.free_day!r} is not 0 or 1"))
    for f in FIELDS:
        if f.kind == "int" and f.part == "day":
            _check_int(f.name, getattr(day, f.name), problems)
    for name in ("medication", "notes"):
        value = getattr(day, name)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(name, f"{value!r} is not text"))
    for tag in day.tags:
        if ";" in tag or tag != tag.strip() or not tag:
            message = f"{shown(str(tag))} is not a trimmed label without ';'"
            problems.append(Problem("tags", message))
    if day.night is not None:
        if day.night.date != day.date:
            problems.append(Problem("date", "the night belongs to another date"))
        if day.night.source != DIARY:
            problems.append(Problem("source", "a day holds only its diary night"))
        problems.extend(night_problems(day.night))
    return list(dict.fromkeys(problems))  # the date's problem once, not for day and night


def normalize_night(night: Night) -> Night:
    """The night with every reading shown in its own zone; raises RecordError if invalid."""
    problems = night_problems(night)
    if problems:
        raise RecordError(problems)
    return replace(night, **{name: in_zone(getattr(night, name), night.tz) for name in NIGHT_TIMES})


def normalize_day(day: Day) -> Day:
    """The day with blank text as None, tags normalized and its night normalized.

    Raises RecordError listing every problem.
    """
    day = replace(day, tags=normalize_tags(day.tags))
    problems = day_problems(day)
    if problems:
        raise RecordError(problems)
    return replace(
        day,
        night=normalize_night(day.night) if day.night else None,
        medication=day.medication if day.medication and day.medication.strip() else None,
        notes=day.notes if day.notes and day.notes.strip() else None,
    )
