"""The report's summary pages: averages and SDs, regularity with meanings, day ratings,
the findings of Insights for the period, diary vs device, and every note in full.

Written as HTML for a QTextDocument laid out at 72 dpi, so its units are the report's points;
the document paginates itself and each page is drawn into a page's content rect as text.
Every phrase comes from the one vocabulary (``analysis/words.py`` and its neighbours).
"""

from __future__ import annotations

import math
from datetime import datetime
from html import escape

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QTextBlock, QTextCursor, QTextDocument, QTextFormat

from nts_desktop.analysis.card_words import MEASURES, MSFSC_COMMON, NEEDS, SJL_SMALL, SRI_TYPICAL
from nts_desktop.analysis.correlate import MIN_DAYS
from nts_desktop.analysis.diary_table import Clock
from nts_desktop.analysis.headline_words import headline_lines
from nts_desktop.analysis.report_content import DERIVED, ReportContent
from nts_desktop.analysis.stats import Stats
from nts_desktop.analysis.words import (
    LIST_CAVEAT,
    agreement_sentence,
    insights,
    number,
    sentence,
)
from nts_desktop.core.units import hours_minutes, plural, time_of_day

from .pages import font, points_device

MAX_FINDINGS = 8  # the strongest links printed; the rest are counted
EDGE = 2.0  # points of a page's top and bottom edge left out of its clip (``Summary.draw``)
MEANINGS = {m.key: m.meaning for m in MEASURES}
RATINGS = (
    ("quality", "Sleep quality", "1–5"),
    ("rested", "Rested on waking", "1–5"),
    ("mood", "Mood", "1–10"),
    ("focus", "Focus", "1–10"),
    ("resilience", "Emotional resilience", "1–10"),
)
STYLE = """
th { background-color: #e6e6e6; }
.hint { color: #555555; font-size: 7.5pt; }
p { margin-top: 2pt; margin-bottom: 3pt; }
"""


def _value(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    if key == "se_pct":
        return f"{value:.1f} %"
    if key in ("tib_min", "tst_min"):
        return hours_minutes(value)
    return f"{value:.0f} min"


def _spread(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f} %" if key == "se_pct" else f"{value:.0f} min"


def _table(head: list[str], rows: list[list[str]], numeric: set[int], widths: list[int]) -> str:
    """A ruled table; ``numeric`` columns align right, ``widths`` in percent."""

    def align(i: int) -> str:
        return ' align="right"' if i in numeric else ' align="left"'

    cells = "".join(
        f'<th width="{w}%"{align(i)}>{escape(h)}</th>'
        for i, (h, w) in enumerate(zip(head, widths, strict=True))
    )
    body = "".join(
        "<tr>" + "".join(f"<td{align(i)}>{escape(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
        'style="border-collapse: collapse; border-color: #aaaaaa; border-style: solid;">'
        f"<tr>{cells}</tr>{body}</table>"
    )


def long(when) -> str:
    """``2 December 2026``: the report's one way of writing a date in full."""
    return f"{when.day} {when:%B %Y}"


def _heading(text: str) -> str:
    return (
        f'<h3 style="font-size: 10.5pt; margin-top: 9px; margin-bottom: 3px;">{escape(text)}</h3>'
    )


def summary_html(content: ReportContent, clock: Clock) -> str:
    """The summary as HTML (the title and period are in every page's header)."""
    stats, r = content.stats, content.stats.regularity

    def at(minutes: float | None) -> str:
        if minutes is None:
            return "–"
        return clock(datetime.combine(content.start, time_of_day(minutes)))

    counts = [plural(content.logged_days, "morning") + " logged"]
    if content.device_nights:
        counts.append(
            f"{plural(content.device_nights, 'night')} from a device where the diary has none"
        )
    counts.append(f"{content.not_logged} with nothing logged")
    parts = [
        _heading("Summary"),
        f"<p>{content.period_days} dates, {long(content.start)} to {long(content.end)}: "
        f"{', '.join(counts)}.</p>",
    ]
    if content.asked_from is not None:
        parts.append(
            f'<p class="hint">The journal begins on {long(content.start)}: the dates from '
            f"{long(content.asked_from)} before it are left out.</p>"
        )
    head = headline_lines(stats.headline)
    if head:
        parts.append(f"<p><b>{escape(head[0])}</b></p>")
        parts += [f"<p>{escape(line)}</p>" for line in head[1:]]

    parts.append(_heading("Sleep, per night"))
    rows = [
        [label, _value(key, s.mean), _spread(key, s.sd), str(s.n)]
        for key, label, _unit in DERIVED
        for s in (content.derived[key],)
    ]
    parts.append(_table(["Measure", "Mean", "SD", "Nights"], rows, {1, 2, 3}, [46, 18, 18, 18]))
    t = stats.timing
    timing = [
        [label, at(t[f"{key}_mean_clock_min"]), _spread("", t[f"{key}_sd_min"])]
        for key, label in (
            ("onset", "Falling asleep"),
            ("midsleep", "Midsleep"),
            ("wake", "Final awakening"),
        )
    ]
    parts.append('<p class="hint">Clock times: the average, and the sample SD in minutes.</p>')
    timing = [[*row, ""] for row in timing]  # four columns, lined up with the tables around
    parts.append(_table(["Timing", "Average", "SD", ""], timing, {1, 2}, [46, 18, 18, 18]))

    parts.append(_heading("Regularity"))
    sri = r["sri"]
    regular = [
        [
            "Sleep Regularity Index",
            number(sri, ".1f"),
            f"{MEANINGS['sri']} {SRI_TYPICAL.capitalize()}."
            if sri is not None
            else NEEDS["sri"].capitalize() + ".",
        ],
        [
            "Social jetlag",
            hours_minutes(r["sjl_min"]),
            f"{MEANINGS['sjl']} {SJL_SMALL.capitalize()}."
            if r["sjl_min"] is not None
            else NEEDS["mctq"].capitalize() + ".",
        ],
        [
            "Chronotype (MSFsc)",
            at(r["msfsc_clock_min"]),
            f"{MEANINGS['msfsc']} {MSFSC_COMMON.capitalize()}."
            if r["msfsc_clock_min"] is not None
            else NEEDS["mctq"].capitalize() + ".",
        ],
        [
            "Composite phase deviation",
            number(r["cpd_h"], ".2f", " h"),
            MEANINGS["cpd"] if r["cpd_h"] is not None else NEEDS["cpd"].capitalize() + ".",
        ],
    ]
    parts.append(_table(["Measure", "Value", "What it means"], regular, {1}, [28, 12, 60]))

    parts.append(_heading("Day ratings"))
    rated = []
    for key, label, scale in RATINGS:
        values = stats.series.get(key, np.array([]))
        values = values[~np.isnan(values)] if len(values) else values
        mean = f"{values.mean():.1f}" if len(values) else "–"
        sd = f"{values.std(ddof=1):.1f}" if len(values) > 1 else "–"
        rated.append([f"{label} ({scale})", mean, sd, str(len(values))])
    parts.append(_table(["Rating", "Mean", "SD", "Days"], rated, {1, 2, 3}, [46, 18, 18, 18]))

    parts += findings_html(stats)
    if stats.agreement:
        parts.append(_heading("Diary and device"))
        parts.append('<p class="hint">Diary − device, with 95 % limits of agreement.</p>')
        parts += [f"<p>{escape(agreement_sentence(a))}</p>" for a in stats.agreement]

    def day(when) -> str:  # with the year when the period spans more than one
        return f"{when:%a} {when.day} {when:%b}" + (f" {when.year}" if years else "")

    years = content.start.year != content.end.year
    if content.medication:
        parts.append(_heading("Medication"))
        parts += [f"<p><b>{day(when)}:</b> {escape(text)}</p>" for when, text in content.medication]
    notes = content.notes
    if notes:
        parts.append(_heading("Notes"))
        for when, text in notes:  # a paragraph per line: short blocks break between pages
            lines = [escape(line) for line in text.splitlines() if line.strip()] or [""]
            parts.append(f"<p><b>{day(when)}:</b> {lines[0]}</p>")
            parts += [f'<p style="margin-left: 12px;">{line}</p>' for line in lines[1:]]
    return "".join(parts)


def findings_html(stats: Stats) -> list[str]:
    """The clear and suggestive links of §5, strongest first, at most ``MAX_FINDINGS``;
    links too weak to matter (|ρ| < 0.1) are left out, and a period too short for any test
    says so rather than "no links"."""
    out = [_heading("What went with better days in this period")]
    found = [i for i in insights(stats) if i.correlation.strength != "negligible"]
    for item in found[:MAX_FINDINGS]:
        c = item.correlation
        out.append(
            f"<p><b>{escape(c.evidence.capitalize())}, {escape(c.strength or '')}:</b> "
            f"{escape(sentence(c, caveat=False))}</p>"
        )
    if len(found) > MAX_FINDINGS:
        out.append(f"<p>… and {len(found) - MAX_FINDINGS} weaker ones (Insights lists them).</p>")
    if found:
        out.append(f"<p><i>{escape(LIST_CAVEAT)}</i></p>")
    elif stats.correlations and all(c.rho is None for c in stats.correlations):
        most = max(c.n for c in stats.correlations)
        out.append(
            f"<p>Too few days to look for links: each pair needs {MIN_DAYS} days with both "
            f"values (the best pair here has {plural(most, 'day')}).</p>"
        )
    else:
        out.append(
            "<p>No clear or suggestive links in this period. Links need weeks of days; a "
            "longer period may show more.</p>"
        )
    return out


def _straddling(doc: QTextDocument, height: float) -> QTextBlock | None:
    """The first paragraph outside tables that crosses a page's edge and fits on a page."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        first, last = math.floor(rect.top() / height), math.floor((rect.bottom() - 0.01) / height)
        if first != last and rect.height() < height and QTextCursor(block).currentTable() is None:
            return block
        block = block.next()
    return None


def keep_blocks_on_pages(doc: QTextDocument, height: float) -> None:
    """Move each paragraph that would cross a page's edge to the next page, whole.

    Qt draws a block's lines from the one *before* the clip on (qtextlayout.cpp), so the
    last lines of a paragraph split over two pages would be written again, invisibly, on
    the second: found twice when the PDF is searched or copied. Tables break between rows,
    so only paragraphs need this."""
    for _ in range(doc.pageCount() + 8):
        block = _straddling(doc, height)
        if block is None:
            return
        cursor = QTextCursor(block)
        form = block.blockFormat()
        form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(form)


class Summary:
    """The summary laid out for pages of ``size`` (points); ``pages`` is their count."""

    def __init__(self, content: ReportContent, clock: Clock, size: QSizeF):
        self._device = points_device()
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(self._device)
        self.doc.setDefaultFont(font(8.5))
        self.doc.setDefaultStyleSheet(STYLE)
        self.doc.setDocumentMargin(0)
        self.doc.setHtml(summary_html(content, clock))
        # Qt lays pages out in 1/64 points: a page height it can say exactly keeps each
        # page's lines on that page here too
        size = QSizeF(size.width(), math.floor(size.height() * 64) / 64)
        self.doc.setPageSize(size)
        self.size = size
        keep_blocks_on_pages(self.doc, size.height())

    @property
    def pages(self) -> int:
        return self.doc.pageCount()

    def draw(self, painter: QPainter, rect: QRectF, page: int) -> None:
        """Page ``page`` (0-based) of the summary into ``rect``.

        The document paginates so that no line crosses a page's edge, and no paragraph
        either (``keep_blocks_on_pages``); the clip keeps two points off both edges."""
        h = self.size.height()
        painter.save()
        painter.translate(rect.topLeft() - QPointF(0, page * h))
        self.doc.drawContents(painter, QRectF(0, page * h + EDGE, self.size.width(), h - 2 * EDGE))
        painter.restore()
