"""Day ratings from mood apps through the command line and the window (design §6, §8): mood
names placed once, own ratings never overwritten unless chosen, batches removed exactly,
and a new user's first day with imported history."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from diaries import day
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from nts_desktop.cli import cli
from nts_desktop.io.device_import import preview
from nts_desktop.io.devices import read_history
from nts_desktop.storage import open_journal
from nts_desktop.storage.batches import list_batches
from nts_desktop.ui.import_dialogs import Answer, MoodMapDialog, PreviewDialog

MOODS = Path(__file__).parent / "samples" / "moods"
DEVICES = Path(__file__).parent / "samples" / "devices"
REAL = Path(__file__).resolve().parents[2] / "shared" / "real-exports" / "mood-apps"
US = MOODS / "daylio-us-note-title.csv"


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_unplaced_mood_names_refuse_the_import_until_given_and_are_then_remembered(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    refused = run("--db", db, "--tz", "Europe/Berlin", "import", str(US))
    assert refused.exit_code == 1
    assert "these mood names have no level: Great (1), vaguely ok (1)" in refused.output
    assert "--mood-map" in refused.output and not Path(db).exists()  # nothing created
    done = run(
        "--db",
        db,
        "--tz",
        "Europe/Berlin",
        "import",
        str(US),
        "--mood-map",
        "great=rad, vaguely ok=3",
    )
    assert done.exit_code == 0, done.output
    with open_journal(db, read_only=True) as j:
        days = {d.date: d for d in j.days()}
    assert days[date(2023, 3, 14)].mood == 8  # Great (5) and meh (3): mean 4 → 8
    assert days[date(2023, 3, 13)].mood == 6  # vaguely ok placed at 3
    assert days[date(2023, 3, 11)].mood == 1  # awful
    assert "daylio:vaguely ok" in days[date(2023, 3, 13)].tags
    assert {"work", "commute"} <= set(days[date(2023, 3, 13)].tags)
    assert days[date(2023, 3, 14)].notes.startswith("Pi day — Ate pie & more pie.")
    again = run("--db", db, "import", "--dry-run", str(MOODS / "daylio-us-note-title.csv"))
    assert "without a level" not in again.output  # remembered for the next import


def test_a_bad_mood_map_is_a_usage_error(tmp_path):
    result = run("--db", str(tmp_path / "j.sqlite3"), "import", str(US), "--mood-map", "great")
    assert result.exit_code == 2 and "NAME=LEVEL" in result.output


def test_own_ratings_are_kept_listed_and_replaced_only_when_asked(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    with open_journal(db, tz="Europe/Berlin") as j:
        j.save_day(day("2024-02-01", mood=2, notes="my own"))
    before = run("--db", db, "export", "-").stdout_bytes
    dry = run("--db", db, "import", "--dry-run", str(MOODS / "daylio-german.csv"))
    assert "differ from your own" in dry.output and "2024-02-01 mood: yours 2" in dry.output
    assert run("--db", db, "import", str(MOODS / "daylio-german.csv")).exit_code == 0
    with open_journal(db, read_only=True) as j:
        kept = j.day(date(2024, 2, 1))
    assert kept.mood == 2 and kept.notes.startswith("my own")
    listing = run("--db", db, "imports").output
    batch = listing.split()[0]
    assert "days of ratings" in listing
    assert run("--db", db, "imports", "remove", batch).exit_code == 0
    assert run("--db", db, "export", "-").stdout_bytes == before
    replaced = run("--db", db, "import", "--replace-ratings", str(MOODS / "daylio-german.csv"))
    assert replaced.exit_code == 0
    with open_journal(db, read_only=True) as j:
        assert j.day(date(2024, 2, 1)).mood != 2
    batch = run("--db", db, "imports").output.split()[0]
    run("--db", db, "imports", "remove", batch)
    assert run("--db", db, "export", "-").stdout_bytes == before


def test_bearable_brings_nights_and_day_ratings_in_one_batch_removed_together(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    open_journal(db, tz="Europe/Berlin").close()
    empty = run("--db", db, "export", "-").stdout_bytes
    assert run("--db", db, "import", str(MOODS / "bearable-export.csv")).exit_code == 0
    with open_journal(db, read_only=True) as j:
        nights = j.device_nights()
        rated = [d for d in j.days() if d.mood is not None]
    assert {n.source for n in nights} == {"bearable"} and len(nights) == 3
    assert rated and all(1 <= d.mood <= 10 for d in rated)
    listing = run("--db", db, "imports").output.splitlines()
    assert len(listing) == 1 and "3 nights" in listing[0] and "days of ratings" in listing[0]
    assert run("--db", db, "imports", "remove", listing[0].split()[0]).exit_code == 0
    assert run("--db", db, "export", "-").stdout_bytes == empty


def test_loop_habits_become_tags_on_the_days_they_were_done(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    assert (
        run("--db", db, "--tz", "Europe/Berlin", "import", str(MOODS / "loop-export")).exit_code
        == 0
    )
    with open_journal(db, read_only=True) as j:
        days = j.days()
    assert days and all(d.tags and d.mood is None for d in days)


def test_the_mood_map_dialog_needs_a_level_for_every_name(qtbot):
    dialog = MoodMapDialog("daylio", Counter({"content": 28, "okay": 37}))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    boxes = list(dialog.boxes.values())
    for box, level in zip(boxes, (4, 3), strict=True):
        box.setFocus()
        for _ in range(level):
            qtbot.keyClick(box, Qt.Key.Key_Down)
    assert ok.isEnabled()
    assert dialog.mapping() == {"okay": 4.0, "content": 3.0}  # most entries first


def test_the_preview_offers_to_replace_own_ratings_only_when_some_differ(qtbot, journal):
    journal.save_day(day("2024-02-01", mood=2))
    previews = preview(journal, read_history(MOODS / "daylio-german.csv", "Europe/Berlin"))
    dialog = PreviewDialog("daylio-german.csv", previews)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.replace.isVisible() and "1 day" in dialog.replace.text()
    qtbot.mouseClick(dialog.replace, Qt.MouseButton.LeftButton)
    assert dialog.answer(True).replace_ratings
    quiet = PreviewDialog(
        "x", preview(journal, read_history(MOODS / "imoodjournal.csv", "Europe/Berlin"))
    )
    qtbot.addWidget(quiet)
    quiet.show()
    assert not quiet.replace.isVisible() and not quiet.answer(True).replace_ratings


def test_a_new_user_imports_a_tracker_and_a_mood_app_from_the_welcome_and_lands_on_insights(
    make_window, tmp_path, qtbot
):
    window = make_window(tmp_path / "new.sqlite3", welcomed=False)
    assert window.stack.currentWidget() is window.welcome
    asked = []
    window.files.ask_history_paths = lambda parent: [str(DEVICES / "takeout"), str(US)]
    window.files.history.ask_mood_map = lambda parent, app, names: (
        asked.append((app, dict(names))) or {"Great": 5.0, "vaguely ok": 3.0}
    )
    shown = []

    def answer(parent, title, previews):
        shown.extend(line for p in previews for line in p.words())
        return Answer(True)

    window.files.history.ask_preview = answer
    qtbot.mouseClick(window.welcome.history, Qt.MouseButton.LeftButton)
    assert asked == [("daylio", {"Great": 1, "vaguely ok": 1})]
    assert any(line.startswith("fitbit: 4 nights") for line in shown)
    assert any(line.startswith("daylio: 5 days") for line in shown)
    assert window.tabs.currentWidget() is window.insights
    journal = window.ctx.journal
    assert len(journal.device_nights()) == 4 and journal.day(date(2023, 3, 13)).mood == 6
    window.insights.background.wait()
    qtbot.waitUntil(lambda: bool(window.insights.readiness.text()))
    assert "can be tested now" in window.insights.readiness.text()
    assert {b.source for b in list_batches(journal)} == {"fitbit", "daylio"}


def test_cancelling_the_mood_names_writes_nothing(make_window, tmp_path):
    window = make_window(tmp_path / "mine.sqlite3")
    window.files.ask_open_path = lambda parent: str(US)
    window.files.history.ask_mood_map = lambda parent, app, names: None
    assert not window.files.import_file()
    assert window.ctx.journal.day_count() == 0


# -- the real exports (read from ../shared, never copied here) --------------------------------
real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-exports is not here")


@real
def test_every_real_mood_export_imports_and_removes_to_the_journal_before(tmp_path):
    db = str(tmp_path / "j.sqlite3")
    with open_journal(db, tz="Europe/Berlin") as j:
        j.save_day(day("2020-01-08", mood=3))
    before = run("--db", db, "export", "-").stdout_bytes
    files = sorted(p for p in REAL.iterdir() if p.name.split("--")[0] != "SOURCES.md")
    imported = 0
    for path in files:
        if path.name in ("SOURCES.md",) or path.name.endswith(("moods.json", "moods.csv")):
            continue
        readings = read_history(path, "Europe/Berlin")
        previews = preview(None, readings)
        names = ",".join(f"{n}=3" for p in previews for n in p.unplaced)
        args = ["--db", db, "import", str(path)] + (["--mood-map", names] if names else [])
        result = run(*args)
        assert result.exit_code == 0, (path.name, result.output)
        imported += 1
    assert imported >= 20
    listing = run("--db", db, "imports").output.splitlines()
    for line in listing:
        assert run("--db", db, "imports", "remove", line.split()[0]).exit_code == 0
    assert run("--db", db, "export", "-").stdout_bytes == before


def test_insights_says_what_each_untested_pair_still_needs():
    from nts_desktop.analysis.correlate import Correlation
    from nts_desktop.analysis.words import readiness

    pairs = [
        Correlation("tst_h", "mood", 40, 30.0, 0.4, (0.1, 0.6), 0.01, 0.02),
        Correlation("tst_h", "focus", 0),
        Correlation("quality", "focus", 0),
        Correlation("quality", "mood", 0),
        Correlation("se_pct", "mood", 9),
        Correlation("sol_min", "mood", 20),
    ]
    text = readiness(pairs)
    assert text.startswith("1 of 6 pairs can be tested now.")
    assert "focus: no day has them with its night yet (2 pairs; each is tested from 14" in text
    assert "sleep quality: not recorded with a rated day yet (1 pair)" in text
    assert "1 pair needs more days with both (closest: sleep efficiency and mood, 5 more)" in text
    assert "1 pair has a value that never varies yet" in text
    assert readiness(pairs[:1]) == "1 of 1 pair can be tested now."


def test_a_full_disk_while_writing_says_so_and_leaves_the_journal_as_it_was(
    make_window, tmp_path, monkeypatch
):
    from nts_desktop.storage import batches
    from nts_desktop.storage.errors import DiskFull

    window = make_window(tmp_path / "mine.sqlite3")
    window.ctx.journal.save_day(day("2024-02-03", mood=5))
    before = run("--db", str(window.ctx.journal.path), "export", "-").stdout_bytes

    def full(*args, **kwargs):
        raise DiskFull("the disk is full (0 MB free); nothing was changed")

    monkeypatch.setattr(batches, "write_batch", full)
    monkeypatch.setattr("nts_desktop.io.device_import.write_batch", full)
    said = []
    window.files.history.warn = lambda parent, text: said.append(text)
    window.files.history.ask_preview = lambda parent, name, previews: Answer(True)
    window.files.ask_open_path = lambda parent: str(MOODS / "daylio-german.csv")
    assert not window.files.import_file()
    assert said and "disk is full" in said[0] and "unchanged" in said[0]
    assert run("--db", str(window.ctx.journal.path), "export", "-").stdout_bytes == before


def test_the_history_picker_gathers_paths_and_reads_only_when_there_are_some(qtbot):
    from nts_desktop.ui.history_picker import HistoryPicker

    picker = HistoryPicker()
    qtbot.addWidget(picker)
    picker.show()
    read = picker.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not read.isEnabled() and not picker.remove.isEnabled()
    picker.add([str(DEVICES / "takeout"), str(US), str(US)])  # the same file once
    assert picker.paths() == [str(DEVICES / "takeout"), str(US)] and read.isEnabled()
    picker.list.setCurrentRow(0)
    qtbot.mouseClick(picker.remove, Qt.MouseButton.LeftButton)
    assert picker.paths() == [str(US)]
    qtbot.mouseClick(read, Qt.MouseButton.LeftButton)
    assert picker.result() == picker.DialogCode.Accepted
