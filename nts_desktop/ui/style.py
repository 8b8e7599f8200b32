"""The window's look: one stylesheet keyed on widget roles, built from the active palette."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from nts_desktop.resources import resource_path

STYLESHEET = """
QLabel[role="title"] { font-size: 15pt; font-weight: 600; }
QLabel[role="hint"] { color: palette(placeholder-text); }
QLabel[role="summary"] {
    font-size: 13pt; padding: 8px 12px; border-radius: 6px;
    background: palette(alternate-base); border: 1px solid palette(mid);
}
QLabel[role="subtitle"] { font-size: 11pt; font-weight: 600; }
QFrame[role="card"] {
    background: palette(base); border: 1px solid palette(mid); border-radius: 8px;
}
QLabel[role="card-title"] { font-weight: 600; }
QLabel[role="card-value"] { font-size: 17pt; font-weight: 600; }
QFrame[role="banner"] {
    background: palette(alternate-base); border-bottom: 1px solid palette(mid);
}
QFrame[role="reminder"] {
    border: 1px solid palette(highlight); border-radius: 4px; background: palette(base);
    margin: 1px 6px 1px 0;
}
QFrame[role="reminder"] QPushButton { padding: 1px 10px; }
QPushButton[role="segment"] {
    padding: 4px 12px; border: 1px solid palette(mid); border-radius: 4px;
    background: palette(button); color: palette(button-text);
}
QPushButton[role="segment"]:hover { border-color: palette(highlight); }
QPushButton[role="segment"]:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QCheckBox::indicator {
    width: 14px; height: 14px; border: 1px solid palette(placeholder-text);
    border-radius: 3px; background: palette(base);
}
QCheckBox::indicator:checked {
    background: palette(highlight); border-color: palette(highlight); image: url(CHECK);
}
QCheckBox::indicator:disabled { border-color: palette(mid); background: palette(window); }
QLabel[role="error"] { color: #b3261e; font-weight: 600; }
QGroupBox { font-weight: 600; margin-top: 12px; padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox { font-weight: normal; }
QFrame[role="rating"] { border: 1px solid transparent; border-radius: 6px; }
QFrame[role="rating"]:focus { border: 1px solid palette(highlight); }
QFrame[role="rating"] QPushButton { padding: 3px 6px; font-weight: normal; }
QFrame[role="rating"] QPushButton:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 4px;
}
*[invalid="true"] { border: 2px solid #b3261e; border-radius: 4px; }
"""


def apply_style(app: QApplication) -> None:
    """(Re)apply the stylesheet; after a palette change this re-polishes every widget."""
    check = resource_path("check.svg").as_posix()
    app.setStyleSheet("")
    app.setStyleSheet(STYLESHEET.replace("url(CHECK)", f"url({check})"))


def role_label(
    role: str,
    text: str = "",
    parent: QWidget | None = None,
    *,
    wrap: bool = False,
    **kwargs: object,
) -> QLabel:
    """A QLabel styled by its role in STYLESHEET (hint, error, title, subtitle, …)."""
    label = QLabel(text, parent, **kwargs)  # type: ignore[arg-type]
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    return label
