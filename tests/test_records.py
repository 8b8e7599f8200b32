"""Records and validation, bare-time entry and per-night measures (design §1–3)."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from conftest import VECTORS
from diaries import day, hm, night

from nts_desktop.core.entry import build_night
from nts_desktop.core.measures import measure
from nts_desktop.core.records import (
    Day,
    RecordError,
    day_problems,
    default_free_day,
    night_problems,
    normalize_day,
    normalize_tags,
)
from nts_desktop.core.timeutil import anchored_minutes, localize


def fields_of(exc: pytest.ExceptionInfo) -> set[str]:
    return {p.field for p in exc.value.problems}


def load_vector(name: str) -> tuple[list, dict]:
    expected = json.loads((VECTORS / f"expected_{name}.json").read_text())
    with open(VECTORS / f"diary_{name}.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    nights = [
        night(
            r["date"],
            r["bedtime"],
            r["lights_out"],
            r["final_wake"],
            r["out_of_bed"],
            int(r["sleep_latency_min"]),
            int(r["awakenings"]),
            int(r["waso_min"]),
            tz=expected["tz"],
        )
        for r in rows
    ]
    return nights, expected


@pytest.mark.parametrize("name", ["A_regular", "B_weekend_shift"])
def test_reference_per_night_measures(name):
    nights, expected = load_vector(name)
    for n, want in zip(nights, expected["per_night"], strict=True):
        m = measure(n)
        assert str(n.date) == want["date"]
        assert m.tib_min == pytest.approx(want["tib_min"], abs=0.01)
        assert m.tst_min == pytest.approx(want["tst_min"], abs=0.01)
        assert m.se_pct == pytest.approx(want["se_pct"], abs=0.01)
        clock = anchored_minutes(m.midsleep, n.date) % 1440
        assert clock == pytest.approx(want["midsleep_clock_min"], abs=0.01)


def test_bedtime_after_midnight_stays_on_the_date():
    n = night("2025-04-08", "00:15", "00:30", "06:45", "07:05", 20, 1, 10)
    assert n.bedtime == localize(datetime(2025, 4, 8, 0, 15), "Europe/Berlin")
    assert measure(n).tib_min == 410


def test_lights_out_after_midnight_after_pre_midnight_bedtime():
    n = night("2025-04-16", "23:45", "00:05", "06:45", "07:00", 20, 2, 25)
    assert n.bedtime.date() == date(2025, 4, 15)
    assert n.lights_out.date() == date(2025, 4, 16)


def test_day_sleeper_all_on_one_date():
    n = night("2025-06-10", "08:00", "08:20", "15:30", "16:00", 20, 1, 15)
    assert {t.date() for t in (n.bedtime, n.lights_out, n.final_wake, n.out_of_bed)} == {
        date(2025, 6, 10)
    }
    m = measure(n)
    assert (m.tib_min, m.tst_min) == (480, 395)
    assert anchored_minutes(m.onset, n.date) == 8 * 60 + 40


@pytest.mark.parametrize(
    ("tz", "when", "hours"),
    [
        ("Europe/Berlin", "2025-03-30", 7),  # spring forward: 8 h on the clock, 7 elapsed
        ("America/New_York", "2025-03-09", 7),
        ("Europe/Berlin", "2025-10-26", 9),  # fall back: 8 h on the clock, 9 elapsed
        ("America/New_York", "2025-11-02", 9),
    ],
)
def test_dst_nights_are_elapsed_time(tz, when, hours):
    n = night(when, "23:00", "23:00", "07:00", "07:00", 0, 0, 0, tz=tz)
    m = measure(n)
    assert m.tib_min == hours * 60
    assert m.tst_min == hours * 60
    assert m.se_pct == 100


def test_spring_forward_midsleep_is_wall_clock_in_the_zone():
    n = night("2025-03-30", "23:00", "23:00", "07:00", "07:00", 0, 0, 0)
    # 7 h elapsed from 23:00 CET: midsleep is 3.5 h later = 02:30 UTC+1 instant = 03:30 CEST.
    assert measure(n).midsleep.strftime("%H:%M %z") == "03:30 +0200"


def test_reading_in_repeated_hour_is_first_occurrence():
    n = night("2025-10-26", "23:00", "23:00", "02:30", "02:40", 0, 0, 0)
    assert n.final_wake.utcoffset() == timedelta(hours=2)
    assert measure(n).tst_min == 210  # 23:00 CEST -> 02:30 CEST


def test_reading_in_skipped_hour_is_refused_naming_field_and_gap():
    with pytest.raises(RecordError) as err:
        night("2025-03-30", "23:00", "23:10", "02:30", "07:00")
    assert fields_of(err) == {"final_wake"}
    assert "02:00 to 03:00" in str(err.value)


def test_traveller_whose_nights_change_zone():
    berlin = night("2025-05-01", "23:00", "23:10", "07:00", "07:10", tz="Europe/Berlin")
    ny = night("2025-05-02", "23:00", "23:10", "07:00", "07:10", tz="America/New_York")
    assert berlin.out_of_bed.utcoffset() == timedelta(hours=2)
    assert ny.out_of_bed.utcoffset() == timedelta(hours=-4)
    assert measure(ny).tib_min == measure(berlin).tib_min == 490
    # wall-clock midsleep is read in each night's own zone
    assert anchored_minutes(measure(ny).midsleep, ny.date) == anchored_minutes(
        measure(berlin).midsleep, berlin.date
    )


@pytest.mark.parametrize(
    ("args", "field", "words"),
    [
        # lights_out before bedtime: only possible with explicit datetimes
        (
            dict(bedtime=datetime(2025, 4, 7, 23, 30), lights_out=datetime(2025, 4, 7, 23, 0)),
            "lights_out",
            "before bedtime",
        ),
        (dict(sol=600), "sleep_latency_min", "after the final awakening"),
        (dict(sol=200, waso=300), "waso_min", "more than"),
        (
            dict(final_wake=datetime(2025, 4, 8, 7, 30), out_of_bed=datetime(2025, 4, 8, 7, 0)),
            "out_of_bed",
            "before the final awakening",
        ),
        (dict(out_of_bed=datetime(2025, 4, 9, 7, 0)), "out_of_bed", "not on the day's date"),
        (
            dict(bedtime=datetime(2025, 4, 6, 6, 0), lights_out=datetime(2025, 4, 6, 6, 0)),
            "out_of_bed",
            "under 24 hours",
        ),
        (dict(sol=721), "sleep_latency_min", "out of range"),
        (dict(awakenings=100), "awakenings", "out of range"),
        (dict(waso=-1), "waso_min", "out of range"),
        (dict(tz="Mars/Base"), "tz", "not an IANA"),
    ],
)
def test_every_night_rule_names_its_field(args, field, words):
    readings = {
        "bedtime": hm("23:00"),
        "lights_out": hm("23:10"),
        "final_wake": hm("06:50"),
        "out_of_bed": hm("07:00"),
    }
    for key in ("bedtime", "lights_out", "final_wake", "out_of_bed"):
        if key in args:
            readings[key] = args[key]
    numbers = {
        "sleep_latency_min": args.get("sol", 10),
        "awakenings": args.get("awakenings", 1),
        "waso_min": args.get("waso", 5),
    }
    with pytest.raises(RecordError) as err:
        build_night(date(2025, 4, 8), args.get("tz", "Europe/Berlin"), readings, numbers)
    assert field in fields_of(err)
    assert words in str(err.value)


def test_partial_night_lists_every_missing_item():
    with pytest.raises(RecordError) as err:
        build_night(date(2025, 4, 8), "UTC", {"bedtime": hm("23:00")}, {"awakenings": 1})
    assert fields_of(err) == {
        "lights_out",
        "final_wake",
        "out_of_bed",
        "sleep_latency_min",
        "waso_min",
    }


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"quality": 0}, "quality"),
        ({"quality": 6}, "quality"),
        ({"rested": 9}, "rested"),
        ({"mood": 0}, "mood"),
        ({"focus": 11}, "focus"),
        ({"resilience": -3}, "resilience"),
        ({"naps_min": 1441}, "naps_min"),
        ({"caffeine": 100}, "caffeine"),
        ({"alcohol": -1}, "alcohol"),
        ({"mood": 5.5}, "mood"),
        ({"quality": True}, "quality"),
        ({"tags": ("a;b",)}, "tags"),
        ({"notes": 5}, "notes"),
    ],
)
def test_every_day_rule_names_its_field(values, field):
    with pytest.raises(RecordError) as err:
        normalize_day(Day(date=date(2025, 4, 8), free_day=False, **values))
    assert fields_of(err) == {field}


def test_day_night_date_mismatch_and_free_day_type():
    n = night("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    problems = day_problems(Day(date=date(2025, 4, 9), free_day=False, night=n))
    assert {p.field for p in problems} >= {"date"}
    assert {p.field for p in day_problems(Day(date=date(2025, 4, 9), free_day=2))} == {"free_day"}


def test_normalize_day_blanks_and_tags():
    d = normalize_day(day("2025-04-08", notes="   ", medication="", tags=(" a ", "b", "a", "")))
    assert d.notes is None and d.medication is None
    assert d.tags == ("a", "b")
    assert normalize_tags("x; y ;;x") == ("x", "y")
    with pytest.raises(RecordError):
        normalize_tags(["a;b"])


def test_default_free_day_uses_journal_weekdays():
    assert default_free_day(date(2025, 4, 12), (5, 6))  # Saturday
    assert not default_free_day(date(2025, 4, 14), (5, 6))  # Monday
    assert default_free_day(date(2025, 4, 14), (0,))


def test_night_problems_on_a_valid_night_is_empty_and_source_checked():
    n = night("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    assert night_problems(n) == []
    assert {p.field for p in night_problems(replace(n, source=" "))} == {"source"}


def test_equal_times_are_allowed():
    n = build_night(
        date(2025, 4, 8),
        "UTC",
        {"bedtime": time(23), "lights_out": time(23), "final_wake": time(7), "out_of_bed": time(7)},
        {"sleep_latency_min": 0, "awakenings": 0, "waso_min": 0},
    )
    assert measure(n).se_pct == 100


def test_prefill_keeps_the_usual_gaps_between_diary_times():
    from nts_desktop.core.prefill import typical_night

    nights = [
        night("2025-04-01", "22:30", "23:00", "06:30", "06:50"),
        night("2025-04-02", "23:40", "23:45", "07:40", "07:45"),
        night("2025-04-03", "23:00", "23:20", "07:00", "07:15"),
    ]
    t = typical_night(nights, date(2025, 4, 4))
    assert (t.bedtime, t.lights_out) == (time(23, 0), time(23, 20))  # median gap 20 min
    assert (t.final_wake, t.out_of_bed) == (time(7, 0), time(7, 15))  # median gap 15 min
    assert t.based_on == 3
    assert typical_night([], date(2025, 4, 4)).based_on == 0


@pytest.mark.parametrize("year", [1025, 1899, 2101, 9999])
def test_implausible_years_are_refused(year):
    with pytest.raises(RecordError) as err:
        normalize_day(Day(date=date(year, 4, 8), free_day=False, mood=5))
    assert fields_of(err) == {"date"} and "mistyped" in str(err.value)
    n = night("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    problems = day_problems(
        Day(date=date(year, 4, 8), free_day=False, night=replace(n, date=date(year, 4, 8)))
    )
    assert [p.field for p in problems].count("date") == 1
