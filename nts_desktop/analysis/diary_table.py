"""The Consensus Sleep Diary as clinicians read it: one table per week, the diary items as
rows and the seven dates as columns, then the derived rows (design §8, the report).

Cells are text, ready to print: clock times of the night's own zone, counts, minutes; a
date without an entry says "not logged", a day without a night says "no night" in the
night's rows, and a date whose only night is a device's says "not logged" in the diary's
own rows (ratings, notes…) — never a blank that could be read as zero. Where the diary
has no night but a device does (the night analysis uses, §6), its cells carry a dagger and
the table names the device in a footnote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from nts_desktop.core.measures import measure
from nts_desktop.core.records import Day, Night
from nts_desktop.core.timeutil import in_zone
from nts_desktop.core.units import hours_minutes

NOT_LOGGED = "not logged"
NO_NIGHT = "no night"
DEVICE_MARK = "†"


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: list[str]
    derived: bool = False  # computed from the diary items, not asked


@dataclass(frozen=True)
class WeekTable:
    dates: list[date]
    rows: list[TableRow]
    missing: list[bool]  # per date: nothing logged at all
    free: list[bool]  # per date: a free day (the day's own mark, else the weekday rule)
    devices: list[str] = field(default_factory=list)  # sources behind † cells


Clock = Callable[[datetime], str]


def clock24(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def week_dates(start: date, end: date) -> list[list[date]]:
    """``start``…``end`` in blocks of seven dates from ``start`` (the last may be shorter)."""
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [days[i : i + 7] for i in range(0, len(days), 7)]


def _number(value: int | None) -> str:
    return "–" if value is None else str(value)


def week_table(
    dates: list[date],
    days: dict[date, Day],
    device: dict[date, Night] | None = None,
    clock: Clock = clock24,
    free_weekdays: tuple[int, ...] = (5, 6),
) -> WeekTable:
    """The table of one week: ``days`` by date, ``device`` nights for dates without a diary
    night (optional), clock times written by ``clock``; dates without a day are free by
    ``free_weekdays``."""
    device = device or {}
    nights: list[Night | None] = []
    marks: list[str] = []
    devices: list[str] = []
    for d in dates:
        day = days.get(d)
        if day is not None and day.night is not None:
            nights.append(day.night)
            marks.append("")
        elif d in device:
            nights.append(device[d])
            marks.append(DEVICE_MARK)
            devices.append(device[d].source)
        else:
            nights.append(None)
            marks.append("")
    missing = [days.get(d) is None and n is None for d, n in zip(dates, nights, strict=True)]

    def night_cells(get: Callable[[Night], str]) -> list[str]:
        out = []
        for n, mark, gone in zip(nights, marks, missing, strict=True):
            out.append(NOT_LOGGED if gone else NO_NIGHT if n is None else f"{get(n)}{mark}")
        return out

    def day_cells(get: Callable[[Day], str]) -> list[str]:
        out = []
        for d in dates:  # no day: nothing of the diary's own (a device night is no answer)
            day = days.get(d)
            out.append(NOT_LOGGED if day is None else get(day))
        return out

    def at(name: str) -> Callable[[Night], str]:
        return lambda n: clock(in_zone(getattr(n, name), n.tz))

    rows = [
        TableRow("Got into bed", night_cells(at("bedtime"))),
        TableRow("Tried to sleep (lights out)", night_cells(at("lights_out"))),
        TableRow("Minutes to fall asleep", night_cells(lambda n: str(n.sleep_latency_min))),
        TableRow("Awakenings", night_cells(lambda n: str(n.awakenings))),
        TableRow("Minutes awake after falling asleep", night_cells(lambda n: str(n.waso_min))),
        TableRow("Final awakening", night_cells(at("final_wake"))),
        TableRow("Got out of bed", night_cells(at("out_of_bed"))),
        TableRow("Sleep quality (1–5)", day_cells(lambda d: _number(d.quality))),
        TableRow("Rested on waking (1–5)", day_cells(lambda d: _number(d.rested))),
        TableRow("Naps (min)", day_cells(lambda d: _number(d.naps_min))),
        TableRow("Caffeinated drinks", day_cells(lambda d: _number(d.caffeine))),
        TableRow("Alcoholic drinks", day_cells(lambda d: _number(d.alcohol))),
        TableRow("Medication", day_cells(lambda d: d.medication or "–")),
        TableRow("Mood (1–10)", day_cells(lambda d: _number(d.mood))),
        TableRow("Focus (1–10)", day_cells(lambda d: _number(d.focus))),
        TableRow("Resilience (1–10)", day_cells(lambda d: _number(d.resilience))),
        TableRow("Notes", day_cells(lambda d: d.notes or "")),
    ]
    derived = [
        ("Time in bed (TIB)", lambda n: hours_minutes(measure(n).tib_min)),
        ("Total sleep (TST)", lambda n: hours_minutes(measure(n).tst_min)),
        ("Sleep efficiency (SE)", lambda n: f"{measure(n).se_pct:.0f} %"),
        ("Sleep onset latency (SOL)", lambda n: f"{n.sleep_latency_min} min"),
        ("Wake after sleep onset (WASO)", lambda n: f"{n.waso_min} min"),
    ]
    rows += [TableRow(label, night_cells(get), derived=True) for label, get in derived]
    free = [days[d].free_day if d in days else d.weekday() in free_weekdays for d in dates]
    return WeekTable(dates, rows, missing, free, sorted(set(devices)))
