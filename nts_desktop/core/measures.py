"""Per-night measures (design §3): time in bed, total sleep, efficiency, onset, midsleep.

Durations are elapsed time (a night across a DST change is an hour longer or shorter than
its clock readings); clock positions are wall-clock readings in the night's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .records import Night
from .timeutil import anchored_minutes, in_zone, minutes_between


@dataclass(frozen=True)
class NightMeasures:
    """What one night's diary answers imply."""

    tib_min: float
    tst_min: float
    se_pct: float
    onset: datetime
    period_min: float
    midsleep: datetime
    onset_anchored_min: float
    midsleep_anchored_min: float
    wake_anchored_min: float


def measure(night: Night) -> NightMeasures:
    """Compute the design §3 measures of a valid night."""
    tib = minutes_between(night.bedtime, night.out_of_bed)
    tst = (
        minutes_between(night.lights_out, night.final_wake)
        - night.sleep_latency_min
        - night.waso_min
    )
    onset = in_zone(night.lights_out + timedelta(minutes=night.sleep_latency_min), night.tz)
    period = minutes_between(onset, night.final_wake)
    midsleep = in_zone(onset + timedelta(minutes=period / 2), night.tz)
    return NightMeasures(
        tib_min=tib,
        tst_min=tst,
        se_pct=100.0 * tst / tib if tib > 0 else 0.0,
        onset=onset,
        period_min=period,
        midsleep=midsleep,
        onset_anchored_min=anchored_minutes(onset, night.date),
        midsleep_anchored_min=anchored_minutes(midsleep, night.date),
        wake_anchored_min=anchored_minutes(in_zone(night.final_wake, night.tz), night.date),
    )
