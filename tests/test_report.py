"""The clinician's report (design §8): a PDF whose text carries the known diary's values."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import VECTORS
from pypdf import PdfReader

from nts_desktop.cli import cli
from nts_desktop.cli.report import period

DIARY_B = VECTORS / "diary_B_weekend_shift.csv"
SAMPLES = Path(__file__).parent / "samples" / "devices"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def text_of(pdf: Path) -> list[str]:
    """Each page's text with runs of white space made single spaces."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(pdf).pages]


@pytest.fixture
def diary_b(tmp_path: Path) -> str:
    db = str(tmp_path / "b.sqlite3")
    assert run("--db", db, "--tz", "Europe/Berlin", "import", str(DIARY_B)).exit_code == 0
    assert run("--db", db, "settings", "--name", "Test Person").exit_code == 0
    return db


def test_report_text_holds_the_known_diarys_values(diary_b, tmp_path):
    pdf = tmp_path / "report.pdf"
    result = run(
        "--db", diary_b, "report", str(pdf), "--from", "2025-04-07", "--to", "2025-04-20",
        "--paper", "a4",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 pages for 2025-04-07 to 2025-04-20" in result.stderr
    pages = text_of(pdf)
    assert len(pages) == 4
    for number, page in enumerate(pages, 1):  # every page: title, name, period, N of M
        assert "Sleep diary report" in page and "Test Person" in page
        assert "7 Apr 2025 – 20 Apr 2025" in page and f"page {number} of 4" in page
    summary, chart, week1, week2 = pages
    # the reference values of expected_B_weekend_shift.json, as the report writes them
    assert "Time in bed (TIB) 7 h 33" in summary  # 453.2 min
    assert "Total sleep time (TST) 6 h 18" in summary  # 377.5 min
    assert "Sleep efficiency (SE) 82.9 %" in summary  # 82.89
    assert "Sleep Regularity Index 84.6" in summary
    assert "Social jetlag 2 h 38" in summary  # 158 min
    assert "Chronotype (MSFsc) 05:42" in summary  # 341.96 min
    assert "Composite phase deviation 2.03 h" in summary
    assert "14 mornings logged, 0 with nothing logged" in summary
    assert "Mon 7 Apr" in chart and "Sun 20 Apr" in chart and "×4" in chart
    assert "week 1 of 2: 7–13 April 2025" in week1 and "week 2 of 2: 14–20 April 2025" in week2
    # the first night (2025-04-07) down its column, and its derived values
    assert "Got into bed 23:30 00:15" in week1
    assert "Final awakening 06:45 06:45 06:45 06:50 06:45 10:30 11:00" in week1
    assert "Time in bed (TIB) 7 h 30 6 h 50" in week1
    assert "Sleep efficiency (SE) 81 % 84 %" in week1
    assert "Apr · free" in week1  # Saturday and Sunday are free days
    reader = PdfReader(pdf)
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]  # A4
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():  # every font is embedded, so the PDF prints the same anywhere
        descendant = ref.get_object()["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()


def test_report_marks_a_missing_morning_instead_of_leaving_it_blank(tmp_path):
    lines = DIARY_B.read_text().splitlines()
    subset = tmp_path / "gap.csv"
    subset.write_text("\n".join(line for line in lines if not line.startswith("2025-04-09")))
    db = str(tmp_path / "gap.sqlite3")
    assert run("--db", db, "--tz", "Europe/Berlin", "import", str(subset)).exit_code == 0
    pdf = tmp_path / "gap.pdf"
    run("--db", db, "report", str(pdf), "--from", "2025-04-07", "--to", "2025-04-13")
    summary, chart, week = text_of(pdf)
    assert "7 dates" in summary and "6 mornings logged, 1 with nothing logged" in summary
    assert "Too few days to look for links: each pair needs 14 days" in summary
    assert "Got into bed 23:30 00:15 not logged 01:00" in week
    assert "Mood (1–10) 6 5 not logged 6" in week
    assert "Wed 9 Apr not logged" in chart


def test_report_marks_device_nights_and_names_the_device(tmp_path):
    db = str(tmp_path / "oura.sqlite3")
    run("--db", db, "--tz", "Europe/Berlin", "import", str(SAMPLES / "oura-v2.json"))
    pdf = tmp_path / "oura.pdf"
    result = run("--db", db, "report", str(pdf), "--from", "2025-05-01", "--to", "2025-05-07")
    assert result.exit_code == 0, result.output
    summary, _chart, week = text_of(pdf)
    assert "2 nights from a device where the diary has none" in summary
    assert "4 with nothing logged" in summary  # 6 dates from the first night (2 May) on
    assert "The journal begins on 2 May 2025: the dates from 1 May 2025 before it" in summary
    assert "†" in week and "the night as recorded by oura" in week
    assert "Mood (1–10) not logged not logged not logged not logged" in week  # no "–"


def test_report_page_size_follows_the_choice(diary_b, tmp_path):
    pdf = tmp_path / "letter.pdf"
    run("--db", diary_b, "report", str(pdf), "--to", "2025-04-20", "--paper", "letter")
    box = PdfReader(pdf).pages[0].mediabox
    assert [round(float(x)) for x in box[2:]] == [612, 792]


def test_report_without_dates_covers_the_last_two_weeks():
    today = date(2026, 12, 2)
    assert period(None, None, today) == (date(2026, 11, 19), today)
    assert period(None, date(2025, 4, 20), today) == (date(2025, 4, 7), date(2025, 4, 20))
    assert period(date(2026, 11, 1), None, today) == (date(2026, 11, 1), today)
    assert period(date(2025, 1, 1), date(2025, 1, 3), today) == (date(2025, 1, 1), date(2025, 1, 3))


def test_report_refuses_a_bad_file_name_and_leaves_nothing_behind(diary_b, tmp_path):
    assert run("--db", diary_b, "report", str(tmp_path / "report.txt")).exit_code == 2
    missing = tmp_path / "no-such-folder" / "r.pdf"
    result = run("--db", diary_b, "report", str(missing))
    assert result.exit_code == 1 and "is not a folder" in result.stderr
    assert run("--db", diary_b, "report", str(tmp_path / "r.pdf"), "--from", "2025-05-02",
               "--to", "2025-05-01").exit_code == 2  # fmt: skip
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*tmp"))


def test_report_on_a_full_disk_says_so_and_leaves_no_file(diary_b, tmp_path, monkeypatch):
    import errno

    from nts_desktop.storage import files

    def full(tmp, target, replace=True):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "publish", full)
    pdf = tmp_path / "full.pdf"
    result = run("--db", diary_b, "report", str(pdf), "--to", "2025-04-20")
    assert result.exit_code == 1 and "full" in result.stderr.lower()
    assert "Traceback" not in result.output
    assert not pdf.exists() and not list(tmp_path.glob(".full.pdf.*"))


def test_report_compares_the_diary_with_the_device_where_both_have_nights(tmp_path):
    from diaries import day

    from nts_desktop.storage import open_journal

    db = tmp_path / "both.sqlite3"
    with open_journal(db, tz="Europe/Berlin") as j:
        j.write_many(
            [
                day("2025-05-02", "23:00", "23:10", "07:00", "07:10", notes="Long day.\nSlept ok."),
                day("2025-05-05", "22:40", "22:45", "06:10", "06:20", mood=6),
            ]
        )
    run("--db", str(db), "import", str(SAMPLES / "oura-v2.json"))
    pdf = tmp_path / "both.pdf"
    run("--db", str(db), "report", str(pdf), "--from", "2025-05-01", "--to", "2025-05-07")
    summary = text_of(pdf)[0]
    assert "Diary and device" in summary and "Diary and oura: 2 nights with both" in summary
    assert "Fri 2 May: Long day. Slept ok." in summary  # the note in full, both lines
    week = text_of(pdf)[2]
    assert "as recorded by" not in week  # the diary's own nights win over the device's
    assert "†" not in week.split("TIB: from")[0]  # no cell of the table carries the mark


def test_report_paper_follows_the_locales_measurement_system(qapp):
    from PySide6.QtCore import QLocale

    from nts_desktop.ui.report import locale_paper

    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert locale_paper(us) == "letter" and locale_paper(germany) == "a4"


def test_report_writes_times_in_the_12_hour_form_the_window_chose(diary_b, tmp_path):
    from nts_desktop.app import ensure_app
    from nts_desktop.ui import preferences

    ensure_app()  # the window's settings file, named by the application
    preferences.write("hour12", "12")
    try:
        pdf = tmp_path / "twelve.pdf"
        run("--db", diary_b, "report", str(pdf), "--from", "2025-04-07", "--to", "2025-04-13")
    finally:
        preferences.write("hour12", "24")
    summary, chart, week = text_of(pdf)
    assert "Got into bed 11:30 PM 12:15 AM 11:10 PM" in week
    assert "Chronotype (MSFsc)" in summary and "AM" in summary
    assert "6 PM 9 PM 12 AM 3 AM" in chart and "from 6 PM the evening before" in chart


def test_report_text_is_found_once_when_the_summary_runs_over_pages(tmp_path):
    from diaries import day

    from nts_desktop.storage import open_journal

    note = " ".join(f"Sentence {i} of the long note." for i in range(1, 121))
    db = tmp_path / "long.sqlite3"
    with open_journal(db, tz="Europe/Berlin") as j:
        j.write_many(
            [day(f"2025-05-0{d}", "23:00", "23:10", "07:00", "07:10", notes=note) for d in (2, 3)]
        )
    pdf = tmp_path / "long.pdf"
    run("--db", str(db), "report", str(pdf), "--from", "2025-05-01", "--to", "2025-05-07")
    pages = text_of(pdf)
    summary = " ".join(p for p in pages if "Sleep diary chart" not in p and "week 1" not in p)
    assert sum("Summary" in p for p in pages) == 1 and len(pages) > 3  # it did run over
    counts = {i: summary.count(f"Sentence {i} of") for i in range(1, 121)}
    assert set(counts.values()) == {2}, {i: n for i, n in counts.items() if n != 2}


def test_report_refuses_a_period_with_nothing_in_it_or_after_today(diary_b, tmp_path):
    pdf = tmp_path / "none.pdf"
    empty = run("--db", diary_b, "report", str(pdf), "--from", "2024-01-01", "--to", "2024-01-31")
    assert empty.exit_code == 1
    assert "nothing is logged from 2024-01-01 to 2024-01-31" in empty.stderr
    future = run("--db", diary_b, "report", str(pdf), "--to", "2099-01-31")
    assert future.exit_code == 1 and "2099-01-31 is after today" in future.stderr
    fresh = str(tmp_path / "new.sqlite3")
    assert run("--db", fresh, "settings", "--name", "Nobody Yet").exit_code == 0  # created
    new = run("--db", fresh, "report", str(pdf))
    assert new.exit_code == 1 and "nothing is logged" in new.stderr
    assert not pdf.exists()


def test_a_long_name_is_refused_past_60_characters_and_never_covers_the_title(diary_b, tmp_path):
    too_long = run("--db", diary_b, "settings", "--name", "x" * 61)
    assert too_long.exit_code == 1 and "at most 60 characters" in too_long.stderr
    assert "Traceback" not in too_long.output
    name = "Maximiliane Wilhelmina Zoë & Ünal-Bergström-Castellanos <b>"  # 59, with HTML
    assert run("--db", diary_b, "settings", "--name", name).exit_code == 0
    pdf = tmp_path / "name.pdf"
    run("--db", diary_b, "report", str(pdf), "--to", "2025-04-20")
    header = text_of(pdf)[0].split("Created")[0]
    assert header.startswith("Sleep diary report Maximiliane") and "…" in header
    assert "7 Apr 2025 – 20 Apr 2025" in header  # the period is never what is cut
    assert run("--db", diary_b, "settings", "--name", "<b>Zoë & Ünal</b>").exit_code == 0
    run("--db", diary_b, "report", str(pdf), "--to", "2025-04-20")
    assert "<b>Zoë & Ünal</b> · 7 Apr 2025" in text_of(pdf)[0]  # text, not markup
