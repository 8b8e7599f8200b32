"""The command line (design §7) through click's CliRunner: every command and exit code."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import VECTORS
from diaries import day, night

from nts_desktop.cli import cli
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.storage import JournalLock, open_journal
from nts_desktop.storage.backup import backup_journal, list_backups

DIARY = str(VECTORS / "diary_B_weekend_shift.csv")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "j.sqlite3")


def test_import_then_export_to_stdout_and_file(db, tmp_path):
    result = run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    assert result.exit_code == 0, result.output
    assert "imported 14 records" in result.stderr
    out = run("--db", db, "export", "-")
    assert out.exit_code == 0
    assert out.stdout.startswith("date,source,tz,bedtime")
    assert out.stdout_bytes.count(b"\r\n") == 15
    target = tmp_path / "out.csv"
    assert run("--db", db, "export", str(target)).exit_code == 0
    assert target.read_bytes() == out.stdout_bytes


def test_env_var_picks_the_journal(tmp_path, monkeypatch):
    monkeypatch.setenv("NTS_DESKTOP_DB", str(tmp_path / "env.sqlite3"))
    assert run("--tz", "Europe/Berlin", "import", DIARY).exit_code == 0
    with open_journal(tmp_path / "env.sqlite3", read_only=True) as j:
        assert j.day_count() == 14 and j.settings.tz == "Europe/Berlin"


def test_export_range_is_inclusive(db):
    run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    out = run("--db", db, "export", "-", "--from", "2025-04-10", "--to", "2025-04-12")
    assert [line[:10] for line in out.stdout_bytes.decode().split("\r\n")[1:-1]] == [
        "2025-04-10",
        "2025-04-11",
        "2025-04-12",
    ]


def test_bad_file_exits_1_naming_line_and_column(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,mood\n2025-04-01,5\n2025-04-02,eleven\n")
    result = run("--db", db, "import", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:3: column mood: 'eleven' is not a whole number" in result.stderr
    assert "Traceback" not in result.output
    assert not Path(db).exists()  # a refused import into a new journal creates nothing


def test_missing_file_exits_1(db, tmp_path):
    result = run("--db", db, "import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1
    assert "nope.csv" in result.stderr and "cannot be read" in result.stderr


def test_conflict_policies(db, tmp_path):
    assert run("--db", db, "--tz", "Europe/Berlin", "import", DIARY).exit_code == 0
    again = run("--db", db, "import", DIARY)
    assert again.exit_code == 1
    assert "2025-04-07 is already in the journal" in again.stderr
    before = run("--db", db, "export", "-").stdout_bytes
    skip = run("--db", db, "import", "--on-conflict", "skip", DIARY)
    assert skip.exit_code == 0 and "14 existing dates skipped" in skip.stderr
    replace = run("--db", db, "import", "--on-conflict", "replace", DIARY)
    assert replace.exit_code == 0 and "backup taken:" in replace.stderr
    assert run("--db", db, "export", "-").stdout_bytes == before  # the same days again


@pytest.mark.parametrize(
    "args",
    [
        ["--tz", "Mars/Base", "export", "-"],
        ["import"],
        ["import", "--on-conflict", "merge", DIARY],
        ["export", "-", "--from", "April"],
        ["export", "-", "--from", "2025-04-10", "--to", "2025-04-01"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(db, args):
    result = run("--db", db, *args)
    assert result.exit_code == 2, result.output
    assert "Error:" in result.stderr and "Traceback" not in result.output
    assert not Path(db).exists()  # a refused command line touches no journal


def test_foreign_journal_exits_3_and_is_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for args in (["import", DIARY], ["export", "-"], ["backup"]):
        result = run("--db", str(path), *args)
        assert result.exit_code == 3, args
        assert "another application" in result.stderr
    assert path.read_bytes() == before


def test_not_sqlite_exits_3(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    result = run("--db", str(path), "export", "-")
    assert result.exit_code == 3 and "not an SQLite file" in result.stderr


def test_locked_journal_exits_4_for_writes_but_reads_work(db):
    run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    before = run("--db", db, "export", "-").stdout_bytes
    with JournalLock(Path(db)):
        result = run("--db", db, "import", "--on-conflict", "replace", DIARY)
        assert result.exit_code == 4
        assert "open in an nts-desktop window" in result.stderr
        read = run("--db", db, "export", "-")
        assert read.exit_code == 0 and read.stdout_bytes == before


def test_export_of_missing_journal_exits_3(tmp_path):
    result = run("--db", str(tmp_path / "none.sqlite3"), "export", "-")
    assert result.exit_code == 3 and "no journal" in result.stderr


def test_export_to_unwritable_place_exits_1(db, tmp_path):
    run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    result = run("--db", db, "export", str(tmp_path / "missing" / "out.csv"))
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_backup_and_restore(db, tmp_path):
    run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    backup = run("--db", db, "backup")
    assert backup.exit_code == 0
    path = Path(backup.stdout.strip())
    assert path.exists()
    run("--db", db, "import", "--on-conflict", "replace", str(_one_row(tmp_path)))
    cancelled = run("--db", db, "restore", str(path), input="n\n")
    assert cancelled.exit_code == 1 and "nothing changed" in cancelled.stderr
    restored = run("--db", db, "restore", "--yes", str(path))
    assert restored.exit_code == 0, restored.output
    with open_journal(db, read_only=True) as j:
        assert j.day(j.days()[0].date).mood == 6


def test_restore_refuses_non_journal(db, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("junk")
    result = run("--db", db, "restore", "--yes", str(junk))
    assert result.exit_code == 1 and "not an SQLite file" in result.stderr


def test_help_and_version():
    assert run("--help").exit_code == 0
    assert "0.1" in run("--version").stdout
    assert "import" in run("--help").stdout


def _one_row(tmp_path: Path) -> Path:
    f = tmp_path / "one.csv"
    f.write_text("date,mood\n2025-04-07,1\n")
    return f


def test_no_command_opens_the_window_with_the_group_options(monkeypatch, db):
    import nts_desktop.app

    calls = []
    monkeypatch.setattr(
        nts_desktop.app,
        "run_window",
        lambda path, tz, startup_check=False, in_tray=False: (
            calls.append((path, tz, startup_check, in_tray)) or 0
        ),
    )
    result = run("--db", db, "--tz", "Asia/Tokyo", "--startup-check")
    assert result.exit_code == 0
    assert run("--db", db, "--in-tray").exit_code == 0  # as the autostart entry starts it
    assert calls == [(Path(db), "Asia/Tokyo", True, False), (Path(db), None, False, True)]


def test_stats_text_and_json(db):
    import json

    run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    text = run("--db", db, "stats")
    assert text.exit_code == 0
    assert "Sleep Regularity Index" in text.stdout and "84.6" in text.stdout
    assert "social jetlag" in text.stdout and "2 h 38" in text.stdout
    out = run("--db", db, "stats", "--json")
    data = json.loads(out.stdout)
    assert list(data) == [
        "range",
        "headline",
        "means",
        "timing",
        "regularity",
        "correlations",
        "agreement",
    ]
    assert list(data["headline"]) == [
        "predictor",
        "outcome",
        "rho",
        "ci95",
        "p",
        "q",
        "n",
        "words",
        "thirds",
        "lags",
    ]
    assert list(data["range"]) == ["from", "to", "nights"]
    assert list(data["means"]) == [
        "tib_min",
        "tst_min",
        "se_pct",
        "sol_min",
        "waso_min",
        "quality",
        "rested",
        "mood",
        "focus",
        "resilience",
    ]
    assert list(data["timing"]) == [
        "onset_sd_min",
        "midsleep_sd_min",
        "wake_sd_min",
        "onset_mean_clock_min",
        "midsleep_mean_clock_min",
        "wake_mean_clock_min",
    ]
    assert list(data["regularity"]) == [
        "sri",
        "sri_days",
        "sjl_min",
        "msw_clock_min",
        "msf_clock_min",
        "msfsc_clock_min",
        "cpd_h",
    ]
    assert all(
        list(c) == ["predictor", "outcome", "n", "n_eff", "rho", "ci95", "p", "q"]
        for c in data["correlations"]
    )
    assert data["correlations"][0]["predictor"] == "tst_h"
    assert data["regularity"]["sri"] == pytest.approx(84.562, abs=0.01)
    assert "NaN" not in out.stdout and "Infinity" not in out.stdout


def test_stats_range_and_empty_journal(db):
    import json

    run("--db", db, "--tz", "Europe/Berlin", "import", DIARY)
    part = json.loads(run("--db", db, "stats", "--json", "--from", "2025-04-14").stdout)
    assert part["range"] == {"from": "2025-04-14", "to": "2025-04-20", "nights": 7}
    assert run("--db", db, "stats", "--from", "2025-05-01", "--to", "2025-04-01").exit_code == 2


def test_stats_on_an_empty_journal(tmp_path):
    db = str(tmp_path / "empty.sqlite3")
    run("--db", db, "--tz", "UTC", "import", str(_one_row(tmp_path)))
    assert run("--db", db, "stats").exit_code == 0


def test_no_display_is_one_clear_line(monkeypatch, capsys, db):
    from nts_desktop.app import run_window

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert run_window(db) == 1
    assert "no display" in capsys.readouterr().err
    assert not Path(db).exists()


def test_settings_show_and_change(db):
    result = run(
        "--db", db, "--tz", "UTC", "settings", "--zone", "Europe/Berlin", "--free-days", "fri,sat"
    )
    assert result.exit_code == 0
    assert "zone       Europe/Berlin" in result.stdout and "free days  fri,sat" in result.stdout
    shown = run("--db", db, "settings")
    assert "free days  fri,sat" in shown.stdout
    with open_journal(db, read_only=True) as j:
        assert j.settings.tz == "Europe/Berlin" and j.settings.free_weekdays == (4, 5)
    assert run("--db", db, "settings", "--free-days", "funday").exit_code == 2
    assert run("--db", db, "settings", "--zone", "Mars/Base").exit_code == 2
    with JournalLock(Path(db)):
        assert run("--db", db, "settings", "--free-days", "sun").exit_code == 4
        assert run("--db", db, "settings").exit_code == 0  # reading works beside a window


def test_settings_keep_the_persons_name_for_reports(db):
    shown = run("--db", db, "--tz", "UTC", "settings", "--name", "  Ada   Lovelace ")
    assert "name       Ada Lovelace" in shown.stdout
    with open_journal(db, read_only=True) as j:
        assert j.settings.person_name == "Ada Lovelace"
    assert "(none on reports)" in run("--db", db, "settings", "--name", "").stdout


def test_cli_demo_follows_the_seed(tmp_path):
    def export(seed: int, name: str) -> bytes:
        db = str(tmp_path / name)
        CliRunner().invoke(
            cli, ["--db", db, "--tz", "UTC", "demo", "--nights", "40", "--seed", str(seed)]
        )
        with open_journal(db, read_only=True) as j:
            return export_bytes(j)

    assert export(3, "a.sqlite3") == export(3, "b.sqlite3")
    assert export(3, "c.sqlite3") != export(4, "d.sqlite3")


def test_restore_backs_up_the_current_state_first(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    with open_journal(db, tz="UTC") as j:
        j.save_day(day("2025-04-08", mood=3))
        backup = backup_journal(j.path, db=j.db)
        j.save_day(day("2025-04-09", mood=9))
    result = CliRunner().invoke(cli, ["--db", db, "restore", "--yes", str(backup)])
    assert result.exit_code == 0
    saved = [p for p in list_backups(tmp_path / "j.sqlite3") if "before-restore" in p.name]
    assert len(saved) == 1 and str(saved[0]) in result.stderr
    with open_journal(saved[0], read_only=True) as before:
        assert sorted(d.mood for d in before.days()) == [3, 9]


def test_stats_uses_the_journals_free_days(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    with open_journal(db, tz="UTC") as j:
        nights = [
            night(
                date(2025, 5, 5) + timedelta(days=i),
                "01:00" if (date(2025, 5, 5) + timedelta(days=i)).weekday() in (4, 5) else "23:00",
                "01:00" if (date(2025, 5, 5) + timedelta(days=i)).weekday() in (4, 5) else "23:00",
                "08:00",
                "08:00",
                sol=0,
                tz="UTC",
                source="watch",
            )
            for i in range(21)
        ]
        j.write_many([], nights)

    def sjl() -> float | None:
        out = CliRunner().invoke(cli, ["--db", db, "stats", "--json"])
        return json.loads(out.stdout)["regularity"]["sjl_min"]

    weekend = sjl()
    CliRunner().invoke(cli, ["--db", db, "settings", "--free-days", "fri,sat"])
    assert sjl() != weekend and sjl() > weekend
