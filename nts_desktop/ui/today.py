"""The Today page: the morning log for date d (design §8).

"Last night" holds the Consensus Sleep Diary items in order, quality, the free-day box and the
expanded items; "How was yesterday?" holds mood, focus and resilience, stored on day d − 1
(or on d when the user rates today in the evening). An empty form starts from the median of
the last seven nights. Every edit re-validates and updates the live summary; Ctrl+S saves
both days in one transaction. Unsaved edits survive moving between dates as drafts.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, QSettings, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.entry import build_night
from nts_desktop.core.measures import measure
from nts_desktop.core.prefill import typical_night
from nts_desktop.core.records import (
    FIELD,
    NIGHT_TIMES,
    QUALITY_WORDS,
    Day,
    Problem,
    RecordError,
    default_free_day,
    normalize_day,
    normalize_tags,
)
from nts_desktop.core.timeutil import in_zone
from nts_desktop.core.units import hours_minutes

from .context import AppContext, Change
from .style import role_label
from .widgets import OptionalSpin, RatingBar, TagEdit, TimeField

RATINGS = ("mood", "focus", "resilience")
RATING_ENDS: dict[str, tuple[str, str]] = {
    "mood": ("low", "great"),
    "focus": ("scattered", "sharp"),
    "resilience": ("overwhelmed", "steady"),
}
LABELS = {
    "bedtime": "1. Got into bed",
    "lights_out": "2. Tried to sleep",
    "sleep_latency_min": "3. Minutes to fall asleep",
    "awakenings": "4. Times woken",
    "waso_min": "5. Minutes awake in the night",
    "final_wake": "6. Final awakening",
    "out_of_bed": "7. Out of bed",
    "quality": "8. Sleep quality",
    "rested": "Rested on waking",
    "free_day": "Free day",
    "naps_min": "Naps",
    "caffeine": "Caffeinated drinks",
    "alcohol": "Alcoholic drinks",
    "medication": "Sleep medication",
    "tags": "Tags",
    "notes": "Notes",
    "mood": "Mood",
    "focus": "Focus",
    "resilience": "Resilience",
}
LOOKBACK_DAYS = 60
FIELD_WIDTH = 120
SETTING_RATE_TODAY = "today/rate_today"


def long_date(when: date) -> str:
    """``Wednesday, 26 November 2026`` in the user's locale."""
    return QLocale().toString(QDate(when.year, when.month, when.day), QLocale.FormatType.LongFormat)


def short_date(when: date) -> str:
    return QLocale().toString(QDate(when.year, when.month, when.day), "dddd d MMMM")


class TodayPage(QWidget):
    """The morning log. ``set_date`` loads a date; ``save`` writes it (returns success)."""

    dateChanged = Signal(object)
    status = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("today_page")
        self._date = ctx.today()
        self._loading = False
        self._dirty = False
        self._ratings_edited = False
        self._drafts: dict[date, dict[str, Any]] = {}
        self._stored: Day | None = None
        self._stored_prev: Day | None = None
        self._zone = ctx.journal.zone_name
        self._build()
        self._make_actions()
        ctx.changed.connect(self._on_journal_changed)
        self.set_date(self._date)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.inputs: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        page = QVBoxLayout(body)
        page.setContentsMargins(24, 12, 24, 8)
        page.setSpacing(12)

        # date bar
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
        page.addLayout(bar)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.set_date(self.ctx.today()))

        # live summary
        self.summary = role_label("summary", objectName="summary")
        self.summary.setAccessibleName("Summary of last night")
        self.prefill_note = role_label("hint", objectName="prefill_note", wrap=True)
        summary_row = QHBoxLayout()
        summary_row.setSpacing(16)
        summary_row.addWidget(self.summary)
        summary_row.addWidget(self.prefill_note, 1)
        page.addLayout(summary_row)

        columns = QGridLayout()
        columns.setHorizontalSpacing(16)
        columns.setVerticalSpacing(12)
        columns.setColumnStretch(0, 2)
        columns.setColumnStretch(1, 3)
        page.addLayout(columns)

        # last night
        night_box = QGroupBox("Last night")
        night_form = QFormLayout(night_box)
        night_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        night_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.has_night = QCheckBox("I am logging last night's sleep", objectName="has_night")
        self.has_night.setAccessibleName("Log last night's sleep")
        night_form.addRow(self.has_night)
        for name in NIGHT_TIMES[:2]:
            self._add(night_form, name, TimeField())
        self._add(night_form, "sleep_latency_min", self._spin(0, 720, " min"))
        self._add(night_form, "awakenings", self._spin(0, 99, ""))
        self._add(night_form, "waso_min", self._spin(0, 720, " min"))
        for name in NIGHT_TIMES[2:]:
            self._add(night_form, name, TimeField())
        self.zone_note = role_label("hint")
        night_form.addRow("", self.zone_note)
        self._add(night_form, "quality", RatingBar(1, 5, labels=QUALITY_WORDS))
        self._add(night_form, "rested", RatingBar(1, 5, ends=("not at all", "very")))
        self._add(night_form, "free_day", QCheckBox("no work or school today"))
        columns.addWidget(night_box, 0, 0)

        # the ratings of the day that has just ended
        self.ratings_box = QGroupBox("How was yesterday?")
        ratings_form = QFormLayout(self.ratings_box)
        ratings_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.ratings_hint = role_label("hint", wrap=True)
        ratings_form.addRow(self.ratings_hint)
        for name in RATINGS:
            low, high = RATING_ENDS[name]
            self._add(
                ratings_form,
                name,
                RatingBar(1, 10),
                f"{LABELS[name]}  <span style='font-weight:normal'>(1 {low} … 10 {high})</span>",
            )
        self.rate_today = QCheckBox("Rate today instead (evening)", objectName="rate_today")
        self.rate_today.setChecked(QSettings().value(SETTING_RATE_TODAY, False, type=bool))
        ratings_form.addRow(self.rate_today)
        columns.addWidget(self.ratings_box, 0, 1)

        # the day before the night
        day_box = QGroupBox("The day before the night")
        day_form = QFormLayout(day_box)
        day_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._add(day_form, "naps_min", OptionalSpin(0, 1440, " min"))
        self._add(day_form, "caffeine", OptionalSpin(0, 99))
        self._add(day_form, "alcohol", OptionalSpin(0, 99))
        medication = QLineEdit()
        medication.setPlaceholderText("none")
        self._add(day_form, "medication", medication)
        columns.addWidget(day_box, 1, 0)

        # tags and notes
        notes_box = QGroupBox("Tags and notes")
        notes_form = QFormLayout(notes_box)
        notes_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setPlaceholderText("Anything worth remembering about this night or day")
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 14)
        self._add(notes_form, "tags", TagEdit())
        self._add(notes_form, "notes", notes)
        columns.addWidget(notes_box, 1, 1)

        # problems and save: outside the scroll area, always in sight
        footer_frame = QFrame(objectName="footer")
        footer_frame.setFrameShape(QFrame.Shape.NoFrame)
        footer_box = QVBoxLayout(footer_frame)
        footer_box.setContentsMargins(24, 4, 24, 10)
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
        page.addStretch(1)

        self.has_night.toggled.connect(self._night_toggled)
        self.rate_today.toggled.connect(self._rate_today_toggled)
        order = [
            self.has_night,
            *(
                self.inputs[n]
                for n in (
                    "bedtime",
                    "lights_out",
                    "sleep_latency_min",
                    "awakenings",
                    "waso_min",
                    "final_wake",
                    "out_of_bed",
                    "quality",
                    "rested",
                    "free_day",
                    "naps_min",
                    "caffeine",
                    "alcohol",
                    "medication",
                    "tags",
                    "notes",
                    "mood",
                    "focus",
                    "resilience",
                )
            ),
            self.rate_today,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _spin(self, lo: int, hi: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setMaximumWidth(FIELD_WIDTH)
        spin.setRange(lo, hi)
        spin.setSuffix(suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def _add(self, form: QFormLayout, name: str, widget: QWidget, text: str = "") -> None:
        if isinstance(widget, (TimeField, OptionalSpin)):
            widget.setMaximumWidth(FIELD_WIDTH)
        label = QLabel(text or LABELS[name])
        label.setBuddy(widget)
        form.addRow(label, widget)
        self._register(name, widget)

    def _register(self, name: str, widget: QWidget) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(LABELS[name].split(". ", 1)[-1])
        widget.setToolTip(FIELD[name].label.capitalize())
        self.inputs[name] = widget
        for signal in ("valueChanged", "timeChanged", "toggled", "textChanged"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(self._edited)
                break

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
        self.today_action = action(
            "Go to &today", "Ctrl+T", lambda: self.set_date(self.ctx.today())
        )

    # -- reading and writing widgets ---------------------------------------------------------
    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "has_night": self.has_night.isChecked(),
            "rate_today": self.rate_today.isChecked(),
            "ratings_edited": self._ratings_edited,
        }
        for name, w in self.inputs.items():
            if isinstance(w, TimeField):
                values[name] = w.time().toPython()
            elif isinstance(w, OptionalSpin):
                values[name] = w.optional_value()
            elif isinstance(w, (QSpinBox, RatingBar)):
                values[name] = w.value()
            elif isinstance(w, QCheckBox):
                values[name] = w.isChecked()
            elif isinstance(w, QPlainTextEdit):
                values[name] = w.toPlainText()
            else:
                values[name] = w.text()  # type: ignore[attr-defined]
        return values

    def _show(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.has_night.setChecked(values["has_night"])
            if "rate_today" in values:
                self.rate_today.setChecked(values["rate_today"])
            self._ratings_edited = values.get("ratings_edited", False)
            for name, w in self.inputs.items():
                value = values.get(name)
                if isinstance(w, TimeField):
                    w.setTime(QTime(value.hour, value.minute))
                elif isinstance(w, OptionalSpin):
                    w.set_optional_value(value)
                elif isinstance(w, (QSpinBox, RatingBar)):
                    w.setValue(value)
                elif isinstance(w, QCheckBox):
                    w.setChecked(bool(value))
                elif isinstance(w, QPlainTextEdit):
                    w.setPlainText(value or "")
                else:
                    w.setText(value or "")  # type: ignore[attr-defined]
            self._night_toggled(values["has_night"])
        finally:
            self._loading = False

    # -- dates -------------------------------------------------------------------------------
    @property
    def current_date(self) -> date:
        return self._date

    def step(self, days: int) -> None:
        self.set_date(self._date + timedelta(days=days))

    def set_date(self, when: date) -> None:
        """Show ``when``; unsaved edits of the date being left are kept as a draft."""
        if self._dirty:
            self._drafts[self._date] = self._values()
        self._date = when
        self._load()
        self.dateChanged.emit(when)

    def _ratings_date(self) -> date:
        return self._date if self.rate_today.isChecked() else self._date - timedelta(days=1)

    def _load(self) -> None:
        journal = self.ctx.journal
        when = self._date
        self._stored = journal.day(when)
        self._stored_prev = journal.day(when - timedelta(days=1))
        stored, prev = self._stored, self._stored_prev
        self._zone = stored.night.tz if stored and stored.night else journal.zone_name
        values = self._blank_values(when)
        if stored is not None:
            values.update(self._day_values(stored))
            self.prefill_note.setText("")
        rated = stored if self.rate_today.isChecked() else prev
        for name in RATINGS:
            values[name] = getattr(rated, name) if rated else None
        draft = self._drafts.pop(when, None)
        if draft is not None:
            values = draft
        self._show(values)
        self._dirty = draft is not None
        self._update_titles()
        self.saved_label.setText("Unsaved changes: press Ctrl+S to save them." if draft else "")
        self._revalidate()

    def _blank_values(self, when: date) -> dict[str, Any]:
        journal = self.ctx.journal
        nights = [
            d.night
            for d in journal.days(when - timedelta(days=LOOKBACK_DAYS), when - timedelta(days=1))
            if d.night
        ]
        typical = typical_night(nights, when)
        if typical.based_on:
            self.prefill_note.setText(
                f"New entry, prefilled with the median of your last {typical.based_on} "
                "nights: adjust what differs and press Ctrl+S."
            )
        else:
            self.prefill_note.setText("New entry with typical times: adjust them and press Ctrl+S.")
        values: dict[str, Any] = {
            name: getattr(typical, name)
            for name in (*NIGHT_TIMES, "sleep_latency_min", "awakenings", "waso_min")
        }
        values.update(
            has_night=True, free_day=default_free_day(when, journal.settings.free_weekdays)
        )
        return values

    def _day_values(self, day: Day) -> dict[str, Any]:
        values: dict[str, Any] = {
            name: getattr(day, name)
            for name in ("quality", "rested", "free_day", "naps_min", "caffeine", "alcohol")
        }
        values["medication"] = day.medication or ""
        values["notes"] = day.notes or ""
        values["tags"] = "; ".join(day.tags)
        values["has_night"] = day.night is not None
        if day.night is not None:
            n = day.night
            for name in NIGHT_TIMES:
                values[name] = in_zone(getattr(n, name), n.tz).time()
            for name in ("sleep_latency_min", "awakenings", "waso_min"):
                values[name] = getattr(n, name)
        return values

    def _update_titles(self) -> None:
        when = self._date
        today = self.ctx.today()
        suffix = " (today)" if when == today else ""
        self.date_label.setText(long_date(when) + suffix)
        self.night_label.setText(
            f"The night of {short_date(when - timedelta(days=1))} to {short_date(when)}"
        )
        self.inputs["free_day"].setText(  # type: ignore[attr-defined]
            f"{QLocale().toString(QDate(when.year, when.month, when.day), 'dddd')} is free of "
            "work or school"
        )
        rated = self._ratings_date()
        if self.rate_today.isChecked():
            self.ratings_box.setTitle("How was today?")
        else:
            self.ratings_box.setTitle("How was yesterday?")
        self.ratings_hint.setText(f"Ratings for {long_date(rated)}. Digits pick a rating (0 = 10).")
        zone_differs = self._zone != self.ctx.journal.zone_name
        self.zone_note.setText(f"Times in {self._zone}" if zone_differs else "")
        self.zone_note.setVisible(zone_differs)
        self.inputs["tags"].set_known_tags(self._known_tags())  # type: ignore[attr-defined]

    def _known_tags(self) -> list[str]:
        rows = self.ctx.journal.db.query("SELECT DISTINCT tags FROM days WHERE tags IS NOT NULL")
        return sorted({t for r in rows for t in r["tags"].split(";")})

    # -- editing -----------------------------------------------------------------------------
    def _night_toggled(self, on: bool) -> None:
        for name in (*NIGHT_TIMES, "sleep_latency_min", "awakenings", "waso_min"):
            self.inputs[name].setEnabled(on)
        if not self._loading:
            self._edited()

    def _rate_today_toggled(self, on: bool) -> None:
        QSettings().setValue(SETTING_RATE_TODAY, on)
        if self._loading:
            return
        if not self._ratings_edited:
            # nothing typed yet: show what the newly chosen day already has
            rated = self._stored if on else self._stored_prev
            self._loading = True
            for name in RATINGS:
                self.inputs[name].setValue(getattr(rated, name) if rated else None)  # type: ignore[attr-defined]
            self._loading = False
        self._update_titles()
        self._revalidate()

    def _edited(self, *_: object) -> None:
        if not self._loading:
            if self.sender() in [self.inputs[name] for name in RATINGS]:
                self._ratings_edited = True
            self._dirty = True
            self.saved_label.setText("")
            self._revalidate()

    def _revalidate(self) -> None:
        self._show_problems(self._validate())

    def _build_days(self, fresh: bool = False) -> tuple[Day, Day | None]:
        """The records the form describes: day d, and day d − 1 if its ratings changed.

        ``fresh`` re-reads both days from the journal (when saving), so a change made
        elsewhere since the form was loaded is kept rather than overwritten.
        """
        v = self._values()
        when = self._date
        journal = self.ctx.journal
        stored = journal.day(when) if fresh else self._stored
        stored_prev = journal.day(when - timedelta(days=1)) if fresh else self._stored_prev
        night = None
        if v["has_night"]:
            night = build_night(
                when,
                self._zone,
                self._readings(v, stored),
                {name: v[name] for name in ("sleep_latency_min", "awakenings", "waso_min")},
            )
        base = stored or Day(date=when, free_day=False)
        day = replace(
            base,
            night=night,
            free_day=v["free_day"],
            quality=v["quality"],
            rested=v["rested"],
            naps_min=v["naps_min"],
            caffeine=v["caffeine"],
            alcohol=v["alcohol"],
            medication=v["medication"] or None,
            tags=normalize_tags(v["tags"]),
            notes=v["notes"] or None,
        )
        ratings = {name: v[name] for name in RATINGS}
        prev = None
        if self.rate_today.isChecked():
            day = replace(day, **ratings)
        else:
            when_prev = when - timedelta(days=1)
            old = stored_prev or Day(
                date=when_prev,
                free_day=default_free_day(when_prev, journal.settings.free_weekdays),
            )
            if any(getattr(old, k) != r for k, r in ratings.items()):
                prev = normalize_day(replace(old, **ratings))
        return normalize_day(day), prev

    def _readings(self, v: dict[str, Any], stored: Day | None) -> dict[str, Any]:
        """Bare times from the form, except where a stored reading shows the same HH:MM.

        Re-using the stored datetime keeps what HH:MM cannot say (seconds, the second
        occurrence of a repeated DST hour), so saving unchanged times changes nothing.
        """
        old = stored.night if stored and stored.night and stored.night.tz == self._zone else None
        readings: dict[str, Any] = {}
        for name in NIGHT_TIMES:
            readings[name] = v[name]
            if old is not None:
                kept = in_zone(getattr(old, name), old.tz)
                if kept.time().replace(second=0, microsecond=0) == v[name]:
                    readings[name] = kept
        return readings

    def _validate(self) -> list[Problem]:
        try:
            day, _ = self._build_days()
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
        bad = {p.field for p in problems}
        for name, widget in self.inputs.items():
            if bool(widget.property("invalid")) != (name in bad):
                widget.setProperty("invalid", name in bad)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        lines = []
        for p in problems:
            label = LABELS.get(p.field, FIELD[p.field].label if p.field in FIELD else p.field)
            lines.append(f"{label.split('. ', 1)[-1]}: {p.message}")
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self.save_button.setEnabled(not lines)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the form (day d and, if changed, the ratings on d − 1) in one transaction."""
        try:
            day, prev = self._build_days(fresh=True)
        except RecordError as exc:
            self._show_problems(exc.problems)
            self.status.emit("Not saved: " + "; ".join(str(p) for p in exc.problems))
            return False
        records = [day] + ([prev] if prev else [])
        stamp = datetime.now().strftime("%H:%M")
        message = f"Saved {long_date(self._date)} at {stamp}."
        was_dirty, self._dirty = self._dirty, False
        try:
            self.ctx.save_days(records, message)
        except (sqlite3.Error, OSError) as exc:
            self._dirty = was_dirty or True
            self.problems.setText(f"Could not save: {exc}. Your entries are still here.")
            self.problems.setVisible(True)
            self.status.emit(f"Not saved: {exc}")
            return False
        self.saved_label.setText(message)
        self.status.emit(message)
        return True

    def unsaved_dates(self) -> list[date]:
        """Dates with edits not yet saved (the shown one first)."""
        dates = [self._date] if self._dirty else []
        return dates + sorted(d for d in self._drafts if d != self._date)

    def discard_drafts(self) -> None:
        self._drafts.clear()
        self._dirty = False

    def _on_journal_changed(self, change: Change) -> None:
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
