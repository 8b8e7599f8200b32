"""Charts exported as pictures that stand alone: a caption (title, period, legend) above the
chart, the same layout in PNG and SVG.

A clinician who receives only the file must be able to read it, so the caption names what
the chart is, the dates it covers and what each colour means. Both formats are painted by
the same ``_paint`` into a QImage or a QSvgGenerator; the SVG generator takes the screen's
resolution, so its text has the size and place it has on screen and in the PNG (at its
default 72 dpi every label group was scaled to 0.75 and drawn left of its data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView, QWidget

from nts_desktop.storage.files import write_new

from .theme import chart_colors

PAD = 10
SWATCH = 12


@dataclass(frozen=True)
class Caption:
    """What the exported picture says above the chart."""

    title: str
    period: str
    legend: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (colour, label)


def _fonts(widget: QWidget) -> tuple[QFont, QFont]:
    title = QFont(widget.font())
    title.setPointSizeF(title.pointSizeF() * 1.25)
    title.setBold(True)
    return title, QFont(widget.font())


def caption_height(widget: QWidget, caption: Caption) -> int:
    title, body = _fonts(widget)
    lines = 2 if caption.legend else 1
    return PAD + QFontMetrics(title).height() + lines * (QFontMetrics(body).height() + 4) + PAD


def _paint(painter: QPainter, widget: QWidget, caption: Caption, size: QSize) -> None:
    colors = chart_colors()
    painter.fillRect(QRect(QPoint(0, 0), size), QColor(colors["background"]))
    title_font, body_font = _fonts(widget)
    painter.setPen(QColor(colors["foreground"]))
    y = PAD
    painter.setFont(title_font)
    metrics = QFontMetrics(title_font)
    painter.drawText(PAD, y + metrics.ascent(), caption.title)
    y += metrics.height() + 4
    painter.setFont(body_font)
    body = QFontMetrics(body_font)
    painter.drawText(PAD, y + body.ascent(), caption.period)
    y += body.height() + 4
    x = PAD
    for color, label in caption.legend:
        painter.fillRect(QRectF(x, y + (body.height() - SWATCH) / 2, SWATCH, SWATCH), QColor(color))
        x += SWATCH + 4
        painter.setPen(QColor(colors["foreground"]))
        painter.drawText(x, y + body.ascent(), label)
        x += body.horizontalAdvance(label) + 14
    top = caption_height(widget, caption)
    if isinstance(widget, QGraphicsView):  # the scene, drawn as vectors
        target = QRectF(0, top, widget.width(), widget.height())
        widget.render(painter, target, widget.viewport().rect())
    else:
        widget.render(painter, QPoint(0, top))


def export_size(widget: QWidget, caption: Caption) -> QSize:
    return QSize(widget.width(), widget.height() + caption_height(widget, caption))


def save_png(widget: QWidget, path: str | Path, caption: Caption) -> bool:
    """The chart with its caption as a PNG file (at the screen's pixel ratio)."""
    size = export_size(widget, caption)
    ratio = widget.devicePixelRatioF()
    image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        _paint(painter, widget, caption, size)
    finally:
        painter.end()

    def write(tmp: Path) -> None:
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"{path} could not be written")

    write_new(Path(path), write)  # private (0600), and never half a file
    return True


def save_svg(widget: QWidget, path: str | Path, caption: Caption) -> bool:
    """The chart with its caption as an SVG file (vectors and text)."""
    size = export_size(widget, caption)

    def write(tmp: Path) -> None:
        if not _paint_svg(widget, caption, size, tmp):
            raise OSError(f"{path} could not be written")

    write_new(Path(path), write)  # private (0600), and never half a file
    return True


def _paint_svg(widget: QWidget, caption: Caption, size: QSize, path: Path) -> bool:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    generator.setResolution(widget.logicalDpiX())  # text at the size it has on screen
    generator.setTitle(f"{caption.title} — {caption.period}")
    generator.setDescription("Exported by nts-desktop")
    painter = QPainter()
    if not painter.begin(generator):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint(painter, widget, caption, size)
    finally:
        painter.end()
    return Path(path).exists()
