"""Drawing the report's pages with QPainter, in points (1/72 in), for a PDF or a preview.

A ``Target`` hands out pages — of a QPdfWriter (text stays text: it copies and searches,
and Qt embeds the fonts) or of QImages for the window's preview — and every page gets the
same header (title, the person's name, the period) and footer (creation date, page N of M).
The drawing is black on white with greys only, so it prints well in black and white.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

POINTS = 72  # the unit of every coordinate here
ELIDE = Qt.TextElideMode.ElideRight
MARGIN_MM = 14
INK = QColor("#000000")
GREY = QColor("#666666")
RULE = QColor("#999999")
SHADE = QColor("#e6e6e6")


@dataclass(frozen=True)
class Header:
    title: str
    name: str  # the person's, or ""
    period: str
    created: str


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont("DejaVu Sans")
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPointSizeF(size)
    f.setBold(bold)
    f.setItalic(italic)
    f.setFeature(QFont.Tag("liga"), 0)  # "efficiency" stays searchable, not "eﬃciency"
    return f


_DEVICE: list[QImage] = []  # made on first use: a QImage needs the application


def at_points(image: QImage) -> QImage:
    """``image`` set to 72 dpi, so a point of the report is one of its dots (unscaled)."""
    dots = round(POINTS / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    return image


def points_device() -> QImage:
    """A 72-dpi paint device: text measured on it is measured in the report's points (the
    screen's 96 dpi would wrap and cut everything a third too early)."""
    if not _DEVICE:
        _DEVICE.append(at_points(QImage(1, 1, QImage.Format.Format_RGB32)))
    return _DEVICE[0]


def metrics(f: QFont) -> QFontMetricsF:
    """``f``'s metrics in points, as the PDF and the preview draw it."""
    return QFontMetricsF(f, points_device())


def page_layout(page_size: QPageSize.PageSizeId) -> QPageLayout:
    return QPageLayout(
        QPageSize(page_size),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


class Target:
    """Where pages go; ``page()`` yields a painter on a fresh page and the drawable rect."""

    def __init__(self, layout: QPageLayout):
        self.layout = layout
        rect = layout.paintRect(QPageLayout.Unit.Point)
        self.area = QRectF(0, 0, rect.width(), rect.height())

    @contextmanager
    def page(self) -> Iterator[QPainter]:  # pragma: no cover - subclasses
        raise NotImplementedError
        yield

    def finish(self) -> None:
        pass


class PdfTarget(Target):
    def __init__(self, path: str, layout: QPageLayout, title: str):
        super().__init__(layout)
        self.writer = QPdfWriter(path)
        self.writer.setResolution(POINTS)
        self.writer.setPageLayout(layout)
        self.writer.setTitle(title)
        self.writer.setCreator("nts-desktop")
        self.painter = QPainter()
        self.started = False

    @contextmanager
    def page(self) -> Iterator[QPainter]:
        if not self.started:
            if not self.painter.begin(self.writer):
                raise OSError("the PDF file cannot be written")
            self.started = True
        else:
            self.writer.newPage()
        yield self.painter

    def finish(self) -> None:
        if self.started:
            self.painter.end()


class ImageTarget(Target):
    """Pages as images (the preview), ``scale`` pixels per point."""

    def __init__(self, layout: QPageLayout, scale: float = 1.5):
        super().__init__(layout)
        self.scale = scale
        self.images: list[QImage] = []
        full = layout.fullRect(QPageLayout.Unit.Point)
        self.size = QSizeF(full.width(), full.height())
        self.offset = layout.paintRect(QPageLayout.Unit.Point).topLeft()

    @contextmanager
    def page(self) -> Iterator[QPainter]:
        w, h = int(self.size.width() * self.scale), int(self.size.height() * self.scale)
        image = QImage(w, h, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        at_points(image)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(self.scale, self.scale)
        painter.translate(self.offset)
        try:
            yield painter
        finally:
            painter.end()
            self.images.append(image)


def draw_frame(painter: QPainter, area: QRectF, header: Header, number: int, total: int) -> QRectF:
    """Header and footer of a page; returns the rect left for its content."""
    painter.setPen(INK)
    painter.setFont(font(11, bold=True))
    top = QRectF(area.left(), area.top(), area.width(), 16)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header.title)
    title_w = metrics(font(11, bold=True)).horizontalAdvance(header.title) + 18
    painter.setFont(font(8.5))
    right = header.period
    if header.name:  # a long name is cut, so that it never runs into the title
        m = metrics(font(8.5))
        room = area.width() - title_w - m.horizontalAdvance(f" · {right}")
        right = f"{m.elidedText(header.name, ELIDE, room)} · {right}"
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
    painter.setPen(QPen(RULE, 0.6))
    painter.drawLine(area.left(), area.top() + 19, area.right(), area.top() + 19)
    bottom = QRectF(area.left(), area.bottom() - 12, area.width(), 12)
    painter.setPen(GREY)
    painter.setFont(font(7.5))
    painter.drawText(
        bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header.created
    )
    painter.drawText(
        bottom,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        f"page {number} of {total}",
    )
    return content_rect(area)


def content_rect(area: QRectF) -> QRectF:
    """What a page leaves for its content inside its header and footer."""
    return QRectF(area.left(), area.top() + 28, area.width(), area.height() - 28 - 18)


def wrap_lines(text: str, f: QFont, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` points; a word wider than that is
    cut with "…" rather than at the edge."""
    m = metrics(f)
    out, line = [], ""
    for word in text.split():
        if m.horizontalAdvance(word) > width:
            word = m.elidedText(word, ELIDE, width)
        trial = f"{line} {word}".strip()
        if m.horizontalAdvance(trial) <= width or not line:
            line = trial
        else:
            out.append(line)
            line = word
    return [*out, line] if line else out


def wrapped(
    painter: QPainter, rect: QRectF, text: str, size: float, lines: int, **style: bool
) -> int:
    """``text`` wrapped in ``rect``, at most ``lines`` lines, cut with "…" when longer;
    returns how many lines it drew."""
    f = font(size, **style)
    out = wrap_lines(text, f, rect.width())
    if len(out) > lines:
        out = out[:lines]
        out[-1] = metrics(f).elidedText(out[-1] + " …", ELIDE, rect.width())
    painter.setFont(f)
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "\n".join(out))
    return len(out)
