"""Edit → Settings…: one form per home, built from the declarations, applied live.

"This journal" edits what the journal file holds (``Journal.update_settings``, the same
function as `nts-desktop settings`); "This window" edits the window's own settings
(``ui/preferences.py``). Save or Apply stores both through the context, whose broadcast
makes every page follow at once — theme, clock, first weekday, rating words (design §2).
A read-only journal's fields are disabled, with the reason.
"""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.settings_spec import JOURNAL_SETTINGS, SETTING, WINDOW_SETTINGS, Setting
from nts_desktop.core.timeutil import TimeRuleError, zone

from . import preferences
from .context import AppContext
from .style import role_label
from .tray import tray_words


class SettingsDialog(QDialog):
    """Every shown setting as an input named ``setting_<name>``; ``apply()`` stores them."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        sources: list[str] | None = None,
        read_only_reason: str = "",
        tray: bool = True,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.tray = tray  # whether this desktop has a system tray
        self.sources = sources or []
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self.inputs: dict[str, QWidget] = {}
        self.free: list[QCheckBox] = []
        self._headed: set[str] = set()
        layout = QVBoxLayout(self)
        groups = QHBoxLayout()
        groups.setSpacing(16)
        journal_box = self._group("This journal", JOURNAL_SETTINGS, self._journal_values())
        if ctx.journal.read_only:
            journal_box.setEnabled(False)
            journal_box.setToolTip(
                f"This journal is open read-only ({read_only_reason or 'it cannot be written'})."
            )
            journal_box.layout().addRow(  # type: ignore[union-attr]
                role_label(
                    "hint",
                    f"Open read-only: {read_only_reason or 'this journal cannot be written here'}"
                    ". Its settings cannot be changed now.",
                    objectName="settings_read_only",
                    wrap=True,
                )
            )
        groups.addWidget(journal_box, 1)
        groups.addWidget(self._group("This window", WINDOW_SETTINGS, preferences.read_all()), 1)
        layout.addLayout(groups)
        self.problem = role_label("error", objectName="settings_problem", wrap=True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 900), self.sizeHint().height())
        clock, reminder = self.inputs["hour12"], self.inputs["reminder_time"]
        clock.currentIndexChanged.connect(  # type: ignore[attr-defined]
            lambda _i: reminder.setDisplayFormat(  # type: ignore[attr-defined]
                "h:mm AP" if clock.currentData() == "12" else "HH:mm"  # type: ignore[attr-defined]
            )
        )
        self.zone = self.inputs["tz"]
        self.source = self.inputs["preferred_source"]

    # -- construction ------------------------------------------------------------------------
    def _journal_values(self) -> dict[str, object]:
        settings = self.ctx.journal.settings
        return {s.name: getattr(settings, s.name) for s in JOURNAL_SETTINGS}

    def _group(
        self, title: str, specs: tuple[Setting, ...], values: dict[str, object]
    ) -> QGroupBox:
        box = QGroupBox(title, objectName=f"settings_{title.split()[-1]}")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for spec in specs:
            if not spec.shown:
                continue
            if spec.kind == "ends" and "ends" not in self._headed:
                self._headed.add("ends")
                form.addRow("", role_label("hint", "The words at 1 and at 10 of each rating:"))
            field = self._input(spec, values[spec.name])
            field.setToolTip(spec.help)
            if spec.kind == "bool":
                form.addRow("", field)
            else:
                label = QLabel(spec.label)
                label.setBuddy(field)
                form.addRow(label, field)
            if spec.needs:
                switch: QCheckBox = self.inputs[spec.needs]  # type: ignore[assignment]
                usable = spec.name != "close_to_tray" or self.tray  # no tray: never on

                def follow(on: bool, field: QWidget = field, usable: bool = usable) -> None:
                    field.setEnabled(on and usable)

                follow(switch.isChecked())
                switch.toggled.connect(follow)
            if spec.where == "journal" and spec.help:
                form.addRow("", role_label("hint", spec.help, wrap=True))
            if spec.name == "reminder_time":  # where reminders appear, and without a tray
                note = role_label("hint", tray_words(self.tray), wrap=True)
                note.setObjectName("settings_tray")
                form.addRow("", note)
            if spec.name == "close_to_tray" and not self.tray:
                field.setEnabled(False)
                field.setToolTip("This desktop has no system tray to keep nts-desktop in.")
        return box

    def _input(self, spec: Setting, value: object) -> QWidget:
        kind = spec.kind
        if kind == "zone":
            field: QWidget = self._zone_input(str(value))
        elif kind == "weekdays":
            field = self._weekdays_input(value)  # type: ignore[arg-type]
        elif kind == "source":
            field = QComboBox(objectName="settings_source")
            field.addItem("The first by name", "")
            for name in sorted(set(self.sources) | ({str(value)} - {""})):
                field.addItem(name, name)
            field.setCurrentIndex(max(field.findData(value), 0))
        elif kind == "bool":
            field = QCheckBox(spec.label)
            field.setChecked(bool(value))
        elif kind in ("choice", "weekday"):
            field = QComboBox()
            choices = spec.choices
            if kind == "weekday":  # the locale's own day names
                locale = QLocale()
                choices = tuple((str(i), locale.dayName(i + 1)) for i in range(7))
            for choice, label in choices:
                field.addItem(label, choice)
            field.setCurrentIndex(max(field.findData(str(value)), 0))
        elif kind == "time":
            field = QTimeEdit()
            field.setDisplayFormat("h:mm AP" if preferences.hour12() else "HH:mm")
            field.setMaximumWidth(field.fontMetrics().horizontalAdvance("12:00 PM") + 48)
            hours, minutes = str(value).split(":")
            field.setTime(QTime(int(hours), int(minutes)))
        elif kind == "ends":
            field = QWidget()
            row = QHBoxLayout(field)
            row.setContentsMargins(0, 0, 0, 0)
            for end, word in zip(("low", "high"), value, strict=True):  # type: ignore[call-overload]
                edit = QLineEdit(word, objectName=f"setting_{spec.name}_{end}")
                number = "1" if end == "low" else "10"
                edit.setAccessibleName(f"{spec.label}: the word for {number}")
                edit.setMaxLength(24)
                edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("overwhelmed") + 16)
                if end == "high":
                    row.addWidget(QLabel("…"))
                row.addWidget(edit, 1)
        else:  # text
            field = QLineEdit(str(value))
            field.setPlaceholderText("none")
            if spec.longest:
                field.setMaxLength(spec.longest)
        if not field.objectName():
            field.setObjectName(f"setting_{spec.name}")
        field.setAccessibleName(field.accessibleName() or spec.label)
        self.inputs[spec.name] = field
        return field

    def _zone_input(self, value: str) -> QComboBox:
        field = QComboBox(objectName="settings_zone")
        field.setEditable(True)
        field.addItems(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))
        field.setCurrentText(value)
        field.setAccessibleName("Time zone of the journal")
        completer = QCompleter(field.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        field.setCompleter(completer)
        return field

    def _weekdays_input(self, value: tuple[int, ...]) -> QWidget:
        field = QWidget(objectName="setting_free_weekdays")
        days = QHBoxLayout(field)
        days.setContentsMargins(0, 0, 0, 0)
        locale = QLocale()
        for weekday in range(7):  # Monday = 0
            box = QCheckBox(
                locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat),
                objectName=f"settings_free_{weekday}",
            )
            box.setChecked(weekday in value)
            box.setAccessibleName(f"{locale.dayName(weekday + 1)} is a free day")
            self.free.append(box)
            days.addWidget(box)
        return field

    # -- values ------------------------------------------------------------------------------
    def value(self, name: str) -> object:
        """What the input of setting ``name`` shows, in the declaration's type."""
        spec, field = SETTING[name], self.inputs[name]
        if spec.kind == "zone":
            return field.currentText().strip()  # type: ignore[attr-defined]
        if spec.kind == "weekdays":
            return tuple(i for i, box in enumerate(self.free) if box.isChecked())
        if spec.kind == "bool":
            return field.isChecked()  # type: ignore[attr-defined]
        if spec.kind in ("source", "choice"):
            return field.currentData() or ""  # type: ignore[attr-defined]
        if spec.kind == "weekday":
            return int(field.currentData())  # type: ignore[attr-defined]
        if spec.kind == "time":
            return field.time().toString("HH:mm")  # type: ignore[attr-defined]
        if spec.kind == "ends":
            edits = [field.findChild(QLineEdit, f"setting_{name}_{end}") for end in ("low", "high")]
            return tuple(edit.text() for edit in edits)
        return field.text()  # type: ignore[attr-defined]

    def values(self) -> dict[str, object]:
        """The journal settings as shown (what ``Journal.update_settings`` takes)."""
        return {s.name: self.value(s.name) for s in JOURNAL_SETTINGS}

    def window_values(self) -> dict[str, object]:
        return {s.name: self.value(s.name) for s in WINDOW_SETTINGS if s.shown}

    def apply(self) -> bool:
        """Store what changed (journal, then window); False, with the reason shown, when a
        value is refused (then nothing is stored)."""
        try:
            journal = {
                s.name: s.check(self.value(s.name))
                for s in JOURNAL_SETTINGS
                if s.check(self.value(s.name)) != s.check(self._journal_values()[s.name])
            }
            window = {  # only what changed: an untouched locale default stays the locale's
                name: SETTING[name].check(v)
                for name, v in self.window_values().items()
                if SETTING[name].check(v) != preferences.read(name)
            }
            if "tz" in journal:
                zone(str(journal["tz"]))
        except (TimeRuleError, ValueError) as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.setText("")
        if journal and not self.ctx.journal.read_only:
            self.ctx.update_settings(**journal)
        self.ctx.update_preferences("" if journal else "Settings saved.", **window)
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
