"""Light and dark looks, a colour-blind-safe palette for charts, and the theme setting.

The theme is a setting (system / light / dark): offscreen and on many Linux desktops Qt
reports no system colour scheme, so "system" falls back to light there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from nts_desktop.core.settings_spec import SETTING

from . import preferences

THEMES = tuple(value for value, _label in SETTING["theme"].choices)

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
SERIES = {
    "mood": OKABE_ITO["orange"],
    "focus": OKABE_ITO["sky"],
    "resilience": OKABE_ITO["green"],
    "tst": OKABE_ITO["blue"],
    "se": OKABE_ITO["purple"],
    "sri": OKABE_ITO["green"],
    "shift": OKABE_ITO["vermillion"],
}


def chosen_theme() -> str:
    return str(preferences.read("theme"))


def is_dark(theme: str) -> bool:
    if theme == "system":
        hints = QGuiApplication.styleHints()
        return hints.colorScheme() == Qt.ColorScheme.Dark
    return theme == "dark"


def _dark_palette() -> QPalette:
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#23262b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1b1d21",
        QPalette.ColorRole.AlternateBase: "#2a2d33",
        QPalette.ColorRole.ToolTipBase: "#2a2d33",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2d3036",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb3ff",
        QPalette.ColorRole.Mid: "#4a4e56",
        QPalette.ColorRole.Dark: "#15171a",
        QPalette.ColorRole.Light: "#3a3e45",
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80858c"))
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """Use Fusion with a light or dark palette (the same look on every desktop)."""
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = _dark_palette() if is_dark(theme) else app.style().standardPalette()
    app.setPalette(palette)


def _blend(a: QColor, b: QColor, share: float) -> str:
    """An opaque colour ``share`` of the way from ``b`` to ``a`` (palette colours may carry
    alpha, which ``name()`` would drop)."""
    mix = QColor(
        round(a.red() * share + b.red() * (1 - share)),
        round(a.green() * share + b.green() * (1 - share)),
        round(a.blue() * share + b.blue() * (1 - share)),
    )
    return mix.name()


def chart_colors() -> dict[str, str]:
    """Background, foreground and grid colours for charts from the active palette."""
    p = QApplication.palette()
    return {
        "background": p.color(QPalette.ColorRole.Base).name(),
        "foreground": p.color(QPalette.ColorRole.Text).name(),
        "muted": _blend(p.color(QPalette.ColorRole.Text), p.color(QPalette.ColorRole.Base), 0.5),
        "in_bed": "#9ecae1" if p.color(QPalette.ColorRole.Base).lightness() > 128 else "#3b5b7a",
        "asleep": OKABE_ITO["blue"]
        if p.color(QPalette.ColorRole.Base).lightness() > 128
        else "#6fa8dc",
    }
