"""The journal file (design §9): safe opening, settings, writes, backups, lock, durability."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from diaries import day, night

from nts_desktop.storage import JournalError, JournalLock, JournalLocked, open_journal
from nts_desktop.storage.backup import KEEP, backup_if_due, backup_journal, list_backups
from nts_desktop.storage.paths import default_journal_path
from nts_desktop.storage.restore import set_aside_and_restore
from nts_desktop.storage.schema import APPLICATION_ID


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_new_journal_is_private_wal_full_and_tagged(journal, journal_path):
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert journal.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert journal.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert journal.settings.tz == "Europe/Berlin"
    assert journal.settings.free_weekdays == (5, 6)


def test_default_location_is_a_private_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_journal(None) as j:
        assert j.path == default_journal_path()
        assert j.path.parent == tmp_path / "data" / "nts-desktop"
    assert stat.S_IMODE(j.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(j.path.stat().st_mode) == 0o600


def test_new_journal_takes_system_zone_without_tz(journal_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    with open_journal(journal_path) as j:
        assert j.settings.tz == "Asia/Tokyo"
    with open_journal(journal_path, tz="Europe/Berlin") as j:
        assert j.zone_name == "Europe/Berlin"  # override for this run
        assert j.settings.tz == "Asia/Tokyo"  # the journal keeps its own


def test_settings_persist_and_are_checked(journal, journal_path):
    journal.update_settings(tz="America/New_York", free_weekdays=[4, 5])
    journal.close()
    with open_journal(journal_path) as j:
        assert j.settings.tz == "America/New_York"
        assert j.settings.free_weekdays == (4, 5)
        assert j.settings.work_weekdays == 5
        with pytest.raises(ValueError):
            j.update_settings(free_weekdays=[7])
        with pytest.raises(ValueError):
            j.update_settings(tz="Mars/Base")


def test_save_read_replace_delete(journal):
    d = day(
        "2025-04-08",
        "23:00",
        "23:10",
        "06:50",
        "07:00",
        mood=7,
        tags=("run", "tea"),
        notes="line one\nline two",
    )
    assert journal.save_day(d).dates == {date(2025, 4, 8)}
    assert journal.day(date(2025, 4, 8)) == d
    changed = day("2025-04-08", mood=3)  # the night removed, mood changed
    journal.save_day(changed)
    assert journal.day(date(2025, 4, 8)) == changed
    assert journal.db.execute("SELECT count(*) FROM nights").fetchone()[0] == 0
    deleted = journal.delete_day(date(2025, 4, 8))
    assert deleted.removed == (changed,)  # what was removed, for undo
    assert deleted.dates == {date(2025, 4, 8)} and not deleted.everything
    assert journal.day(date(2025, 4, 8)) is None
    assert journal.dates() == set()


def test_days_range_and_device_nights(journal):
    from diaries import night

    journal.write_many(
        [day(f"2025-04-{d:02d}", "23:00", "23:10", "06:50", "07:00") for d in range(1, 11)],
        [night("2025-04-05", "23:05", "23:15", "06:40", "06:55", source="watch")],
    )
    assert [d.date.day for d in journal.days(date(2025, 4, 3), date(2025, 4, 5))] == [3, 4, 5]
    assert [n.source for n in journal.device_nights()] == ["watch"]
    assert journal.device_nights(date(2025, 4, 6)) == []
    assert journal.day(date(2025, 4, 5)).night.source == "diary"


def test_a_failed_write_many_writes_nothing(journal):
    bad = day("2025-04-09", mood=5, tags=(b"not text",))  # fails inside the transaction
    with pytest.raises(TypeError):
        journal.write_many([day("2025-04-08", mood=5), bad])
    assert journal.dates() == set()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"date,bedtime\n2025-04-01,23:00\n", "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "damaged"),
    ],
)
def test_refuses_non_journals_and_leaves_them_untouched(tmp_path, content, words):
    path = tmp_path / "thing.sqlite3"
    path.write_bytes(content)
    before = snapshot(path)
    with pytest.raises(JournalError, match=words):
        open_journal(path)
    assert snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.sqlite3"]


def test_refuses_another_applications_database(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(JournalError, match="another application"):
        open_journal(path)
    assert snapshot(path) == before


def test_refuses_a_journal_from_a_newer_version(journal, journal_path):
    journal.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('nts_desktop', 'm999_future', 'x')"
    )
    journal.close()
    before = snapshot(journal_path)
    with pytest.raises(JournalError, match="newer version"):
        open_journal(journal_path)
    assert snapshot(journal_path) == before


def test_refuses_a_damaged_journal(journal, journal_path):
    journal.write_many(
        [
            day(f"2025-0{m}-{d:02d}", mood=5, notes="x" * 900)
            for m in range(1, 4)
            for d in range(1, 28)
        ]
    )
    journal.close()
    data = bytearray(journal_path.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):
        data[offset : offset + 50] = b"\xff" * 50
    journal_path.write_bytes(bytes(data))
    before = snapshot(journal_path)
    with pytest.raises(JournalError, match="damaged"):
        open_journal(journal_path)
    assert snapshot(journal_path) == before


def test_missing_folder_and_read_only_missing_file(tmp_path):
    with pytest.raises(JournalError, match="does not exist"):
        open_journal(tmp_path / "nope" / "j.sqlite3")
    with pytest.raises(JournalError, match="no journal"):
        open_journal(tmp_path / "j.sqlite3", read_only=True)


def test_read_only_open_changes_nothing(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=5))
    journal.close()
    before = snapshot(journal_path)
    with open_journal(journal_path, read_only=True) as j:
        assert [d.mood for d in j.days()] == [5]
        with pytest.raises(JournalError):
            j.save_day(day("2025-04-09", mood=5))
    assert snapshot(journal_path) == before


def test_backups_are_private_and_kept_thirty_deep(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=5))
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(KEEP + 3):
        path = backup_journal(journal_path, db=journal.db, now=start + timedelta(minutes=i))
    backups = list_backups(journal_path)
    assert len(backups) == KEEP
    assert backups[-1] == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with open_journal(path, read_only=True) as copy:
        assert [d.mood for d in copy.days()] == [5]


def test_daily_backup_only_when_due(journal, journal_path):
    assert backup_if_due(journal_path, journal.db) is None  # empty journal: nothing to keep
    journal.save_day(day("2025-04-08", mood=5))
    first = backup_if_due(journal_path, journal.db)
    assert first is not None
    assert backup_if_due(journal_path, journal.db) is None
    later = datetime.now(UTC) + timedelta(days=2)  # the backup is two days old by then
    assert backup_if_due(journal_path, journal.db, now=later) is not None


def test_lock_is_exclusive(journal, journal_path):
    with (
        JournalLock(journal_path),
        pytest.raises(JournalLocked, match="open in an nts-desktop window"),
    ):
        JournalLock(journal_path).acquire()
    with JournalLock(journal_path) as again:
        assert again.held


WRITER = """
import sys
from datetime import date, timedelta
sys.path.insert(0, {tests!r})
from diaries import day
from nts_desktop.storage import open_journal
j = open_journal({path!r}, tz="Europe/Berlin")
start = date(2000, 1, 1)
for i in range(100000):
    j.save_day(day(start + timedelta(days=i), "23:00", "23:10", "06:50", "07:00", mood=i % 10 + 1))
    print((start + timedelta(days=i)).isoformat(), flush=True)
"""


def test_kill_minus_nine_loses_no_acknowledged_save(journal_path):
    code = WRITER.format(tests=str(Path(__file__).parent), path=str(journal_path))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    acknowledged = []
    for line in proc.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) == 150:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    acknowledged += [line.strip() for line in proc.stdout if line.strip()]
    proc.stdout.close()
    with open_journal(journal_path) as j:
        assert j.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {d.isoformat() for d in j.dates()}
    assert set(acknowledged) <= stored


def test_lock_is_shared_through_a_symlink(journal, journal_path):
    link = journal_path.with_name("link.sqlite3")
    link.symlink_to(journal_path)
    with JournalLock(journal_path), pytest.raises(JournalLocked):
        JournalLock(link).acquire()


def test_existing_default_folder_is_made_private(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "nts-desktop"
    folder.mkdir(parents=True, mode=0o755)
    os.chmod(folder, 0o755)
    with open_journal(None):
        pass
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_window_recovery_restores_the_latest_backup_and_keeps_the_unusable_file(
    journal, journal_path, qtbot
):
    from nts_desktop.app import open_or_recover

    journal.save_day(day("2025-04-08", mood=7))
    backup_journal(journal_path, db=journal.db)
    journal.close()
    journal_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # now damaged
    damaged = journal_path.read_bytes()
    asked = []

    def ask(reason, latest):
        asked.append((reason, latest))
        return "restore", latest.path

    window = open_or_recover(journal_path, "Europe/Berlin", JournalError("damaged"), ask)
    qtbot.addWidget(window)
    assert asked[0][1].path == list_backups(journal_path)[-1]
    assert asked[0][1].days == 1
    assert window.ctx.journal.day(date(2025, 4, 8)).mood == 7
    kept = [p for p in journal_path.parent.iterdir() if ".unusable-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    window.close()


def test_window_recovery_can_open_another_file_or_quit(tmp_path, qtbot):
    from nts_desktop.app import open_or_recover

    other = tmp_path / "other.sqlite3"
    with open_journal(other, tz="UTC") as j:
        j.save_day(day("2025-04-08", mood=3))
    broken = tmp_path / "broken.sqlite3"
    broken.write_text("not a journal")
    error = JournalError("x")
    assert open_or_recover(broken, None, error, lambda reason, latest: ("quit", None)) is None
    window = open_or_recover(broken, None, error, lambda reason, latest: ("open", other))
    qtbot.addWidget(window)
    assert window.ctx.journal.path == other
    assert broken.read_text() == "not a journal"
    window.close()


def test_an_upgrade_backs_up_first_and_then_migrates(journal, journal_path, monkeypatch):
    from sqlite_utils.migrations import Migrations

    from nts_desktop.storage import opening as journal_module
    from nts_desktop.storage import schema

    journal.save_day(day("2025-04-08", mood=6))
    journal.close()
    newer = Migrations(schema.MIGRATION_SET)
    newer()(schema.m001_initial)
    newer()(schema.m002_device_data)
    newer()(schema.m003_day_fills)

    @newer()
    def m999_add_column(db):
        db.execute("ALTER TABLE days ADD COLUMN energy INTEGER")

    monkeypatch.setattr(schema, "migrations", newer)
    monkeypatch.setattr(journal_module, "migrations", newer)
    with open_journal(journal_path) as upgraded:
        assert "energy" in upgraded.db["days"].columns_dict
        assert [d.mood for d in upgraded.days()] == [6]
    backups = [p for p in list_backups(journal_path) if "before-upgrade" in p.name]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        columns = [r[1] for r in old.execute("PRAGMA table_info(days)")]
    assert "energy" not in columns


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


def test_background_readers_skip_the_integrity_check(journal, journal_path, monkeypatch):
    from nts_desktop.storage import opening as journal_module
    from nts_desktop.ui.context import read_snapshot

    journal.save_day(day("2025-04-08", mood=4))

    def no_check(path):
        raise AssertionError("the window checked this file when it opened it")

    monkeypatch.setattr(journal_module, "check_journal_file", no_check)
    days, nights, naps, settings = read_snapshot(journal_path)
    assert [d.mood for d in days] == [4] and settings.tz == "Europe/Berlin"
