"""`nts-desktop report FILE.pdf`: the clinician's report of a period, as File → Export
report… writes it (design §8). Qt draws the PDF, offscreen: no display is needed."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import click

from nts_desktop.core.timeutil import zone
from nts_desktop.core.units import plural
from nts_desktop.storage.errors import DiskFull

from . import Context, Refused, _check_range, _date_options, cli, pass_context


def _gui_app() -> None:
    """The application Qt paints with (offscreen unless told otherwise), with the app's
    names so the window's own settings are the ones read."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nts_desktop.app import ensure_app

    ensure_app()


def period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The dates asked for: both given as they are; ``--to`` alone, the 14 days ending then;
    ``--from`` alone, from then to today; neither, the last 14 days."""
    from nts_desktop.ui.report import default_period

    if start and end:
        return start, end
    if end:
        return default_period(end)
    if start:
        return start, max(start, today)
    return default_period(today)


@cli.command("report")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_date_options
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    help="Page size (default: the locale's, Letter in the US, else A4).",
)
@click.option("--double-plot", is_flag=True, help="Draw the sleep chart over 48 h per row.")
@pass_context
def report_command(
    obj: Context,
    file: Path,
    start: date | None,
    end: date | None,
    paper: str | None,
    double_plot: bool,
) -> None:
    """Write the clinician's report (PDF) of a period, by default the last 14 days (an
    existing FILE is replaced)."""
    _check_range(start, end)
    if file.suffix.lower() != ".pdf":
        raise click.BadParameter(f"{file} does not end in .pdf", param_hint="FILE")
    if not file.parent.is_dir():
        raise Refused(f"{file.parent} is not a folder")
    _gui_app()
    from nts_desktop.analysis.report_content import NothingToReport
    from nts_desktop.storage.batches import device_naps
    from nts_desktop.ui import preferences
    from nts_desktop.ui.context import Snapshot
    from nts_desktop.ui.report import clock_options, content_for, write_pdf

    with obj.journal(write=False) as journal:
        now = datetime.now(zone(journal.zone_name))
        start, end = period(start, end, now.date())
        _check_range(start, end)
        if end > now.date():
            raise Refused(f"{end} is after today ({now.date()}): no report written")
        snap = Snapshot(
            journal.days(), journal.device_nights(), device_naps(journal), journal.settings
        )
    options = clock_options(preferences.hour12(), paper or "", double_plot)  # as the window
    try:
        content = content_for(snap, start, end, now.replace(tzinfo=None), options.clock)
    except NothingToReport as exc:
        raise Refused(f"{obj.db_path}: {exc}; no report written") from exc
    try:
        pages = write_pdf(file, content, options)
    except DiskFull as exc:
        raise Refused(str(exc)) from exc
    except OSError as exc:
        raise Refused(f"{file}: {exc.strerror or exc}") from exc
    click.echo(
        f"wrote {file}: {plural(pages, 'page')} for {start} to {end} "
        f"({plural(content.logged_days, 'morning')} logged)",
        err=True,
    )
