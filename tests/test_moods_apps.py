"""Mood and habit apps' exports: Bearable, Pixels, iMoodJournal and Loop Habit Tracker, on
sample files made up from the documented formats (tests/samples/moods) and on the real
exports in ../shared/real-exports/mood-apps when that folder is there."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from nts_desktop.io.devices.sleeps import DeviceFileError, to_nights
from nts_desktop.io.moods import bearable, imoodjournal, loop, pixels

SAMPLES = Path(__file__).parent / "samples" / "moods"
REAL = Path(__file__).resolve().parents[2] / "shared" / "real-exports" / "mood-apps"
real = pytest.mark.skipif(not REAL.is_dir(), reason="the real exports are not there")
BERLIN = timezone(timedelta(hours=1))
NEW_YORK_SUMMER = timezone(timedelta(hours=-4))


def sample(name: str) -> list[tuple[str, bytes]]:
    return [(name, (SAMPLES / name).read_bytes())]


def head(data: bytes) -> str:
    """What a detector is given: the first 4096 bytes as text, BOM stripped."""
    return data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")


def folder(path: Path) -> list[tuple[str, bytes]]:
    """The files of a folder as an import hands them over: the ones ``looks_like`` takes."""
    found = sorted(p for p in path.rglob("*") if p.is_file())
    files = [(str(p.relative_to(path.parent)), p.read_bytes()) for p in found]
    return [(n, b) for n, b in files if loop.looks_like(head(b), n)]


def real_file(pattern: str) -> list[tuple[str, bytes]]:
    found = sorted(REAL.glob(pattern))
    assert found, pattern
    return [(p.name.rsplit("--", 1)[-1], p.read_bytes()) for p in found]


def refused(module, text: str, name: str = "export") -> DeviceFileError:
    with pytest.raises(DeviceFileError) as caught:
        module.read([(name, text.encode("utf-8"))], "Europe/Berlin")
    assert caught.value.filename == name
    return caught.value


def lines_of(error: DeviceFileError) -> list[int]:
    return [p.line for p in error.problems]


BEARABLE_HEADER = "date,weekday,time of day,category,rating/amount,detail,notes\n"


def bearable_rows(*rows: str) -> str:
    return BEARABLE_HEADER + "\n".join(rows)


# --- Bearable -------------------------------------------------------------------------------


def test_bearable_moods_energy_quality_factors_symptoms_meds_and_notes():
    reading = bearable.read(sample("bearable-export.csv"), "Europe/Berlin")
    assert (reading.format, reading.source, reading.scale) == ("bearable", "bearable", (1, 10))
    assert reading.records == 18 and reading.files == ["bearable-export.csv"]
    assert reading.warnings == []
    by_line = {e.where: e for e in reading.entries}
    mood = by_line["line 2"]
    assert (mood.date, mood.level, mood.label) == (date(2024, 3, 1), 7.0, None)
    assert mood.tags == ("Calm", "Hopeful") and mood.note == "Good start"
    assert (by_line["line 3"].level, by_line["line 3"].tags) == (4.0, ("Tired",))
    assert by_line["line 4"].tags == ("energy:good",) and by_line["line 4"].level is None
    assert by_line["line 5"].tags == ("energy:poor",)
    assert by_line["line 7"].quality == 3 and by_line["line 7"].tags == ()
    assert by_line["line 8"].tags == ("Read before bed", "Late caffeine")  # Sleep factors
    assert by_line["line 9"].tags == ("Walk", "With friends", "Park, bench")  # dup, ';', spaces
    assert by_line["line 10"].tags == ("Headache (Moderate)",)
    assert by_line["line 11"].tags == ("Magnesium (mg)",)
    assert by_line["line 12"].note == "Gratitude: Sunny walk by the river"
    assert "line 13" not in by_line  # Bowel Movements with no text: nothing to keep
    assert "line 6" not in by_line and "line 14" not in by_line  # Sleep rows: sleeps only
    assert (by_line["line 15"].level, by_line["line 15"].tags) == (9.0, ())
    assert by_line["line 16"].tags == ("Caffeine", "High sugar")
    assert by_line["line 17"].note == "Food Diary: Meals: Pancakes | Tea"
    assert (by_line["line 19"].date, by_line["line 19"].quality) == (date(2024, 3, 3), 5)


def test_bearable_sleep_rows_end_on_the_rows_date_and_start_the_evening_before():
    reading = bearable.read(sample("bearable-export.csv"), "Europe/Berlin")
    first, in_bed_only, third = reading.sleeps
    # Asleep 23:45 - 07:00. In bed 23:15 - 07:30, dated 1 Mar 2024: began on 29 Feb
    assert first.start == datetime(2024, 2, 29, 23, 15, tzinfo=BERLIN)
    assert first.end == datetime(2024, 3, 1, 7, 30, tzinfo=BERLIN)
    assert (first.asleep_min, first.latency_min, first.after_wake_min) == (435, 30, 15 + 15)
    assert (first.source, first.tz, first.main, first.where) == (
        "bearable",
        "Europe/Berlin",
        True,
        "line 6",
    )
    # only In bed 00:30 - 09:00 (and a nap, ignored): minutes asleep from the duration 8:00
    assert in_bed_only.start == datetime(2024, 3, 2, 0, 30, tzinfo=BERLIN)
    assert in_bed_only.end == datetime(2024, 3, 2, 9, 0, tzinfo=BERLIN)
    assert (in_bed_only.asleep_min, in_bed_only.latency_min) == (480, 0)
    assert (third.asleep_min, third.latency_min, third.after_wake_min) == (540, 20, 20)
    nights, naps = to_nights(reading.sleeps, warnings := [])
    assert [n.date for n in nights] == [date(2024, 3, d) for d in (1, 2, 3)] and not warnings
    assert naps == {}


def test_bearable_finds_columns_by_name_in_the_newer_layout():
    text = (
        "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
        '"5th Apr 2024","2024-04-05","Friday","10:00","Mood","8","Content",""\n'
        '"2024-04-06","2024-04-06","Saturday","","Sleep","6:30","In bed 23:00 - 05:30",". "'
    )
    reading = bearable.read([("new.csv", text.encode())], "UTC")
    assert [(e.date, e.level, e.tags) for e in reading.entries] == [
        (date(2024, 4, 5), 8.0, ("Content",))
    ]
    (sleep,) = reading.sleeps  # its date from "date formatted"
    assert (sleep.start.isoformat(), sleep.asleep_min) == ("2024-04-05T23:00:00+00:00", 390)


def test_bearable_asleep_outside_in_bed_keeps_in_bed_and_the_duration_with_a_warning():
    text = bearable_rows(
        '"11th May 2021","Tuesday","","Sleep","7:00","Asleep 12:15 - 19:15. In bed 02:00 - '
        '12:30. Nap (mid)",". "'
    )
    reading = bearable.read([("b.csv", text.encode())], "UTC")
    (sleep,) = reading.sleeps
    assert (sleep.start.hour, sleep.end.hour, sleep.asleep_min, sleep.latency_min) == (
        2,
        12,
        420,
        0,
    )
    assert reading.warnings == [
        "line 2: Asleep 12:15 - 19:15 does not lie inside In bed 02:00 - 12:30; In bed and the "
        "duration were used"
    ]


def test_bearable_sleep_in_a_dst_gap_refuses_the_row():
    text = bearable_rows(
        '"31st Mar 2024","Sunday","","Sleep","1:00","In bed 01:30 - 02:30",". "',
    )
    error = refused(bearable, text)
    assert lines_of(error) == [2] and "02:30 does not exist on 2024-03-31" in str(error)


def test_bearable_broken_rows_name_their_lines_and_refuse_the_file():
    text = bearable_rows(
        '"1st Mar 2024","Friday","08:15","Mood","7","",""',
        '"32nd Mar 2024","Friday","08:15","Mood","7","",""',
        '"2nd Mar 2024","Saturday","08:15","Mood","seven","",""',
        '"2nd Mar 2024","Saturday","08:15","Mood"',
        '"2nd Mar 2024","Saturday","","Sleep","9:75","In bed 23:00 - 07:00",""',
        '"2nd Mar 2024","Saturday","am","Energy","6","",""',
        '"2nd Mar 2024","Saturday","","Sleep","8:00","Slept well",""',
    )
    error = refused(bearable, text, "Bearable_Export_20240302.csv")
    assert lines_of(error) == [3, 4, 5, 6, 7, 8]
    messages = [p.message for p in error.problems]
    assert "'32nd Mar 2024' is not a date" in messages[0]
    assert "'seven' is not a number" in messages[1]
    assert messages[2] == "has 4 fields; the header has 7"
    assert "'9:75' is not H:MM" in messages[3] and "'6' is not a whole number" in messages[4]
    assert "'Slept well' holds no Asleep or In bed times" in messages[5]
    assert str(error).startswith("Bearable_Export_20240302.csv:3:")


def test_bearable_refuses_a_file_that_is_not_utf8():
    data = (
        BEARABLE_HEADER.encode()
        + '"1st Mar 2024","Friday","","Gratitudes","","Caf\xe9",""'.encode("latin-1")
    )
    with pytest.raises(DeviceFileError) as caught:
        bearable.read([("b.csv", data)], "UTC")
    assert caught.value.problems[0].line == 2 and "not UTF-8" in str(caught.value)


def test_bearable_rows_of_an_earlier_export_in_the_same_import_are_read_once():
    files = [*sample("bearable-export.csv"), ("again.csv", sample("bearable-export.csv")[0][1])]
    reading = bearable.read(files, "Europe/Berlin")
    assert len(reading.entries) == 14 and len(reading.sleeps) == 3 and reading.records == 36
    assert reading.warnings == ["18 rows already in another export of this import skipped"]


# --- Pixels ---------------------------------------------------------------------------------


def test_pixels_one_entry_per_score_with_the_days_note_and_tags_on_the_first():
    reading = pixels.read(sample("pixels-backup.json"), "UTC")
    assert (reading.format, reading.scale, reading.records) == ("pixels", (1, 5), 5)
    got = [(e.date, e.where, e.level, e.tags, e.note) for e in reading.entries]
    assert got == [
        (date(2024, 1, 9), "day 1", 3.0, (), None),
        (
            date(2024, 1, 10),
            "day 2",
            2.0,
            ("nervous", "relieved", "study", "good friends"),
            "Exam in the morning, “party” at night",
        ),
        (date(2024, 1, 10), "day 2", 4.0, (), None),
        (date(2024, 1, 10), "day 2", 5.0, (), None),
        (date(2024, 1, 11), "day 3", None, (), "Forgot to rate"),  # a note, no score
        (date(2024, 2, 1), "day 5", 5.0, (), "New month"),  # day 4: nothing in it
    ]


def test_pixels_broken_days_are_refused_by_their_position():
    text = (
        '[{"date":"2024-1-9","scores":[3]},{"date":"2024-13-1","scores":[3]},'
        '{"date":"2024-1-11","scores":[6]},{"date":"2024-1-12","scores":["4"]},'
        '{"date":"2024-1-13","scores":[4],"notes":5}]'
    )
    error = refused(pixels, text, "PIXELS-BACKUP.json")
    assert lines_of(error) == [2, 3, 4, 5]
    assert error.problems[0].message == "day 2: the date '2024-13-1' is not a date (like 2025-6-1)"
    assert error.problems[1].message == "day 3: the score '6' is not a number from 1 to 5"
    assert error.problems[2].message == "day 4: the score '\"4\"' is not a number from 1 to 5"
    assert error.problems[3].message == "day 5: notes '5' is not text"
    bad_json = refused(pixels, '[{"date":"2024-1-9",\n"scores":[3]')
    assert "is not valid JSON" in str(bad_json) and lines_of(bad_json) == [2]


def test_pixels_a_day_found_again_in_another_backup_is_read_once():
    older = b'[{"date":"2024-1-9","type":"Mood","scores":[3],"notes":"","tags":[]}]'
    files = [("old.json", older), *sample("pixels-backup.json")]
    reading = pixels.read(files, "UTC")
    assert [e.level for e in reading.entries if e.date == date(2024, 1, 9)] == [3.0]
    assert reading.warnings == ["1 day found again (another backup, or twice in one) read once"]


def test_pixels_detection_reads_a_first_day_longer_than_the_part_read():
    head = '[{"date":"2025-6-1","type":"Mood","scores":[4],"notes":"' + "x" * 5000
    assert pixels.looks_like(head[:4096], "PIXELS-BACKUP.json")
    assert not pixels.looks_like('[{"date":"2025-6-1","type":"Mood","notes":"x"}]', "p.json")
    assert not pixels.looks_like('[{"logId": 1, "startTime": "2025-06-01T23:00"}]', "f.json")


# --- iMoodJournal ---------------------------------------------------------------------------


def test_imoodjournal_levels_labels_hashtag_columns_comments_and_duplicates():
    reading = imoodjournal.read(sample("imoodjournal.csv"), "UTC")
    assert (reading.format, reading.scale, reading.records) == ("imoodjournal", (1, 10), 5)
    got = [(e.date, e.where, e.level, e.label, e.tags, e.note) for e in reading.entries]
    assert got == [
        (date(2024, 3, 3), "line 2", 6.0, "Okay", ("coffee",), "Slow #coffee start"),
        (
            date(2024, 3, 3),
            "line 4",
            8.0,
            "Good",
            ("walk",),
            "Long #walk\nby the lake, then home",
        ),  # line 3 is line 2 again; line 4's comment runs over two lines
        (date(2024, 3, 4), "line 6", 3.0, "Bad", ("tired",), None),  # column "#tired"
        (date(2024, 3, 10), "line 7", 10.0, "Awesome", ("coffee", "walk"), "#coffee and a #walk"),
    ]
    assert reading.warnings == ["1 duplicate row skipped"]


def test_imoodjournal_broken_rows_name_their_lines_and_refuse_the_file():
    header = '"Date","Day of week","Hour","Minute","Level","LevelText","Comment","coffee"\n'
    text = header + "\n".join(
        [
            '"March 3, 2024","Sun","08","05","6","(6) Okay","",0',
            '"Marsh 3, 2024","Sun","08","05","6","(6) Okay","",0',
            '"March 3, 2024","Sun","08","05","11","(11) ?","",0',
            '"March 3, 2024","Sun","08","05","6","(6) Okay","",2',
            '"March 3, 2024","Sun","08"',
            '"March 3, 2024","Sun","25","05","6","(6) Okay","",0',
        ]
    )
    error = refused(imoodjournal, text, "iMoodJournal.csv")
    assert lines_of(error) == [3, 4, 5, 6, 7]
    messages = [p.message for p in error.problems]
    assert "'Marsh 3, 2024' is not a date" in messages[0]
    assert "the level '11' is not a whole number from 1 to 10" in messages[1]
    assert "'coffee' holds '2', not 0 or 1" in messages[2]
    assert messages[3] == "has 3 fields; the header names 8"
    assert "the hour '25'" in messages[4]


# --- Loop Habit Tracker ---------------------------------------------------------------------

LOOP_EXPECTED = [
    (date(2024, 3, 1), "line 6", ("Stretch",), None),
    (date(2024, 3, 1), "line 6", ("No screens after 22:00",), None),
    (date(2024, 3, 2), "line 5", ("Walk 5 km",), None),  # archived: still read
    (date(2024, 3, 3), "line 4", ("No screens after 22:00",), 'Read a book, "Dune"'),
    (date(2024, 3, 3), "line 4", ("Walk 5 km",), None),
    (date(2024, 3, 4), "line 3", ("Stretch",), None),  # numeric 2; 1 (auto) is not done
    (date(2024, 3, 5), "line 2", ("Stretch",), None),  # YES_AUTO is not done
]


def test_loop_habits_done_by_hand_become_tags_with_their_notes():
    files = folder(SAMPLES / "loop-export")
    assert [n for n, _ in files] == [
        "loop-export/002 No screens after 2200/Checkmarks.csv",
        "loop-export/Checkmarks.csv",
        "loop-export/Habits.csv",
    ]  # the Scores.csv files are not taken
    reading = loop.read(files, "UTC")
    assert (reading.format, reading.scale, reading.records) == ("loop", None, 5)
    got = [(e.date, e.where, e.tags, e.note) for e in reading.entries]
    assert got == LOOP_EXPECTED and all(e.level is None for e in reading.entries)
    assert reading.warnings == ["1 habit note of days the habit was not done not imported"]


def test_loop_reads_the_export_zip_as_loop_writes_it():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for p in sorted((SAMPLES / "loop-export").rglob("*.csv")):
            z.write(p, str(p.relative_to(SAMPLES / "loop-export")))
    reading = loop.read([("Loop Habits CSV 2024-03-05.zip", buffer.getvalue())], "UTC")
    assert [(e.date, e.where, e.tags, e.note) for e in reading.entries] == LOOP_EXPECTED


def test_loop_per_habit_file_alone_is_named_by_its_folder_or_by_habits_csv():
    base = SAMPLES / "loop-export"
    per_habit = "002 No screens after 2200/Checkmarks.csv"
    alone = loop.read([(per_habit, (base / per_habit).read_bytes())], "UTC")
    got = [(e.date, e.where, e.tags, e.note) for e in alone.entries]
    assert got == [
        (date(2024, 3, 1), "No screens after 2200 line 6", ("No screens after 2200",), None),
        (
            date(2024, 3, 3),
            "No screens after 2200 line 4",
            ("No screens after 2200",),
            'Read a book, "Dune"',
        ),
    ]
    with_names = loop.read(
        [
            ("Habits.csv", (base / "Habits.csv").read_bytes()),
            (per_habit, (base / per_habit).read_bytes()),
        ],
        "UTC",
    )
    assert {e.tags for e in with_names.entries} == {("No screens after 22:00",)}
    by_file_name = loop.read(
        [("004_Drink_water__Checkmarks.csv", b"Date,Value\n2024-03-01,2\n")], "UTC"
    )
    assert by_file_name.entries[0].tags == ("Drink water",)


def test_loop_numeric_habits_are_skipped_and_names_with_commas_joined_back():
    habits = (
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
        "Unit,Target Type,Target Value,Archived?\n"
        '001,"Read, write",YES_NO,,,1,1,#FF8F00,,,,false\n'
        "002,Pages,NUMERICAL,,,1,1,#FF8F00,pages,AT_LEAST,10,false\n"
    )
    root = "Date,Read, write,Pages,\n2024-03-02,YES_MANUAL,12.5,\n2024-03-01,NO,0,\n"
    reading = loop.read([("Habits.csv", habits.encode()), ("Checkmarks.csv", root.encode())], "UTC")
    assert [(e.date, e.tags) for e in reading.entries] == [(date(2024, 3, 2), ("Read, write",))]
    assert reading.warnings == ["habit 'Pages' counts a number, not done/not done: skipped"]


def test_loop_broken_rows_name_their_lines_and_refuse_the_file():
    rows = ["2024-03-05,YES_MANUAL,NO,", "2024-3-4,2,0,", "2024-03-03,DONE,0,", "2024-03-02,2,"]
    text = "Date,Stretch,Walk,\n" + "\n".join([*rows, "2024-03-01"]) + "\n"
    error = refused(loop, text, "Checkmarks.csv")
    assert lines_of(error) == [3, 4, 5, 6]
    assert error.problems[0].column == "Date" and "'2024-3-4' is not a date" in str(error)
    assert error.problems[1].column == "Stretch" and "'DONE' is not a Loop checkmark" in str(error)
    assert error.problems[2].column == "Walk" and "'' is not a Loop checkmark" in str(error)
    assert error.problems[3].message == "has 1 field; the header has 3"


# --- detection ------------------------------------------------------------------------------

JOURNAL_HEADER = "date,bedtime,lights_out,sleep_latency_min,awakenings,waso_min,final_wake\n"
DAYLIO_HEADERS = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2024-03-01,1 March,Friday,21:40,good,"walk | read","",""\n',
    'year,date,weekday,time,mood,activities,note\n2018,18 May,Friday,11:54 pm,happy,"",""\n',
)


def test_each_detector_takes_its_own_files_only():
    own = {
        bearable: ["bearable-export.csv"],
        pixels: ["pixels-backup.json"],
        imoodjournal: ["imoodjournal.csv"],
        loop: [
            "loop-export/Habits.csv",
            "loop-export/Checkmarks.csv",
            "loop-export/002 No screens after 2200/Checkmarks.csv",
        ],
    }
    others = [JOURNAL_HEADER, JOURNAL_HEADER.replace("\n", ",\n"), *DAYLIO_HEADERS]
    for module, names in own.items():
        for name in names:
            assert module.looks_like(head((SAMPLES / name).read_bytes()), name), name
        foreign = [
            head((SAMPLES / n).read_bytes()) for m, ns in own.items() if m is not module for n in ns
        ]
        for text in foreign + others:
            assert not module.looks_like(text, "export.csv"), (module.__name__, text[:60])
    for path in SAMPLES.glob("daylio-*"):  # another parser's samples, where they are
        assert not any(m.looks_like(head(path.read_bytes()), path.name) for m in own), path.name
    scores = head((SAMPLES / "loop-export" / "Scores.csv").read_bytes())
    assert not loop.looks_like(scores, "loop-export/Scores.csv")
    assert not loop.looks_like("Date,Value\n", "Checkmarks.csv")  # too little to tell
    assert not loop.looks_like("Date,Value\n2024-03-01\n", "Checkmarks.csv")
    assert not loop.looks_like("Position,Name,Team\n1,Ann,Red\n", "table.csv")


# --- the real exports -----------------------------------------------------------------------


@real
def test_real_bearable_export_reads_with_its_sleeps_ending_on_the_rows_date():
    reading = bearable.read(real_file("bearable-csv--*.csv"), "America/New_York")
    assert reading.records == 443 and len(reading.entries) == 434  # 8 Sleep rows, 1 empty
    assert min(e.date for e in reading.entries) == date(2020, 9, 22)
    assert max(e.date for e in reading.entries) == date(2021, 7, 28)
    # line 2, 22nd Sep 2020, Mood 6 "Meh | Anxious"
    first = reading.entries[0]
    assert (first.where, first.level, first.tags) == ("line 2", 6.0, ("Meh", "Anxious"))
    assert len([e for e in reading.entries if e.level is not None]) == 62
    # 9th May 2021: Energy rows 3 OK, 2 Poor, then four times 3 OK; Sleep quality 4 Good
    may9 = [e for e in reading.entries if e.date == date(2021, 5, 9)]
    energy = [t for e in may9 for t in e.tags if t.startswith("energy:")]
    assert energy == ["energy:ok", "energy:poor"] + ["energy:ok"] * 4
    assert [e.quality for e in may9 if e.quality] == [4]
    # the Sleep rows of 9 to 15 May 2021 and 27 Jul 2021, checked by eye against the file
    got = [
        (s.start.strftime("%m-%d %H:%M"), s.end.strftime("%m-%d %H:%M"), s.asleep_min,
         s.latency_min, s.after_wake_min)
        for s in reading.sleeps
    ]  # fmt: skip
    assert got == [
        ("05-09 07:30", "05-09 11:30", 240, 0, 0),  # only In bed 07:30 - 11:30, 4:00
        ("05-10 02:15", "05-10 13:15", 585, 30, 45),
        ("05-11 02:00", "05-11 12:30", 420, 0, 0),  # Asleep 12:15 - 19:15 lies outside
        ("05-12 01:45", "05-12 12:30", 555, 75, 15),
        ("05-12 23:30", "05-13 12:30", 615, 150, 15),  # In bed 23:30 - 12:30: the evening before
        ("05-14 02:00", "05-14 12:30", 555, 60, 15),
        ("05-15 02:45", "05-15 12:45", 570, 15, 15),
        ("07-27 01:30", "07-27 10:00", 510, 0, 0),  # only Asleep 01:30 - 10:00
    ]
    assert reading.sleeps[0].start.tzinfo == NEW_YORK_SUMMER
    assert len(reading.warnings) == 1 and reading.warnings[0].startswith("line 319: Asleep")
    nights, _ = to_nights(reading.sleeps, warnings := [])
    assert len(nights) == 8 and not warnings
    assert [n.date.day for n in nights[:7]] == [9, 10, 11, 12, 13, 14, 15]


@real
def test_real_pixels_backup_reads_every_score():
    reading = pixels.read(real_file("pixels-json--*.json"), "UTC")
    assert reading.records == 40 and len(reading.entries) == 61  # 24 × 1, 11 × 2, 5 × 3 scores
    assert reading.entries[0].date == date(2025, 6, 1)
    assert reading.entries[-1].date == date(2025, 7, 10)

    def day(d: date):
        return [(e.level, e.note is not None) for e in reading.entries if e.date == d]

    assert day(date(2025, 6, 1)) == [(4.0, True), (5.0, False)]  # "scores":[4,5], a note
    assert day(date(2025, 6, 12)) == [(4.0, False)]  # "scores":[4], "notes":""
    assert day(date(2025, 7, 10)) == [(3.0, True), (4.0, False)]
    assert reading.warnings == []


@real
def test_real_imoodjournal_export_reads_with_its_duplicate_row_skipped():
    reading = imoodjournal.read(real_file("imoodjournal-csv--*.csv"), "UTC")
    assert reading.records == 93 and len(reading.entries) == 92
    assert reading.warnings == ["1 duplicate row skipped"]  # line 3 repeats line 2
    assert (reading.entries[0].date, reading.entries[-1].date) == (
        date(2015, 9, 5),
        date(2015, 10, 4),
    )
    # 5 Sep 2015: line 2 "(7) Pretty Good", no hashtags; line 4 the same level, six hashtags
    sep5 = [e for e in reading.entries if e.date == date(2015, 9, 5)]
    assert [(e.where, e.level, e.label) for e in sep5] == [
        ("line 2", 7.0, "Pretty Good"),
        ("line 4", 7.0, "Pretty Good"),
    ]
    assert sep5[0].tags == () and sep5[0].note is None
    assert sep5[1].tags == ("calm", "content", "full", "recumbent", "relaxed", "sleepy")
    # 6 Sep 2015, line 5: "(8) Good", a comment over two lines, 13 hashtag columns marked
    sep6 = next(e for e in reading.entries if e.where == "line 5")
    assert (sep6.level, sep6.label, len(sep6.tags)) == (8.0, "Good", 13)
    assert sep6.note is not None and sep6.note.count("\n") == 1


@real
def test_real_loop_exports_give_the_habits_done_by_hand_per_date():
    wake = [date(2015, 1, d) for d in (16, 17, 20, 21, 22, 25)]  # YES_MANUAL / 2 in the file
    for pattern in ("loop-csv--iSoron-uhabits--Checkmarks.csv", "loop-csv--*Checkmarks@*.csv"):
        reading = loop.read(real_file(pattern), "UTC")
        assert reading.records == 10
        assert [(e.date, e.tags) for e in reading.entries] == [
            (d, ("Wake up early",)) for d in wake
        ]
    # the per-habit file alone, by its name "002_Wake_up_early__Checkmarks.csv"; its three
    # notes are on days not done (NO, YES_AUTO, YES_AUTO)
    alone = loop.read(real_file("loop-csv--*002_Wake*"), "UTC")
    assert [(e.date, e.tags) for e in alone.entries] == [(d, ("Wake up early",)) for d in wake]
    assert alone.warnings == ["3 habit notes of days the habit was not done not imported"]
    together = loop.read(
        real_file("loop-csv--iSoron-uhabits--Habits.csv")
        + real_file("loop-csv--iSoron-uhabits--Checkmarks.csv")
        + [("002 Wake up early/Checkmarks.csv", real_file("loop-csv--*002_Wake*")[0][1])],
        "UTC",
    )
    assert [e.date for e in together.entries] == wake and together.records == 10
    # spech66 (unsorted dates): 2019-02-10 "2,2,2,2,0,1,1" → four habits done
    user = loop.read(real_file("loop-csv--spech66-*"), "UTC")
    assert user.records == 7 and len(user.entries) == 45
    feb10 = [e.tags[0] for e in user.entries if e.date == date(2019, 2, 10)]
    assert feb10 == ["Snooze", "Wiegen", "Beweglichkeit", "Lesen"]


@real
def test_real_exports_are_each_taken_by_their_own_detector_only():
    detectors = {"bearable": bearable, "pixels": pixels, "imoodjournal": imoodjournal, "loop": loop}
    for path in sorted(REAL.iterdir()):
        if path.suffix not in (".csv", ".json"):
            continue
        text = head(path.read_bytes())
        kind = path.name.split("-", 1)[0]
        takes = [k for k, m in detectors.items() if m.looks_like(text, path.name)]
        if path.name.endswith(("moods.json", "moods.csv")) or kind == "daylio":
            assert takes == [], path.name
        else:
            assert takes == [kind], path.name
