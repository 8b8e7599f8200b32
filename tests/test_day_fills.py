"""Imported day ratings (design §6, §9): they fill only days without the person's own, are
recorded per batch, and removing the batch gives back exactly the journal before it."""

from __future__ import annotations

from datetime import date

from conftest import VECTORS
from diaries import day
from hypothesis import given
from hypothesis import strategies as st

from nts_desktop.core.fills import DayFill, is_label_tag, to_journal_mood
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.io.csv_import import import_csv
from nts_desktop.storage.batches import list_batches, remove_batch, write_batch
from nts_desktop.storage.fills import conflicts
from nts_desktop.storage.mood_maps import mood_map, remember_mood_map

B = VECTORS / "diary_B_weekend_shift.csv"


def fill(when: str, **values) -> DayFill:
    return DayFill(date=date.fromisoformat(when), source="daylio", **values)


def test_daylio_five_levels_map_to_1_3_6_8_10_and_halves_round_up():
    assert [to_journal_mood(x, (1, 5)) for x in (1, 2, 3, 4, 5)] == [1, 3, 6, 8, 10]
    assert to_journal_mood(7, (1, 10)) == 7
    assert to_journal_mood(3.5, (1, 5)) == 7  # 6.625 → 7
    assert to_journal_mood(1.2, (1, 5)) == 1  # 1.45 → 1


@given(
    st.floats(1, 5, allow_nan=False),
    st.floats(1, 5, allow_nan=False),
    st.sampled_from([(1, 5), (1, 10), (0, 4)]),
)
def test_the_mapping_is_monotone_and_stays_on_the_journal_scale(a, b, scale):
    lo, hi = scale
    a, b = lo + (a - 1) / 4 * (hi - lo), lo + (b - 1) / 4 * (hi - lo)
    low, high = sorted((a, b))
    assert 1 <= to_journal_mood(low, scale) <= to_journal_mood(high, scale) <= 10


def test_label_tags_are_not_factors_but_other_tags_are():
    assert is_label_tag("daylio:vaguely ok") and is_label_tag("imoodjournal:Pretty Good")
    assert not is_label_tag("energy:good") and not is_label_tag("exercise")


def test_ratings_fill_only_empty_days_and_removing_the_batch_restores_the_export(journal):
    import_csv(journal, B)
    journal.save_day(day("2025-04-23", mood=4, notes="headache all day"))
    journal.save_day(day("2025-04-24", "23:00", "23:10", "06:50", "07:00"))  # night, no mood
    own = {d.date: d for d in journal.days()}
    before = export_bytes(journal)
    fills = [
        fill("2025-04-24", mood=8, tags=("work", "daylio:good")),  # a night, no mood yet
        fill("2025-04-23", mood=9, notes="party"),  # own mood 4: kept
        fill("2025-05-10", mood=3, quality=2, tags=("gaming",)),  # no day at all: created
    ]
    assert [c.words() for c in conflicts(journal, fills)] == [
        "2025-04-23 mood: yours 4, the file's 9"
    ]
    _change, batch = write_batch(journal, "daylio", "daylio_export.csv", [], [], fills)
    assert batch.days == 3 and "3 days of ratings" in batch.words()
    after = {d.date: d for d in journal.days()}
    assert after[date(2025, 4, 24)].mood == 8
    assert after[date(2025, 4, 24)].tags == ("work", "daylio:good")
    assert after[date(2025, 4, 24)].night == own[date(2025, 4, 24)].night
    assert after[date(2025, 4, 23)].mood == 4
    assert after[date(2025, 4, 23)].notes == "headache all day\n\nparty"
    assert after[date(2025, 5, 10)].mood == 3 and after[date(2025, 5, 10)].quality == 2
    assert export_bytes(journal) != before
    remove_batch(journal, batch.id)
    assert export_bytes(journal) == before
    assert list_batches(journal) == []


def test_replacing_own_ratings_is_a_choice_and_removal_gives_them_back(journal):
    journal.save_day(day("2025-04-23", mood=4))
    before = export_bytes(journal)
    _c, batch = write_batch(journal, "daylio", "x.csv", [], [], [fill("2025-04-23", mood=9)], True)
    assert journal.day(date(2025, 4, 23)).mood == 9
    remove_batch(journal, batch.id)
    assert journal.day(date(2025, 4, 23)).mood == 4
    assert export_bytes(journal) == before


def test_removal_leaves_alone_what_the_person_changed_since(journal):
    _c, batch = write_batch(
        journal, "daylio", "x.csv", [], [], [fill("2025-04-23", mood=8, tags=("work",))]
    )
    edited = journal.day(date(2025, 4, 23))
    journal.save_day(type(edited)(**{**edited.__dict__, "mood": 5, "focus": 7}))
    remove_batch(journal, batch.id)
    kept = journal.day(date(2025, 4, 23))
    assert kept is not None  # the person's own focus keeps the day
    assert (kept.mood, kept.focus, kept.tags) == (5, 7, ())


def test_importing_the_same_ratings_twice_changes_nothing_the_second_time(journal):
    fills = [fill("2025-04-23", mood=8, tags=("work",), notes="ok")]
    write_batch(journal, "daylio", "x.csv", [], [], fills)
    once = export_bytes(journal)
    _c, second = write_batch(journal, "daylio", "x.csv", [], [], fills)
    assert second.days == 0 and export_bytes(journal) == once


def test_placed_mood_names_are_remembered_per_app(journal_path):
    from nts_desktop.storage import open_journal

    with open_journal(journal_path, tz="Europe/Berlin") as j:
        remember_mood_map(j, "daylio", {"Vaguely OK ": 3.0})
        remember_mood_map(j, "daylio", {"content": 4.0})
    with open_journal(journal_path) as j:
        assert mood_map(j, "daylio") == {"vaguely ok": 3.0, "content": 4.0}
        assert mood_map(j, "bearable") == {}
