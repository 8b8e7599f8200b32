"""What one write changed: the dates it touched (or everything) and a line for people.

Every writing operation of the journal returns a ``Change``; the window's context only
broadcasts it, with who caused it (design §8, "one change, one broadcast").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from nts_desktop.core.records import Day


@dataclass(frozen=True)
class Change:
    """The dates one action touched (``everything`` for imports, restores, settings), or
    the window settings it changed."""

    dates: frozenset[date] = field(default_factory=frozenset)
    message: str = ""
    everything: bool = False
    removed: tuple[Day, ...] = ()  # what a delete took away, so it can be undone
    # window settings (``core/settings_spec.py`` names) changed: pages redraw, data stays
    preferences: frozenset[str] = field(default_factory=frozenset)

    @property
    def touches_data(self) -> bool:
        return self.everything or bool(self.dates)

    def saying(self, message: str) -> Change:
        """The same change with another message (the caller knows better words)."""
        return replace(self, message=message)


def on_dates(dates: Iterable[date], message: str = "") -> Change:
    return Change(frozenset(dates), message)


def everything(message: str = "") -> Change:
    return Change(everything=True, message=message)
