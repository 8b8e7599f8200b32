"""Small input widgets of the morning form: ratings picked by digit, optional counts, tags.

Each widget is one Tab stop, works from the keyboard alone and reports ``None`` for "not
given", so the form can tell a blank answer from a zero. Each declares its value as its Qt
USER property (with a notify signal) holding a plain Python value, so the form reads and
writes every input the same way (``ui/morning_form.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from PySide6.QtCore import Property, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from nts_desktop.core.entry import typed_time

from .style import role_label


class RatingBar(QFrame):
    """A row of choices from ``lo`` to ``hi``; digits pick (0 = 10), Backspace clears.

    Clicking the chosen button again clears it too. The bar itself takes focus; its buttons
    do not, so Tab moves past the whole bar in one step.
    """

    valueChanged = Signal(object)

    def __init__(
        self,
        lo: int,
        hi: int,
        labels: Sequence[str] | None = None,
        ends: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.lo, self.hi = lo, hi
        self._value: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("role", "rating")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        if ends:
            layout.addWidget(self._end_label(ends[0]))
        for number in range(lo, hi + 1):
            text = labels[number - lo] if labels else str(number)
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"{number}: {text}" if labels else str(number))
            button.setAccessibleName(f"{number} {text}" if labels else str(number))
            if not labels:
                button.setFixedWidth(button.fontMetrics().horizontalAdvance("10") + 16)
            self.group.addButton(button, number)
            layout.addWidget(button)
        if ends:
            layout.addWidget(self._end_label(ends[1]))
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)
        keys = f"{lo}–{min(hi, 9)}" + (", 0 for 10" if hi == 10 else "")
        self.setAccessibleDescription(f"Press {keys}; Backspace clears")

    def _end_label(self, text: str) -> QLabel:
        label = role_label("hint", text, self)
        return label

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is not None and not self.lo <= value <= self.hi:
            value = None
        changed = value != self._value
        self._value = value
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)
        if changed:
            self.valueChanged.emit(value)

    rating = Property(object, value, setValue, notify=valueChanged, user=True)

    def _clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.setValue(None if number == self._value else number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            digit = key - Qt.Key.Key_0
            number = 10 if digit == 0 and self.hi == 10 else digit
            if self.lo <= number <= self.hi:
                self.setValue(number)
                return
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.setValue(None)
            return
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Up):
            self.setValue(min(self.hi, (self._value or self.lo - 1) + 1))
            return
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus, Qt.Key.Key_Down):
            self.setValue(max(self.lo, (self._value or self.lo + 1) - 1))
            return
        super().keyPressEvent(event)


class OptionalSpin(QSpinBox):
    """A count that may be left blank: shows "–" for None; typing a number fills it."""

    BLANK = "–"
    optionalValueChanged = Signal(object)

    def __init__(self, lo: int, hi: int, suffix: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(lo - 1, hi)
        self.setSpecialValueText(self.BLANK)
        self.setSuffix(suffix)
        self.setValue(lo - 1)
        self.setAccelerated(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.valueChanged.connect(lambda _v: self.optionalValueChanged.emit(self.optional_value()))

    def optional_value(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_optional_value(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)

    optionalValue = Property(
        object, optional_value, set_optional_value, notify=optionalValueChanged, user=True
    )


class TimeField(QTimeEdit):
    """A HH:MM reading (``h:mm AP`` when the form sets the 12-hour clock); arrows step the
    section under the cursor and wrap around midnight.

    Typed digits always replace the whole reading (``core.entry.typed_time``), however the
    field was reached — Tab, Shift+Tab or a click into the hours or the minutes — so four
    digits (``2315``) or three (``715``) are the reading, never a mix with the old one.
    """

    readingChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.setWrapping(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setTime(QTime(0, 0))
        self._typed = ""  # digits of the reading being typed
        self.timeChanged.connect(lambda _t: self.readingChanged.emit(self.reading_value()))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._typed = ""
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.selectAll()  # what typing will replace

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if plain and len(text) == 1 and text.isascii() and text.isdigit():
            typed = typed_time(self._typed + text)
            if typed is not None:  # else: a digit no time can go on with is ignored
                value, complete = typed
                self._typed = "" if complete else self._typed + text
                self.set_reading(value)
            event.accept()
            return
        self._typed = ""
        super().keyPressEvent(event)

    def reading_value(self) -> time:
        """The reading as a bare time of day (whole minutes)."""
        return self.time().toPython().replace(second=0, microsecond=0)

    def set_reading(self, value: time) -> None:
        self.setTime(QTime(value.hour, value.minute))

    reading = Property(object, reading_value, set_reading, notify=readingChanged, user=True)

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab leaves the field (QDateTimeEdit would step to the minutes section instead):
        # four digits fill a reading, so one Tab stop per diary item is what people expect.
        return QWidget.focusNextPrevChild(self, forward)


class TagEdit(QLineEdit):
    """Tags separated by ``;`` with completion of the tag being typed from earlier tags."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._insert)
        self.textEdited.connect(self._complete)
        self.setPlaceholderText("e.g. exercise; late screen")

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self._model.setStringList(sorted(set(tags), key=str.casefold))

    def known_tags(self) -> list[str]:
        return self._model.stringList()

    def _current_prefix(self) -> str:
        return self.text()[: self.cursorPosition()].split(";")[-1].lstrip()

    def _complete(self) -> None:
        prefix = self._current_prefix()
        if not prefix:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount() == 0:
            self._completer.popup().hide()
            return
        self._completer.complete()

    def _insert(self, tag: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(";", 1)[0] + "; " if ";" in before else ""
        self.setText(f"{head}{tag}; {after.lstrip('; ')}".rstrip())
        self.setCursorPosition(len(f"{head}{tag}; "))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._completer.popup()
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Enter,
            Qt.Key.Key_Return,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Escape,
        ):
            if event.key() == Qt.Key.Key_Escape:
                popup.hide()
            else:
                index = popup.currentIndex()
                tag = index.data() if index.isValid() else self._completer.currentCompletion()
                popup.hide()
                if tag:
                    self._insert(tag)
            event.accept()
            return
        super().keyPressEvent(event)
