"""The first-run welcome: what the app is for, and "start logging", "import my history" or
"explore a demo"."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nts_desktop.resources import ICON, resource_path

from .style import role_label


class Welcome(QFrame):
    """First run on an empty journal: start logging, bring history in from other apps and
    devices, or look around a demo journal."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        box.setSpacing(14)
        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path(ICON))).pixmap(72, 72))
        box.addWidget(icon)
        title = role_label("title", "Welcome to nts-desktop")
        text = QLabel(
            "Each morning, log last night's sleep with the items of the Consensus Sleep Diary "
            "and rate the day that has just ended: mood, focus and resilience. After a few "
            "weeks, Trends and Insights show whether a more regular sleep schedule goes with "
            "better days for you. Everything stays in one file on this computer."
        )
        text.setWordWrap(True)
        text.setMaximumWidth(620)
        self.start = QPushButton("Start logging", objectName="welcome_start")
        self.start.setDefault(True)
        self.history = QPushButton("Import my history…", objectName="welcome_import")
        self.history.setToolTip(
            "Nights from a sleep tracker and day ratings from a mood app: with both, Insights "
            "can answer from the first day"
        )
        self.demo = QPushButton("Explore a demo journal", objectName="welcome_demo")
        self.demo.setToolTip(
            "Opens a separate file with a year of made-up nights; your own "
            "journal stays empty and untouched"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.history)
        buttons.addWidget(self.demo)
        buttons.addStretch(1)
        hint = role_label(
            "hint", "The demo opens a separate file. Come back with “Back to my journal”."
        )
        for w in (title, text):
            box.addWidget(w)
        box.addLayout(buttons)
        box.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
