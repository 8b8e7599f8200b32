"""Insights' "Diary and device" tab: how the person's diary compares with their tracker.

For total sleep, time to fall asleep and final awakening: the sentence (bias and 95 % limits
of agreement, ``analysis/agreement.py``) and a Bland–Altman plot — each paired night at the
mean of the two values against their difference, with the bias and the limits as lines.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nts_desktop.analysis.agreement import Agreement
from nts_desktop.analysis.words import agreement_sentence

from .style import role_label
from .theme import OKABE_ITO, chart_colors

import pyqtgraph as pg  # isort: skip

TITLES = {"tst_min": "Total sleep", "sol_min": "Time to fall asleep", "wake_min": "Final awakening"}


class AgreementPanel(QWidget):
    """The agreement of the diary with a device, one measure at a time."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agreement_panel")
        self.results: dict[str, Agreement] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.group = QButtonGroup(self)
        for i, (key, title) in enumerate(TITLES.items()):
            button = QPushButton(title, objectName=f"agreement_{key}")
            button.setCheckable(True)
            button.setProperty("role", "segment")
            self.group.addButton(button, i)
            bar.addWidget(button)
        bar.addStretch(1)
        self.group.button(0).setChecked(True)
        self.group.idClicked.connect(lambda i: self.show_measure(list(TITLES)[i]))
        layout.addLayout(bar)
        self.sentence = QLabel(objectName="agreement_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.sentence)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("agreement_plot")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.points = pg.ScatterPlotItem(
            size=7, pen=None, brush=pg.mkBrush(OKABE_ITO["blue"] + "b0")
        )
        self.plot.addItem(self.points)
        self.lines = [pg.InfiniteLine(angle=0, movable=False) for _ in range(3)]
        for line in self.lines:
            self.plot.addItem(line)
        layout.addWidget(self.plot, 1)
        self.note = role_label(
            "hint",
            "Each dot is a night with both: the mean of the two values across, diary − device "
            "up. The solid line is the average difference, the dashed ones the 95 % limits of "
            "agreement (Bland & Altman).",
            wrap=True,
        )
        layout.addWidget(self.note)
        self.restyle()

    def restyle(self) -> None:
        colors = chart_colors()
        self.plot.setBackground(colors["background"])
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setPen(pg.mkPen(colors["foreground"]))
            self.plot.getAxis(name).setTextPen(pg.mkPen(colors["foreground"]))
        pens = (
            pg.mkPen(OKABE_ITO["vermillion"], width=2),
            pg.mkPen(OKABE_ITO["vermillion"], style=Qt.PenStyle.DashLine),
            pg.mkPen(OKABE_ITO["vermillion"], style=Qt.PenStyle.DashLine),
        )
        for line, pen in zip(self.lines, pens, strict=True):
            line.setPen(pen)

    def set_results(self, results: list[Agreement]) -> None:
        self.results = {a.measure: a for a in results}
        self.show_measure(list(TITLES)[self.group.checkedId()])

    def show_measure(self, key: str) -> None:
        a = self.results.get(key)
        if a is None:
            self.sentence.setText(
                "No nights with both your diary and an imported device yet: import your "
                "tracker's history (File → Import…) to see how the two compare."
            )
            self.points.setData([], [])
            for line in self.lines:
                line.setVisible(False)
            return
        self.sentence.setText(agreement_sentence(a))
        x, y = a.averages, a.differences
        if key == "tst_min":
            x, y = x / 60, y
        self.points.setData(x, y)
        self.plot.setLabel(
            "bottom",
            f"{TITLES[key].lower()}, mean of diary and device"
            + (
                " (h)"
                if key == "tst_min"
                else " (minutes from midnight)"
                if key == "wake_min"
                else " (min)"
            ),
        )
        self.plot.setLabel("left", "diary − device (min)")
        for line, value in zip(self.lines, (a.mean, a.lo, a.hi), strict=True):
            line.setVisible(value is not None and bool(np.isfinite(value)))
            if value is not None:
                line.setValue(value)
