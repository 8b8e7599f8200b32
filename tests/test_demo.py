"""The demo journal: deterministic, believable, and never written into the user's journal."""

from __future__ import annotations

from datetime import date
from statistics import mean

from click.testing import CliRunner

from nts_desktop.cli import cli
from nts_desktop.core.measures import measure
from nts_desktop.core.records import normalize_day
from nts_desktop.demo import DemoOptions, generate
from nts_desktop.io.csv_export import to_bytes
from nts_desktop.storage import open_journal
from nts_desktop.storage.paths import default_demo_path

END = date(2026, 3, 1)


def test_same_seed_same_journal_other_seed_other_journal():
    a = generate(DemoOptions(nights=200, seed=5, end=END))
    b = generate(DemoOptions(nights=200, seed=5, end=END))
    c = generate(DemoOptions(nights=200, seed=6, end=END))
    assert to_bytes(a) == to_bytes(b)
    assert to_bytes(a) != to_bytes(c)


def test_demo_is_believable():
    days = generate(DemoOptions(nights=730, seed=2, end=END))
    assert all(normalize_day(d) == d for d in days)  # every record valid
    assert days[-1].date == END
    missing = 730 - len(days)
    assert 5 <= missing <= 40  # a few missing days
    assert 3 <= sum(d.night is None for d in days) <= 40  # and a few days without a night
    nights = [(d, measure(d.night)) for d in days if d.night]
    free = mean(m.midsleep_anchored_min for d, m in nights if d.free_day)
    work = mean(m.midsleep_anchored_min for d, m in nights if not d.free_day)
    assert 40 < free - work < 150  # later on free days
    tst = [m.tst_min for _, m in nights]
    assert 380 < mean(tst) < 470
    assert sum(t < 300 for t in tst) > 5  # occasional bad nights
    assert len({d.mood for d in days}) >= 5
    assert any(d.tags for d in days) and any(d.notes for d in days)


def test_cli_demo_writes_beside_the_default_journal_not_into_the_users(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    mine = tmp_path / "mine.sqlite3"
    monkeypatch.setenv("NTS_DESKTOP_DB", str(mine))
    result = CliRunner().invoke(cli, ["demo", "--nights", "30", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(default_demo_path())
    assert not mine.exists()
    with open_journal(default_demo_path(), read_only=True) as j:
        assert 25 <= j.day_count() <= 30


def test_cli_demo_with_db_and_refusal_of_a_journal_with_days(tmp_path):
    db = str(tmp_path / "d.sqlite3")
    first = CliRunner().invoke(
        cli, ["--db", db, "--tz", "Europe/Berlin", "demo", "--nights", "60", "--seed", "9"]
    )
    assert first.exit_code == 0, first.output
    with open_journal(db, read_only=True) as j:
        before = to_bytes(j.days())
        assert j.days()[0].night.tz == "Europe/Berlin"
    again = CliRunner().invoke(cli, ["--db", db, "demo"])
    assert again.exit_code == 1
    assert "already holds days" in again.stderr
    with open_journal(db, read_only=True) as j:
        assert to_bytes(j.days()) == before


def test_cli_demo_rejects_bad_nights():
    assert CliRunner().invoke(cli, ["demo", "--nights", "0"]).exit_code == 2


def test_a_demo_journal_says_so_however_it_is_opened_and_is_never_restored_into_yours(
    make_window, tmp_path
):
    demo = tmp_path / "demo.sqlite3"
    assert CliRunner().invoke(cli, ["--db", str(demo), "demo", "--nights", "20"]).exit_code == 0
    window = make_window(demo)
    assert window.ctx.demo and "Demo journal" in window.windowTitle()
    window.close()
    mine = tmp_path / "mine.sqlite3"
    CliRunner().invoke(cli, ["--db", str(mine), "--tz", "UTC", "backup"])
    with open_journal(mine, tz="UTC"):
        pass
    result = CliRunner().invoke(cli, ["--db", str(mine), "restore", "--yes", str(demo)])
    assert result.exit_code == 1 and "demo journal" in result.stderr
    with open_journal(mine, read_only=True) as j:
        assert j.day_count() == 0 and not j.settings.demo
