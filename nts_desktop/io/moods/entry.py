"""What every mood-app format is read into: ``MoodEntry``, one entry on one calendar day.

A mood app's export is a list of entries (several a day are common): a rating on the app's
own scale (``Reading.scale``), the name the app showed for it, labels (activities, factors,
habits, hashtags) and a note. Parsers only read; ``moods.days`` turns entries into the
journal's day fields by the documented mapping (design §6), and nothing is written until
``device_import.import_readings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class MoodEntry:
    """One entry of a mood app, dated by the calendar day of the entry in its own offset."""

    date: date
    where: str  # "line 12", "entry 3": for messages and warnings
    level: float | None = None  # on the app's scale (Reading.scale); None: not rated/unplaced
    label: str | None = None  # the mood's name as the app showed it ("rad", "(7) Pretty Good")
    tags: tuple[str, ...] = ()  # activities, factors, habits, hashtags: trimmed, no ';'
    note: str | None = None
    quality: int | None = None  # sleep quality 1–5 where the app rates it (Bearable)
