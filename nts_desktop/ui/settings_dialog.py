"""Edit → Journal settings…: the journal's own time zone and free weekdays.

They live in the journal file (design §2), so the window and `nts-desktop settings` agree.
"""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from nts_desktop.core.timeutil import TimeRuleError, zone
from nts_desktop.storage import Settings

from .style import role_label


class JournalSettingsDialog(QDialog):
    """Zone, free weekdays and the preferred device; ``values()`` is what to store."""

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, sources: list[str] | None = None
    ):
        super().__init__(parent)
        self.setObjectName("journal_settings")
        self.setWindowTitle("Journal settings")
        form = QFormLayout(self)
        self.zone = QComboBox(objectName="settings_zone")
        self.zone.setEditable(True)
        self.zone.addItems(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))
        self.zone.setCurrentText(settings.tz)
        self.zone.setAccessibleName("Time zone of the journal")
        completer = QCompleter(self.zone.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        form.addRow("Time zone", self.zone)
        form.addRow(
            "",
            role_label(
                "hint",
                "Times you type without a zone are read in this zone. A night can still carry its "
                "own zone (travel).",
                wrap=True,
            ),
        )
        days = QHBoxLayout()
        self.free: list[QCheckBox] = []
        locale = QLocale()
        for weekday in range(7):  # Monday = 0
            box = QCheckBox(
                locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat),
                objectName=f"settings_free_{weekday}",
            )
            box.setChecked(weekday in settings.free_weekdays)
            box.setAccessibleName(f"{locale.dayName(weekday + 1)} is a free day")
            self.free.append(box)
            days.addWidget(box)
        form.addRow("Free days", days)
        form.addRow(
            "",
            role_label(
                "hint",
                "Days without work or school: the default of the free-day box, and the split of "
                "MCTQ (social jetlag, chronotype).",
                wrap=True,
            ),
        )
        self.source = QComboBox(objectName="settings_source")
        self.source.setAccessibleName("Preferred device source")
        self.source.addItem("The first by name", "")
        for name in sorted(set(sources or []) | ({settings.preferred_source} - {""})):
            self.source.addItem(name, name)
        self.source.setCurrentIndex(max(self.source.findData(settings.preferred_source), 0))
        form.addRow("Preferred device", self.source)
        form.addRow(
            "",
            role_label(
                "hint",
                "For dates without a night of your own diary, analysis uses the night of this "
                "device (imported history); its sleep stages are tested too.",
                wrap=True,
            ),
        )
        self.problem = role_label("error", objectName="settings_problem")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, object]:
        return {
            "tz": self.zone.currentText().strip(),
            "free_weekdays": [i for i, box in enumerate(self.free) if box.isChecked()],
            "preferred_source": self.source.currentData() or "",
        }

    def accept(self) -> None:
        try:
            zone(self.values()["tz"])  # type: ignore[arg-type]
        except TimeRuleError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
