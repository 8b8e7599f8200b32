"""The morning form's rules without Qt (core/morning.py): values from days, days from values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest
from diaries import day, night

from nts_desktop.core.morning import (
    RATINGS,
    Morning,
    blank_values,
    day_values,
    days_from_values,
    form_values,
    prefill_words,
    ratings_date,
    readings,
)
from nts_desktop.core.prefill import Typical, typical_night
from nts_desktop.core.records import FIELDS, STAGES, RecordError

D = date(2025, 4, 21)  # a Monday
FORM_FIELDS = {f.name for f in FIELDS if f.name not in ("date", "source", "tz", *STAGES)}


def morning(stored=None, prev=None, when=D) -> Morning:
    return Morning(when, "Europe/Berlin", (5, 6), stored, prev)


def test_blank_values_hold_every_field_with_the_typical_night_and_nothing_rated():
    values = blank_values(morning(), Typical(bedtime=time(22, 30), based_on=5))
    assert set(values) == FORM_FIELDS | {"has_night"}
    assert values["bedtime"] == time(22, 30) and values["final_wake"] == time(7, 0)
    assert values["has_night"] is True
    assert values["free_day"] is False  # a Monday
    assert all(values[name] is None for name in (*RATINGS, "quality", "rested", "naps_min"))
    assert (values["tags"], values["notes"], values["medication"]) == ("", "", "")
    sunday = blank_values(morning(when=date(2025, 4, 20)), Typical())
    assert sunday["free_day"] is True


def test_day_values_show_readings_as_bare_times_in_the_nights_zone():
    stored = day(
        D,
        "23:05",
        "23:20",
        "06:40",
        "06:55",
        sol=12,
        tz="America/New_York",
        quality=4,
        tags=("run", "tea"),
        notes="ok",
    )
    values = day_values(stored)
    assert values["bedtime"] == time(23, 5) and values["out_of_bed"] == time(6, 55)
    assert values["sleep_latency_min"] == 12
    assert (values["quality"], values["tags"], values["notes"]) == (4, "run; tea", "ok")
    assert morning(stored).zone == "America/New_York"
    assert morning().zone == "Europe/Berlin"


def test_form_values_put_the_stored_day_over_the_blank_one_and_rate_the_chosen_day():
    stored = day(D, "23:05", "23:20", "06:40", "06:55", mood=3)
    prev = day(D - timedelta(days=1), mood=8, focus=7)
    m = morning(stored, prev)
    yesterday = form_values(m, Typical(), rate_today=False)
    assert yesterday["bedtime"] == time(23, 5)
    assert (yesterday["mood"], yesterday["focus"], yesterday["resilience"]) == (8, 7, None)
    today = form_values(m, Typical(), rate_today=True)
    assert today["mood"] == 3
    assert ratings_date(D, False) == D - timedelta(days=1)
    assert ratings_date(D, True) == D


def test_saving_a_morning_writes_yesterday_only_when_its_ratings_changed():
    prev = day(D - timedelta(days=1), mood=8)
    m = morning(None, prev)
    values = blank_values(m, Typical())
    values.update(mood=8)
    saved, changed_prev = days_from_values(m, values, rate_today=False)
    assert changed_prev is None  # the same mood as stored: yesterday is not touched
    assert saved.night is not None and saved.mood is None
    values.update(mood=5, focus=10)
    _, changed_prev = days_from_values(m, values, rate_today=False)
    assert (changed_prev.date, changed_prev.mood, changed_prev.focus) == (D - timedelta(1), 5, 10)


def test_rating_today_puts_the_ratings_on_the_date_itself():
    m = morning()
    values = {**blank_values(m, Typical()), "mood": 6, "focus": 4, "resilience": 9}
    saved, prev = days_from_values(m, values, rate_today=True)
    assert (saved.mood, saved.focus, saved.resilience) == (6, 4, 9)
    assert prev is None


def test_saving_keeps_the_ratings_of_the_date_when_rating_yesterday():
    stored = day(D, "23:00", "23:15", "07:00", "07:15", mood=2)  # rated "today" once
    m = morning(stored)
    values = form_values(m, Typical(), rate_today=False)
    saved, _ = days_from_values(m, values, rate_today=False)
    assert saved.mood == 2


def test_an_unchanged_reading_keeps_its_seconds_and_its_dst_fold():
    # 2025-10-26 in Berlin: 02:30 happens twice; the stored night uses the second one
    when = date(2025, 10, 26)
    base = day(when, "23:00", "23:10", "06:50", "07:00")
    second = datetime(2025, 10, 26, 2, 30, tzinfo=timezone(timedelta(hours=1)))
    stored = replace(
        base,
        night=replace(
            base.night, final_wake=second, out_of_bed=second + timedelta(minutes=5, seconds=7)
        ),
    )
    m = morning(stored, when=when)
    values = day_values(stored)
    kept = readings(m, values)
    assert kept["final_wake"] == second
    assert kept["out_of_bed"].second == 7
    values["final_wake"] = time(2, 20)  # typed anew: a bare time, placed by the rules
    assert readings(m, values)["final_wake"] == time(2, 20)


def test_a_mistake_names_its_field():
    m = morning()
    values = {**blank_values(m, Typical()), "out_of_bed": time(6, 0), "final_wake": time(7, 0)}
    with pytest.raises(RecordError) as caught:
        days_from_values(m, values, rate_today=False)
    assert {p.field for p in caught.value.problems} == {"final_wake"}


def test_a_day_without_a_night_keeps_only_its_answers():
    m = morning()
    values = {**blank_values(m, Typical()), "has_night": False, "quality": 3}
    saved, _ = days_from_values(m, values, rate_today=False)
    assert saved.night is None and saved.quality == 3


def test_prefill_words_say_where_the_values_come_from():
    assert "median of your last 4 nights" in prefill_words(Typical(based_on=4))
    assert "typical times" in prefill_words(Typical())


def test_prefill_uses_only_nights_before_the_date():
    same_day = night("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    assert typical_night([same_day], before=date(2025, 4, 8)).based_on == 0
    assert typical_night([same_day], before=date(2025, 4, 9)).based_on == 1
