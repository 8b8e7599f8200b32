"""Small helpers to write diaries in tests: a night from bare times, a day around it."""

from __future__ import annotations

from datetime import date, time

from nts_desktop.core.entry import build_night
from nts_desktop.core.records import Day, Night


def hm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def night(
    when: str | date,
    bed: str,
    lights: str,
    wake: str,
    up: str,
    sol: int = 10,
    awakenings: int = 0,
    waso: int = 0,
    tz: str = "Europe/Berlin",
    source: str = "diary",
) -> Night:
    day = date.fromisoformat(when) if isinstance(when, str) else when
    return build_night(
        day,
        tz,
        {
            "bedtime": hm(bed),
            "lights_out": hm(lights),
            "final_wake": hm(wake),
            "out_of_bed": hm(up),
        },
        {"sleep_latency_min": sol, "awakenings": awakenings, "waso_min": waso},
        source,
    )


def day(when: str | date, *args, free: bool = False, **values) -> Day:
    """A day; positional args (if any) build its diary night with ``night``."""
    d = date.fromisoformat(when) if isinstance(when, str) else when
    n = None
    if args:
        night_keys = {"sol", "awakenings", "waso", "tz"}
        n = night(d, *args, **{k: values.pop(k) for k in list(values) if k in night_keys})
    return Day(date=d, free_day=free, night=n, **values)
