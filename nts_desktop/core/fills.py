"""Day fields an import offers to fill, and how a mood app's scale maps onto the journal's.

A ``DayFill`` is what one app's entries of one date stand for in the journal's own fields:
mood (1–10), sleep quality (1–5), tags and notes. Scales map linearly and monotonically:
a rating ``x`` on an app's scale ``lo…hi`` is ``1 + (x − lo) × 9 / (hi − lo)`` on the
journal's 1–10, rounded half up once, after several entries of a day were averaged on the
app's scale (Daylio's five levels awful…rad become 1, 3, 6, 8, 10; design §6).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

MOOD_SCALE = (1, 10)  # the journal's mood
FILL_FIELDS = ("mood", "quality", "tags", "notes")  # what an import may fill on a day


@dataclass(frozen=True)
class DayFill:
    """What one app's entries say about one date, in the journal's fields."""

    date: date
    source: str  # the app: "daylio", "bearable", …
    mood: int | None = None
    quality: int | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    notes: str | None = None
    entries: int = 0  # how many of the app's entries this stands for

    @property
    def rated(self) -> bool:
        return self.mood is not None or self.quality is not None


def round_half_up(x: float) -> int:
    """Round to the nearest whole number, halves up (5.5 → 6), unlike Python's ``round``."""
    return math.floor(x + 0.5)


def to_journal_mood(level: float, scale: tuple[int, int]) -> int:
    """A mean rating on an app's scale ``(worst, best)`` as the journal's 1–10 mood."""
    lo, hi = scale
    if hi <= lo:
        raise ValueError(f"a scale runs from worst to best, not {lo}…{hi}")
    level = min(max(level, lo), hi)
    lo10, hi10 = MOOD_SCALE
    return round_half_up(lo10 + (level - lo) * (hi10 - lo10) / (hi - lo))


LABEL_APPS = ("daylio", "bearable", "pixels", "imoodjournal")  # apps whose mood names are kept


def is_label_tag(tag: str) -> bool:
    """Whether ``tag`` keeps a mood app's own name for a rating (``daylio:good``): it restates
    the mood, so analysis never tests it as a factor."""
    app, sep, _name = tag.partition(":")
    return bool(sep) and app in LABEL_APPS
