"""History from sleep trackers (design §6): every format on sample files written from the
documented structures (tests/samples/devices), and on the real exports in
../shared/real-exports when that folder is there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from diaries import day
from PySide6.QtCore import Qt

from nts_desktop.analysis.stats import compute
from nts_desktop.analysis.words import agreement_sentence
from nts_desktop.cli import cli
from nts_desktop.core.measures import measure
from nts_desktop.core.units import hours_minutes
from nts_desktop.io.device_import import import_readings, preview
from nts_desktop.io.devices import DeviceFileError, read_history
from nts_desktop.io.devices.sleeps import to_nights
from nts_desktop.storage import open_journal
from nts_desktop.ui.import_dialogs import Answer
from nts_desktop.ui.journal_model import COLUMN

SAMPLES = Path(__file__).parent / "samples" / "devices"
REAL = Path(__file__).resolve().parents[2] / "shared" / "real-exports" / "sleep-trackers"


def nights_of(path: Path, tz: str, **kw):
    readings = read_history(path, tz, **kw)
    warnings: list[str] = []
    out = {}
    for r in readings:
        warnings += r.warnings
        nights, naps = to_nights(r.sleeps, warnings)
        out[r.format] = ({n.date.isoformat(): n for n in nights}, naps)
    return out, warnings


def minutes(n):
    m = measure(n)
    return round(m.tib_min), round(m.tst_min)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_sleep_as_android_start_from_id_elapsed_hours_lenadjust_tags_and_split_nights():
    found, _ = nights_of(SAMPLES / "sleep-export.csv", "Europe/Berlin")
    nights, naps = found["sleep-as-android"]
    night = nights["2025-04-13"]
    assert night.bedtime.strftime("%H:%M") == "23:40" and minutes(night) == (450, 435)  # -15
    assert night.tags == ("alcohol", "late") and night.deep_min == round(0.3 * 435)
    assert minutes(nights["2025-03-30"]) == (420, 420)  # a spring-forward night: 7 h elapsed
    assert nights["2025-03-21"].tz == "America/New_York"  # Tz changes between records
    split = nights["2025-04-12"]  # two records, no gap: one night
    assert (
        split.bedtime.strftime("%H:%M") == "23:00" and split.out_of_bed.strftime("%H:%M") == "07:00"
    )
    assert minutes(split)[1] == 180 - 5 + 300 - 10
    assert naps == {(date(2025, 4, 12), "sleep-as-android"): 45}  # the afternoon nap


def test_sleep_as_android_resaved_by_a_spreadsheet_and_in_its_backup_zip():
    found, _ = nights_of(SAMPLES / "sleep-export-spreadsheet.csv", "UTC")
    night = found["sleep-as-android"][0]["2025-04-13"]  # Id lost precision: From in Tz
    assert night.bedtime.strftime("%Y-%m-%d %H:%M %z") == "2025-04-12 23:40 +0200"
    zipped, _ = nights_of(SAMPLES / "sleep-as-android-backup.zip", "UTC")
    plain, _ = nights_of(SAMPLES / "sleep-export.csv", "UTC")
    assert zipped == plain


def test_fitbit_takeout_folder_deduplicates_months_counts_dst_as_elapsed_and_keeps_naps():
    found, _ = nights_of(SAMPLES / "takeout", "America/New_York")
    nights, naps = found["fitbit"]
    assert sorted(nights) == ["2025-03-08", "2025-03-09", "2025-03-10", "2025-03-11"]
    assert minutes(nights["2025-03-09"]) == (420, 380)  # 8 wall-clock hours, 7 elapsed
    assert (nights["2025-03-10"].rem_min, nights["2025-03-10"].deep_min) == (90, 60)
    assert nights["2025-03-08"].rem_min is None  # a classic record has no stages
    assert naps == {(date(2025, 3, 8), "fitbit"): 35}  # mainSleep false


def test_fitbit_old_csv_sleep_section_with_12_hour_times():
    found, warnings = nights_of(SAMPLES / "fitbit_export.csv", "America/New_York")
    nights, _ = found["fitbit-csv"]
    assert nights["2019-10-05"].bedtime.strftime("%H:%M") == "00:09"
    assert minutes(nights["2019-10-06"]) == (470, 425)
    assert any("every number in it is 0" in w for w in warnings)


def test_oura_nights_end_on_their_local_date_naps_apart_and_travel_offsets():
    found, _ = nights_of(SAMPLES / "oura-v2.json", "Europe/Berlin")
    nights, naps = found["oura"]
    assert sorted(nights) == ["2025-05-02", "2025-05-05"]
    assert naps == {(date(2025, 5, 2), "oura"): 35}  # an evening nap, not the next night
    assert nights["2025-05-05"].out_of_bed.utcoffset().total_seconds() == -4 * 3600
    v1, _ = nights_of(SAMPLES / "oura-v1.json", "Europe/Berlin")
    assert list(v1["oura"][0]) == ["2019-07-08"]  # summary_date is the evening before


def test_apple_health_one_source_per_night_zones_from_metadata_and_in_bed_windows():
    found, _ = nights_of(SAMPLES / "export.xml", "Europe/Berlin")
    nights, naps = found["apple-health"]
    night = nights["2025-07-08"]  # printed +0100; Zurich is +0200 in July
    assert night.bedtime.strftime("%H:%M %z") == "22:50 +0200"
    assert minutes(night) == (500, 450) and (night.rem_min, night.deep_min) == (60, 60)
    assert minutes(nights["2025-10-26"]) == (540, 540)  # a fall-back night: 9 h elapsed
    assert naps == {(date(2025, 7, 9), "apple-health"): 30}
    preferred, _ = nights_of(SAMPLES / "export.xml", "Europe/Berlin", prefer="AutoSleep")
    assert preferred["apple-health"][0]["2025-07-08"].rem_min is None  # AutoSleep's night
    zipped, _ = nights_of(SAMPLES / "apple-health-export.zip", "Europe/Berlin")
    assert zipped == found  # __MACOSX/._export.xml and export_cda.xml are passed over


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("apple-bomb.xml", "cannot be read"),
        ("sleep-export-broken.csv", "sleep-export-broken.csv:2:"),
    ],
)
def test_broken_and_hostile_files_are_refused_and_leave_the_journal_byte_for_byte(
    tmp_path, name, words
):
    db = tmp_path / "j.sqlite3"
    with open_journal(db, tz="UTC") as j:
        j.save_day(day("2025-04-08", mood=5))
    before = db.read_bytes()
    result = run("--db", str(db), "import", str(SAMPLES / name))
    assert result.exit_code == 1 and words in result.stderr
    assert db.read_bytes() == before and not list(tmp_path.glob("*.backups/*"))


def test_cli_import_is_a_batch_that_reimports_to_nothing_and_removes_exactly(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    assert (
        run(
            "--db", db, "--tz", "Europe/Berlin", "import", str(SAMPLES / "sleep-export.csv")
        ).exit_code
        == 0
    )
    with open_journal(db) as j:
        j.save_day(day("2025-04-13", "23:30", "23:45", "06:50", "07:05", mood=6))  # a diary night
    before = run("--db", db, "export", "-").stdout_bytes
    dry = run("--db", db, "import", "--dry-run", str(SAMPLES / "takeout"))
    assert dry.exit_code == 0 and "4 nights" in dry.stdout and "dry run" in dry.stdout
    assert run("--db", db, "export", "-").stdout_bytes == before
    again = run("--db", db, "import", str(SAMPLES / "sleep-export.csv"))
    assert "4 nights of sleep-as-android already in the journal" in again.stdout
    assert run("--db", db, "export", "-").stdout_bytes == before  # nothing twice
    added = run("--db", db, "import", str(SAMPLES / "takeout"))
    assert added.exit_code == 0
    listing = run("--db", db, "imports").stdout
    assert "fitbit: 4 nights" in listing and "sleep-as-android: 4 nights" in listing
    batch = next(line.split()[0] for line in listing.splitlines() if "fitbit" in line)
    assert run("--db", db, "imports", "remove", batch).exit_code == 0
    assert run("--db", db, "export", "-").stdout_bytes == before  # exactly what it brought
    with open_journal(db, read_only=True) as j:
        assert j.day(date(2025, 4, 13)).night.source == "diary"  # the diary night is never over


def test_stages_become_predictors_and_the_diary_is_compared_with_the_device(tmp_path):
    from nts_desktop.demo import write_demo
    from nts_desktop.storage.batches import device_naps

    db = tmp_path / "j.sqlite3"
    with open_journal(db, tz="Europe/Berlin") as j:
        write_demo(j, nights=40, seed=3, end=date(2025, 5, 10))
        device = []
        for d in j.days():
            if d.night is not None:
                from dataclasses import replace
                from datetime import timedelta

                device.append(
                    replace(
                        d.night,
                        source="watch",
                        lights_out=d.night.lights_out,
                        waso_min=d.night.waso_min + 20,
                        rem_min=90 + d.date.day,
                        deep_min=60 + d.date.day % 7,
                        final_wake=d.night.final_wake - timedelta(minutes=0),
                    )
                )
        j.write_many([], device)
        stats = compute(j.days(), j.device_nights(), naps=device_naps(j))
    predictors = {c.predictor for c in stats.correlations}
    assert {"rem_min", "deep_min"} <= predictors
    tst = next(a for a in stats.agreement if a.measure == "tst_min")
    assert tst.source == "watch" and tst.n >= 30 and tst.mean == pytest.approx(20)
    assert agreement_sentence(tst).startswith("Your diary says 20 min more sleep than watch")


def test_window_import_previews_then_writes_and_imports_can_be_removed(make_window, qtbot):
    window = make_window()
    shown = []

    def answer(parent, name, previews):
        shown.extend(line for p in previews for line in p.words())
        return Answer(True)

    window.files.ask_open_path = lambda parent: str(SAMPLES / "oura-v2.json")
    window.files.history.ask_preview = answer
    assert window.files.import_file()
    assert any("oura: 2 nights" in line for line in shown)
    assert {n.date for n in window.ctx.journal.device_nights()} == {
        date(2025, 5, 2),
        date(2025, 5, 5),
    }
    dialog = window.files.history.show_imports()
    assert dialog.list.count() == 1
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    assert window.ctx.journal.device_nights() == []


def test_the_journal_table_shows_device_nights_where_the_diary_has_none(make_window):
    window = make_window()
    window.ctx.journal.save_day(day("2025-05-02", mood=4))  # ratings, no diary night
    window.ctx.journal.save_day(day("2025-05-05", "23:00", "23:10", "06:50", "07:00", mood=2))
    window.files.ask_open_path = lambda parent: str(SAMPLES / "oura-v2.json")
    window.files.history.ask_preview = lambda parent, name, previews: Answer(True)
    assert window.files.import_file()
    window.show_page(1)
    page = window.journal
    assert not page.table.isColumnHidden(COLUMN["source"])
    by_date = {}
    for r in range(page.proxy.rowCount()):
        cells = {key: page.proxy.index(r, i).data() for key, i in COLUMN.items()}
        by_date[cells["date"][:10]] = cells
    device = window.ctx.journal.device_nights()[0]
    assert by_date["2025-05-02"]["source"] == "oura"
    assert by_date["2025-05-02"]["tst"] == hours_minutes(measure(device).tst_min)
    assert by_date["2025-05-02"]["mood"] == "4"
    assert by_date["2025-05-05"]["source"] == "diary"
    assert by_date["2025-05-05"]["bedtime"] == "23:00"


def test_a_cancelled_preview_writes_nothing(make_window, tmp_path):
    window = make_window(tmp_path / "mine.sqlite3")
    path = window.ctx.journal.path
    window.files.ask_open_path = lambda parent: str(SAMPLES / "export.xml")
    window.files.history.ask_preview = lambda parent, name, previews: Answer(False)
    assert not window.files.import_file()
    assert window.ctx.journal.device_nights() == [] and not list(path.parent.glob("*.backups/*"))


# -- the real exports (read from ../shared, never copied here) --------------------------------
real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-exports is not here")


@real
@pytest.mark.parametrize(
    ("pattern", "fmt", "at_least"),
    [
        ("sleep-as-android--*", "sleep-as-android", 1),
        ("fitbit--*.json", "fitbit", 20),
        ("fitbit--*.csv", "fitbit-csv", 10),
        ("oura--*", "oura", 25),
        ("apple-health--grll*", "apple-health", 1),
        ("apple-health--rgosdin*", "apple-health", 1),
    ],
)
def test_real_exports_import(pattern, fmt, at_least, tmp_path):
    for path in sorted(REAL.glob(pattern)):
        found, _warnings = nights_of(path, "Europe/Berlin")
        nights, _naps = found[fmt]
        assert len(nights) >= at_least, path.name
        with open_journal(tmp_path / f"{path.name}.sqlite3", tz="Europe/Berlin") as j:
            previews = preview(j, read_history(path, "Europe/Berlin"))
            _change, batches = import_readings(j, previews, path)
            assert sum(b.nights for b in batches) == len(nights)
            assert len(j.device_nights()) == len(nights)


@real
def test_real_exports_by_hand_checked_nights():
    """A handful of real nights checked against the files by hand (see the closing note)."""
    fitbit, _ = nights_of(
        REAL / "fitbit--ouverz-fitbit_analysis--sleep-2022-03-01.json", "Europe/Berlin"
    )
    n = fitbit["fitbit"][0]["2022-03-31"]  # 23:40 -> 07:34, 391 asleep, stages 54/58/279
    assert (n.bedtime.strftime("%H:%M"), n.out_of_bed.strftime("%H:%M")) == ("23:40", "07:34")
    assert minutes(n) == (474, 391) and (n.rem_min, n.deep_min, n.light_min) == (54, 58, 279)
    oura, _ = nights_of(REAL / "oura--matthewpesavento-matteopesavento--oura.json", "Europe/Berlin")
    n = oura["oura"][0]["2026-05-25"]  # 22:44:30 -> 03:45:30 +02:00, 15 570 s asleep
    assert minutes(n) == (301, 259) and n.rem_min == 45  # whole minutes: 259.5 asleep
    saa, _ = nights_of(
        REAL
        / "sleep-as-android--swan11jf-Machine-Learning-Project-Sleep-analysis--sleep-export.csv",
        "UTC",
    )
    n = saa["sleep-as-android"][0][
        "2020-03-30"
    ]  # From 30. 03. 2020 0:19 in Europe/London, 7.71 h, -12
    assert n.bedtime.strftime("%H:%M %z") == "00:19 +0100" and minutes(n)[1] == round(
        7.71 * 60 - 12
    )
    apple, _ = nights_of(REAL / "apple-health--grll-apple-health-mcp--export.xml", "UTC")
    n = apple["apple-health"][0][
        "2020-07-08"
    ]  # AutoSleep: in bed 01:05:06, asleep 01:15 to 08:30 (+0100 printed)
    assert n.tz == "Europe/Zurich" and minutes(n)[1] == 435


def test_a_broken_device_file_names_its_record():
    with pytest.raises(DeviceFileError) as caught:
        read_history(SAMPLES / "sleep-export-broken.csv", "UTC")
    assert caught.value.problems[0].line == 2
