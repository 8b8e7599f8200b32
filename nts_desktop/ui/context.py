"""The application context every page receives: the open journal, the clock, one broadcast.

Pages never poke each other. An operation writes through the context, which emits
``changed`` once with the dates it touched; every page refreshes from that (STYLE.md,
"one change, one broadcast").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nts_desktop.core.records import Day, Night
from nts_desktop.core.timeutil import in_zone
from nts_desktop.io.csv_import import ImportResult, import_csv
from nts_desktop.storage import Journal, Settings, open_journal

Clock = Callable[[], datetime]


def read_snapshot(path: Path) -> tuple[list[Day], list[Night], Settings]:
    """Days, device nights and settings from a fresh read-only connection.

    Background computations call this on their own thread (an SQLite connection belongs to
    the thread that opened it); WAL lets them read while the window writes.
    """
    with open_journal(path, read_only=True, verify=False) as journal:  # checked at opening
        return journal.days(), journal.device_nights(), journal.settings


def system_clock() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Change:
    """What one user action changed: its dates, and a line for the status bar."""

    dates: frozenset[date] = field(default_factory=frozenset)
    message: str = ""
    everything: bool = False

    @property
    def touches_data(self) -> bool:
        return self.everything or bool(self.dates)


class AppContext(QObject):
    """The journal, the clock and the ``changed`` broadcast, handed to every page."""

    changed = Signal(object)  # Change

    def __init__(self, journal: Journal, clock: Clock | None = None, demo: bool = False):
        super().__init__()
        self.journal = journal
        self.clock = clock or system_clock
        self.demo = demo
        self.undo_stack = QUndoStack(self)

    def today(self) -> date:
        """The current date in the journal's zone."""
        return in_zone(self.clock(), self.journal.zone_name).date()

    # -- operations: each writes one transaction and broadcasts once -------------------------
    def save_days(self, days: Iterable[Day], message: str = "") -> Change:
        days = list(days)
        self.journal.write_many(days)
        return self._broadcast(Change(frozenset(d.date for d in days), message))

    def write_records(self, days: Iterable[Day], nights: Iterable[Night], message: str) -> Change:
        days, nights = list(days), list(nights)
        self.journal.write_many(days, nights)
        dates = frozenset(d.date for d in days) | frozenset(n.date for n in nights)
        return self._broadcast(Change(dates, message))

    def delete_day(self, when: date, message: str = "") -> Day | None:
        old = self.journal.delete_day(when)
        self._broadcast(Change(frozenset({when}), message))
        return old

    def import_csv(self, path: str, policy: str = "fail") -> ImportResult:
        """Import a CSV file (all or nothing); raises ImportRefused, broadcasts on success."""
        result = import_csv(self.journal, path, policy)  # type: ignore[arg-type]
        self.reloaded(f"{Path(path).name}: {result.summary()}.")
        return result

    def update_settings(self, **values: object) -> Change:
        """Change the journal's zone or free weekdays; every page recomputes."""
        self.journal.update_settings(**values)
        return self.reloaded("Journal settings saved.")

    def notify(self, message: str) -> None:
        """A status line that changed nothing in the journal."""
        self._broadcast(Change(message=message))

    def reloaded(self, message: str = "") -> Change:
        """Tell every page that anything may have changed (imports, restores)."""
        return self._broadcast(Change(everything=True, message=message))

    def _broadcast(self, change: Change) -> Change:
        self.changed.emit(change)
        return change


class RefreshWhenShown:
    """For pages that load data: refresh on the first show and on every data change while
    shown; a change while hidden only marks the page stale. Mix in before QWidget and
    implement ``refresh()``, which must reset ``_stale``."""

    _stale = True

    def refresh(self) -> None:
        raise NotImplementedError

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)  # type: ignore[misc]

    def _on_changed(self, change: Change) -> None:
        if change.touches_data:
            self._stale = True
            if self.isVisible():  # type: ignore[attr-defined]
                self.refresh()
