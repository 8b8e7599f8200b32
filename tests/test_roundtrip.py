"""Property: any valid journal survives export -> import unchanged, byte-identically."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nts_desktop.core.records import Day, Night, RecordError, normalize_day, normalize_night
from nts_desktop.core.timeutil import TimeRuleError, localize
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.io.csv_import import import_bytes
from nts_desktop.storage import open_journal

ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "UTC",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/St_Johns",
]
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
label = text.map(str.strip).filter(lambda s: s and ";" not in s)


@st.composite
def nights(draw, when: date, source: str = "diary") -> Night:
    tz = draw(st.sampled_from(ZONES))
    minute = draw(st.integers(0, 1439))
    second = draw(st.sampled_from([0, 0, 0, 30]))
    try:
        up = localize(
            datetime.combine(when, datetime.min.time()) + timedelta(minutes=minute, seconds=second),
            tz,
        )
    except TimeRuleError:
        assume(False)
    wake = up - timedelta(minutes=draw(st.integers(0, 120)))
    span = draw(st.integers(0, 18 * 60))
    lights = wake - timedelta(minutes=span)
    bed = lights - timedelta(minutes=draw(st.integers(0, 120)))
    sol = draw(st.integers(0, min(span, 720)))
    waso = draw(st.integers(0, min(span - sol, 720)))
    night = Night(
        date=when,
        tz=tz,
        bedtime=bed,
        lights_out=lights,
        sleep_latency_min=sol,
        awakenings=draw(st.integers(0, 99)),
        waso_min=waso,
        final_wake=wake,
        out_of_bed=up,
        source=source,
    )
    try:
        return normalize_night(night)
    except RecordError:
        assume(False)


def rating(lo: int, hi: int):
    return st.none() | st.integers(lo, hi)


@st.composite
def days(draw, when: date) -> Day:
    day = Day(
        date=when,
        free_day=draw(st.booleans()),
        night=draw(st.none() | nights(when)),
        quality=draw(rating(1, 5)),
        rested=draw(rating(1, 5)),
        naps_min=draw(rating(0, 1440)),
        caffeine=draw(rating(0, 99)),
        alcohol=draw(rating(0, 99)),
        medication=draw(st.none() | text),
        mood=draw(rating(1, 10)),
        focus=draw(rating(1, 10)),
        resilience=draw(rating(1, 10)),
        tags=tuple(draw(st.lists(label, max_size=4, unique=True))),
        notes=draw(st.none() | text | st.sampled_from(["=1+1", "'-x", "\r\n", 'a,"b"'])),
    )
    return normalize_day(day)


@st.composite
def journals(draw) -> tuple[list[Day], list[Night]]:
    dates = sorted(draw(st.sets(st.dates(date(1990, 1, 1), date(2035, 12, 31)), max_size=8)))
    all_days = [draw(days(d)) for d in dates]
    device_dates = draw(st.sets(st.sampled_from(dates), max_size=3)) if dates else set()
    device = [
        draw(nights(d, draw(st.sampled_from(["watch", "ring", "=app"]))))
        for d in sorted(device_dates)
    ]
    unique = {(n.date, n.source): n for n in device}
    return all_days, list(unique.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals())
def test_export_import_is_lossless_and_byte_identical(content):
    all_days, device = content
    with tempfile.TemporaryDirectory() as folder:
        with open_journal(Path(folder) / "a.sqlite3", tz="UTC") as a:
            a.write_many(all_days, device)
            assert a.days() == all_days
            first = export_bytes(a)
        with open_journal(Path(folder) / "b.sqlite3", tz="Asia/Tokyo") as b:
            import_bytes(b, first)
            assert b.days() == all_days
            assert sorted(b.device_nights(), key=lambda n: (n.date, n.source)) == sorted(
                device, key=lambda n: (n.date, n.source)
            )
            assert export_bytes(b) == first
