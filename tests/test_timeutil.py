"""The time rules of design §2: zones, DST gaps and repeats, bare-time placement."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from nts_desktop.core.timeutil import (
    TimeRuleError,
    anchored_minutes,
    format_time,
    in_zone,
    localize,
    parse_bare_time,
    parse_datetime,
    place_bare,
    system_zone_name,
    zone,
)


def test_unknown_zone_is_named():
    with pytest.raises(TimeRuleError, match="Mars/Olympus"):
        zone("Mars/Olympus")
    with pytest.raises(TimeRuleError):
        zone("../etc/passwd")


@pytest.mark.parametrize(
    ("tz", "day", "reading", "jump"),
    [
        ("Europe/Berlin", date(2025, 3, 30), time(2, 30), "from 02:00 to 03:00"),
        ("America/New_York", date(2025, 3, 9), time(2, 0), "from 02:00 to 03:00"),
        ("Australia/Lord_Howe", date(2025, 10, 5), time(2, 15), "from 02:00 to 02:30"),
    ],
)
def test_skipped_reading_is_refused_naming_the_gap(tz, day, reading, jump):
    with pytest.raises(TimeRuleError) as err:
        localize(datetime.combine(day, reading), tz)
    assert "does not exist" in str(err.value)
    assert jump in str(err.value)
    assert day.isoformat() in str(err.value)


@pytest.mark.parametrize(
    ("tz", "day", "offset"),
    [("Europe/Berlin", date(2025, 10, 26), 2), ("America/New_York", date(2025, 11, 2), -4)],
)
def test_repeated_reading_means_first_occurrence(tz, day, offset):
    reading = datetime.combine(day, time(1, 30) if offset < 0 else time(2, 30))
    placed = localize(reading, tz)
    assert placed.utcoffset() == timedelta(hours=offset)  # still summer time
    assert placed.replace(tzinfo=None) == reading


def test_in_zone_gives_fixed_offsets_so_subtraction_is_elapsed():
    start = localize(datetime(2025, 3, 29, 23, 0), "Europe/Berlin")
    end = localize(datetime(2025, 3, 30, 7, 0), "Europe/Berlin")
    assert (end - start) == timedelta(hours=7)
    assert in_zone(end, "UTC").hour == 5


def test_place_bare_picks_latest_date_not_after():
    up = localize(datetime(2025, 4, 8, 7, 0), "Europe/Berlin")
    assert place_bare(time(6, 45), up, "Europe/Berlin").date() == date(2025, 4, 8)
    assert place_bare(time(7, 0), up, "Europe/Berlin").date() == date(2025, 4, 8)  # equal is ok
    assert place_bare(time(23, 0), up, "Europe/Berlin").date() == date(2025, 4, 7)


def test_place_bare_in_gap_on_the_chosen_date_is_refused():
    up = localize(datetime(2025, 3, 30, 7, 0), "Europe/Berlin")
    with pytest.raises(TimeRuleError, match="does not exist"):
        place_bare(time(2, 30), up, "Europe/Berlin")


def test_parse_bare_and_iso():
    assert parse_bare_time("7:05") == time(7, 5)
    assert parse_bare_time("2025-04-01T07:05") is None
    with pytest.raises(TimeRuleError):
        parse_bare_time("24:00")
    with pytest.raises(TimeRuleError, match="not a time"):
        parse_datetime("yesterday", "UTC")
    with pytest.raises(TimeRuleError, match="date, not a time"):
        parse_datetime("2025-04-01", "UTC")
    aware = parse_datetime("2025-04-06T22:45+05:00", "Europe/Berlin")
    assert format_time(aware) == "2025-04-06T19:45+02:00"
    naive = parse_datetime("2025-04-06T22:45", "America/New_York")
    assert format_time(naive) == "2025-04-06T22:45-04:00"


def test_anchored_minutes_and_format():
    moment = localize(datetime(2025, 4, 6, 23, 30), "Europe/Berlin")
    assert anchored_minutes(moment, date(2025, 4, 7)) == -30
    assert format_time(moment, seconds=True) == "2025-04-06T23:30:00+02:00"


def test_system_zone_reads_tz(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert system_zone_name() == "Asia/Tokyo"
    monkeypatch.setenv("TZ", "Nowhere/Land")
    assert system_zone_name() != "Nowhere/Land"


def test_a_whole_skipped_day_names_its_dates():
    with pytest.raises(TimeRuleError) as err:
        localize(datetime(2011, 12, 30, 10, 0), "Pacific/Apia")
    assert "2011-12-30 00:00 to 2011-12-31 00:00" in str(err.value)
