"""The application context every page receives: the open journal, the clock, one broadcast.

Pages never poke each other. An operation calls the storage function, which writes one
transaction and returns the ``Change`` it made; the context emits that change once, with
who caused it, and every page refreshes from it (design §8, "one change, one broadcast").
Status lines that change nothing go through the same signal, so there is one channel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nts_desktop.core.records import Day, Night
from nts_desktop.core.settings_spec import SETTING
from nts_desktop.core.timeutil import in_zone
from nts_desktop.io.csv_import import ImportResult, ParsedCsv, import_csv, import_parsed
from nts_desktop.storage import Change, Journal, Settings, open_journal
from nts_desktop.storage.batches import Nap, device_naps

from . import preferences

Clock = Callable[[], datetime]

__all__ = ["AppContext", "Change", "Clock", "RefreshWhenShown", "Snapshot", "read_snapshot"]


class Snapshot(NamedTuple):
    """What the analysis reads of a journal at one moment."""

    days: list[Day]
    nights: list[Night]
    naps: list[Nap]
    settings: Settings


def read_snapshot(path: Path) -> Snapshot:
    """Days, device nights, naps and settings from a fresh read-only connection.

    Background computations call this on their own thread (an SQLite connection belongs to
    the thread that opened it); WAL lets them read while the window writes.
    """
    with open_journal(path, read_only=True, verify=False) as journal:  # checked at opening
        return Snapshot(
            journal.days(), journal.device_nights(), device_naps(journal), journal.settings
        )


def system_clock() -> datetime:
    return datetime.now().astimezone()


class AppContext(QObject):
    """The journal, the clock and the ``changed`` broadcast, handed to every page.

    ``changed`` carries the storage ``Change`` and the object that caused it (None when
    nobody in particular did), so the page that saved need not reload what it just wrote.
    """

    changed = Signal(object, object)  # Change, origin

    def __init__(self, journal: Journal, clock: Clock | None = None, demo: bool = False):
        super().__init__()
        self.journal = journal
        self.clock = clock or system_clock
        self.demo = demo
        self.undo_stack = QUndoStack(self)

    def today(self) -> date:
        """The current date in the journal's zone."""
        return in_zone(self.clock(), self.journal.zone_name).date()

    # -- operations: each writes one transaction and broadcasts what it changed --------------
    def save_days(
        self, days: Iterable[Day], message: str = "", origin: object | None = None
    ) -> Change:
        change = self.journal.write_many(days)
        return self.emit(change.saying(message) if message else change, origin)

    def delete_day(self, when: date, message: str = "", origin: object | None = None) -> Change:
        change = self.journal.delete_day(when)
        return self.emit(change.saying(message) if message else change, origin)

    def import_csv(
        self, path: str, policy: str = "fail", date_order: str | None = None
    ) -> ImportResult:
        """Import a CSV file (all or nothing); raises ImportRefused, broadcasts on success."""
        result = import_csv(self.journal, path, policy, date_order)  # type: ignore[arg-type]
        self.emit(result.change.saying(f"{Path(path).name}: {result.summary()}."))
        return result

    def import_parsed(self, parsed: ParsedCsv, path: str, policy: str = "fail") -> ImportResult:
        """Write a file read beforehand (``io.csv_import.read_file``); broadcasts on success."""
        result = import_parsed(self.journal, parsed, policy, path)  # type: ignore[arg-type]
        self.emit(result.change.saying(f"{Path(path).name}: {result.summary()}."))
        return result

    def update_settings(self, **values: object) -> Change:
        """Change the journal's zone or free weekdays; every page recomputes."""
        return self.emit(self.journal.update_settings(**values))

    def update_preferences(self, message: str = "", **values: object) -> Change:
        """Store window settings (``core/settings_spec.py`` names; ValueError when one is
        wrong, before anything is stored) and tell every page which changed."""
        for name, value in values.items():
            SETTING[name].check(value)
        changed = set()
        for name, value in values.items():
            before = preferences.read(name)
            if preferences.write(name, value) != before:
                changed.add(name)
        change = Change(message=message, preferences=frozenset(changed))
        return self.emit(change) if changed or message else change

    def notify(self, message: str) -> Change:
        """A status line that changed nothing in the journal."""
        return self.emit(Change(message=message))

    def emit(self, change: Change, origin: object | None = None) -> Change:
        """Broadcast one change (the only way pages hear of one)."""
        self.changed.emit(change, origin)
        return change


REDRAWN_BY = frozenset({"hour12", "week_start"})  # window settings that change what pages show


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

    def _on_changed(self, change: Change, origin: object | None = None) -> None:
        if change.touches_data or change.preferences & REDRAWN_BY:
            self._stale = True
            if self.isVisible():  # type: ignore[attr-defined]
                self.refresh()
