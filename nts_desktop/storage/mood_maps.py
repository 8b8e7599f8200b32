"""Mood names a person placed on an app's scale, remembered per app in the journal.

Daylio's CSV carries only each mood's name; a custom name ("vaguely ok") is placed once by
the person (the window's table, or ``--mood-map`` on the command line) and kept in the
settings table under ``mood_map.<app>`` as JSON, so the next import of that app needs no
asking (design §6).
"""

from __future__ import annotations

import json

from .journal import Journal

KEY = "mood_map.{app}"


def mood_key(name: str) -> str:
    """How names are compared: trimmed, inner spaces single, case folded."""
    return " ".join(name.split()).casefold()


def mood_map(journal: Journal, app: str) -> dict[str, float]:
    """The levels the person gave to ``app``'s mood names (empty when none were given)."""
    if "settings" not in journal.db.table_names():
        return {}
    row = journal.db.execute(
        "SELECT value FROM settings WHERE key = ?", [KEY.format(app=app)]
    ).fetchone()
    if row is None:
        return {}
    try:
        stored = json.loads(row[0])
        return {mood_key(str(k)): float(v) for k, v in stored.items()}
    except (ValueError, TypeError, AttributeError):
        return {}  # a damaged map is asked again, never trusted


def remember_mood_map(journal: Journal, app: str, mapping: dict[str, float]) -> None:
    """Add ``mapping`` to what is remembered for ``app`` (a name given again is replaced)."""
    if not mapping:
        return
    merged = {**mood_map(journal, app), **{mood_key(k): float(v) for k, v in mapping.items()}}
    with journal.transaction():
        journal.db["settings"].upsert(
            {"key": KEY.format(app=app), "value": json.dumps(merged, sort_keys=True)}, pk="key"
        )
