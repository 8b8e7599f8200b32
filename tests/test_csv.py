"""CSV interchange (design §6): export format, import rules, every error with its line."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import VECTORS
from diaries import day, night

from nts_desktop.io.columns import HEADER, guard, unguard
from nts_desktop.io.csv_export import export_bytes, export_csv, to_bytes
from nts_desktop.io.csv_import import ImportRefused, import_bytes, import_csv, read_csv
from nts_desktop.storage import open_journal

HEAD = ",".join(HEADER)


def dump(journal) -> bytes:
    return export_bytes(journal)


def refused(journal, text: str, policy: str = "fail") -> list[tuple[int, str | None, str]]:
    before = dump(journal)
    with pytest.raises(ImportRefused) as err:
        import_bytes(journal, text.encode(), policy)  # type: ignore[arg-type]
    assert dump(journal) == before, "a refused import changed the journal"
    return [(p.line, p.column, p.message) for p in err.value.problems]


@pytest.mark.parametrize("name", ["A_regular", "B_weekend_shift"])
def test_reference_diaries_import_with_expected_nightly_values(journal, name):
    expected = json.loads((VECTORS / f"expected_{name}.json").read_text())
    result = import_csv(journal, VECTORS / f"diary_{name}.csv")
    assert result.added == 14
    lines = export_bytes(journal).decode().split("\r\n")
    header = lines[0].split(",")
    rows = [dict(zip(header, line.split(","), strict=True)) for line in lines[1:-1]]
    for row, want in zip(rows, expected["per_night"], strict=True):
        assert row["date"] == want["date"]
        assert row["tz"] == "Europe/Berlin"
        assert float(row["tib_min"]) == pytest.approx(want["tib_min"], abs=0.5)
        assert float(row["tst_min"]) == pytest.approx(want["tst_min"], abs=0.5)
        assert float(row["se_pct"]) == pytest.approx(want["se_pct"], abs=0.01)
    b = journal.day(date(2025, 4, 7))
    assert b.free_day is False


def test_export_format_is_rfc4180_crlf_with_guard_and_derived(journal):
    journal.save_day(
        day(
            "2025-04-08",
            "23:00",
            "23:10",
            "06:50",
            "07:00",
            sol=15,
            awakenings=2,
            waso=20,
            quality=4,
            mood=7,
            tags=("=cmd", "late screen"),
            notes='said "hi", then\nslept',
            medication="-melatonin",
        )
    )
    data = export_bytes(journal)
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode()
    assert text.startswith(HEAD + "\r\n")
    assert text.endswith("\r\n")
    row = text.split("\r\n", 1)[1]
    assert row.startswith(
        "2025-04-08,diary,Europe/Berlin,2025-04-07T23:00+02:00,2025-04-07T23:10+02:00,15,2,20,"
        "2025-04-08T06:50+02:00,2025-04-08T07:00+02:00,,,,,4,,0,,,,'-melatonin,7,,,"
        '\'=cmd;late screen,"said ""hi"", then\nslept",480,425,88.54,'
        "2025-04-07T23:25+02:00,2025-04-08T03:07:30+02:00\r\n"
    )


def test_guard_and_unguard_are_inverse():
    for cell in ["=1+1", "+x", "-", "@a", "\tx", "\rx", "'=x", "''+y", "ok", "", "'plain"]:
        assert unguard(guard(cell)) == cell
    assert guard("=1") == "'=1" and guard("'=1") == "''=1" and guard("a=1") == "a=1"


def test_device_nights_export_after_the_diary_row(journal):
    journal.write_many(
        [day("2025-04-08", "23:00", "23:10", "06:50", "07:00")],
        [
            night("2025-04-08", "23:02", "23:12", "06:40", "06:58", source="zwatch"),
            night("2025-04-08", "23:02", "23:12", "06:40", "06:58", source="aring"),
            night("2025-04-07", "23:02", "23:12", "06:40", "06:58", source="zwatch"),
        ],
    )
    keys = [line.split(",")[:2] for line in dump(journal).decode().split("\r\n")[1:-1]]
    assert keys == [
        ["2025-04-07", "zwatch"],
        ["2025-04-08", "diary"],
        ["2025-04-08", "aring"],
        ["2025-04-08", "zwatch"],
    ]


def test_export_range_and_atomic_file(journal, tmp_path):
    journal.write_many([day(f"2025-04-{d:02d}", mood=d % 10 + 1) for d in range(1, 11)])
    target = tmp_path / "out.csv"
    assert export_csv(journal, target, date(2025, 4, 3), date(2025, 4, 5)) == 3
    lines = target.read_bytes().decode().split("\r\n")
    assert [line[:10] for line in lines[1:-1]] == ["2025-04-03", "2025-04-04", "2025-04-05"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_import_export_is_byte_identical(journal, tmp_path):
    import_csv(journal, VECTORS / "diary_B_weekend_shift.csv")
    journal.save_day(
        day(
            "2025-04-21",
            "23:00",
            "23:10",
            "06:50",
            "07:00",
            tz="America/New_York",
            notes="=SUM(A1)\r\nnext",
            tags=("@x", "y"),
            caffeine=3,
            rested=2,
        )
    )
    first = dump(journal)
    with open_journal(tmp_path / "copy.sqlite3", tz="UTC") as other:
        import_bytes(other, first)
        assert dump(other) == first
        assert other.days() == journal.days()


def test_import_by_header_name_any_order_bom_crlf_blank_rows(journal):
    text = (
        "\ufeffout_of_bed,date,mood,final_wake,lights_out,bedtime,sleep_latency_min,"
        "awakenings,waso_min,extra,tib_min\r\n"
        "07:00,2025-04-08,6,06:50,23:10,23:00,10,1,5,whatever,999\r\n"
        ",2025-04-09,,,,,,,,,\r\n"
        "\r\n"
    )
    parsed = read_csv(text.encode(), "Europe/Berlin")
    assert [d.date for _, d in parsed.days] == [date(2025, 4, 8)]
    assert parsed.blank_rows == 1
    assert parsed.warnings == ["column 'extra' is not a journal column; ignored"]
    d = parsed.days[0][1]
    assert d.mood == 6 and d.night.waso_min == 5 and d.night.tz == "Europe/Berlin"


def test_times_as_iso_with_offset_naive_iso_or_bare(journal):
    text = (
        "date,tz,bedtime,lights_out,sleep_latency_min,awakenings,waso_min,final_wake,"
        "out_of_bed\n"
        "2025-04-08,America/New_York,2025-04-07T23:00,23:10,10,0,0,"
        "2025-04-08T12:50+02:00,07:00\n"
    )
    parsed = read_csv(text.encode(), "Europe/Berlin")
    n = parsed.days[0][1].night
    assert n.tz == "America/New_York"
    assert n.final_wake.isoformat() == "2025-04-08T06:50:00-04:00"
    assert n.bedtime.isoformat() == "2025-04-07T23:00:00-04:00"


def test_blank_free_day_takes_weekday_default(journal):
    journal.update_settings(free_weekdays=[4])  # Fridays free
    import_bytes(journal, b"date,free_day,mood\n2025-04-11,,5\n2025-04-12,,5\n2025-04-13,1,5\n")
    assert [d.free_day for d in journal.days()] == [True, False, True]


ROW = "2025-04-08,23:00,23:10,10,1,5,06:50,07:00"
NIGHT_HEAD = "date,bedtime,lights_out,sleep_latency_min,awakenings,waso_min,final_wake,out_of_bed"


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ("2025-04-08,25:00,23:10,10,1,5,06:50,07:00", "bedtime", "not a time of day"),
        ("2025-04-08,late,23:10,10,1,5,06:50,07:00", "bedtime", "not a time"),
        ("2025-04-08,23:00,23:10,ten,1,5,06:50,07:00", "sleep_latency_min", "not a whole number"),
        ("2025-04-08,23:00,23:10,10,1.5,5,06:50,07:00", "awakenings", "not a whole number"),
        ("2025-04-08,23:00,23:10,10,1,-5,06:50,07:00", "waso_min", "not a whole number"),
        ("2025-04-08,23:00,23:10,10,100,5,06:50,07:00", "awakenings", "out of range"),
        ("2025-04-08,23:00,23:10,800,1,5,06:50,07:00", "sleep_latency_min", "out of range"),
        (
            "2025-04-08,23:00,23:10,10,1,5,06:50,2025-04-09T07:00",
            "out_of_bed",
            "not on the day's date",
        ),
        ("2025-04-08,23:00,23:10,10,1,,06:50,07:00", "waso_min", "missing"),
        ("2025-04-08,23:00,23:10,400,1,300,06:50,07:00", "waso_min", "more than"),
        ("2025-04-08,23:00,23:10,500,1,5,06:50,07:00", "sleep_latency_min", "after the final"),
        ("8th April 2025,23:00,23:10,10,1,5,06:50,07:00", "date", "not a date"),
        ("2025-02-30,23:00,23:10,10,1,5,06:50,07:00", "date", "not a calendar date"),
        ("2025-03-30,23:00,23:10,10,1,5,02:30,07:00", "final_wake", "does not exist"),
    ],
)
def test_each_bad_cell_is_reported_with_line_and_column(journal, cells, column, words):
    problems = refused(journal, f"{NIGHT_HEAD}\n{ROW}\n{cells}\n")
    assert len(problems) == 1
    line, col, message = problems[0]
    assert (line, col) == (3, column)
    assert words in message


def test_every_bad_row_is_reported_with_physical_line_numbers(journal):
    text = (
        "date,mood,notes,focus,free_day,tz,quality\n"
        '2025-04-01,5,"two\nlines",5,0,,3\n'  # lines 2-3, fine
        "2025-04-02,11,,5,0,,3\n"  # line 4: mood
        '2025-04-03,5,"a\n\nb",x,0,,3\n'  # lines 5-7: focus
        "2025-04-04,5,,5,maybe,,3\n"  # line 8: free_day
        "2025-04-05,5,,5,0,Mars/Base,3\n"  # line 9: tz
        "2025-04-06,5,,5,0,,6\n"  # line 10: quality
        "2025-04-01,5,,5,0,,3\n"
    )  # line 11: duplicate of line 2
    problems = refused(journal, text)
    assert [(line, col) for line, col, _ in problems] == [
        (4, "mood"),
        (5, "focus"),
        (8, "free_day"),
        (9, "tz"),
        (10, "quality"),
        (11, "date"),
    ]
    assert "already on line 2" in problems[-1][2]


def test_header_problems(journal):
    assert refused(journal, "")[0][:2] == (1, None)
    assert refused(journal, "mood,focus\n5,5\n")[0][:2] == (1, "date")
    assert refused(journal, "date,mood,mood\n2025-04-01,5,5\n")[0][:2] == (1, "mood")
    assert refused(journal, "date,mood\n2025-04-01,5,5\n")[0][0] == 2


def test_not_utf8_is_refused_with_its_line(journal):
    data = b"date,notes\n2025-04-01,ok\n2025-04-02,caf\xe9\n"
    with pytest.raises(ImportRefused) as err:
        import_bytes(journal, data)
    assert err.value.problems[0].line == 3
    assert "UTF-8" in err.value.problems[0].message
    assert journal.dates() == set()


def test_device_row_cannot_carry_day_fields(journal):
    text = f"{NIGHT_HEAD},source,mood\n{ROW},watch,5\n2025-04-09,,,,,,,,watch,\n"
    problems = refused(journal, text)
    assert [(line, col) for line, col, _ in problems] == [(2, "mood"), (3, "source")]


def test_conflicts_fail_lists_dates_and_writes_nothing(journal):
    import_bytes(journal, b"date,mood\n2025-04-01,5\n2025-04-02,5\n")
    problems = refused(journal, "date,mood\n2025-04-03,7\n2025-04-02,7\n2025-04-01,7\n")
    assert [(line, col) for line, col, _ in problems] == [(3, "date"), (4, "date")]
    assert "2025-04-02 is already in the journal" in problems[0][2]


def test_conflicts_skip_keeps_existing(journal):
    import_bytes(journal, b"date,mood\n2025-04-01,5\n")
    result = import_bytes(journal, b"date,mood\n2025-04-01,9\n2025-04-02,9\n", "skip")
    assert result.skipped == [date(2025, 4, 1)] and result.added == 1
    assert [d.mood for d in journal.days()] == [5, 9]
    assert result.backup is None


def test_conflicts_replace_takes_a_backup_first(journal):
    import_bytes(journal, b"date,mood,notes\n2025-04-01,5,old\n")
    result = import_bytes(journal, b"date,mood\n2025-04-01,9\n2025-04-02,9\n", "replace")
    assert result.replaced == 1 and result.added == 1
    assert [(d.mood, d.notes) for d in journal.days()] == [(9, None), (9, None)]
    with open_journal(result.backup, read_only=True) as old:
        assert [(d.mood, d.notes) for d in old.days()] == [(5, "old")]


def test_skip_also_applies_to_device_nights(journal):
    text = f"{NIGHT_HEAD},source\n{ROW},watch\n".encode()
    import_bytes(journal, text)
    assert refused(journal, text.decode())[0][:2] == (2, "date")
    assert import_bytes(journal, text, "skip").skipped == [date(2025, 4, 8)]


def test_to_bytes_of_nothing_is_just_the_header():
    assert to_bytes([], []) == (HEAD + "\r\n").encode()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('date,notes\n2025-01-01,"oops\n2025-01-02,fine\n2025-01-03,x\n', 2),
        ('date,notes\n2025-01-01,ok\n2025-01-02,"a"b\n', 3),
    ],
)
def test_broken_quotes_are_refused_not_swallowed(journal, text, line):
    problems = refused(journal, text)
    assert problems[0][0] == line and "not valid CSV" in problems[0][2]


def test_huge_numbers_and_foreign_digits_are_refused_politely(journal):
    problems = refused(journal, f"date,naps_min,mood\n2025-01-01,{'9' * 5000},１\n")
    assert [(line, col) for line, col, _ in problems] == [(2, "naps_min"), (2, "mood")]
    assert "out of range: nap minutes is 0–1440" in problems[0][2]
    assert "not a whole number" in problems[1][2]


def test_very_long_notes_survive_the_round_trip(journal, tmp_path):
    long_note = "z" * 200_000
    journal.save_day(day("2025-01-01", notes=long_note))
    data = dump(journal)
    with open_journal(tmp_path / "b.sqlite3", tz="UTC") as other:
        import_bytes(other, data)
        assert other.day(date(2025, 1, 1)).notes == long_note


def test_header_oddities_and_rows_with_only_a_bad_date(journal):
    parsed = read_csv(b"date,notes,,\n2025-01-01,x,,\n", "UTC")
    assert parsed.warnings == ["column 3 has no name; ignored", "column 4 has no name; ignored"]
    assert refused(journal, "date,notes\nnot-a-date,\n")[0][:2] == (2, "date")
    assert refused(journal, "\ndate,notes\n2025-01-01,x\n")[0][:2] == (1, None)


def test_non_utf8_line_in_a_cr_only_file(journal):
    with pytest.raises(ImportRefused) as err:
        import_bytes(journal, b"date,notes\r2025-01-01,ok\r2025-01-02,caf\xe9\r")
    assert err.value.problems[0].line == 3


def test_what_spreadsheets_write_is_understood(journal):
    text = (
        "Date,Bedtime,Lights Out,Sleep-Latency-Min,AWAKENINGS,waso_min,final_wake,"
        "Out of bed,Mood\n"
        "2025-04-08,23:00:00,23:10:00,15.0,1,5.00,06:50:00,07:00:00,7.0\n"
    )
    import_bytes(journal, text.encode())
    d = journal.day(date(2025, 4, 8))
    assert d.mood == 7 and d.night.sleep_latency_min == 15 and d.night.waso_min == 5
    assert d.night.bedtime.strftime("%H:%M") == "23:00"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("date;mood\n2025-04-08;5\n", "separated by semicolons"),
        ("date\tmood\n2025-04-08\t5\n", "separated by tabs"),
        ("day,mood\n2025-04-08,5\n", "the columns are: date, source, tz"),
        ("date,bedtime,mood\n2025-04-08,23:00,5\n", "a night needs all seven"),
    ],
)
def test_header_mistakes_are_named_once(journal, text, words):
    problems = refused(journal, text)
    assert len(problems) == 1 and problems[0][0] == 1
    assert words in problems[0][2]


def test_short_rows_are_refused_not_shifted(journal):
    problems = refused(journal, "date,mood,focus,resilience\n2025-04-07,5,6,7\n2025-04-08,5,6\n")
    assert problems == [
        (
            3,
            None,
            "has 3 cells but the header has 4 (a missing or extra comma "
            "shifts every value after it)",
        )
    ]


def test_times_out_of_order_name_the_real_mistake(journal):
    text = f"{NIGHT_HEAD}\n2025-04-08,23:00,23:10,10,1,5,07:00,06:00\n"
    problems = refused(journal, text)
    assert problems == [
        (
            2,
            "final_wake",
            "07:00 is after out of bed (06:00); the diary times "
            "go in order (if the night really lasted a day or more, enter full "
            "dates)",
        )
    ]


def test_not_utf8_names_the_file(journal):
    with pytest.raises(ImportRefused) as err:
        read_csv(b"date,notes\n2025-01-01,caf\xe9\n", "UTC", filename="export.csv")
    assert str(err.value) == (
        "export.csv:2: is not UTF-8 text; save the file as CSV UTF-8 and import it again"
    )


def test_every_bad_cell_of_one_row_is_reported():
    text = (
        "date,bedtime,lights_out,sleep_latency_min,awakenings,waso_min,final_wake,"
        "out_of_bed,mood\n2025-04-08,23:00,23:10,800,1,5,06:50,07:00,11\n"
    )
    try:
        read_csv(text.encode(), "UTC")
    except ImportRefused as exc:
        assert {p.column for p in exc.problems} == {"sleep_latency_min", "mood"}
    else:
        raise AssertionError("the row should be refused")
