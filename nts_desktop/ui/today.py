"""The Today page: the morning log for date d (design §8).

The page owns the date bar, the live summary, the drafts of dates left unsaved, saving and
the broadcast. The inputs are ``MorningForm`` (``ui/morning_form.py``); what the values mean
— prefill, the rated day, re-using stored readings, the records to write — is decided in
``core/morning.py``, below Qt. Ctrl+S saves day d and, when its ratings changed, day d − 1
in one transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.measures import measure
from nts_desktop.core.morning import (
    LOOKBACK_DAYS,
    RATINGS,
    Morning,
    days_from_values,
    form_values,
    prefill_words,
    rating_values,
    ratings_date,
)
from nts_desktop.core.prefill import typical_night
from nts_desktop.core.records import Day, Problem, RecordError
from nts_desktop.core.timeutil import in_zone
from nts_desktop.core.units import clock_time, hours_minutes
from nts_desktop.storage import JournalError

from . import preferences
from .context import AppContext, Change
from .dates import long_date, short_date, weekday_name
from .morning_form import MorningForm, field_label
from .style import role_label


class DayKeys(QObject):
    """Lets the page's day shortcuts (Ctrl+←/→, Ctrl+T) win over an input that would take
    the keys for itself (a time or text field moving its cursor), from any field."""

    def __init__(self, keys: list[QKeySequence], parent: QObject | None = None):
        super().__init__(parent)
        self.keys = [k for k in keys if not k.isEmpty()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            pressed = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self.keys):
                return True  # not accepted by the input: the shortcut fires
        return False


class TodayPage(QWidget):
    """The morning log. ``set_date`` loads a date; ``save`` writes it (returns success)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("today_page")
        self._date = ctx.today()
        self._dirty = False
        self._ratings_edited = False
        self._last_edited: str | None = None  # a rule broken between fields is marked here
        self._drafts: dict[date, dict[str, Any]] = {}
        self._morning = self._read_morning(self._date)
        self._build()
        self._make_actions()
        self._day_keys = DayKeys(
            [a.shortcut() for a in (self.prev_action, self.next_action, self.today_action)], self
        )
        for widget in self.findChildren(QWidget):
            widget.installEventFilter(self._day_keys)
        ctx.changed.connect(self._on_journal_changed)
        self.set_date(self._date)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        page = QVBoxLayout(body)
        page.setContentsMargins(16, 8, 16, 6)
        page.setSpacing(8)
        page.addLayout(self._date_bar())

        self.summary = role_label("summary", objectName="summary")
        self.summary.setAccessibleName("Summary of last night")
        self.prefill_note = role_label("hint", objectName="prefill_note", wrap=True)
        summary_row = QHBoxLayout()
        summary_row.setSpacing(16)
        summary_row.addWidget(self.summary)
        summary_row.addWidget(self.prefill_note, 1)
        page.addLayout(summary_row)

        self.form = MorningForm(body)
        self.inputs = self.form.inputs
        self.has_night, self.rate_today = self.form.has_night, self.form.rate_today
        page.addWidget(self.form)
        page.addStretch(1)
        self.form.edited.connect(self._edited)
        self.form.rateTodayToggled.connect(self._rate_today_toggled)

        # problems and save: outside the scroll area, always in sight
        footer_frame = QFrame(objectName="footer")
        footer_frame.setFrameShape(QFrame.Shape.NoFrame)
        footer_box = QVBoxLayout(footer_frame)
        footer_box.setContentsMargins(16, 2, 16, 8)
        self.problems = role_label("error", objectName="problems", wrap=True)
        self.problems.setAccessibleName("Problems")
        footer_box.addWidget(self.problems)
        footer = QHBoxLayout()
        self.saved_label = role_label("hint", objectName="saved_label")
        self.save_button = QPushButton("Save  (Ctrl+S)", objectName="save_button")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        footer.addWidget(self.saved_label, 1)
        footer.addWidget(self.save_button)
        footer_box.addLayout(footer)
        outer.addWidget(footer_frame)
        QWidget.setTabOrder(self.inputs["notes"], self.save_button)

    def _date_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.prev_button = QToolButton(text="◀")
        self.prev_button.setAutoRaise(True)
        self.prev_button.setToolTip("Previous day (Ctrl+←)")
        self.prev_button.setAccessibleName("Previous day")
        self.next_button = QToolButton(text="▶")
        self.next_button.setAutoRaise(True)
        self.next_button.setToolTip("Next day (Ctrl+→)")
        self.next_button.setAccessibleName("Next day")
        self.date_label = role_label("title", objectName="date_label")
        self.night_label = role_label("hint")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.date_label)
        titles.addWidget(self.night_label)
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Go to today (Ctrl+T)")
        for w in (self.prev_button, self.next_button, self.today_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar.addWidget(self.prev_button)
        bar.addLayout(titles)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.today_button)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        return bar

    def _make_actions(self) -> None:
        def action(text: str, keys: QKeySequence | str, slot) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.save_action = action("&Save day", QKeySequence.StandardKey.Save, self.save)
        self.prev_action = action("&Previous day", "Ctrl+Left", lambda: self.step(-1))
        self.next_action = action("&Next day", "Ctrl+Right", lambda: self.step(1))
        self.today_action = action("Go to &today", "Ctrl+T", self.go_today)

    # -- dates -------------------------------------------------------------------------------
    @property
    def current_date(self) -> date:
        return self._date

    def step(self, days: int) -> None:
        """Move by ``days``; forward never past today (a night is logged once it has ended)."""
        when = self._date + timedelta(days=days)
        if days > 0:
            when = min(when, max(self.ctx.today(), self._date))
        if when != self._date:
            self.set_date(when)

    def go_today(self) -> None:
        self.set_date(self.ctx.today())

    def focus_first_item(self) -> None:
        """Put the cursor where the morning starts (the first diary item)."""
        self.form.first_item().setFocus(Qt.FocusReason.OtherFocusReason)

    def set_date(self, when: date) -> None:
        """Show ``when``; unsaved edits of the date being left are kept as a draft."""
        if self._dirty:
            self._drafts[self._date] = self._draft()
        self._date = when
        self._load()

    def _read_morning(self, when: date) -> Morning:
        journal = self.ctx.journal
        return Morning(
            date=when,
            journal_zone=journal.zone_name,
            free_weekdays=journal.settings.free_weekdays,
            stored=journal.day(when),
            stored_prev=journal.day(when - timedelta(days=1)),
            today=self.ctx.today(),
        )

    def _draft(self) -> dict[str, Any]:
        return {
            **self.form.values(),
            "rate_today": self.rate_today.isChecked(),
            "ratings_edited": self._ratings_edited,
        }

    def _load(self) -> None:
        when = self._date
        self._morning = self._read_morning(when)
        journal = self.ctx.journal
        nights = [
            d.night
            for d in journal.days(when - timedelta(days=LOOKBACK_DAYS), when - timedelta(days=1))
            if d.night
        ]
        typical = typical_night(nights, when)
        self.prefill_note.setText("" if self._morning.stored else prefill_words(typical))
        values = form_values(self._morning, typical, self.rate_today.isChecked())
        draft = self._drafts.pop(when, None)
        if draft is not None:
            values = draft
        self._ratings_edited = bool(draft and draft["ratings_edited"])
        self._last_edited = None
        self.form.show_values(values)
        self._dirty = draft is not None
        self._update_titles()
        self.saved_label.setText("Unsaved changes: press Ctrl+S to save them." if draft else "")
        self._revalidate()

    def _update_titles(self) -> None:
        when = self._date
        today = self.ctx.today()
        suffix = " (today)" if when == today else ""
        self.next_button.setEnabled(when < today)
        self.next_action.setEnabled(when < today)
        self.date_label.setText(long_date(when) + suffix)
        self.night_label.setText(
            f"The night of {short_date(when - timedelta(days=1))} to {short_date(when)}"
        )
        self.inputs["free_day"].setText(  # type: ignore[attr-defined]
            f"{weekday_name(when)} is free of work or school"
        )
        rate_today = self.rate_today.isChecked()
        self.form.ratings_box.setTitle("How was today?" if rate_today else "How was yesterday?")
        self.form.ratings_hint.setText(
            f"Ratings for {long_date(ratings_date(when, rate_today))}. "
            "Digits pick a rating (0 = 10)."
        )
        zone = self._morning.zone
        zone_differs = zone != self.ctx.journal.zone_name
        self.form.zone_note.setText(f"Times in {zone}" if zone_differs else "")
        self.form.zone_note.setVisible(zone_differs)
        self.inputs["tags"].set_known_tags(self.ctx.journal.known_tags())  # type: ignore[attr-defined]

    # -- editing -----------------------------------------------------------------------------
    def _rate_today_toggled(self, on: bool) -> None:
        if not self._ratings_edited:
            # nothing typed yet: show what the newly chosen day already has
            self.form.show_ratings(rating_values(self._morning, on))
        self._update_titles()
        self._revalidate()

    def _edited(self, name: str) -> None:
        self._last_edited = name
        if name in RATINGS:
            self._ratings_edited = True
        self._dirty = True
        self.saved_label.setText("")
        self._revalidate()

    def _revalidate(self) -> None:
        self._show_problems(self._validate())

    def _build_days(self, morning: Morning) -> tuple[Day, Day | None]:
        return days_from_values(
            morning, self.form.values(), self.rate_today.isChecked(), self._last_edited
        )

    def _validate(self) -> list[Problem]:
        try:
            day, _ = self._build_days(self._morning)
        except RecordError as exc:
            self._set_summary(None)
            return exc.problems
        self._set_summary(day)
        return []

    def _set_summary(self, day: Day | None) -> None:
        if not self.has_night.isChecked():
            self.summary.setText("No night logged for this date")
            return
        if day is None or day.night is None:
            self.summary.setText("in bed –  ·  asleep –  ·  efficiency –")
            return
        m = measure(day.night)
        self.summary.setText(
            f"in bed {hours_minutes(m.tib_min)}  ·  asleep {hours_minutes(m.tst_min)}  ·  "
            f"efficiency {m.se_pct:.0f} %"
        )

    def _show_problems(self, problems: list[Problem]) -> None:
        self.form.mark_invalid({p.field for p in problems})
        lines = [f"{field_label(p.field)}: {p.message}" for p in problems]
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self.save_button.setEnabled(not lines)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the form (day d and, if changed, the ratings on d − 1) in one transaction.

        Both days are read again first, so a change made elsewhere since the form was loaded
        is kept rather than overwritten.
        """
        try:
            day, prev = self._build_days(self._read_morning(self._date))
        except RecordError as exc:
            self._show_problems(exc.problems)
            self.ctx.notify("Not saved: " + "; ".join(str(p) for p in exc.problems))
            return False
        now = in_zone(self.ctx.clock(), self.ctx.journal.zone_name)  # the window's own clock
        stamp = clock_time(now.time(), preferences.hour12())
        message = f"Saved {long_date(self._date)} at {stamp}."
        try:
            self.ctx.save_days([day] + ([prev] if prev else []), message, origin=self)
        except (sqlite3.Error, OSError, JournalError) as exc:
            self.problems.setText(f"Could not save: {exc}. Your entries are still here.")
            self.problems.setVisible(True)
            self.ctx.notify(f"Not saved: {exc}")
            return False
        self._dirty = False
        self._morning = self._read_morning(self._date)  # what is stored now
        self._ratings_edited = False
        self.prefill_note.setText("")
        self._update_titles()
        self.saved_label.setText(message)
        return True

    def unsaved_dates(self) -> list[date]:
        """Dates with edits not yet saved (the shown one first)."""
        dates = [self._date] if self._dirty else []
        return dates + sorted(d for d in self._drafts if d != self._date)

    def discard_drafts(self) -> None:
        self._drafts.clear()
        self._dirty = False

    def _on_journal_changed(self, change: Change, origin: object | None = None) -> None:
        if change.preferences:
            self.form.show_preferences()
        if origin is self:
            return  # this page wrote it: the form already shows it
        if (
            change.everything
            or self._date in change.dates
            or (self._date - timedelta(days=1) in change.dates)
        ):
            if self._dirty:
                return  # never overwrite what the user is typing
            message = self.saved_label.text()
            self._load()
            self.saved_label.setText(message)
