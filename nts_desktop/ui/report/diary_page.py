"""One week of the Consensus Sleep Diary on a page: the items as rows, the dates as columns.

Drawn from an ``analysis.diary_table.WeekTable``; a date with nothing logged is shaded and
says so in every row, a device night carries its dagger and the page names the device.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from nts_desktop.analysis.diary_table import NO_NIGHT, NOT_LOGGED, WeekTable

from .pages import GREY, INK, RULE, SHADE, font, metrics, wrap_lines, wrapped

LABEL_W = 150
ROW_H = 17
HEAD_H = 30
TALL = {"Notes": 84, "Medication": 30}  # rows whose text wraps
BODY = 8.0
DERIVED_NOTE = (
    "TIB: from getting into bed to getting out of bed. TST: from lights out to the final "
    "awakening, less the minutes to fall asleep and the minutes awake. SE: TST as a share of "
    "TIB. SOL and WASO are the diary's own answers (the device's, on † nights)."
)


def span(first: date, last: date) -> str:
    """``18–24 November 2026``, ``29 April – 5 May 2025``, ``29 December 2025 – 4 January
    2026``: the report's way of writing a stretch of dates."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


def _title(week: WeekTable, number: int, total: int) -> str:
    return f"Sleep diary, week {number} of {total}: {span(week.dates[0], week.dates[-1])}"


def draw_week(painter: QPainter, rect: QRectF, week: WeekTable, number: int, total: int) -> None:
    """The week's table in ``rect`` (points)."""
    painter.setPen(INK)
    painter.setFont(font(10, bold=True))
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), 16),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        _title(week, number, total),
    )
    top = rect.top() + 24
    col_w = (rect.width() - LABEL_W) / 7
    xs = [rect.left() + LABEL_W + i * col_w for i in range(len(week.dates))]
    heights = [TALL.get(row.label, ROW_H) for row in week.rows]
    derived_at = next(i for i, row in enumerate(week.rows) if row.derived)
    section = 16  # the "Derived" bar
    body_h = sum(heights) + section
    right = xs[-1] + col_w

    # shading under the text: dates with nothing logged, and the derived rows' labels
    for x, gone in zip(xs, week.missing, strict=True):
        if gone:
            painter.fillRect(QRectF(x, top, col_w, HEAD_H + body_h), SHADE)

    # column heads: weekday, date, free day
    for x, when, free in zip(xs, week.dates, week.free, strict=True):
        painter.setPen(INK)
        painter.setFont(font(8.5, bold=True))
        painter.drawText(
            QRectF(x, top + 1, col_w, 13), Qt.AlignmentFlag.AlignCenter, f"{when:%a} {when.day}"
        )
        painter.setFont(font(7))
        painter.setPen(GREY)
        painter.drawText(
            QRectF(x, top + 14, col_w, 12),
            Qt.AlignmentFlag.AlignCenter,
            f"{when:%b}{' · free' if free else ''}",
        )
    painter.setFont(font(7, italic=True))
    painter.drawText(
        QRectF(rect.left(), top, LABEL_W - 6, HEAD_H),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        "Morning of",
    )

    y = top + HEAD_H
    painter.setPen(QPen(INK, 0.8))
    painter.drawLine(rect.left(), y, right, y)
    for i, (row, h) in enumerate(zip(week.rows, heights, strict=True)):
        if i == derived_at:
            painter.setPen(INK)
            painter.setFont(font(7.5, bold=True))
            painter.drawText(
                QRectF(rect.left(), y, LABEL_W, section),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "Derived",
            )
            y += section
            painter.setPen(QPen(INK, 0.8))
            painter.drawLine(rect.left(), y, right, y)
        painter.setPen(INK)
        painter.setFont(font(BODY, bold=row.derived))
        painter.drawText(  # a tall row's label at its top, where its cells' text starts
            QRectF(rect.left() + 2, y, LABEL_W - 6, ROW_H),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            row.label,
        )
        for x, cell in zip(xs, row.cells, strict=True):
            _cell(painter, QRectF(x + 2, y, col_w - 4, h), cell, h > ROW_H)
        y += h
        painter.setPen(QPen(RULE, 0.4))
        painter.drawLine(rect.left(), y, right, y)
    # column rules
    painter.setPen(QPen(RULE, 0.4))
    for x in [*xs, right]:
        painter.drawLine(x, top, x, y)

    notes = [DERIVED_NOTE, "“not logged”: nothing was entered for that morning (shaded)."]
    if week.devices:
        names = ", ".join(week.devices)
        notes.insert(
            0,
            f"† the night as recorded by {names}: the diary has none for that date. Its times, "
            "minutes and derived values are the device's; lights out is its bedtime, and "
            "awakenings are counted only where it records them.",
        )
    y += 8
    for text in notes:
        lines = len(wrap_lines(text, font(7), rect.width()))
        box = QRectF(rect.left(), y, rect.width(), lines * metrics(font(7)).lineSpacing() + 2)
        painter.setPen(GREY)
        wrapped(painter, box, text, 7, lines)
        y += box.height() + 2


def _cell(painter: QPainter, rect: QRectF, text: str, tall: bool) -> None:
    if tall and text in (NOT_LOGGED, NO_NIGHT, "", "–"):  # level with the row's label
        rect, tall = QRectF(rect.left(), rect.top(), rect.width(), ROW_H), False
    if text in (NOT_LOGGED, NO_NIGHT):
        painter.setPen(GREY)
        painter.setFont(font(6.5, italic=True))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return
    painter.setPen(INK)
    if tall:
        lines = max(1, int(rect.height() // metrics(font(6.5)).lineSpacing()))
        wrapped(painter, rect.adjusted(0, 2, 0, 0), text, 6.5, lines)
        return
    size = BODY  # a smaller size before cutting: "11:30 PM" fits a cell at 7 pt
    while size > 6.5 and metrics(font(size)).horizontalAdvance(text) > rect.width():
        size -= 0.5
    painter.setFont(font(size))
    shown = metrics(font(size)).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
