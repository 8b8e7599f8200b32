"""The paths around the journal never lose it: backups, restores, creation, links, odd
files, a full disk, damage past quick_check, hostile CSV, privacy (design §9)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from diaries import day

from nts_desktop.cli import cli
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.storage import (
    DiskFull,
    JournalLock,
    check_journal_file,
    open_journal,
)
from nts_desktop.storage.backup import (
    KEEP,
    backup_days,
    backup_if_due,
    backup_journal,
    good_backups,
    list_backups,
)
from nts_desktop.storage.restore import BadBackup, restore_backup, set_aside_and_restore

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def fill(path: Path, days: int = 40, start: date = date(2025, 3, 1)) -> None:
    with open_journal(path, tz="Europe/Berlin") as j:
        j.write_many(
            [
                day(
                    start + timedelta(days=i),
                    "23:00",
                    "23:10",
                    "06:50",
                    "07:00",
                    mood=1 + i % 10,
                    notes=f"night {i}",
                    tags=("run",) if i % 3 else (),
                )
                for i in range(days)
            ]
        )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- backups -------------------------------------------------------------------------------
def test_a_failed_backup_leaves_no_file_under_a_backups_name(journal, journal_path, monkeypatch):
    from nts_desktop.storage import backup as backup_module

    journal.save_day(day("2025-04-08", mood=5))

    def torn(source, target):
        target.write_bytes(b"SQLite format 3\x00 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "_copy_checked", torn)
    with pytest.raises(DiskFull, match="the disk is full"):
        backup_journal(journal_path, db=journal.db)
    folder = journal_path.parent / f"{journal_path.name}.backups"
    assert list(folder.iterdir()) == []  # no torn backup, no temporary file, no -journal


def test_a_torn_backup_neither_blocks_the_daily_one_nor_counts_as_kept(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=5))
    now = datetime.now(UTC)
    good = backup_journal(journal_path, db=journal.db, now=now - timedelta(days=2))
    stamp = (now - timedelta(minutes=1)).strftime("%Y%m%dT%H%M%S%fZ")
    torn = good.with_name(f"{journal_path.stem}-{stamp}-daily.sqlite3")
    torn.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)  # newest by name, not good
    assert backup_if_due(journal_path, journal.db, now=now) is not None  # judged by good ones
    for i in range(KEEP + 3):
        backup_journal(journal_path, db=journal.db, now=now + timedelta(minutes=i + 1))
    assert len(good_backups(journal_path)) == KEEP
    assert torn.exists()  # kept aside, but never counted among the 30


def test_killed_backups_never_leave_a_torn_file_under_a_backups_name(tmp_path):
    """A kill harness: a process taking backups in a loop is killed at random moments."""
    path = tmp_path / "j.sqlite3"
    fill(path, days=400)
    script = (
        "import sys; from pathlib import Path\n"
        "from nts_desktop.storage.backup import backup_journal\n"
        "while True: backup_journal(Path(sys.argv[1]))\n"
    )
    rng = random.Random(4)
    kills = int(os.environ.get("NTS_KILLS", "12"))
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT)
        time.sleep(0.4 + rng.random() * 0.6)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    named = list_backups(path)
    assert named, "no backup was taken"
    assert all(backup_days(p) == 400 for p in named)  # every file under a backup's name is whole
    folder = path.parent / f"{path.name}.backups"
    assert not [
        p for p in folder.iterdir() if p.name.endswith("-journal") and not p.name.startswith(".")
    ]


# -- restores ------------------------------------------------------------------------------
def test_a_bad_backup_is_refused_and_the_next_good_one_is_named(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=5))
    good = backup_journal(journal_path, db=journal.db, now=datetime.now(UTC) - timedelta(hours=2))
    bad = good.with_name(good.name.replace("manual", "daily")[:-20] + "99Z-daily.sqlite3")
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    before = export_bytes(journal)
    with pytest.raises(BadBackup) as caught:
        restore_backup(journal, bad)
    assert caught.value.instead is not None and caught.value.instead.path == good
    assert "2 hours ago" in str(caught.value)
    assert export_bytes(journal) == before


def test_setting_aside_twice_in_one_second_keeps_both_originals(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=5))
    backup = backup_journal(journal_path, db=journal.db)
    journal.close()
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    first = b"SQLite format 3\x00 first damage"
    journal_path.write_bytes(first)
    aside1 = set_aside_and_restore(journal_path, backup, now=now)
    second = b"SQLite format 3\x00 second damage"
    journal_path.write_bytes(second)
    aside2 = set_aside_and_restore(journal_path, backup, now=now)
    assert aside1 != aside2
    assert aside1.read_bytes() == first and aside2.read_bytes() == second
    assert check_journal_file(journal_path)


def test_a_restore_that_fails_midway_leaves_the_journal_where_it_was(
    journal, journal_path, monkeypatch
):
    journal.save_day(day("2025-04-08", mood=5))
    backup = backup_journal(journal_path, db=journal.db)
    journal.close()
    damaged = b"SQLite format 3\x00 damaged"
    journal_path.write_bytes(damaged)
    real_link = os.link

    def failing_link(src, dst, *a, **k):
        if Path(dst) == journal_path:
            raise OSError(5, "Input/output error")
        return real_link(src, dst, *a, **k)

    monkeypatch.setattr(os, "link", failing_link)
    with pytest.raises(OSError):
        set_aside_and_restore(journal_path, backup)
    assert journal_path.read_bytes() == damaged  # what it held before
    assert not [p for p in journal_path.parent.iterdir() if ".unusable-" in p.name]


def test_an_empty_file_with_backups_is_damage_not_a_new_journal(tmp_path):
    path = tmp_path / "j.sqlite3"
    fill(path, days=5)
    with open_journal(path) as j:
        backup_journal(path, db=j.db)
    path.write_bytes(b"")  # lost its contents
    result = run("--db", str(path), "import", str(ROOT / "tests/vectors/diary_A_regular.csv"))
    assert result.exit_code == 3 and "lost its contents" in result.stderr
    assert path.read_bytes() == b""


# -- creation ------------------------------------------------------------------------------
def test_a_killed_creation_leaves_no_journal_or_a_complete_one(tmp_path):
    script = (
        "import sys; from nts_desktop.storage import open_journal\n"
        "open_journal(sys.argv[1], tz='UTC').close()\n"
    )
    rng = random.Random(2)
    outcomes = {"none": 0, "complete": 0}
    for i in range(int(os.environ.get("NTS_KILLS", "12"))):
        path = tmp_path / f"new-{i}.sqlite3"
        proc = subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=ROOT)
        time.sleep(0.25 + rng.random() * 0.5)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if path.exists():
            assert check_journal_file(path), "a journal that was created is complete"
            with open_journal(path, read_only=True) as j:
                assert j.settings.tz == "UTC"
            outcomes["complete"] += 1
        else:
            outcomes["none"] += 1
    assert sum(outcomes.values()) == int(os.environ.get("NTS_KILLS", "12"))


# -- links and odd paths -------------------------------------------------------------------
def test_a_hard_link_cannot_bypass_the_lock(journal, journal_path, tmp_path):
    journal.save_day(day("2025-04-08", mood=5))
    twin = tmp_path / "twin.sqlite3"
    os.link(journal_path, twin)
    with JournalLock(journal_path):  # a window holds the journal
        result = run("--db", str(twin), "import", str(ROOT / "tests/vectors/diary_A_regular.csv"))
    assert result.exit_code == 4 and "open in an nts-desktop window" in result.stderr


def test_a_symlink_to_something_else_creates_nothing_beside_its_target(tmp_path):
    target_dir = tmp_path / "etc"
    target_dir.mkdir()
    target = target_dir / "passwd"
    target.write_text("root:x:0:0::/root:/bin/sh\n")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    before = snapshot(target_dir)
    for args in (["import", str(ROOT / "tests/vectors/diary_A_regular.csv")], ["export", "-"]):
        result = run("--db", str(link), *args)
        assert result.exit_code == 3 and "not an SQLite file" in result.stderr
    assert snapshot(target_dir) == before and sorted(os.listdir(target_dir)) == ["passwd"]


@pytest.mark.parametrize("kind", ["folder", "fifo", "proc"])
def test_odd_paths_are_a_clear_refusal(tmp_path, kind):
    if kind == "folder":
        path = tmp_path / "a-folder"
        path.mkdir()
        words = "is a folder"
    elif kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        words = "not a file"
    else:
        path = Path("/proc/self/status")
        if not path.exists():
            pytest.skip("no /proc here")
        words = "not an SQLite file"
    for args in (
        ["export", "-"],
        ["stats"],
        ["import", str(ROOT / "tests/vectors/diary_A_regular.csv")],
    ):
        result = run("--db", str(path), *args)
        assert result.exit_code == 3, (kind, args, result.output)
        assert (words in result.stderr and result.exception is None) or isinstance(
            result.exception, SystemExit
        )


# -- two writers ---------------------------------------------------------------------------
def test_a_command_waits_briefly_for_another_command(journal, journal_path):
    journal.save_day(day("2025-04-08", mood=5))
    other = JournalLock(journal_path, kind="command").acquire()
    threading.Timer(1.0, other.release).start()
    started = time.monotonic()
    result = run("--db", str(journal_path), "settings", "--free-days", "fri,sat")
    assert result.exit_code == 0, result.output
    assert 0.8 < time.monotonic() - started < 5


def test_the_message_tells_a_waiting_command_from_a_window(journal, journal_path, monkeypatch):
    from nts_desktop.storage import lock as lock_module

    monkeypatch.setattr(lock_module, "WAIT", 0.3)
    monkeypatch.setattr("nts_desktop.cli.WAIT", 0.3)
    with JournalLock(journal_path, kind="command"):
        result = run("--db", str(journal_path), "settings", "--free-days", "sun")
    assert result.exit_code == 4 and "another nts-desktop command" in result.stderr
    assert "window" not in result.stderr


# -- damage past quick_check ---------------------------------------------------------------
def test_bit_flips_end_in_exit_0_or_a_clear_exit_3_never_a_traceback(tmp_path):
    """A bit-flip scan over a real journal (bounded here; NTS_FLIPS=600 by hand)."""
    original = tmp_path / "j.sqlite3"
    fill(original, days=60)
    data = original.read_bytes()
    expected = run("--db", str(original), "export", "-").stdout_bytes
    rng = random.Random(7)
    flips = int(os.environ.get("NTS_FLIPS", "150"))
    outcomes = {"same": 0, "refused": 0, "changed silently": 0}
    copy = tmp_path / "flipped.sqlite3"
    for _ in range(flips):
        broken = bytearray(data)
        position = rng.randrange(100, len(broken))  # past the header
        broken[position] ^= 1 << rng.randrange(8)
        copy.write_bytes(bytes(broken))
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        for command in (["export", "-"], ["stats", "--json"]):
            result = run("--db", str(copy), *command)
            assert result.exit_code in (0, 3), (position, command, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                position,
                command,
                repr(result.exception),
            )
            if result.exit_code == 3:
                assert result.stderr.startswith("nts-desktop: ") and "damaged" in result.stderr
        exported = run("--db", str(copy), "export", "-")
        if exported.exit_code == 3:
            outcomes["refused"] += 1
        elif exported.stdout_bytes == expected:
            outcomes["same"] += 1
        else:
            outcomes["changed silently"] += 1
    print("bit flips:", flips, outcomes)
    assert sum(outcomes.values()) == flips


def test_a_damaged_value_names_its_date(tmp_path):
    path = tmp_path / "j.sqlite3"
    fill(path, days=3)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE nights SET final_wake = 'Xyz' WHERE date = '2025-03-02'")
    conn.execute("UPDATE days SET mood = 99 WHERE date = '2025-03-03'")
    conn.commit()
    conn.close()
    result = run("--db", str(path), "export", "-")
    assert result.exit_code == 3 and "the night of 2025-03-02" in result.stderr


# -- a full disk ---------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill_disk(mount: Path) -> None:
    with open(mount / "ballast", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    os.sync()


def test_a_full_disk_is_a_full_disk_and_changes_nothing(small_disk, tmp_path):
    path = small_disk / "journal.sqlite3"
    fill(path, days=30)
    with open_journal(path) as j:
        backup_journal(path, db=j.db)
    _fill_disk(small_disk)
    before = snapshot(small_disk)
    csv = tmp_path / "more.csv"
    csv.write_text(
        "date,mood,notes\n" + "".join(f"2026-01-{d:02d},5,{'x' * 2000}\n" for d in range(1, 29))
    )
    for args in (["import", str(csv)], ["backup"], ["settings", "--free-days", "sun"]):
        result = run("--db", str(path), *args)
        assert result.exit_code in (1, 3), (args, result.output)
        assert "the disk is full" in result.stderr, (args, result.stderr)
    after = snapshot(small_disk)
    assert after.keys() == before.keys()  # no new, 0-byte or partial file
    assert after[path.name] == before[path.name]
    exported = run("--db", str(path), "export", "-")  # a healthy journal still reads
    assert exported.exit_code == 0 and exported.stdout_bytes.count(b"\r\n") == 31


def test_a_healthy_journal_on_a_full_disk_opens_read_only_in_the_window(
    small_disk, make_window, qtbot
):
    path = small_disk / "journal.sqlite3"
    fill(path, days=10)
    _fill_disk(small_disk)
    window = make_window(path)
    assert window.ctx.journal.read_only
    from PySide6.QtWidgets import QFrame, QLabel

    banner = window.findChild(QFrame, "read_only_banner")
    text = window.findChild(QLabel, "read_only_text")
    assert "the disk is full" in text.text()
    assert window.ctx.journal.day_count() == 10  # shown, not "damaged", nothing moved aside
    assert not [p for p in small_disk.iterdir() if ".unusable-" in p.name]
    assert banner is not None


# -- hostile CSV ---------------------------------------------------------------------------
def test_hostile_csv_stays_small_and_clear(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    cases = {
        "huge.csv": "date,mood\n2025-01-01," + "9x" * 5_000_000 + "\n",
        "years.csv": (
            "date,bedtime,lights_out,sleep_latency_min,awakenings,waso_min,final_wake,out_of_bed\n"
            "2025-01-01,0001-01-01T00:00+05:00,23:10,1,1,1,06:00,07:00\n"
            "2025-01-02,9999-12-31T23:00-05:00,23:10,1,1,1,06:00,07:00\n"
        ),
        "latin1.csv": "date,notes\n2025-01-01,caf\xe9\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_bytes(text.encode("latin-1") if name == "latin1.csv" else text.encode())
        result = run("--db", db, "import", str(path))
        assert result.exit_code == 1, (name, result.output[:300])
        assert result.exception is None or isinstance(result.exception, SystemExit), name
        assert len(result.stderr) < 2000, (name, len(result.stderr))
    assert not Path(db).exists()


def test_a_million_rows_are_refused_in_bounded_memory(tmp_path):
    path = tmp_path / "million.csv"
    with open(path, "w") as fh:
        fh.write("date,mood\n")
        start = date(1900, 1, 1)
        for i in range(1_000_000):
            fh.write(f"{start + timedelta(days=i % 70000)},{1 + i % 10}\n")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import resource, sys; from nts_desktop.cli import main; "
            f"sys.argv=['nts-desktop','--db','{tmp_path / 'j.sqlite3'}','import','{path}']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, code)",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    peak_mib, code = result.stdout.split()
    assert code == "1" and "more than 200,000 rows" in result.stderr
    assert int(peak_mib) < 600, peak_mib


# -- privacy -------------------------------------------------------------------------------
def test_exports_settings_and_a_loose_journal_are_private(make_window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    path = tmp_path / "loose.sqlite3"
    fill(path, days=10)
    path.chmod(0o644)
    window = make_window(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with qtbot.waitSignal(window.trends.computed, timeout=20000):
        window.show_page(window.TRENDS)
    target = tmp_path / "chart"
    window.trends.ask_save_path = lambda parent, suggested, filter_: f"{target}.{suggested[-3:]}"
    for kind in ("png", "svg", "csv"):
        assert window.trends.export(kind)
        assert stat.S_IMODE(Path(f"{target}.{kind}").stat().st_mode) == 0o600, kind
    window.close()
    settings = Path(QSettings().fileName())
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600


@pytest.mark.parametrize("cell", ["=1+1", "  =1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "'=x"])
def test_the_formula_guard_covers_full_width_signs_and_leading_spaces(cell):
    from nts_desktop.io.columns import guard, unguard

    assert guard(cell).startswith("'")
    assert unguard(guard(cell)) == cell


def test_a_journal_on_read_only_media_exports_and_refuses_writes_clearly(small_disk):
    path = small_disk / "journal.sqlite3"
    fill(path, days=7)
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot remount read-only here")
    exported = run("--db", str(path), "export", "-")
    assert exported.exit_code == 0 and exported.stdout_bytes.count(b"\r\n") == 8
    refused = run("--db", str(path), "settings", "--free-days", "sun")
    assert refused.exit_code == 3 and "read-only" in refused.stderr
    assert refused.exception is None or isinstance(refused.exception, SystemExit)
