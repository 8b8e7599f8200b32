"""CSV files as spreadsheets write them: US and European dates, 12-hour times, and one
message for one mistake repeated over many rows."""

from __future__ import annotations

from datetime import date, time

import pytest
from click.testing import CliRunner

from nts_desktop.cli import cli
from nts_desktop.core.dates import DateOrderConflict, DateOrderUnknown, parse_date, settle_order
from nts_desktop.io.csv_cells import line_ranges
from nts_desktop.io.csv_import import ImportRefused, read_csv
from nts_desktop.storage import open_journal

HEAD = "date,bedtime,lights_out,sleep_latency_min,awakenings,waso_min,final_wake,out_of_bed,mood"


def _night(d: str, bed="23:00", lights="23:10", wake="06:50", up="07:00", mood="5") -> str:
    return f"{d},{bed},{lights},10,1,5,{wake},{up},{mood}"


def _file(*rows: str) -> bytes:
    return ("\n".join([HEAD, *rows]) + "\n").encode()


def _dates(parsed) -> list[date]:
    return [d.date for _, d in parsed.days]


def test_us_dates_are_settled_by_a_day_over_12():
    parsed = read_csv(_file(_night("10/01/2026"), _night("10/13/2026")), "Europe/Berlin")
    assert _dates(parsed) == [date(2026, 10, 1), date(2026, 10, 13)]


def test_european_dates_with_dots_or_a_day_over_12():
    parsed = read_csv(_file(_night("1.10.2026"), _night("2.10.2026")), "Europe/Berlin")
    assert _dates(parsed) == [date(2026, 10, 1), date(2026, 10, 2)]
    parsed = read_csv(_file(_night("13/01/2026"), _night("10/01/2026")), "Europe/Berlin")
    assert _dates(parsed) == [date(2026, 1, 13), date(2026, 1, 10)]


def test_dates_the_file_cannot_settle_are_asked_for_once():
    data = _file(_night("10/01/2026"), _night("11/01/2026"))
    with pytest.raises(ImportRefused) as caught:
        read_csv(data, "Europe/Berlin")
    assert caught.value.date_order
    assert len(caught.value.problems) == 1 and "10/01/2026" in caught.value.problems[0].message
    assert _dates(read_csv(data, "Europe/Berlin", date_order="dmy"))[0] == date(2026, 1, 10)
    assert _dates(read_csv(data, "Europe/Berlin", date_order="mdy"))[0] == date(2026, 10, 1)


def test_a_file_that_contradicts_itself_names_both_lines():
    with pytest.raises(ImportRefused) as caught:
        read_csv(_file(_night("13/01/2026"), _night("01/14/2026")), "Europe/Berlin")
    message = caught.value.problems[0].message
    assert "(line 2) puts the day first" in message and "(line 3) the month" in message
    with pytest.raises(DateOrderConflict):
        settle_order([(2, "13/01/2026")], "mdy")
    with pytest.raises(DateOrderUnknown):
        parse_date("10/01/2026")


def test_twelve_hour_times_are_read_as_people_mean_them():
    parsed = read_csv(
        _file(_night("2026-01-10", "11:03 PM", "11:20 pm", "6:45 AM", "12:27 PM")),
        "Europe/Berlin",
    )
    night = parsed.days[0][1].night
    assert night.bedtime.time() == time(23, 3) and night.out_of_bed.time() == time(12, 27)
    midnight = read_csv(
        _file(_night("2026-01-10", "11:50 PM", "12:27 AM", "6:45 AM", "7:00 AM")),
        "Europe/Berlin",
    )
    assert midnight.days[0][1].night.lights_out.time() == time(0, 27)  # 12:27 AM is 00:27


def test_the_cli_refuses_an_unsettled_file_naming_the_choice(tmp_path):
    path = tmp_path / "us.csv"
    path.write_bytes(_file(_night("10/01/2026"), _night("11/01/2026")))
    db = str(tmp_path / "j.sqlite3")
    refused = CliRunner().invoke(cli, ["--db", db, "--tz", "UTC", "import", str(path)])
    assert refused.exit_code == 1
    assert "--date-order dmy" in refused.stderr and "--date-order mdy" in refused.stderr
    done = CliRunner().invoke(
        cli, ["--db", db, "--tz", "UTC", "import", "--date-order", "mdy", str(path)]
    )
    assert done.exit_code == 0, done.output
    with open_journal(db, read_only=True) as j:
        assert sorted(j.dates()) == [date(2026, 10, 1), date(2026, 11, 1)]


def test_the_window_asks_once_which_comes_first(make_window, qtbot, tmp_path):
    path = tmp_path / "eu.csv"
    path.write_bytes(_file(_night("03/02/2025"), _night("04/02/2025")))
    window = make_window()
    asked = []
    window.files.ask_open_path = lambda parent: str(path)
    window.files.ask_date_order = lambda parent, reason: asked.append(reason) or "dmy"
    assert window.files.import_file()
    assert len(asked) == 1 and "03/02/2025" in asked[0]
    assert sorted(window.ctx.journal.dates()) == [date(2025, 2, 3), date(2025, 2, 4)]


def test_one_mistake_repeated_over_a_year_is_one_message(tmp_path):
    rows = [
        _night(f"2025-{m:02d}-{d:02d}", bed="11:03 PX") for m in range(1, 13) for d in range(1, 29)
    ]
    rows[40] = _night("2025-02-13", bed="11:03 PX", mood="eleven")  # and one other mistake
    with pytest.raises(ImportRefused) as caught:
        read_csv(_file(*rows), "Europe/Berlin")
    lines = caught.value.lines()
    assert len(caught.value.problems) == 337
    assert len(lines) == 2, lines
    assert lines[0].startswith("lines 2–337 (336 rows): column bedtime: '11:03 PX' is not a time")
    assert "column mood" in lines[1] and "line 42" in lines[1]


def test_line_ranges_read_short():
    assert line_ranges([2, 3, 4, 9, 11, 12]) == "2–4, 9, 11–12"
    assert line_ranges(list(range(2, 40, 2))).endswith(", …")
