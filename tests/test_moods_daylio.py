"""Daylio's CSV export in every layout seen and its .daylio backup, on sample files made up
from the documented formats (tests/samples/moods/daylio-*) and a backup built here, and on
the real exports in ../shared/real-exports/mood-apps when that folder is there."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nts_desktop.io.columns import HEADER
from nts_desktop.io.devices.sleeps import DeviceFileError
from nts_desktop.io.moods import daylio, daylio_names

SAMPLES = Path(__file__).parent / "samples" / "moods"
REAL = Path(__file__).resolve().parents[2] / "shared" / "real-exports" / "mood-apps"
real = pytest.mark.skipif(not REAL.is_dir(), reason="the real exports are not there")


def sample(name: str) -> list[tuple[str, bytes]]:
    return [(name, (SAMPLES / name).read_bytes())]


def head_text(data: bytes) -> str:
    """What the caller hands ``looks_like_csv``: 4096 bytes, decoded, BOM stripped."""
    return data[:4096].decode("utf-8", errors="replace").removeprefix("\ufeff")


def by_line(reading) -> dict[str, tuple]:
    return {e.where: (e.date, e.level, e.label, e.tags, e.note) for e in reading.entries}


def refused(files: list[tuple[str, bytes]], read=daylio.read_csv) -> DeviceFileError:
    with pytest.raises(DeviceFileError) as caught:
        read(files)
    return caught.value


# ---- the CSV layouts, on the samples -----------------------------------------------------


def test_year_layout_in_polish_reads_genitive_and_nominative_months_and_a_short_row():
    files = sample("daylio-year-polish.csv")
    assert daylio.looks_like_csv(head_text(files[0][1]), files[0][0])
    reading = daylio.read_csv(files)
    assert (reading.format, reading.source, reading.scale) == ("daylio-csv", "daylio", (1, 5))
    assert reading.records == 6 and reading.files == ["daylio-year-polish.csv"]
    assert reading.warnings == []
    assert by_line(reading) == {
        "line 2": (
            date(2019, 1, 2),
            5.0,
            "wspaniale",
            ("spacer", "czytanie"),
            "Długi spacer z psem.",
        ),
        "line 3": (date(2019, 1, 1), 3.0, "tak sobie", ("goście", "sprzątanie , pranie"), None),
        "line 4": (date(2018, 12, 31), None, "bywało gorzej", (), None),  # the person's own
        "line 5": (date(2018, 12, 30), 1.0, "okropnie", (), None),  # six fields: no note
        "line 6": (date(2018, 12, 29), 2.0, "źle", ("praca",), "Linia pierwsza\nlinia druga"),
        "line 8": (date(2018, 12, 28), 4.0, "Dobrze", ("praca",), None),  # after a 2-line note
    }


def test_full_date_with_note_title_in_us_english_12_hour_times_html_and_an_extra_field():
    reading = daylio.read_csv(sample("daylio-us-note-title.csv"))  # CRLF, no BOM
    assert by_line(reading) == {
        "line 2": (
            date(2023, 3, 14),
            None,
            "Great",
            ("lunch out", "friends"),
            "Pi day — Ate pie & more pie.\nThen a nap.",
        ),
        "line 3": (date(2023, 3, 14), 3.0, "meh", ("insomnia",), None),  # 12:27 AM: same day
        "line 4": (date(2023, 3, 13), None, "vaguely ok", ("work", "commute"), "Long day"),
        "line 5": (date(2023, 3, 12), 5.0, "rad", (), 'Slept in, felt great, said "wow".'),
        # line 6 repeats line 5 exactly: kept once
        "line 7": (date(2023, 3, 11), 1.0, "awful", ("sick",), None),
        "line 8": (date(2023, 3, 10), 4.0, "good", ("reading",), "Book club — Finished the novel."),
    }
    assert reading.records == 7 and len(reading.entries) == 6
    assert reading.warnings == ["1 duplicate (same day, time, mood, activities and note) kept once"]


def test_headerless_spanish_file_with_bom_and_no_final_newline_is_read_by_position():
    files = sample("daylio-headerless-spanish.csv")
    assert daylio.looks_like_csv(head_text(files[0][1]), files[0][0])
    reading = daylio.read_csv(files)
    assert by_line(reading) == {
        "line 1": (date(2022, 11, 5), 5.0, "genial", ("paseo", "amigos"), None),
        "line 2": (date(2022, 11, 5), None, "con sueño", (), None),
        "line 3": (date(2022, 11, 4), 4.0, "bien", ("trabajo",), "Reunión larga, pero bien."),
        "line 4": (date(2022, 11, 3), 3.0, "normal", (), None),
        "line 5": (date(2022, 11, 2), 2.0, "mal", ("trabajo", "lluvia"), None),
        "line 6": (date(2022, 11, 1), 1.0, "fatal", (), "Dolor de cabeza"),
    }


def test_spreadsheet_resaved_file_reads_month_first_slash_dates_and_unquoted_cells():
    reading = daylio.read_csv(sample("daylio-spreadsheet.csv"))
    assert by_line(reading) == {
        "line 2": (
            date(2022, 6, 30),
            4.0,
            "good",
            ("work", "gym"),
            "quiet evening | early night",  # a bar in a note is text, not activities
        ),
        "line 3": (date(2022, 6, 29), None, "Solid", ("family", "cooking"), None),
        "line 4": (date(2022, 6, 28), 2.0, "bad", ("work",), None),
        "line 5": (date(2022, 6, 1), 3.0, "meh", (), None),
    }


def test_slash_dates_are_day_first_when_one_first_number_passes_12():
    text = (
        "full_date,date,weekday,time,mood,activities,note\n"
        "13/2/2022,13-Feb,Sunday,21:00,good,,\n"
        "3/2/2022,3-Feb,Thursday,21:00,meh,,\n"
    )
    reading = daylio.read_csv([("resaved.csv", text.encode())])
    assert [e.date for e in reading.entries] == [date(2022, 2, 13), date(2022, 2, 3)]


def test_scales_layout_keeps_the_scales_text_as_a_line_of_the_note():
    reading = daylio.read_csv(sample("daylio-scales.csv"))
    assert by_line(reading) == {
        "line 2": (
            date(2025, 1, 20),
            None,
            "rested",
            (),
            "Woke before the alarm.\nScales: Sleep Quality: 8/10 points | Sleep Time: 7:45",
        ),
        "line 3": (date(2025, 1, 19), 4.0, "good", ("board games", "family"), "Game night"),
        "line 4": (
            date(2025, 1, 18),
            3.0,
            "meh",
            (),
            "Scales: Sleep Quality: 5/10 points | Sleep Time: 6:10 | Awake mid-sleep: 0:40",
        ),
    }


def test_german_mood_names_are_placed_and_full_date_wins_over_the_date_column():
    reading = daylio.read_csv(sample("daylio-german.csv"))
    assert [(e.date, e.level, e.label) for e in reading.entries] == [
        (date(2024, 2, 5), 5.0, "Super"),
        (date(2024, 2, 4), 4.0, "Gut"),
        (date(2024, 2, 3), 3.0, "Ok"),
        (date(2024, 2, 2), 2.0, "Schlecht"),
        (date(2024, 2, 1), 1.0, "Einfach scheiße"),
    ]
    assert reading.entries[3].tags == ("Schlecht geschlafen", "Kopfschmerzen")
    header = "full_date,date,weekday,time,mood,activities,note\n"
    text = header + "2019-02-10,5. Februar,Dienstag,22:06,Gut,,\n"
    (entry,) = daylio.read_csv([("hand-edited.csv", text.encode())]).entries
    assert entry.date == date(2019, 2, 10)  # the date and weekday columns disagree: full_date


def test_a_column_named_sub_mood_is_the_mood_and_unknown_columns_are_ignored():
    text = "full_date,time,sub_mood,activities,colour,note\n2024-05-01,8:00,rad,run,blue,ok\n"
    (entry,) = daylio.read_csv([("renamed.csv", text.encode())]).entries
    assert (entry.date, entry.level, entry.label, entry.tags, entry.note) == (
        date(2024, 5, 1),
        5.0,
        "rad",
        ("run",),
        "ok",
    )


def test_entries_of_several_files_are_gathered_and_exact_duplicates_kept_once():
    files = sample("daylio-german.csv") + sample("daylio-scales.csv") + sample("daylio-german.csv")
    reading = daylio.read_csv(files)
    assert reading.records == 13 and len(reading.entries) == 8
    assert reading.files == ["daylio-german.csv", "daylio-scales.csv", "daylio-german.csv"]
    assert reading.warnings == [
        "5 duplicates (same day, time, mood, activities and note) kept once"
    ]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("daylio-*.csv")), ids=lambda p: p.name)
def test_every_sample_layout_is_taken_for_daylio(path):
    assert daylio.looks_like_csv(head_text(path.read_bytes()), path.name)


def test_a_file_with_only_the_header_holds_no_entries_and_an_empty_one_is_refused():
    header = b"\xef\xbb\xbffull_date,date,weekday,time,mood,activities,note_title,note"
    reading = daylio.read_csv([("nothing.csv", header)])
    assert reading.entries == [] and reading.warnings == ["nothing.csv: holds no entries"]
    assert "is empty" in str(refused([("blank.csv", b"\n\n")]))


# ---- cells -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:40", (21, 40)),
        ("9:03", (9, 3)),
        ("07:44", (7, 44)),
        ("6:50 pm", (18, 50)),
        ("10:04 AM", (10, 4)),
        ("12:27 AM", (0, 27)),
        ("12:00 AM", (0, 0)),
        ("12:58 PM", (12, 58)),
        ("1:17 AM", (1, 17)),
        ("11:54 p. m.", (23, 54)),
    ],
)
def test_times_in_24_and_12_hour_forms(text, expected):
    assert daylio.clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "13:05 PM", "0:30 AM", "9:60", "noon", ""])
def test_times_that_are_no_time_of_day_are_refused(text):
    with pytest.raises(ValueError, match="is not a time of day"):
        daylio.clock(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 May", (5, 30)),
        ("9 January", (1, 9)),
        ("May 30", (5, 30)),
        ("December 20", (12, 20)),
        ("16 de octubre", (10, 16)),
        ("7 września", (9, 7)),
        ("31 sierpnia", (8, 31)),
        ("29 grudzień", (12, 29)),
        ("5. Februar", (2, 5)),
        ("30-Jun", (6, 30)),
        ("1er mai", (5, 1)),
        ("14 juillet", (7, 14)),
        ("3 de março", (3, 3)),
        ("25 dicembre", (12, 25)),
        ("12 maart", (3, 12)),
        ("2 okt.", (10, 2)),
        ("Sept 4", (9, 4)),
        ("4 PAŹ", (10, 4)),
        ("8 févr.", (2, 8)),
        ("1st March", (3, 1)),
    ],
)
def test_localized_day_and_month(text, expected):
    assert daylio_names.day_month(text) == expected


@pytest.mark.parametrize("text", ["jui 5", "ma 3", "5", "June", "5 Foo", "2017-05-30", "5 June 7"])
def test_what_is_no_single_day_and_month_is_refused(text):
    assert daylio_names.day_month(text) is None


def test_a_word_two_languages_share_has_one_level():
    levels: dict[str, set[int]] = {}
    for rad, good, meh, bad, awful in daylio_names._PREDEFINED.values():
        for level, names in ((5, (rad,)), (4, (good,)), (3, (meh,)), (2, (bad,)), (1, awful)):
            for name in names:
                levels.setdefault(name, set()).add(level)
    assert all(len(found) == 1 for found in levels.values()), levels


@pytest.mark.parametrize(
    ("name", "level"),
    [
        *[("rad", 5), ("  Awful ", 1), ("Tak Sobie", 3), ("SUPER", 5), ("mouais", 3)],
        *[("EINFACH SCHEISSE", 1), ("così così", 3)],
        *[("Great", None), ("vaguely ok", None), ("null", None), ("content", None), ("okay", None)],
    ],
)
def test_only_daylio_s_predefined_names_are_placed(name, level):
    assert daylio_names.predefined_level(name) == level


@given(st.text())
def test_any_activity_text_yields_trimmed_tags_without_semicolons_or_bars(text):
    tags = daylio.tags_of(text.split("|"))
    assert len(set(tags)) == len(tags)
    for tag in tags:
        assert tag and tag == tag.strip() and ";" not in tag and "|" not in tag
        assert "  " not in tag and tag == " ".join(tag.split())


def test_notes_lose_their_html_but_keep_their_line_breaks():
    note = "<p>Who knows.<br><br>Am I <b>[[virtual]]</b>?</p><p>a &lt;3 &amp; 1 < 2</p>"
    assert daylio.plain(note) == "Who knows.\n\nAm I [[virtual]]?\na <3 & 1 < 2"
    assert daylio.note_of("", "  ") is None
    assert daylio.note_of("Title", "") == "Title"


# ---- what is not Daylio, and broken files ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        ",".join(HEADER) + "\n2024-01-01,manual,Europe/Berlin,23:00,23:10,10,1,5,06:30,06:40",
        "date,bedtime,lights_out,final_wake,mood\n2024-01-01,23:00,23:10,06:30,3\n",
        "Date,Wake up early,Meditate,\n2021-11-05,2,0,\n",
        '"date","weekday","time of day","category","rating/amount","detail","notes"\n',
        '"Date","Day of week","Hour","Minute","Level","LevelText","Comment","#work",\n',
        "",
        "just some text\n",
    ],
)
def test_the_journal_csv_and_other_apps_csvs_are_not_daylio(text):
    assert not daylio.looks_like_csv(text, "export.csv")


@real
@pytest.mark.parametrize("prefix", ["bearable-csv", "imoodjournal-csv", "loop-csv"])
def test_other_apps_real_exports_are_not_daylio(prefix):
    for path in sorted(REAL.glob(f"{prefix}--*.csv")):
        assert not daylio.looks_like_csv(head_text(path.read_bytes()), path.name), path.name


def test_a_broken_file_is_refused_naming_every_bad_row_and_its_line():
    text = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2024-01-05,January 5,Friday,21:00,good,,,\n"
        "2024-13-04,January 4,Thursday,21:00,good,,,\n"
        '2024-01-03,January 3,Wednesday,25:10,good,,"A title","two\nlines"\n'
        "2024-01-02,January 2,Tuesday,8:00,,,,\n"
        "2024-01-01,January 1,Monday\n"
        "yesterday,January 1,Monday,7:00,meh,,,\n"
    )
    error = refused([("broken.csv", text.encode())])
    assert error.filename == "broken.csv"
    assert [(p.line, p.column) for p in error.problems] == [
        (3, "full_date"),
        (4, "time"),  # its note runs on to line 5
        (6, "mood"),
        (7, None),
        (8, "full_date"),
    ]
    messages = [p.message for p in error.problems]
    assert "'2024-13-04' is no day of the calendar" in messages[0]
    assert "'25:10' is not a time of day" in messages[1]
    assert messages[2] == "has no mood"
    assert "has 3 fields ('2024-01-01,January 1,Monday')" in messages[3]
    assert "'yesterday' is not a date" in messages[4]
    assert "broken.csv:4: column time:" in str(error)


def test_year_layout_rows_with_an_unknown_month_are_refused():
    text = "year,date,weekday,time,mood,activities,note\n2017,7 Brumaire,czwartek,12:10,rad,,\n"
    error = refused([("old.csv", text.encode())])
    assert [(p.line, p.column) for p in error.problems] == [(2, "date")]
    assert "'7 Brumaire' is not a day and month" in error.problems[0].message


def test_a_file_that_is_not_utf8_is_refused_naming_the_file_and_line():
    data = b"full_date,date,weekday,time,mood,activities,note\n2024-01-01,,,9:00,rad,,"
    data += "Café\n".encode("latin-1")
    error = refused([("good.csv", (SAMPLES / "daylio-german.csv").read_bytes()), ("bad.csv", data)])
    assert error.filename == "bad.csv"
    assert error.problems[0].line == 2 and "is not UTF-8 text (byte 0xe9" in str(error)


def test_a_file_that_is_not_daylio_at_all_is_refused():
    error = refused([("loop.csv", b"Date,Meditate,\n2021-11-05,2,\n")])
    assert "is not a Daylio export" in error.problems[0].message


def test_at_most_100_problems_are_listed():
    rows = "".join("2024-01-01,x,y,9:00,,,\n" for _ in range(150))
    error = refused(
        [
            (
                "empty-moods.csv",
                ("full_date,date,weekday,time,mood,activities,note\n" + rows).encode(),
            )
        ]
    )
    assert len(error.problems) == 100


# ---- the backup --------------------------------------------------------------------------


def backup_bytes(document: dict, pretty: bool = False) -> bytes:
    """A .daylio file as the app writes it: a zip with base64 of JSON as ``backup.daylio``."""
    text = json.dumps(document, indent=2 if pretty else None, ensure_ascii=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("backup.daylio", base64.encodebytes(text.encode()))  # 76-column lines
    return buffer.getvalue()


def member(daylio_file: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(daylio_file)) as z:
        return z.read("backup.daylio")


@pytest.fixture
def backup() -> dict:
    def entry(year, month, day, hour, minute, mood, tags=(), note="", title=""):
        return {
            "year": year,
            "month": month,
            "day": day,
            "hour": hour,
            "minute": minute,
            "datetime": 0,
            "timeZoneOffset": 3600000,
            "mood": mood,
            "tags": list(tags),
            "note": note,
            "note_title": title,
        }

    return {
        "version": 15,
        "customMoods": [
            {"id": 1, "custom_name": "", "mood_group_id": 1, "predefined_name_id": 1},
            {"id": 2, "custom_name": "", "mood_group_id": 2, "predefined_name_id": 2},
            {"id": 3, "custom_name": "", "mood_group_id": 3, "predefined_name_id": 3},
            {"id": 4, "custom_name": "", "mood_group_id": 4, "predefined_name_id": 4},
            {"id": 5, "custom_name": "", "mood_group_id": 5, "predefined_name_id": 5},
            {"id": 9, "custom_name": " sleepy ", "mood_group_id": 4, "predefined_name_id": -1},
        ],
        "tags": [
            {"id": 20, "name": "walk"},
            {"id": 21, "name": "early  night; tea"},
            {"id": 22, "name": "work"},
        ],
        "dayEntries": [
            entry(2024, 0, 31, 23, 50, 1, [20, 21], "Snow<br>at last", "Winter"),
            entry(2024, 0, 31, 7, 5, 9, [22]),
            entry(2023, 11, 1, 0, 27, 5, [], "", "Only a title"),
            entry(2023, 11, 1, 0, 27, 5, [], "", "Only a title"),
        ],
    }


def test_a_backup_reads_its_zero_based_months_groups_names_and_tags(backup):
    data = member(backup_bytes(backup))
    assert daylio.looks_like_backup(data[:4096], "x.daylio/backup.daylio")
    reading = daylio.read_backup([("x.daylio/backup.daylio", data)])
    assert (reading.format, reading.source, reading.scale) == ("daylio-backup", "daylio", (1, 5))
    assert reading.records == 4 and reading.files == ["x.daylio/backup.daylio"]
    assert by_line(reading) == {
        "entry 1": (
            date(2024, 1, 31),
            5.0,
            "rad",
            ("walk", "early night, tea"),
            "Winter — Snow\nat last",
        ),
        "entry 2": (date(2024, 1, 31), 2.0, "sleepy", ("work",), None),  # group 4, its name
        "entry 3": (date(2023, 12, 1), 1.0, "awful", (), "Only a title"),
    }
    assert reading.warnings == ["1 duplicate (same day, time, mood, activities and note) kept once"]


def test_a_backup_detected_from_its_content_when_dayentries_is_past_the_head(backup):
    backup["customMoods"] *= 40  # pretty JSON: dayEntries far beyond the first 4096 bytes
    data = member(backup_bytes(backup, pretty=True))
    assert b"dayEntries" not in base64.b64decode(b"".join(data[:4096].split())[:3072])
    assert daylio.looks_like_backup(data[:4096], "renamed.bin")
    assert not daylio.looks_like_backup(base64.b64encode(b'{"sleep": []}'), "other.bin")
    assert not daylio.looks_like_backup(b'{"dayEntries": []}', "plain.json")
    assert not daylio.looks_like_backup(b"PK\x03\x04\x14\x00", "a.zip")


def test_a_backup_tag_id_it_does_not_list_is_left_out_with_a_warning(backup):
    backup["dayEntries"][1]["tags"] = [22, 99]
    reading = daylio.read_backup([("b", member(backup_bytes(backup)))])
    assert reading.entries[1].tags == ("work",)
    assert (
        "b: tag id 99 is not among the backup's tags; left out where used (1×)" in reading.warnings
    )


def test_a_backup_entry_with_an_unknown_mood_or_date_refuses_the_file(backup):
    backup["dayEntries"][1]["mood"] = 42
    backup["dayEntries"][2]["month"] = 12
    error = refused([("b.daylio/backup.daylio", member(backup_bytes(backup)))], daylio.read_backup)
    assert [(p.line, p.column) for p in error.problems] == [(2, "mood"), (3, "day")]
    assert "mood id 42 is not one of the backup's customMoods" in error.problems[0].message
    assert "month 12 (0-based)" in error.problems[1].message


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not base64 at all!", "not base64 text"),
        (base64.b64encode(b"[1, 2, 3]"), "not base64 of JSON with a dayEntries list"),
        (base64.b64encode(b'{"customMoods": []}'), "not base64 of JSON with a dayEntries list"),
        (base64.b64encode(b"\xff\xfe garbage"), "not base64 of JSON with a dayEntries list"),
    ],
)
def test_a_backup_that_is_not_base64_json_with_day_entries_is_refused(data, why):
    error = refused([("x.daylio/backup.daylio", data)], daylio.read_backup)
    assert error.filename == "x.daylio/backup.daylio" and why in error.problems[0].message


# ---- the real exports --------------------------------------------------------------------


def real_csvs() -> list[Path]:
    """The exports (the owners' own mood mappings, moods.csv and moods.json, are not)."""
    return [p for p in sorted(REAL.glob("daylio-csv--*.csv")) if not p.name.endswith("--moods.csv")]


def read_real(fragment: str):
    (path,) = [p for p in real_csvs() if fragment in p.name]
    return daylio.read_csv([(path.name, path.read_bytes())])


def read_real_backup(fragment: str):
    (path,) = REAL.glob(f"daylio-backup--*{fragment}*.daylio")
    data = member(path.read_bytes())
    assert daylio.looks_like_backup(data[:4096], f"{path.name}/backup.daylio")
    assert daylio.looks_like_backup(data[:4096], "renamed")  # from the content alone
    return daylio.read_backup([(f"{path.name}/backup.daylio", data)])


@real
def test_every_real_daylio_csv_is_detected_and_read():
    paths = real_csvs()
    assert len(paths) == 15
    for path in paths:
        data = path.read_bytes()
        assert daylio.looks_like_csv(head_text(data), path.name), path.name
        reading = daylio.read_csv([(path.name, data)])
        assert reading.entries and reading.records == len(reading.entries), path.name
    mapping = REAL / "daylio-csv--kplich-daylio-visualisation--moods.csv"
    assert not daylio.looks_like_csv(head_text(mapping.read_bytes()), mapping.name)


@real
def test_real_kplich_polish_year_layout_and_its_short_row():
    # kplich daylio_export.csv: `2017,29 sierpnia,wtorek,23:33,dobrze,""` (6 fields, line 11)
    # is 2017-08-29, dobrze level 4; `2017,1 września,piątek,07:44,okropnie` is level 1
    rows = by_line(read_real("kplich"))
    assert len(rows) == 21
    assert rows["line 11"] == (date(2017, 8, 29), 4.0, "dobrze", (), None)
    assert rows["line 8"] == (date(2017, 9, 1), 1.0, "okropnie", (), None)
    assert all(level is not None for _, level, *_ in rows.values())  # Polish names, all placed


@real
def test_real_kayraucklnc_12_hour_times():
    # kayraucklnc: line 44 `2020-02-20,…,12:27 AM,rad` and line 16 `2020-03-17,…,12:58 PM,meh`;
    # line 14 is the custom mood `Cry`
    rows = by_line(read_real("kayraucklnc"))
    assert len(rows) == 64
    assert rows["line 44"] == (date(2020, 2, 20), 5.0, "rad", (), None)
    assert rows["line 16"] == (date(2020, 3, 17), 3.0, "meh", (), None)
    assert rows["line 14"] == (date(2020, 3, 19), None, "Cry", (), None)
    assert rows["line 33"] == (date(2020, 3, 1), 5.0, "rad", ("reading",), "GRANGE")


@real
def test_real_estados_headerless_spanish_file():
    # Estados: no header but a BOM; 105 rows from 2021-02-05 back to 2020-12-31; line 1 is
    # `como siempre` (the owner's own name), line 2 `mal` (Daylio's Spanish "bad": level 2)
    reading = read_real("Estados")
    rows = by_line(reading)
    assert len(reading.entries) == reading.records == 105
    assert rows["line 1"] == (date(2021, 2, 5), None, "como siempre", (), None)
    assert rows["line 2"] == (date(2021, 2, 5), 2.0, "mal", (), None)
    assert min(e.date for e in reading.entries) == date(2020, 12, 31)


@real
def test_real_deutschegabanna_extra_field_html_and_scales():
    # daylio_export_ok.csv line 5 has 9 fields under the 8-field header: note title and note
    # are its last two; line 2's activities keep their odd characters, one space between words
    rows = by_line(read_real("daylio_export_ok.csv"))
    assert rows["line 5"][2:] == (
        "captivated",
        ("at the office", "board game", "colleague interaction", "big social gathering"),
        "Sed ut est interdum — Maecenas dictum augue in nibh pellentesque porttitor.",
    )
    assert rows["line 2"][3] == ("2ćities skylines", "dó#lóó fa$$s_ą%")
    assert rows["line 12"] == (
        date(2022, 10, 25),
        5.0,
        "rad",
        (),
        "Uet nulla nunc lobortis quisque.",
    )
    scales = by_line(read_real("daylio_export_ok_scales.csv"))
    assert scales["line 4"] == (
        date(2026, 4, 12),
        None,
        "rested",
        (),
        "Testing the note.\n"
        "Scales: Sleep Quality: 8/10 points | Sleep Time: 8:00 | Awake mid-sleep: 1:00",
    )
    assert scales["line 8"][4] == "Who knows.\n\nAm I [[virtual]]?"


@real
def test_real_spreadsheet_german_and_year_layout_files():
    # DonnyDew: `6/30/2021,30-Jun,…,okay,work | friends | gaming,,this is a note | …`
    donny = by_line(read_real("DonnyDew"))
    assert donny["line 2"][:4] == (date(2021, 6, 30), None, "okay", ("work", "friends", "gaming"))
    assert donny["line 2"][4].startswith("this is a note | also this is a note")
    # spech66: full_date 2019-02-10 wins over `5. Februar`; `Super` is level 5
    spech = by_line(read_real("spech66"))
    assert spech["line 2"][:3] == (date(2019, 2, 10), 5.0, "Super")
    assert spech["line 6"][:3] == (date(2019, 1, 1), 3.0, "Ok")
    # noamelf: the oldest layout in English, `2018,June 22,Friday,20:39,bad`
    noam = by_line(read_real("noamelf"))
    assert noam["line 2"] == (date(2018, 6, 22), 2.0, "bad", (), None)


@real
def test_real_english_backup_null_mood_and_french_tags():
    # english.daylio: the mood named `null` is in group 4 (level 2), entry 5 of 2015-05-16;
    # entry 2 is rad with French tag names and a title
    reading = read_real_backup("english")
    rows = by_line(reading)
    assert len(rows) == 5 and reading.warnings == []
    assert rows["entry 5"][:3] == (date(2015, 5, 16), 2.0, "null")
    assert rows["entry 2"][:4] == (
        date(2023, 1, 24),
        5.0,
        "rad",
        ("famille", "rendez-vous", "exercice", "sport", "ménage"),
    )
    assert rows["entry 2"][4] == "Note title — Note body"
    assert rows["entry 3"][4].startswith("Hey, here's a note with\n\n\nLinebreaks!")


@real
def test_real_new_backup_custom_moods_in_their_groups():
    # new.daylio (stored zip, pretty JSON): 64 entries, 2022-04-27 to 2022-08-03; entry 1 is
    # the custom `Mood 2 VUP` of group 3
    reading = read_real_backup("new")
    assert len(reading.entries) == reading.records == 64
    assert {e.date for e in reading.entries} >= {date(2022, 4, 27), date(2022, 8, 3)}
    assert min(e.date for e in reading.entries) == date(2022, 4, 27)
    first = reading.entries[0]
    assert (first.date, first.level, first.label) == (date(2022, 8, 3), 3.0, "Mood 2 VUP")
    assert all(e.level is not None for e in reading.entries)
