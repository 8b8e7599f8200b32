"""Every setting declared once: its name, label, kind, default, where it lives, help text.

Two homes (design §2): the **journal** file holds what the CLI and the window must agree
on (changed through ``Journal.update_settings`` and ``nts-desktop settings``); the
**window**'s own preferences live in QSettings under ``key`` (``ui/preferences.py`` reads
and writes them typed from these declarations). The Settings dialog is built from them, and
tests check that the CLI and design §2 cover every one. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Where = Literal["journal", "window"]
# kinds: zone (an IANA name), weekdays (0 = Monday … 6), source (a device name or "" for the
# first by name), text, bool, choice (one of ``choices``), weekday (0 = Monday … 6),
# time ("HH:MM"), path (kept as written), ends (the two words at the ends of a rating scale),
# blob (bytes Qt makes and reads itself: the window's geometry)
Kind = Literal[
    "zone",
    "weekdays",
    "source",
    "text",
    "path",
    "bool",
    "choice",
    "weekday",
    "time",
    "ends",
    "blob",
]
FROM_LOCALE = None  # a default the window takes from the person's locale
NAME_LONGEST = 60  # characters of the person's name: it shares the report's header line


@dataclass(frozen=True)
class Setting:
    """One setting. ``shown`` False: remembered by the window, not offered in the dialog."""

    name: str
    label: str
    kind: Kind
    default: object
    where: Where
    key: str = ""  # the QSettings key (window settings)
    cli: str = ""  # the `nts-desktop settings` option (journal settings)
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    help: str = ""
    shown: bool = True
    needs: str = ""  # a bool setting that must be on for this one to matter
    longest: int = 0  # the most characters a text may have (0: no limit)

    def check(self, value: object) -> object:
        """``value`` in this setting's type; ValueError with a message for people if not."""
        if self.kind == "bool":
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "on")
            return bool(value)
        if self.kind == "choice":
            if value not in {c for c, _ in self.choices}:
                allowed = ", ".join(c for c, _ in self.choices)
                raise ValueError(f"{self.label}: {value!r} is not one of {allowed}")
            return value
        if self.kind == "weekday":
            day = int(value)  # type: ignore[call-overload]
            if not 0 <= day <= 6:
                raise ValueError(f"{self.label}: weekdays are 0 (Monday) to 6 (Sunday)")
            return day
        if self.kind == "weekdays":
            days = tuple(sorted({int(v) for v in value}))  # type: ignore[attr-defined]
            if any(not 0 <= d <= 6 for d in days):
                raise ValueError(f"{self.label}: weekdays are 0 (Monday) to 6 (Sunday)")
            return days
        if self.kind == "time":
            text = str(value).strip()
            match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
            if match is None:
                raise ValueError(f"{self.label}: {text!r} is not a time like 08:00")
            return f"{int(match[1]):02d}:{match[2]}"
        if self.kind == "ends":
            words = tuple(" ".join(str(w).split()) for w in value)  # type: ignore[attr-defined]
            if len(words) != 2 or not all(words) or any(len(w) > 24 for w in words):
                raise ValueError(f"{self.label}: two words of at most 24 letters, low then high")
            return words
        if self.kind == "path":
            return str(value)
        if self.kind == "blob":
            return value
        text = " ".join(str(value).split())
        if self.longest and len(text) > self.longest:
            raise ValueError(f"{self.label}: at most {self.longest} characters ({len(text)} given)")
        return text


RATING_HELP = "The words at the two ends of the 1–10 scale, shown beside the rating on Today."
WEEKDAY_CHOICES = tuple(
    (str(i), name)
    for i, name in enumerate(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
)

SETTINGS: tuple[Setting, ...] = (
    # -- the journal file: the CLI and the window agree ------------------------------------
    Setting(
        "tz",
        "Time zone",
        "zone",
        "",  # "": the computer's zone when the journal is created
        "journal",
        cli="--zone",
        help="Times you type without a zone are read in this zone. A night can still carry "
        "its own zone (travel).",
    ),
    Setting(
        "free_weekdays",
        "Free days",
        "weekdays",
        (5, 6),
        "journal",
        cli="--free-days",
        help="Days without work or school: the default of the free-day box, and the split of "
        "MCTQ (social jetlag, chronotype).",
    ),
    Setting(
        "preferred_source",
        "Preferred device",
        "source",
        "",
        "journal",
        cli="--preferred-source",
        help="For dates without a night of your own diary, analysis uses the night of this "
        "device (imported history); its sleep stages are tested too.",
    ),
    Setting(
        "person_name",
        "Your name",
        "text",
        "",
        "journal",
        cli="--name",
        help="Printed on the report for your clinician; leave it empty for none.",
        longest=NAME_LONGEST,
    ),
    # -- the window's own (QSettings) -------------------------------------------------------
    Setting(
        "theme",
        "Theme",
        "choice",
        "system",
        "window",
        key="view/theme",
        choices=(("system", "As the system"), ("light", "Light"), ("dark", "Dark")),
        help="Without a system colour scheme (many Linux desktops) “As the system” is light.",
    ),
    Setting(
        "hour12",
        "Clock",
        "choice",
        FROM_LOCALE,
        "window",
        key="view/clock",
        choices=(("24", "24-hour (23:30)"), ("12", "12-hour (11:30 PM)")),
        help="How times are shown and typed: Today, the Journal, Trends, Insights.",
    ),
    Setting(
        "week_start",
        "Weeks start on",
        "weekday",
        FROM_LOCALE,
        "window",
        key="view/week_start",
        choices=WEEKDAY_CHOICES,
        help="The weeks of Trends and the calendars of date pickers.",
    ),
    Setting(
        "mood_ends",
        "Mood scale",
        "ends",
        ("low", "great"),
        "window",
        key="labels/mood",
        help=RATING_HELP,
    ),
    Setting(
        "focus_ends",
        "Focus scale",
        "ends",
        ("scattered", "sharp"),
        "window",
        key="labels/focus",
        help=RATING_HELP,
    ),
    Setting(
        "resilience_ends",
        "Resilience scale",
        "ends",
        ("overwhelmed", "steady"),
        "window",
        key="labels/resilience",
        help=RATING_HELP,
    ),
    Setting(
        "reminder_enabled",
        "Morning reminder",
        "bool",
        False,
        "window",
        key="reminder/enabled",
        help="A reminder to log the morning while the app runs (in the tray).",
    ),
    Setting(
        "reminder_time",
        "Reminder time",
        "time",
        "08:00",
        "window",
        key="reminder/time",
        help="When the morning reminder comes, by the clock of the journal's time zone.",
        needs="reminder_enabled",
    ),
    Setting(
        "autostart",
        "Start with the session",
        "bool",
        False,
        "window",
        key="session/autostart",
        help="Start nts-desktop on your default journal when you log in: in the tray while the "
        "morning reminder is on and the desktop has one, else as its window.",
    ),
    Setting(
        "close_to_tray",
        "Close to the tray",
        "bool",
        True,
        "window",
        key="tray/close_to_tray",
        help="Closing the window keeps nts-desktop running in the tray for the reminder.",
        needs="reminder_enabled",
    ),
    # -- remembered by the window, not offered in the dialog ---------------------------------
    Setting("welcomed", "Welcome shown", "bool", False, "window", key="welcome/done", shown=False),
    Setting(
        "rate_today", "Rate today", "bool", False, "window", key="today/rate_today", shown=False
    ),
    Setting(
        "last_folder", "Last folder", "path", "", "window", key="files/last_folder", shown=False
    ),
    Setting(  # Qt's saveGeometry(): the window's size and place
        "geometry",
        "Window size and place",
        "blob",
        b"",  # until the window first closed
        "window",
        key="window/geometry",
        shown=False,
    ),
    Setting(  # the date last reminded of, so a restart that morning does not remind again
        "reminded_on", "Last reminder", "text", "", "window", key="reminder/last", shown=False
    ),
    Setting(  # the one-time notice that closing keeps the app in the tray
        "tray_notice_shown",
        "Tray notice",
        "bool",
        False,
        "window",
        key="tray/notice_shown",
        shown=False,
    ),
)
SETTING = {s.name: s for s in SETTINGS}
JOURNAL_SETTINGS = tuple(s for s in SETTINGS if s.where == "journal")
WINDOW_SETTINGS = tuple(s for s in SETTINGS if s.where == "window")
RATING_ENDS_SETTING = {"mood": "mood_ends", "focus": "focus_ends", "resilience": "resilience_ends"}
