"""The window's own settings on QSettings, typed from their declarations.

``core/settings_spec.py`` says what each window setting is; this module is the one place
that reads and writes them (``read``/``write``), fills in the defaults that come from the
person's locale (12/24-hour clock, first day of the week), and answers the questions pages
ask (``hour12()``, ``week_start()``, ``rating_ends()``). A value a hand-edited settings file
spoiled reads as the default.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from nts_desktop.core.settings_spec import (
    FROM_LOCALE,
    RATING_ENDS_SETTING,
    SETTING,
    WINDOW_SETTINGS,
    Setting,
)


def _window(name: str) -> Setting:
    spec = SETTING[name]
    if spec.where != "window":
        raise KeyError(f"{name} lives in the journal file: use Journal.update_settings")
    return spec


def default(name: str) -> object:
    """The declared default, or the locale's where the declaration defers to it."""
    spec = _window(name)
    if spec.default is not FROM_LOCALE:
        return spec.default
    locale = QLocale()
    if name == "hour12":
        return "12" if "ap" in locale.timeFormat(QLocale.FormatType.ShortFormat).lower() else "24"
    if name == "week_start":
        return (locale.firstDayOfWeek().value - 1) % 7  # Qt: Monday 1 … Sunday 7
    raise KeyError(name)


def read(name: str) -> object:
    """The stored value in its type (a tuple for ``ends``, an int for weekdays)."""
    spec = _window(name)
    raw = QSettings().value(spec.key)
    if raw is None or (spec.kind == "choice" and spec.choices and raw == ""):
        return default(name)
    if spec.kind == "weekday" or (spec.kind == "choice" and name == "hour12"):
        raw = str(raw)
    try:
        return spec.check(int(raw) if spec.kind == "weekday" else raw)
    except (TypeError, ValueError):
        return default(name)


def write(name: str, value: object) -> object:
    """Store ``value`` (checked: ValueError with a message for people); returns it typed."""
    spec = _window(name)
    typed = spec.check(value)
    QSettings().setValue(spec.key, list(typed) if spec.kind == "ends" else typed)  # type: ignore[call-overload]
    return typed


def read_all(shown_only: bool = True) -> dict[str, object]:
    """Every window setting by name (only those the dialog offers, by default)."""
    return {s.name: read(s.name) for s in WINDOW_SETTINGS if s.shown or not shown_only}


def hour12() -> bool:
    """Whether times show as ``11:30 PM`` rather than ``23:30``."""
    return read("hour12") == "12"


def week_start() -> int:
    """The first day of the week, 0 = Monday … 6 = Sunday."""
    return int(read("week_start"))  # type: ignore[call-overload]


def rating_ends(rating: str) -> tuple[str, str]:
    """The words at the low and high end of a 1–10 rating (``mood``, ``focus``, …)."""
    return read(RATING_ENDS_SETTING[rating])  # type: ignore[return-value]
