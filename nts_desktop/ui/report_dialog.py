"""File → Export report…: choose the period, look at the pages, save the PDF (design §8.1).

The content and the preview's pages are computed off the GUI thread from a read-only
snapshot (as Trends and Insights do); the preview draws the very pages the PDF holds, with
the same ``ui.report`` functions `nts-desktop report` calls.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.analysis.report_content import NothingToReport, ReportContent
from nts_desktop.core.timeutil import in_zone
from nts_desktop.core.units import plural
from nts_desktop.storage.errors import DiskFull

from . import preferences
from .background import Background
from .context import AppContext, read_snapshot
from .dates import calendar_popup
from .file_dialogs import ask_save
from .report import (
    Options,
    clock_options,
    content_for,
    default_period,
    locale_paper,
    preview,
    write_pdf,
)
from .style import role_label

PREVIEW_SCALE = 1.2  # pixels per point of the preview's pages
PREVIEW_PAGES = 12  # drawn in the preview at most; the PDF holds them all
AskPath = Callable[[QWidget, str, str], str | None]


class Drawn(NamedTuple):
    """What the worker hands back: the report's content, its first pages, how many."""

    content: ReportContent
    images: list[QImage]
    total: int


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportDialog(QDialog):
    """The period, the paper, the double plot, a preview of every page, and Save PDF…"""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("report_dialog")
        self.setWindowTitle("Export report")
        self.ask_save_path: AskPath = lambda parent, suggested, filter_: ask_save(
            parent, "Save the report", suggested, filter_
        )
        self.content: ReportContent | None = None
        self.background = Background(self)
        self.background.finished.connect(self._computed)
        self.background.failed.connect(self._failed)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)

        start, end = default_period(ctx.today())
        self.start = calendar_popup(QDateEdit(_qdate(start), objectName="report_from"))
        self.end = calendar_popup(QDateEdit(_qdate(end), objectName="report_to"))
        for edit, name in ((self.start, "First date"), (self.end, "Last date")):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(_qdate(ctx.today()))
            edit.setAccessibleName(f"{name} of the report")
            edit.dateChanged.connect(self._changed)
        self.paper = QComboBox(objectName="report_paper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(self.paper.findData(locale_paper()))
        self.paper.setAccessibleName("Paper size")
        self.paper.currentIndexChanged.connect(self._changed)
        self.double = QCheckBox("Double-plot the chart (48 h per row)", objectName="report_double")
        self.double.toggled.connect(self._changed)

        bar = QHBoxLayout()
        for label, widget in (("From", self.start), ("to", self.end), ("Paper", self.paper)):
            text = QLabel(label)
            text.setBuddy(widget)
            bar.addWidget(text)
            bar.addWidget(widget)
            bar.addSpacing(8)
        bar.addWidget(self.double)
        bar.addStretch(1)

        self.pages = QWidget(objectName="report_pages")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        area = QScrollArea(objectName="report_preview")
        area.setWidgetResizable(True)
        area.setWidget(self.pages)
        self.status = role_label("hint", "Preparing the preview…")
        self.status.setObjectName("report_status")
        self.save_button = QPushButton("Save PDF…", objectName="report_save")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(area, 1)
        low = QHBoxLayout()
        low.addWidget(self.status, 1)
        low.addWidget(buttons)
        layout.addLayout(low)
        self.resize(820, 660)
        self.refresh()

    # -- the period and the pages ------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return _pydate(self.start.date()), _pydate(self.end.date())

    def options(self) -> Options:
        return clock_options(
            preferences.hour12(), self.paper.currentData(), self.double.isChecked()
        )

    def _changed(self) -> None:
        """A choice changed: nothing may be saved until the preview shows it (150 ms on)."""
        self.save_button.setEnabled(False)
        self._timer.start()

    def refresh(self) -> None:
        start, end = self.period()
        self.save_button.setEnabled(False)
        if start > end:
            self._clear_pages()
            self.status.setText("The first date is after the last: choose the period again.")
            return
        self.status.setText("Preparing the preview…")
        path, zone = self.ctx.journal.path, self.ctx.journal.zone_name
        created = in_zone(self.ctx.clock(), zone).replace(tzinfo=None)
        options = self.options()  # read here: QSettings belong to the GUI thread

        def work() -> Drawn | str:  # on the worker: a QImage may be painted off the GUI thread
            try:
                content = content_for(read_snapshot(path), start, end, created, options.clock)
            except NothingToReport as exc:
                return f"There is nothing to report: {exc}."
            images, total = preview(content, options, PREVIEW_SCALE, PREVIEW_PAGES)
            return Drawn(content, images, total)

        self.background.run(work)

    def _clear_pages(self) -> None:
        self.content = None
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _failed(self, message: str) -> None:
        self.status.setText(f"Could not prepare the report: {message}")

    def _computed(self, drawn: Drawn | str) -> None:
        self._clear_pages()
        if isinstance(drawn, str):
            self.status.setText(drawn)
            return
        content, images, total = drawn
        self.content = content
        for number, image in enumerate(images, 1):
            page = QLabel(objectName=f"report_page_{number}")
            page.setPixmap(QPixmap.fromImage(image))
            page.setFixedSize(image.size())
            page.setAccessibleName(f"Page {number} of {total}")
            page.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(page)
        shown = f" (the first {len(images)} shown)" if len(images) < total else ""
        self.status.setText(
            f"{plural(total, 'page')}{shown} · {plural(content.logged_days, 'morning')} logged "
            f"of {content.period_days} dates"
        )
        self.save_button.setEnabled(True)

    # -- saving ------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        start, end = self.period()
        return f"sleep-diary-{start}-to-{end}.pdf"

    def save(self) -> Path | None:
        """Ask for a file and write the report; the path, or None when nothing was written."""
        if self.content is None or (self.content.start, self.content.end) != self.period():
            return None  # the preview is not of the period shown (Save is off until it is)
        chosen = self.ask_save_path(self, self.suggested_name(), "PDF files (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(f"{path.name}.pdf")
        try:
            pages = write_pdf(path, self.content, self.options())
        except DiskFull as exc:
            self.status.setText(str(exc))
            return None
        except OSError as exc:
            self.status.setText(f"{path} could not be written: {exc.strerror or exc}")
            return None
        message = f"Saved the report ({plural(pages, 'page')}) to {path}."
        self.status.setText(message)
        self.ctx.notify(message)
        return path


def open_report_dialog(ctx: AppContext, parent: QWidget) -> ReportDialog:
    """File → Export report… (non-blocking)."""
    dialog = ReportDialog(ctx, parent)
    dialog.open()
    return dialog
