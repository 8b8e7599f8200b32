"""How the person's own diary compares with a device, night by night (Bland & Altman 1986).

For the nights that have both a diary night and a device night, the difference diary −
device of total sleep, time to fall asleep and final awakening (anchored minutes): their
mean (the bias) and the 95 % limits of agreement, mean ± 1.96 SD (sample SD). This is what
sleep clinicians ask of a diary and a tracker: not whether they correlate, but by how much
and how consistently they differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from nts_desktop.core.measures import measure
from nts_desktop.core.records import Day, Night

MEASURES = ("tst_min", "sol_min", "wake_min")
MIN_NIGHTS = 7  # fewer paired nights say too little to put in words


@dataclass(frozen=True)
class Agreement:
    """Diary − device for one measure over the paired nights of one source."""

    measure: str
    source: str
    n: int
    mean: float | None
    lo: float | None  # 95 % limits of agreement
    hi: float | None
    averages: np.ndarray = field(repr=False, default_factory=lambda: np.array([]))
    differences: np.ndarray = field(repr=False, default_factory=lambda: np.array([]))
    dates: list[date] = field(repr=False, default_factory=list)


def _device_night(nights: list[Night], preferred: str) -> Night:
    return sorted(nights, key=lambda n: (n.source != preferred, n.source))[0]


def agreement(
    days: Iterable[Day],
    device_nights: Iterable[Night],
    preferred: str = "",
    start: date | None = None,
    end: date | None = None,
) -> list[Agreement]:
    """Per measure, the agreement of the diary with the preferred (else first) device."""
    by_date: dict[date, list[Night]] = {}
    for n in device_nights:
        by_date.setdefault(n.date, []).append(n)
    pairs: list[tuple[date, Night, Night]] = []
    for d in days:
        if d.night is None or d.date not in by_date:
            continue
        if (start and d.date < start) or (end and d.date > end):
            continue
        pairs.append((d.date, d.night, _device_night(by_date[d.date], preferred)))
    if not pairs:
        return []
    source = max({p[2].source for p in pairs}, key=lambda s: sum(p[2].source == s for p in pairs))
    pairs = [p for p in pairs if p[2].source == source]
    values = {k: ([], []) for k in MEASURES}
    for _when, diary, device in pairs:
        a, b = measure(diary), measure(device)
        for key, x, y in (
            ("tst_min", a.tst_min, b.tst_min),
            ("sol_min", float(diary.sleep_latency_min), float(device.sleep_latency_min)),
            ("wake_min", a.wake_anchored_min, b.wake_anchored_min),
        ):
            values[key][0].append(x)
            values[key][1].append(y)
    out = []
    for key, (xs, ys) in values.items():
        x, y = np.array(xs), np.array(ys)
        diff = x - y
        n = len(diff)
        mean = float(diff.mean()) if n else None
        sd = float(diff.std(ddof=1)) if n >= 2 else None
        out.append(
            Agreement(
                measure=key,
                source=source,
                n=n,
                mean=mean,
                lo=mean - 1.96 * sd if mean is not None and sd is not None else None,
                hi=mean + 1.96 * sd if mean is not None and sd is not None else None,
                averages=(x + y) / 2,
                differences=diff,
                dates=[p[0] for p in pairs],
            )
        )
    return out
