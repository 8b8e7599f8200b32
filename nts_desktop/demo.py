"""Believable generated journals for `nts-desktop demo` and the first-run tour.

One made-up person: a weekly rhythm (later nights and lie-ins on free days), a slow seasonal
drift, spells of irregular sleep, occasional bad nights, a few missing days, and day ratings
that are *loosely* better after regular, sufficient sleep (plus autocorrelated noise, as
real moods are). Deterministic for a seed and an end date. Standard library only.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from nts_desktop.core.entry import build_night
from nts_desktop.core.records import Day, Night, RecordError, default_free_day
from nts_desktop.core.timeutil import in_zone
from nts_desktop.core.units import time_of_day
from nts_desktop.storage import Journal

TAGS = ("exercise", "late screen", "stress", "social", "travel")
NOTES = (
    "Neighbours were loud.",
    "Woke up with a headache.",
    "Long walk in the afternoon.",
    "Deadline at work.",
    "Felt rested, good day.",
    "Kids woke me twice.",
)


@dataclass(frozen=True)
class DemoOptions:
    nights: int = 365
    seed: int = 1
    end: date | None = None  # the last date (default: the caller's today)
    tz: str = "Europe/Berlin"
    free_weekdays: tuple[int, ...] = (5, 6)


def _clip(value: float, lo: int, hi: int) -> int:
    return max(lo, min(hi, round(value)))


def generate(options: DemoOptions) -> list[Day]:
    """The demo journal's days, oldest first (some without a night, some dates missing)."""
    rng = random.Random(options.seed)
    end = options.end or date.today()
    start = end - timedelta(days=options.nights - 1)
    days: list[Day] = []
    chaos = 0.0  # a slowly changing tendency to sleep irregularly
    mood_noise = focus_noise = resilience_noise = 0.0
    previous_mid: float | None = None
    shifts: list[float] = []
    for i in range(options.nights):
        when = start + timedelta(days=i)
        free = default_free_day(when, options.free_weekdays)
        chaos = 0.92 * chaos + rng.gauss(0, 0.35)
        spread = 18 + 35 * abs(chaos)
        drift = 25 * math.sin(2 * math.pi * i / 365.0) + 10 * math.sin(2 * math.pi * i / 53.0)
        weekend = 70 if free else 0
        bed = -50 + drift + weekend + rng.gauss(0, spread)  # anchored minutes (−50 = 23:10)
        lights = bed + abs(rng.gauss(12, 8))
        bad = rng.random() < 0.06
        sol = _clip(abs(rng.gauss(14, 8)) + (rng.uniform(40, 100) if bad else 0), 0, 720)
        wake = 410 + drift * 0.6 + weekend * 1.3 + rng.gauss(0, spread * 0.8)
        if bad:
            wake -= rng.uniform(20, 70)
        wake = max(wake, lights + sol + 180)
        up = wake + abs(rng.gauss(12, 9)) + (rng.uniform(10, 40) if free else 0)
        awakenings = _clip(abs(rng.gauss(1.2, 1)) + (2 if bad else 0), 0, 99)
        waso = _clip(
            awakenings * abs(rng.gauss(6, 4)) + (rng.uniform(20, 60) if bad else 0), 0, 720
        )
        waso = min(waso, int(wake - lights) - sol - 60)

        missing = rng.random() < 0.025
        no_night = not missing and rng.random() < 0.02
        night: Night | None = None
        if not missing and not no_night:
            night = _night(when, options.tz, bed, lights, wake, up, sol, awakenings, waso)
        mid = (lights + sol + wake) / 2
        shift = abs(mid - previous_mid) if previous_mid is not None and night else 45.0
        previous_mid = mid if night else None
        shifts = ([*shifts, shift])[-7:]
        irregular = sum(shifts) / len(shifts)  # a week's night-to-night midsleep shift, min
        tst = (wake - lights - sol - waso) / 60
        mood_noise = 0.6 * mood_noise + rng.gauss(0, 0.9)
        focus_noise = 0.5 * focus_noise + rng.gauss(0, 1.0)
        resilience_noise = 0.6 * resilience_noise + rng.gauss(0, 0.8)
        # > 0 when steadier than usual: last night's shift and the week's both count
        regular = (45 - (0.5 * shift + 0.5 * irregular)) / 30
        rest = (tst - 7) if night else -0.5
        if missing:
            continue
        tags = tuple(
            t
            for t, p in zip(
                TAGS,
                (0.35, 0.3 if not free else 0.45, 0.15, 0.2 if free else 0.08, 0.02),
                strict=True,
            )
            if rng.random() < p
        )
        days.append(
            Day(
                date=when,
                free_day=free,
                night=night,
                quality=_clip(3 + rest * 0.6 - (1.2 if bad else 0) + rng.gauss(0, 0.6), 1, 5)
                if night
                else None,
                rested=_clip(3 + rest * 0.7 + regular * 0.4 + rng.gauss(0, 0.7), 1, 5)
                if night and rng.random() < 0.8
                else None,
                naps_min=rng.choice((20, 30, 45, 60)) if rng.random() < 0.1 else None,
                caffeine=_clip(rng.gauss(2, 1) + (1 if bad else 0), 0, 8),
                alcohol=_clip(abs(rng.gauss(0, 1.2)) if free else abs(rng.gauss(0, 0.5)), 0, 6),
                mood=_clip(6.2 + 0.7 * regular + 0.35 * rest + mood_noise, 1, 10),
                focus=_clip(6 + 0.5 * regular + 0.6 * rest + focus_noise, 1, 10),
                resilience=_clip(6 + 0.9 * regular + 0.3 * rest + resilience_noise, 1, 10),
                tags=tags,
                notes=rng.choice(NOTES) if rng.random() < 0.07 else None,
            )
        )
    return days


def _night(
    when: date,
    tz: str,
    bed: float,
    lights: float,
    wake: float,
    up: float,
    sol: int,
    awakenings: int,
    waso: int,
) -> Night | None:
    readings = {"bedtime": bed, "lights_out": lights, "final_wake": wake, "out_of_bed": up}
    for _attempt in range(3):
        try:
            return build_night(
                when,
                tz,
                {k: time_of_day(v) for k, v in readings.items()},
                {"sleep_latency_min": sol, "awakenings": awakenings, "waso_min": max(waso, 0)},
            )
        except RecordError:
            # a reading in a DST gap (or a rounding edge): move the evening an hour
            readings = {
                k: v - 60 if k in ("bedtime", "lights_out") else v for k, v in readings.items()
            }
    return None


def write_demo(journal: Journal, nights: int = 365, seed: int = 1, end: date | None = None) -> int:
    """Fill an empty journal with a demo in one transaction; returns the number of days."""
    end = end or in_zone(datetime.now(UTC), journal.zone_name).date() - timedelta(days=1)
    days = generate(
        DemoOptions(
            nights=nights,
            seed=seed,
            end=end,
            tz=journal.zone_name,
            free_weekdays=journal.settings.free_weekdays,
        )
    )
    journal.write_many(days)
    journal.update_settings(demo=True)
    return len(days)
