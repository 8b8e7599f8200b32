"""Behaviours a mutation audit found unguarded; each test fails if its behaviour breaks."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, timedelta

import numpy as np
from click.testing import CliRunner
from diaries import day, night
from PySide6.QtCore import QSettings

from nts_desktop.analysis.series import choose_nights
from nts_desktop.analysis.stats import Stats, compute, to_json
from nts_desktop.analysis.trends import rolling_mean
from nts_desktop.cli import cli
from nts_desktop.core.prefill import typical_night
from nts_desktop.core.ranges import date_range
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.io.csv_import import ImportRefused, read_csv
from nts_desktop.storage import JournalLock, open_journal
from nts_desktop.storage.backup import backup_journal, list_backups, set_aside_and_restore


def test_closing_the_window_releases_the_lock(make_window, tmp_path):
    path = tmp_path / "mine.sqlite3"
    window = make_window(path)
    assert window.lock.held
    window.close()
    assert not window.lock.held
    with JournalLock(path) as lock:
        assert lock.held


def test_every_write_connection_asks_for_synchronous_full(tmp_path, monkeypatch):
    from nts_desktop.storage import opening as journal_module

    seen: list[str] = []
    real = journal_module.Database

    class Spy(real):  # type: ignore[misc, valid-type]
        def execute(self, sql, parameters=None):
            seen.append(sql)
            return super().execute(sql, parameters)

    monkeypatch.setattr(journal_module, "Database", Spy)
    with open_journal(tmp_path / "j.sqlite3", tz="UTC"):
        pass
    assert any("synchronous = FULL" in sql for sql in seen)


def test_thirty_backups_are_kept(journal, journal_path):
    from datetime import UTC, datetime

    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(35):
        backup_journal(journal_path, db=journal.db, now=start + timedelta(minutes=i))
    assert len(list_backups(journal_path)) == 30


def test_deleting_a_day_removes_its_diary_night_but_not_device_nights(journal):
    journal.write_many(
        [day("2025-04-08", "23:00", "23:10", "06:50", "07:00")],
        [night("2025-04-08", "23:05", "23:15", "06:40", "06:55", source="watch")],
    )
    journal.delete_day(date(2025, 4, 8))
    rows = list(journal.db.query("SELECT source FROM nights WHERE date = '2025-04-08'"))
    assert rows == [{"source": "watch"}]


def test_recovery_moves_wal_and_shm_aside_too(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=7))
    backup = backup_journal(journal_path, db=journal.db)
    journal.save_day(day("2025-04-09", mood=1))
    journal.close()
    for suffix in ("-wal", "-shm"):
        journal_path.with_name(journal_path.name + suffix).write_bytes(
            b"leftover " + suffix.encode()
        )
    aside = set_aside_and_restore(journal_path, backup)
    for suffix in ("-wal", "-shm"):
        assert aside.with_name(aside.name + suffix).read_bytes() == b"leftover " + suffix.encode()
        assert not journal_path.with_name(journal_path.name + suffix).exists()
    with open_journal(journal_path, read_only=True) as restored:
        assert [d.mood for d in restored.days()] == [7]


def test_week_starts_on_the_given_first_weekday():
    wednesday = date(2025, 4, 9)
    assert date_range("week", wednesday, first_weekday=6) == (date(2025, 4, 6), date(2025, 4, 12))
    assert date_range("week", wednesday, first_weekday=0) == (date(2025, 4, 7), date(2025, 4, 13))


def test_prefill_uses_only_nights_before_the_date():
    same_day = night("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    assert typical_night([same_day], before=date(2025, 4, 8)).based_on == 0
    assert typical_night([same_day], before=date(2025, 4, 9)).based_on == 1


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


def test_rolling_mean_needs_three_nights_in_the_week():
    values = np.array([np.nan] * 5 + [7.0, 8.0, 6.0])
    out = rolling_mean(values)
    assert np.isnan(out[6]) and out[7] == 7.0


def test_the_diary_night_wins_and_the_preferred_source_comes_next():
    diary = day("2025-04-08", "23:00", "23:10", "06:50", "07:00")
    a = night("2025-04-08", "22:00", "22:10", "05:50", "06:00", source="a")
    b = night("2025-04-09", "22:30", "22:40", "06:20", "06:30", source="b")
    a9 = replace(b, source="a")
    chosen = choose_nights([diary], [a, b, a9], preferred="b")
    assert chosen[date(2025, 4, 8)].source == "diary"
    assert chosen[date(2025, 4, 9)].source == "b"
    assert choose_nights([], [a9, b])[date(2025, 4, 9)].source == "a"  # else first by name


def test_rolling_predictors_look_back_before_the_range():
    beds = ("22:00", "23:00", "00:00")
    days = [
        day(
            date(2025, 5, 1) + timedelta(days=i),
            beds[i % 3],
            beds[i % 3],
            "07:00",
            "07:00",
            sol=0,
            awakenings=0,
            waso=0,
            mood=5 + i % 4,
        )
        for i in range(30)
    ]
    whole = compute(days)
    part = compute(days, start=date(2025, 5, 15))
    i = whole.dates.index(date(2025, 5, 15))
    assert part.series["sri_7d"][0] == whole.series["sri_7d"][i]
    assert part.series["midsleep_sd_7d"][0] == whole.series["midsleep_sd_7d"][i]
    assert not math.isnan(part.series["sri_7d"][0])


def test_sri_needs_five_day_pairs():
    def nights(n: int):
        return [
            day(
                date(2025, 5, 1) + timedelta(days=i),
                "23:00",
                "23:00",
                "07:00",
                "07:00",
                sol=0,
                awakenings=0,
                waso=0,
            )
            for i in range(n)
        ]

    assert compute(nights(5)).regularity["sri"] is None  # 4 pairs
    assert compute(nights(6)).regularity["sri"] is not None  # 5 pairs


def test_to_json_never_writes_nan_or_infinity():
    stats = compute(
        [day("2025-05-01", "23:00", "23:00", "07:00", "07:00", sol=0, awakenings=0, waso=0)]
    )
    broken = Stats(
        stats.start,
        stats.end,
        1,
        {**stats.means, "tib_min": float("nan")},
        {**stats.timing, "onset_sd_min": float("inf")},
        stats.regularity,
        stats.correlations,
    )
    out = to_json(broken)
    assert out["means"]["tib_min"] is None and out["timing"]["onset_sd_min"] is None
    json.dumps(out, allow_nan=False)


def test_the_welcome_is_not_shown_on_a_journal_with_days(make_window, tmp_path):
    path = tmp_path / "mine.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.save_day(day("2025-04-08", mood=5))
    window = make_window(path, welcomed=False)
    assert window.stack.currentWidget() is window.tabs


def test_the_theme_is_remembered(make_window, tmp_path):
    window = make_window(tmp_path / "a.sqlite3")
    window.set_theme("dark")
    assert QSettings().value("view/theme") == "dark"
    window.close()
    again = make_window(tmp_path / "b.sqlite3")
    assert again.theme_actions["dark"].isChecked()
    again.set_theme("light")


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


def test_background_readers_skip_the_integrity_check(journal, journal_path, monkeypatch):
    from nts_desktop.storage import opening as journal_module
    from nts_desktop.ui.context import read_snapshot

    journal.save_day(day("2025-04-08", mood=4))

    def no_check(path):
        raise AssertionError("the window checked this file when it opened it")

    monkeypatch.setattr(journal_module, "check_journal_file", no_check)
    days, nights, settings = read_snapshot(journal_path)
    assert [d.mood for d in days] == [4] and settings.tz == "Europe/Berlin"
