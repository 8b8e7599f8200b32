"""A mood app's entries as the journal's day fields (design §6).

Per calendar date, the entries' ratings are averaged on the app's own scale and mapped onto
the journal's 1–10 mood once (``core.fills.to_journal_mood``: linear, monotone, halves up);
sleep quality (1–5) likewise. The entries' activities, factors and habits become tags, and
each mood's own name is kept as a tag ``<app>:<name>`` (``daylio:vaguely ok``) so nothing the
file said is lost; notes are joined, one per line, in the order of the file.

A mood name the app did not place on its scale (a custom Daylio mood in a CSV) takes its
level from the person's map for that app; a name in neither is *unplaced*: counted, and its
entries give no rating until the person places it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from nts_desktop.core.fills import DayFill, round_half_up, to_journal_mood
from nts_desktop.storage.mood_maps import mood_key

from ..devices.sleeps import Reading
from .entry import MoodEntry

LEVEL_WORDS = {"awful": 1, "bad": 2, "meh": 3, "good": 4, "rad": 5}  # Daylio's five, worst first


def label_tag(app: str, label: str) -> str:
    """The tag keeping a mood's own name: ``daylio:good``."""
    return f"{app}:{' '.join(label.split()).replace(';', ',')}"


def level_of(entry: MoodEntry, mood_map: dict[str, float]) -> float | None:
    """The entry's level: the person's placing of its name first, else the app's own."""
    if entry.label is not None and mood_key(entry.label) in mood_map:
        return mood_map[mood_key(entry.label)]
    return entry.level


def unplaced_names(reading: Reading, mood_map: dict[str, float]) -> Counter[str]:
    """Mood names (as written) that have no level, with how many entries carry each."""
    counts: Counter[str] = Counter()
    for e in reading.entries:
        if e.label is not None and level_of(e, mood_map) is None:
            counts[" ".join(e.label.split())] += 1
    return counts


def day_fills(reading: Reading, mood_map: dict[str, float] | None = None) -> list[DayFill]:
    """One DayFill per date the reading's entries cover, by date."""
    mood_map = mood_map or {}
    by_date: dict[date, list[MoodEntry]] = defaultdict(list)
    for e in reading.entries:
        by_date[e.date].append(e)
    fills = []
    for when in sorted(by_date):
        entries = by_date[when]
        levels = [x for e in entries if (x := level_of(e, mood_map)) is not None]
        qualities = [e.quality for e in entries if e.quality is not None]
        mood = None
        if levels and reading.scale is not None:
            mood = to_journal_mood(sum(levels) / len(levels), reading.scale)
        quality = None
        if qualities:
            quality = min(max(round_half_up(sum(qualities) / len(qualities)), 1), 5)
        tags: list[str] = []
        for e in entries:
            tags += e.tags
            if e.label is not None and e.label.strip():
                tags.append(label_tag(reading.source, e.label))
        notes = [e.note.strip() for e in entries if e.note and e.note.strip()]
        fills.append(
            DayFill(
                date=when,
                source=reading.source,
                mood=mood,
                quality=quality,
                tags=tuple(dict.fromkeys(t.strip() for t in tags if t.strip())),
                notes="\n".join(dict.fromkeys(notes)) or None,
                entries=len(entries),
            )
        )
    return fills


def parse_mood_map(text: str) -> dict[str, float]:
    """``--mood-map "vaguely ok=3, content=good"``: names and levels (a number on the app's
    scale, or one of Daylio's words awful, bad, meh, good, rad); raises ValueError."""
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, value = part.rpartition("=")
        if not sep or not name.strip():
            raise ValueError(f"{part!r} is not NAME=LEVEL")
        value = value.strip()
        if value.casefold() in LEVEL_WORDS:
            level = float(LEVEL_WORDS[value.casefold()])
        else:
            try:
                level = float(value)
            except ValueError:
                words = ", ".join(LEVEL_WORDS)
                raise ValueError(f"{value!r} is not a level (a number, or {words})") from None
        out[mood_key(name)] = level
    return out
