"""The morning form's widgets: the diary items, the ratings, the day before, tags and notes.

``MorningForm`` builds the inputs (each named after its field, ``core.records.FIELDS``) and
moves a value dict (``core/morning.py``) in and out of them through each input's Qt USER
property, so no input needs code of its own here. It says when the person edited something
(``edited``); what the values mean is decided below Qt, in ``core/morning.py``.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Property, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.morning import NIGHT_ITEMS, RATINGS, Values
from nts_desktop.core.records import FIELD, NIGHT_TIMES, QUALITY_WORDS

from . import preferences
from .style import role_label
from .widgets import OptionalSpin, RatingBar, TagEdit, TimeField

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
# What to enter, for each input's tooltip (its label already says what it is).
TIPS = {
    "bedtime": "When you got into bed last night: four digits, e.g. 2245",
    "lights_out": "When you put the lights out to try to sleep: four digits, e.g. 2300",
    "sleep_latency_min": "About how many minutes it took to fall asleep once you tried (0–720)",
    "awakenings": "How many times you woke up, not counting the final awakening (0–99)",
    "waso_min": "In all, how many minutes you lay awake after first falling asleep (0–720)",
    "final_wake": "When you woke for the last time: four digits, e.g. 0630",
    "out_of_bed": "When you got up for the day: four digits, e.g. 0645",
    "quality": "How well you slept, from very poor to very good: a digit 1–5 or a click",
    "rested": "How rested you felt on waking, 1 not at all … 5 very: a digit or a click",
    "free_day": "Tick it when this date is free of work or school (free weekdays by default)",
    "naps_min": "Minutes of naps on the day before this night; “–” means not given",
    "caffeine": "Coffee, tea, cola or energy drinks on the day before; “–” means not given",
    "alcohol": "Alcoholic drinks on the day before; “–” means not given",
    "medication": "A sleep aid you took, and how much (free text)",
    "tags": "Labels for this day, separated by “;” (e.g. exercise; late screen); earlier "
    "tags complete as you type",
    "notes": "Anything worth remembering about this night or day",
    "mood": "Your mood over the day",
    "focus": "How well you could concentrate",
    "resilience": "How well you handled stress and setbacks",
}

# The diary's order, with the day's ratings right after the night (the morning's flow: the
# night, how it felt, how the day went), then the optional "day before" items and notes.
TAB_ORDER = (
    "free_day",
    *NIGHT_ITEMS,
    "quality",
    "rested",
    *RATINGS,
    "rate_today",
    "naps_min",
    "caffeine",
    "alcohol",
    "medication",
    "tags",
    "notes",
)
FIELD_WIDTH = 120


def field_label(name: str) -> str:
    """The field's name as the form shows it, without the diary item's number."""
    return LABELS.get(name, FIELD[name].label if name in FIELD else name).split(". ", 1)[-1]


def _user_property(widget: QWidget) -> tuple[str, bool]:
    """The name of the input's Qt USER property, and whether Python declares it (a
    ``Property`` of our own widgets, read and written as an attribute so that None and
    plain Python values pass unconverted)."""
    name = widget.metaObject().userProperty().name()
    return name, isinstance(getattr(type(widget), name, None), Property)


def read_input(widget: QWidget) -> Any:
    """An input's value: its Qt USER property (plain Python values for the custom inputs)."""
    name, declared = _user_property(widget)
    return getattr(widget, name) if declared else widget.property(name)


def write_input(widget: QWidget, value: Any) -> None:
    name, declared = _user_property(widget)
    if declared:
        setattr(widget, name, value)
    else:
        widget.setProperty(name, value)


class MorningForm(QWidget):
    """The inputs of the Today page in their groups, with the diary's tab order.

    ``inputs`` maps field names to widgets; Tab follows ``TAB_ORDER``. ``edited(name)`` fires
    when the person changes an input (not while ``show_values`` fills them); ``has_night``
    and ``rate_today`` are the two switches of the form.
    """

    edited = Signal(str)
    rateTodayToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.inputs: dict[str, QWidget] = {}
        self._loading = False
        # two columns that stack on their own (the right one is shorter at the top), so the
        # whole morning fits a 1024 × 700 window
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(12)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, boxes, stretch in (
            (left, (self._night_box(), self._day_box()), 2),
            (right, (self._ratings_box(), self._notes_box()), 3),
        ):
            column.setSpacing(10)
            for box in boxes:
                column.addWidget(box)
            column.addStretch(1)
            columns.addLayout(column, stretch)
        self.has_night.toggled.connect(self._night_toggled)
        self.rate_today.toggled.connect(self._rate_today_toggled)
        inputs = {**self.inputs, "rate_today": self.rate_today}
        order = [self.has_night, *(inputs[n] for n in TAB_ORDER)]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- construction ------------------------------------------------------------------------
    def _night_box(self) -> QGroupBox:
        box = QGroupBox("Last night")
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.has_night = QCheckBox("I am logging last night's sleep", objectName="has_night")
        self.has_night.setAccessibleName("Log last night's sleep")
        form.addRow(self.has_night)
        self._add(form, "free_day", QCheckBox("no work or school today"))
        for name in NIGHT_TIMES[:2]:
            self._add(form, name, TimeField())
        self._add(form, "sleep_latency_min", self._spin(0, 720, " min"))
        self._add(form, "awakenings", self._spin(0, 99, ""))
        self._add(form, "waso_min", self._spin(0, 720, " min"))
        for name in NIGHT_TIMES[2:]:
            self._add(form, name, TimeField())
        self.zone_note = role_label("hint")
        form.addRow("", self.zone_note)
        self._add(form, "quality", RatingBar(1, 5, labels=QUALITY_WORDS))
        self._add(form, "rested", RatingBar(1, 5, ends=("not at all", "very")))
        return box

    def _ratings_box(self) -> QGroupBox:
        self.ratings_box = QGroupBox("How was yesterday?")
        form = QFormLayout(self.ratings_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.ratings_hint = role_label("hint", wrap=True)
        form.addRow(self.ratings_hint)
        self.rating_labels = {name: self._add(form, name, RatingBar(1, 10)) for name in RATINGS}
        self.show_preferences()
        self.rate_today = QCheckBox("Rate today instead (evening)", objectName="rate_today")
        self.rate_today.setChecked(bool(preferences.read("rate_today")))
        form.addRow(self.rate_today)
        return self.ratings_box

    def _day_box(self) -> QGroupBox:
        box = QGroupBox("The day before the night")
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._add(form, "naps_min", OptionalSpin(0, 1440, " min"))
        self._add(form, "caffeine", OptionalSpin(0, 99))
        self._add(form, "alcohol", OptionalSpin(0, 99))
        medication = QLineEdit()
        medication.setPlaceholderText("none")
        self._add(form, "medication", medication)
        return box

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox("Tags and notes")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setPlaceholderText("Anything worth remembering about this night or day")
        notes.setMinimumHeight(notes.fontMetrics().lineSpacing() * 3 + 12)
        notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 6 + 12)
        self._add(form, "tags", TagEdit())
        self._add(form, "notes", notes)
        return box

    @staticmethod
    def _spin(lo: int, hi: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setMaximumWidth(FIELD_WIDTH)
        spin.setRange(lo, hi)
        spin.setSuffix(suffix)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def _add(self, form: QFormLayout, name: str, widget: QWidget, text: str = "") -> QLabel:
        if isinstance(widget, (TimeField, OptionalSpin)):
            widget.setMaximumWidth(FIELD_WIDTH)
        label = QLabel(text or LABELS[name])
        label.setBuddy(widget)
        form.addRow(label, widget)
        widget.setObjectName(name)
        widget.setAccessibleName(field_label(name))
        widget.setToolTip(TIPS[name])
        self.inputs[name] = widget
        notify = widget.metaObject().userProperty().notifySignal().name().data().decode()
        getattr(widget, notify).connect(lambda *_: self._changed(name))
        return label

    def show_preferences(self) -> None:
        """Follow the window settings: the clock form of the times, the words of the scales."""
        clock = "h:mm AP" if preferences.hour12() else "HH:mm"
        for name in NIGHT_TIMES:
            self.inputs[name].setDisplayFormat(clock)  # type: ignore[attr-defined]
        for name in RATINGS:
            low, high = preferences.rating_ends(name)
            self.rating_labels[name].setText(
                f"{LABELS[name]}  <span style='font-weight:normal'>(1 {low} … 10 {high})</span>"
            )
            self.inputs[name].setToolTip(f"{TIPS[name]}, 1 {low} … 10 {high}: a digit (0 = 10)")

    # -- values ------------------------------------------------------------------------------
    def values(self) -> Values:
        """What the form shows, by field name, plus ``has_night``."""
        values = {name: read_input(w) for name, w in self.inputs.items()}
        values["has_night"] = self.has_night.isChecked()
        return values

    def show_values(self, values: Values) -> None:
        """Fill every input from ``values`` (and ``rate_today`` when a draft holds it) without
        counting it as the person's edit."""
        self._loading = True
        try:
            self.has_night.setChecked(values["has_night"])
            if "rate_today" in values:
                self.rate_today.setChecked(values["rate_today"])
            for name, widget in self.inputs.items():
                write_input(widget, values[name])
            self._night_toggled(values["has_night"])
        finally:
            self._loading = False

    def show_ratings(self, ratings: Values) -> None:
        """Show the ratings another day already has (the rated day changed)."""
        self._loading = True
        try:
            for name in RATINGS:
                write_input(self.inputs[name], ratings[name])
        finally:
            self._loading = False

    def first_item(self) -> QWidget:
        """Where the morning starts: the first diary item, or the night switch without one."""
        first = self.inputs[NIGHT_ITEMS[0]]
        return first if first.isEnabled() else self.has_night

    def mark_invalid(self, names: set[str]) -> None:
        """Outline the inputs of the fields that are wrong."""
        for name, widget in self.inputs.items():
            if bool(widget.property("invalid")) != (name in names):
                widget.setProperty("invalid", name in names)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    # -- reactions ---------------------------------------------------------------------------
    def _changed(self, name: str) -> None:
        if not self._loading:
            self.edited.emit(name)

    def _night_toggled(self, on: bool) -> None:
        for name in NIGHT_ITEMS:
            self.inputs[name].setEnabled(on)
        if not self._loading:
            self.edited.emit("has_night")

    def _rate_today_toggled(self, on: bool) -> None:
        preferences.write("rate_today", on)
        if not self._loading:
            self.rateTodayToggled.emit(on)
