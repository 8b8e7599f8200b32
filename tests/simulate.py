"""Seeded journals with a known truth, for testing the statistics (our own generator).

Sleep timing follows an AR(1) process around a fixed schedule, so rolling regularity
predictors are strongly autocorrelated, as in real diaries. Ratings are AR(1) noise, plus
an optional planted dependence on the 7-day midsleep SD.
"""

from __future__ import annotations

from datetime import date, time, timedelta

import numpy as np

from nts_desktop.core.entry import build_night
from nts_desktop.core.records import Day

START = date(2024, 1, 1)


def _clock(minutes: float) -> time:
    whole = round(minutes) % 1440
    return time(whole // 60, whole % 60)


def ar1(rng: np.random.Generator, n: int, phi: float, sd: float = 1.0) -> np.ndarray:
    out = np.empty(n)
    out[0] = rng.normal(0, sd)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + rng.normal(0, sd * np.sqrt(1 - phi * phi))
    return out


def journal(
    rng: np.random.Generator,
    n: int = 150,
    effect: float = 0.0,
    phi_timing: float = 0.6,
    phi_mood: float = 0.7,
) -> list[Day]:
    """``n`` days; resilience = effect · z(midsleep SD over 7 nights) + AR(1) noise."""
    shift = ar1(rng, n, phi_timing, 45)  # minutes, slowly wandering schedule
    onset = -60 + shift + rng.normal(0, 10, n)  # anchored: 23:00 ± …
    length = 450 + rng.normal(0, 30, n)
    midsleep = onset + length / 2
    sd7 = np.array(
        [np.std(midsleep[i - 6 : i + 1], ddof=1) if i >= 6 else np.nan for i in range(n)]
    )  # written here, independent of the code under test
    z = np.where(np.isnan(sd7), 0.0, (sd7 - np.nanmean(sd7)) / np.nanstd(sd7))
    noise = [ar1(rng, n, phi_mood) for _ in range(3)]
    scale = np.sqrt(1 - effect * effect)
    days = []
    for i in range(n):
        when = START + timedelta(days=i)
        night = build_night(
            when,
            "UTC",
            {
                "bedtime": _clock(onset[i] - 20),
                "lights_out": _clock(onset[i] - 15),
                "final_wake": _clock(onset[i] + length[i]),
                "out_of_bed": _clock(onset[i] + length[i] + 10),
            },
            {"sleep_latency_min": 15, "awakenings": 1, "waso_min": int(rng.integers(0, 20))},
        )
        ratings = [np.clip(np.round(6 + 1.5 * v[i]), 1, 10) for v in noise]
        resilience = np.clip(np.round(6 + 1.5 * (effect * z[i] + scale * noise[2][i])), 1, 10)
        days.append(
            Day(
                date=when,
                free_day=when.weekday() >= 5,
                night=night,
                mood=int(ratings[0]),
                focus=int(ratings[1]),
                resilience=int(resilience),
            )
        )
    return days
