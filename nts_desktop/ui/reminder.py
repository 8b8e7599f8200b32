"""The morning reminder: when to remind (the chosen time has passed, the night is not logged,
not yet reminded today) and the in-window bar that shows it where no system tray exists.

``Reminder`` owns the decision and nothing else: it reads its settings through
``ui/preferences.py`` (``reminder_enabled``, ``reminder_time``, ``reminded_on``), asks the
journal whether the night of today (design §1: the day d holds the night that ended on the
morning of d) is logged, and emits
``due`` once per date. The tray (``ui/tray.py``) and ``ReminderBar`` decide how to show it.
The clock is the window's (``AppContext.clock``) unless one is passed, so tests advance a
fake clock and call ``check()`` instead of waiting.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from nts_desktop.core.timeutil import in_zone

from . import preferences
from .context import AppContext, Change, Clock
from .dates import short_date

DEFAULT_TIME = time(8, 0)
CHECK_EVERY_MS = 60_000  # the reminder comes at most a minute after its time

REMINDER_TITLE = "Last night is not logged yet"


def parse_time(text: object) -> time | None:
    """``"HH:MM"`` (24-hour) as a time; None when it is not one."""
    try:
        hours, minutes = str(text).strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return None


def reminder_words(night_of: date) -> str:
    """What the reminder says about the night of ``night_of`` (the date it ended)."""
    return (
        f"The night to {short_date(night_of)} is not in your journal yet. "
        "Log it now while you remember it."
    )


class Reminder(QObject):
    """Decides when to remind; emits ``due(date)`` at most once per date.

    ``due`` comes when the reminder is on, the chosen time has passed in the journal's zone,
    and no day is stored for today's date (any answer counts, "no night" too; a device's
    night does not, it has no answers). The demo and a read-only journal are never reminded
    of. ``settled`` comes when the night last reminded of gets logged.
    """

    due = Signal(object)  # date: the night of that date is not logged
    settled = Signal()

    def __init__(self, ctx: AppContext, clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock or ctx.clock
        self.enabled = False
        self.at = DEFAULT_TIME
        self.pending: date | None = None  # reminded of and not logged yet
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        ctx.changed.connect(self._on_changed)

    def apply_settings(self) -> None:
        """Re-read the settings (the settings dialog calls this), restart the timer, check."""
        self.enabled = bool(preferences.read("reminder_enabled"))
        self.at = parse_time(preferences.read("reminder_time")) or DEFAULT_TIME
        self.timer.stop()
        if not self.enabled and self.pending is not None:
            self.pending = None
            self.settled.emit()  # turned off: the reminder shown goes away
        if self.enabled and self.may_remind():
            self.timer.start()
            self.check()

    def now(self) -> datetime:
        """The clock's reading in the journal's zone (a naive reading is the computer's)."""
        moment = self.clock()
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return in_zone(moment, self.ctx.journal.zone_name)

    def is_logged(self, when: date) -> bool:
        """Whether the night of ``when`` has been logged (a diary day is stored for it)."""
        return self.ctx.journal.day(when) is not None

    def check(self) -> bool:
        """Remind now if it is due (True when ``due`` was emitted)."""
        if not self.enabled or not self.may_remind():
            return False
        now = self.now()
        today = now.date()
        if now.time().replace(second=0, microsecond=0) < self.at:
            return False
        if preferences.read("reminded_on") == today.isoformat():
            return False
        if self.is_logged(today):
            return False
        preferences.write("reminded_on", today.isoformat())
        self.pending = today
        self.due.emit(today)
        return True

    def may_remind(self) -> bool:
        """Whether this journal is ever reminded of (not the demo, not read-only)."""
        return not self.ctx.demo and not self.ctx.journal.read_only

    def _on_changed(self, change: Change, origin: object | None = None) -> None:
        if change.touches_data and self.pending is not None and self.is_logged(self.pending):
            self.pending = None
            self.settled.emit()


class ReminderBar(QFrame):
    """The reminder inside the window, "Log now" and "Not now"; hidden until due.

    It is small enough for the menu bar's free corner, where it takes no room from the pages
    (Today still fits 1024 × 700); the whole sentence is its tooltip.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="reminder_bar")
        self.setProperty("role", "reminder")
        self.setAccessibleName("Reminder")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 2, 0)
        row.setSpacing(4)
        self.text = QLabel(f"<b>{REMINDER_TITLE}.</b>", objectName="reminder_text")
        self.log_now = QPushButton("Log now", objectName="reminder_log_now")
        self.log_now.setToolTip("Open Today on this morning's date")
        self.dismiss = QPushButton("Not now", objectName="reminder_dismiss")
        self.dismiss.setToolTip("Hide this reminder until tomorrow")
        self.dismiss.clicked.connect(self.hide)
        self.log_now.clicked.connect(self.hide)
        row.addWidget(self.text, 1)
        row.addWidget(self.log_now)
        row.addWidget(self.dismiss)
        self.hide()

    def remind(self, night_of: date) -> None:
        words = reminder_words(night_of)
        self.text.setToolTip(words)
        self.text.setAccessibleDescription(words)
        self.show()
