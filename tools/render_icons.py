"""Render resources/icons/<N>x<N>.png from resources/nts-desktop.svg, offscreen.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_icons.py
Run it after changing the SVG and commit the PNGs (sizes: nts_desktop.resources.ICON_SIZES).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...]) -> list[Path]:
    """Write one transparent PNG per size, the SVG scaled to fill it; returns the files."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a readable SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{size}x{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"{path}: could not be written")
        written.append(path)
    return written


def main() -> None:
    from nts_desktop.resources import ICON, ICON_SIZES, resource_dir

    folder = resource_dir()
    for path in render(folder / ICON, folder / "icons", ICON_SIZES):
        print(path)


if __name__ == "__main__":
    main()
