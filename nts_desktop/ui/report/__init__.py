"""The clinician's report as pages: summary, the sleep diary chart, one diary page per week.

``write_pdf`` writes it with QPdfWriter (text that copies and searches, fonts embedded,
greys only) through ``storage.files.write_new``, so a failure leaves no half-written file;
``preview`` draws the same pages into images for the window. The CLI (`nts-desktop report`)
and File → Export report… call these two with the same ``ReportContent`` (design §8).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageSize, QPainter

from nts_desktop.analysis.diary_table import Clock, clock24
from nts_desktop.analysis.report_content import DEFAULT_DAYS, ReportContent, report_content
from nts_desktop.core.units import clock_time
from nts_desktop.storage.files import write_new

from ..context import Snapshot
from .chart_page import chart_pages, draw_chart, hour24, period_dates, rows_per_page
from .diary_page import draw_week, span
from .pages import (
    Header,
    ImageTarget,
    PdfTarget,
    Target,
    content_rect,
    draw_frame,
    page_layout,
)
from .summary import Summary, long

TITLE = "Sleep diary report"
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


@dataclass(frozen=True)
class Options:
    paper: str = ""  # "a4", "letter", or "" for the locale's
    double_plot: bool = False
    clock: Clock = clock24
    hour_label: Callable[[int], str] = hour24


def clock_options(hour12: bool, paper: str = "", double_plot: bool = False) -> Options:
    """Options writing times as ``23:30`` or, with ``hour12``, ``11:30 PM`` (axis: ``6 PM``)."""
    if not hour12:
        return Options(paper=paper, double_plot=double_plot)
    return Options(
        paper=paper,
        double_plot=double_plot,
        clock=lambda moment: clock_time(moment.time(), True),
        hour_label=lambda hour: clock_time(time(hour), True).replace(":00 ", " "),
    )


def locale_paper(locale: QLocale | None = None) -> str:
    """Letter where the locale measures in US units, else A4."""
    system = (locale or QLocale()).measurementSystem()
    return "letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def default_period(today: date) -> tuple[date, date]:
    """The last two weeks, today included."""
    return today - timedelta(days=DEFAULT_DAYS - 1), today


def content_for(
    snap: Snapshot, start: date, end: date, created: datetime, clock: Clock = clock24
) -> ReportContent:
    """The report of ``start``…``end`` from what a journal holds (CLI and window alike)."""
    s = snap.settings
    return report_content(
        snap.days,
        snap.nights,
        start,
        end,
        created=created,
        name=s.person_name,
        preferred_source=s.preferred_source,
        free_weekdays=s.free_weekdays,
        naps=snap.naps,
        clock=clock,
    )


def header(content: ReportContent, clock: Clock = clock24) -> Header:
    return Header(
        title=TITLE,
        name=content.name,
        period=f"{content.start.day} {content.start:%b %Y} – {content.end.day} {content.end:%b %Y}",
        created=f"Created {long(content.created)}, {clock(content.created)} with nts-desktop",
    )


def draw(content: ReportContent, target: Target, options: Options, limit: int | None = None) -> int:
    """Every page of the report (the first ``limit`` only, when given) onto ``target``;
    returns the number of pages the report has."""
    head = header(content, options.clock)
    probe = content_rect(target.area)
    summary = Summary(content, options.clock, QSizeF(probe.width(), probe.height()))
    dates = period_dates(content.start, content.end)
    per_page, row_h = rows_per_page(probe.height(), len(dates))
    n_chart = chart_pages(probe.height(), content.start, content.end)
    pages: list[Callable[[QPainter, QRectF], None]] = []
    for k in range(summary.pages):
        pages.append(lambda painter, rect, k=k: summary.draw(painter, rect, k))
    for k in range(n_chart):
        chunk = dates[k * per_page : (k + 1) * per_page]
        part = f"{k + 1} of {n_chart}: {span(chunk[0], chunk[-1])}" if n_chart > 1 else ""
        pages.append(
            lambda painter, rect, chunk=chunk, part=part: draw_chart(
                painter,
                rect,
                content.trend,
                chunk,
                row_h,
                options.double_plot,
                content.device_dates,
                options.hour_label,
                part,
            )
        )
    for k, week in enumerate(content.weeks):
        pages.append(
            lambda painter, rect, k=k, week=week: draw_week(
                painter, rect, week, k + 1, len(content.weeks)
            )
        )
    for number, page in enumerate(pages[:limit], 1):
        with target.page() as painter:
            page(painter, draw_frame(painter, target.area, head, number, len(pages)))
    target.finish()
    return len(pages)


def _page_size(options: Options) -> QPageSize.PageSizeId:
    return PAPERS[options.paper or locale_paper()]


def write_pdf(path: Path, content: ReportContent, options: Options | None = None) -> int:
    """Write the report to ``path`` (published whole or not at all); returns its pages."""
    options = options or Options()
    layout = page_layout(_page_size(options))
    pages = 0

    def write(tmp: Path) -> None:
        nonlocal pages
        target = PdfTarget(str(tmp), layout, f"{TITLE}, {header(content).period}")
        pages = draw(content, target, options)
        del target  # QPdfWriter writes the file out when it goes
        if tmp.stat().st_size == 0:
            raise OSError(f"{path}: the PDF could not be written")

    write_new(Path(path), write)
    return pages


def preview(
    content: ReportContent,
    options: Options | None = None,
    scale: float = 1.0,
    limit: int | None = None,
) -> tuple[list[QImage], int]:
    """The report's first ``limit`` pages (all by default) as images, ``scale`` pixels per
    point, and how many pages the report has."""
    options = options or Options()
    target = ImageTarget(page_layout(_page_size(options)), scale)
    total = draw(content, target, options, limit)
    return target.images, total
