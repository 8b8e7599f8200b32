"""Settings declared once: the declarations, their checks, the journal, QSettings, the CLI
and design §2 agree."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from nts_desktop.cli import cli
from nts_desktop.cli.settings import settings_command
from nts_desktop.core.settings_spec import JOURNAL_SETTINGS, SETTING, SETTINGS, WINDOW_SETTINGS
from nts_desktop.core.units import clock
from nts_desktop.storage import Settings, open_journal

DESIGN_DOC = Path(__file__).parent.parent / "docs" / "design.md"


def test_every_setting_has_one_name_and_one_home():
    names = [s.name for s in SETTINGS]
    keys = [s.key for s in WINDOW_SETTINGS]
    assert len(set(names)) == len(names) and len(set(keys)) == len(keys)
    assert all(s.key and not s.cli for s in WINDOW_SETTINGS)
    assert all(s.cli and not s.key for s in JOURNAL_SETTINGS)
    assert all(s.help for s in SETTINGS if s.shown)


def test_journal_declarations_are_the_journal_files_settings_with_its_defaults():
    fields = {f.name: f.default for f in dataclasses.fields(Settings) if f.name != "demo"}
    assert set(fields) == {s.name for s in JOURNAL_SETTINGS}
    for spec in JOURNAL_SETTINGS:
        if spec.name != "tz":  # the computer's zone when the journal is created
            assert spec.default == fields[spec.name], spec.name


def test_the_cli_settings_command_has_an_option_per_journal_setting():
    options = {p.name: p.opts for p in settings_command.params}
    for spec in JOURNAL_SETTINGS:
        assert spec.name in options and spec.cli in options[spec.name], spec.name


def test_journal_settings_round_trip_through_the_journal_and_the_cli(journal_path):
    result = CliRunner().invoke(
        cli,
        [
            *("--db", str(journal_path), "settings", "--zone", "Asia/Tokyo"),
            *("--free-days", "fri", "--preferred-source", "oura", "--name", "Ada  Lovelace"),
        ],
    )
    assert result.exit_code == 0, result.output
    with open_journal(journal_path) as journal:
        stored = {s.name: getattr(journal.settings, s.name) for s in JOURNAL_SETTINGS}
    assert stored == {
        "tz": "Asia/Tokyo",
        "free_weekdays": (4,),
        "preferred_source": "oura",
        "person_name": "Ada Lovelace",
    }
    assert all(SETTING[name].check(value) == value for name, value in stored.items())


def test_every_declaration_is_listed_in_the_design():
    text = DESIGN_DOC.read_text(encoding="utf-8")
    section = text[text.index("### Settings") :]
    for spec in SETTINGS:
        where = spec.cli if spec.where == "journal" else spec.key
        assert f"`{where}`" in section, where


@pytest.mark.parametrize(
    ("minutes", "hour12", "text"),
    [
        (-30, False, "23:30"),
        (-30, True, "11:30 PM"),
        (5, True, "12:05 AM"),
        (720, True, "12:00 PM"),
        (13 * 60 + 7, True, "1:07 PM"),
        (None, True, "–"),
    ],
)
def test_clock_times_in_either_form(minutes, hour12, text):
    assert clock(minutes, hour12) == text


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("reminder_time", "25:00", "not a time like 08:00"),
        ("mood_ends", ("", "great"), "two words"),
        ("theme", "sepia", "not one of system, light, dark"),
        ("week_start", 7, "0 (Monday) to 6 (Sunday)"),
        ("free_weekdays", (9,), "0 (Monday) to 6 (Sunday)"),
    ],
)
def test_a_wrong_value_is_refused_with_words_for_people(name, value, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        SETTING[name].check(value)


def test_window_settings_round_trip_through_qsettings(qapp):
    from PySide6.QtCore import QByteArray, QSettings

    from nts_desktop.ui import preferences

    QSettings().clear()
    other = {
        "theme": "dark",
        "hour12": "12",
        "week_start": 6,
        "mood_ends": ("awful", "wonderful"),
        "focus_ends": ("foggy", "clear"),
        "resilience_ends": ("fragile", "robust"),
        "reminder_enabled": True,
        "reminder_time": "07:45",
        "autostart": True,
        "close_to_tray": False,
        "welcomed": True,
        "rate_today": True,
        "last_folder": "/tmp/two  spaces",
        "reminded_on": "2025-04-21",
        "tray_notice_shown": True,
        "geometry": QByteArray(b"\x01\xd9\xd0\xcb"),  # as Qt's saveGeometry() makes it
    }
    assert set(other) == {s.name for s in WINDOW_SETTINGS}
    for name, value in other.items():
        assert preferences.read(name) != value, name  # the default differs
        preferences.write(name, value)
    QSettings().sync()
    assert preferences.read_all(shown_only=False) == other
    assert QSettings().value("reminder/time") == "07:45"
    assert QSettings().value("session/autostart") in (True, "true")
    QSettings().setValue("view/week_start", "someday")  # a hand-edited file
    assert preferences.read("week_start") == preferences.default("week_start")
    QSettings().clear()


@pytest.mark.parametrize(
    ("language", "country", "hour12", "week_start"),
    [("English", "UnitedStates", "12", 6), ("German", "Germany", "24", 0)],
)
def test_the_clock_and_week_start_default_to_the_locales(
    qapp, language, country, hour12, week_start
):
    from PySide6.QtCore import QLocale, QSettings

    from nts_desktop.ui import preferences

    QSettings().clear()
    before = QLocale()
    QLocale.setDefault(
        QLocale(getattr(QLocale.Language, language), getattr(QLocale.Country, country))
    )
    try:
        assert preferences.read("hour12") == hour12
        assert preferences.week_start() == week_start
    finally:
        QLocale.setDefault(before)


def test_an_import_says_when_it_was_made_in_either_clock_form():
    from datetime import UTC, datetime

    from nts_desktop.storage.batches import Batch

    batch = Batch(1, "oura", "sleep.csv", datetime(2026, 3, 1, 19, 5, tzinfo=UTC), 30, 0)
    assert batch.words().endswith("(2026-03-01 19:05)")  # TZ is pinned to UTC
    assert batch.words(hour12=True).endswith("(2026-03-01 7:05 PM)")


def test_the_journal_refuses_a_setting_its_declaration_refuses(journal):
    with pytest.raises(ValueError, match=r"Free days: weekdays are 0 \(Monday\) to 6"):
        journal.update_settings(free_weekdays=[7])
    with pytest.raises(KeyError):
        journal.update_settings(theme="dark")  # a window setting
    assert journal.settings.free_weekdays == (5, 6)
