"""File menu: Import CSV… and Export CSV…, through the same library functions as the CLI.

The questions these actions ask (which file, what to do with dates already in the journal,
which range to export) are plain callables on ``FileActions`` so tests can answer them; the
defaults are the usual Qt dialogs. A refused import opens a report listing every problem
with its line, column and reason; nothing has been written when it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nts_desktop.core.units import plural
from nts_desktop.io.csv_cells import summarize
from nts_desktop.io.csv_export import export_csv
from nts_desktop.io.csv_import import ImportRefused, RowProblem, read_file
from nts_desktop.io.devices import DeviceFileError, is_journal_csv

from .background import Cancelled, run_with_progress
from .context import AppContext
from .dates import calendar_popup, short_date
from .file_dialogs import ask_folder, ask_open, ask_save
from .history_import import HistoryImport
from .history_picker import ask_history_paths

ExportChoice = tuple[str, date | None, date | None]


class ImportReport(QDialog):
    """Why an import was refused: every problem, selectable and copyable (a refused CSV, or
    a device file that cannot be read: both carry ``problems`` and ``filename``)."""

    def __init__(
        self, error: ImportRefused | DeviceFileError | OSError, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("import_report")
        self.setWindowTitle("Import refused")
        layout = QVBoxLayout(self)
        if isinstance(error, OSError) and not hasattr(error, "problems"):
            error = ImportRefused([RowProblem(0, None, f"cannot be read ({error.strerror})")])
        count = len(error.problems)
        name = Path(error.filename or "").name or "The file"
        self.summary = QLabel(
            f"<b>{name}: nothing was imported.</b> {plural(count, 'problem')} "
            "to fix (line 1 is the header). Your journal is unchanged."
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit(objectName="import_problems")
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(summarize(error.problems)))
        self.details.setAccessibleName("Problems found in the file")
        self.details.setMinimumSize(560, 240)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText())
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ExportDialog(QDialog):
    """Choose what to export: the whole journal or a range of dates."""

    def __init__(self, first: date | None, last: date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export CSV")
        form = QFormLayout(self)
        self.whole = QRadioButton("The whole journal", objectName="export_whole")
        self.range = QRadioButton("Only these dates:", objectName="export_range")
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.range)
        self.start = QDateEdit(objectName="export_from")
        self.end = QDateEdit(objectName="export_to")
        # bool keyword arguments to Qt constructors corrupt Python's refcount of True under
        # PySide6 6.12 (a crash at exit); use the setters instead
        calendar_popup(self.start)
        calendar_popup(self.end)
        for edit, value in ((self.start, first), (self.end, last)):
            edit.setDisplayFormat("yyyy-MM-dd")
            if value:
                edit.setDate(QDate(value.year, value.month, value.day))
            edit.setEnabled(False)
        self.start.setAccessibleName("From date")
        self.end.setAccessibleName("To date")
        self.range.toggled.connect(self.start.setEnabled)
        self.range.toggled.connect(self.end.setEnabled)
        form.addRow(self.whole)
        form.addRow(self.range)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_range(self) -> tuple[date | None, date | None]:
        if self.whole.isChecked():
            return None, None
        start, end = self.start.date().toPython(), self.end.date().toPython()
        return (start, end) if start <= end else (end, start)


def _ask_open_path(parent: QWidget) -> str | None:
    return ask_open(
        parent,
        "Import a journal CSV or a sleep tracker's export",
        "Exports (*.csv *.json *.xml *.zip);;All files (*)",
    )


def _ask_folder_path(parent: QWidget) -> str | None:
    return ask_folder(parent, "Import a folder (e.g. a Google Takeout or Fitbit folder)")


def _ask_conflict(parent: QWidget, dates: list[date]) -> str:
    listed = ", ".join(short_date(d) for d in dates[:5]) + (" …" if len(dates) > 5 else "")
    box = QMessageBox(parent)
    box.setWindowTitle("Dates already in the journal")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(
        f"{plural(len(dates), 'date')} in the file {'is' if len(dates) == 1 else 'are'} "
        f"already in your journal: {listed}."
    )
    box.setInformativeText(
        "Skip keeps what you have; Replace takes the file's version (a backup is made first)."
    )
    skip = box.addButton("Skip them", QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton("Replace them", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(skip)
    box.exec()
    clicked = box.clickedButton()
    return "skip" if clicked is skip else "replace" if clicked is replace else "cancel"


def _ask_date_order(parent: QWidget, reason: str) -> str | None:
    """Day first or month first, for a file whose numeric dates leave it open."""
    example = reason.split("(e.g. ", 1)[-1].split(")", 1)[0]
    box = QMessageBox(parent)
    box.setWindowTitle("Which comes first, the day or the month?")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(f"The file's dates, such as {example}, can be read two ways.")
    box.setInformativeText("Nothing in the file settles it. How were they written?")
    day = box.addButton("Day first (31/12/2026)", QMessageBox.ButtonRole.AcceptRole)
    month = box.addButton("Month first (12/31/2026)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "dmy" if clicked is day else "mdy" if clicked is month else None


def _ask_export(parent: QWidget, first: date | None, last: date | None) -> ExportChoice | None:
    dialog = ExportDialog(first, last, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    start, end = dialog.chosen_range()
    path = ask_save(parent, "Export CSV", "sleep-journal.csv", "CSV files (*.csv)")
    return (path, start, end) if path else None


class FileActions:
    """Import and export for one window; the ``ask_*`` callables are the questions it asks."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        self.ctx = ctx
        self.parent = parent
        self.ask_open_path: Callable[[QWidget], str | None] = _ask_open_path
        self.ask_folder_path: Callable[[QWidget], str | None] = _ask_folder_path
        self.history = HistoryImport(ctx, parent)
        self.ask_history_paths: Callable[[QWidget], list[str]] = ask_history_paths
        self.ask_conflict: Callable[[QWidget, list[date]], str] = _ask_conflict
        self.ask_date_order: Callable[[QWidget, str], str | None] = _ask_date_order
        self.ask_export: Callable[[QWidget, date | None, date | None], ExportChoice | None] = (
            _ask_export
        )
        self.report: ImportReport | None = None

    def import_file(self, folder: bool = False) -> bool:
        """Ask for a file (or a folder) and import it — a journal CSV, or the history of a
        sleep tracker, found from its content; True when something was imported."""
        path = (self.ask_folder_path if folder else self.ask_open_path)(self.parent)
        if not path:
            return False
        if not is_journal_csv(Path(path)):
            try:
                return self.history.import_path(Path(path)) is not None
            except (DeviceFileError, OSError) as error:
                self.report = ImportReport(error, self.parent)
                self.report.open()
                return False
        return self.import_csv(path)

    def import_history(self) -> bool:
        """The welcome's "Import my history": several files and folders at once — journal
        CSVs each on their own, everything else in one preview; True when something came in."""
        paths = [Path(p) for p in self.ask_history_paths(self.parent)]
        csvs = [p for p in paths if is_journal_csv(p)]
        done = False
        for path in csvs:
            done = self.import_csv(str(path)) or done
        others = [p for p in paths if p not in csvs]
        if others:
            try:
                done = self.history.import_paths(others) is not None or done
            except (DeviceFileError, OSError) as error:
                self.report = ImportReport(error, self.parent)
                self.report.open()
        return done

    def import_csv(self, path: str) -> bool:
        """Import a journal CSV (all rows or none); True when something was imported."""
        policy, order, parsed = "fail", None, None
        journal = self.ctx.journal
        while True:
            try:
                if parsed is None:  # read off the GUI thread, with progress and Cancel
                    parsed = run_with_progress(
                        self.parent,
                        f"Reading {Path(path).name}…",
                        lambda progress, o=order: read_file(
                            path, journal.zone_name, journal.settings.free_weekdays, o, progress
                        ),
                    )
                self.ctx.import_parsed(parsed, path, policy)
                return True
            except Cancelled:
                self.ctx.notify(f"Import of {Path(path).name} cancelled; nothing was written.")
                return False
            except ImportRefused as error:
                if error.date_order and order is None:
                    order = self.ask_date_order(self.parent, error.problems[0].message)
                    if order is None:
                        return False
                    parsed = None  # read again with the order of day and month
                    continue
                if (
                    error.conflicts
                    and policy == "fail"
                    and len(error.conflicts) == len(error.problems)
                ):
                    policy = self.ask_conflict(self.parent, error.conflicts)
                    if policy == "cancel":
                        return False
                    continue
                self.report = ImportReport(error, self.parent)
                self.report.open()
                return False
            except Exception as error:  # a full disk, a damaged journal, a bug: always said
                self.report = ImportReport(
                    ImportRefused([RowProblem(0, None, f"the import failed: {error}")], path),
                    self.parent,
                )
                self.report.open()
                return False

    def export_csv(self) -> bool:
        """Ask for a range and a file and export; True when a file was written."""
        dates = sorted(self.ctx.journal.dates())
        choice = self.ask_export(
            self.parent, dates[0] if dates else None, dates[-1] if dates else None
        )
        if choice is None:
            return False
        path, start, end = choice
        try:
            count = export_csv(self.ctx.journal, path, start, end)
        except OSError as exc:
            QMessageBox.warning(
                self.parent, "Export failed", f"{path} could not be written: {exc.strerror}"
            )
            return False
        self.ctx.notify(f"Exported {plural(count, 'record')} to {path}.")
        return True
