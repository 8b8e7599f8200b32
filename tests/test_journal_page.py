"""The Journal page, the File menu and the first run, driven through the real window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import VECTORS
from diaries import day
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from nts_desktop.cli import cli
from nts_desktop.core.measures import measure
from nts_desktop.core.units import clock, hours_minutes
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.io.csv_import import import_csv
from nts_desktop.storage import open_journal
from nts_desktop.ui.journal_model import COLUMN, DATE_ROLE, JournalModel

B = VECTORS / "diary_B_weekend_shift.csv"


@pytest.fixture
def b_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        import_csv(j, B)
        j.save_day(day("2025-04-23", mood=4, notes="headache all day"))  # 04-21, 22 missing
    return path


def journal_page(make_window, path):
    window = make_window(path)
    window.show_page(1)
    return window, window.journal


def shown(page, column: str) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, COLUMN[column]).data() for r in range(proxy.rowCount())]


def row_of(page, when: date) -> dict[str, str]:
    assert page.select_date(when)
    r = page.table.currentIndex().row()
    return {key: page.proxy.index(r, i).data() for key, i in COLUMN.items()}


def test_table_shows_every_day_with_derived_values(make_window, b_path):
    _window, page = journal_page(make_window, b_path)
    assert page.proxy.rowCount() == 17  # 14 nights + 2 missing + 1 day without a night
    with open_journal(b_path, read_only=True) as j:
        for d in j.days():
            row = row_of(page, d.date)
            if d.night is None:
                assert row["bedtime"] == "no night logged"
                continue
            m = measure(d.night)
            assert row["tib"] == hours_minutes(m.tib_min)
            assert row["tst"] == hours_minutes(m.tst_min)
            assert row["se"] == f"{m.se_pct:.0f} %"
            assert row["midsleep"] == clock(m.midsleep_anchored_min)
            assert row["mood"] == str(d.mood)
    assert row_of(page, date(2025, 4, 21))["bedtime"] == "no entry"
    assert row_of(page, date(2025, 4, 8))["bedtime"] == "00:15"
    assert "15 days, 2 missing" in page.count_label.text()
    assert page.table.isColumnHidden(COLUMN["source"])  # no device nights: no Source column


def test_model_passes_qtmodeltester(qtmodeltester):
    model = JournalModel()
    model.reload(
        [
            day("2025-04-07", "23:00", "23:10", "06:50", "07:00", mood=5),
            day("2025-04-09", mood=3, tags=("a", "b")),
        ]
    )
    qtmodeltester.check(model)


def test_sorting_by_a_header_click_puts_blanks_last(make_window, b_path, qtbot):
    _window, page = journal_page(make_window, b_path)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(COLUMN["tst"]) + 5
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().center().__class__(x, 5),
    )
    values = shown(page, "tst")
    filled = [v for v in values if v]
    assert values[: len(filled)] == filled  # blanks after values
    minutes = [int(v.split(" h ")[0]) * 60 + int(v.split(" h ")[1]) for v in filled]
    assert minutes == sorted(minutes) or minutes == sorted(minutes, reverse=True)
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.viewport().rect().center().__class__(x, 5),
    )
    again = [v for v in shown(page, "tst") if v]
    assert again == list(reversed(filled))
    assert [v for v in shown(page, "tst")][-3:] == ["", "", ""]


def test_search_over_notes_tags_and_dates(make_window, b_path, qtbot):
    _window, page = journal_page(make_window, b_path)
    qtbot.keyClicks(page.search, "headache")
    assert [d[:10] for d in shown(page, "date")] == ["2025-04-23"]
    assert "1 of 17 dates match" in page.count_label.text()
    page.search.clear()
    qtbot.keyClicks(page.search, "2025-04-1")
    assert len(shown(page, "date")) == 10
    page.search.clear()
    qtbot.keyClicks(page.search, "sunday")
    assert sorted(d[:10] for d in shown(page, "date")) == ["2025-04-13", "2025-04-20"]


def test_enter_opens_the_day_in_today_and_edits_it(make_window, b_path, qtbot):
    window, page = journal_page(make_window, b_path)
    page.select_date(date(2025, 4, 10))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.today
    assert window.today.current_date == date(2025, 4, 10)
    quality = window.today.findChild(QWidget, "quality")
    quality.setFocus()
    qtbot.keyClicks(quality, "5")
    qtbot.keyClick(quality, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.show_page(1)
    assert row_of(page, date(2025, 4, 10))["quality"] == "5"


def test_delete_without_confirmation_and_undo(make_window, b_path, qtbot):
    window, page = journal_page(make_window, b_path)
    before = window.ctx.journal.day(date(2025, 4, 12))
    page.select_date(date(2025, 4, 12))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.ctx.journal.day(date(2025, 4, 12)) is None
    assert row_of(page, date(2025, 4, 12))["bedtime"] == "no entry"
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.journal.day(date(2025, 4, 12)) == before
    assert row_of(page, date(2025, 4, 12))["bedtime"] == "01:45"


def test_import_of_a_bad_file_shows_row_errors_and_changes_nothing(make_window, b_path, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,mood,naps_min\n2025-05-01,5,\n2025-05-02,eleven,\n2025-05-03,5,lots\n")
    window = make_window(b_path)
    before = export_bytes(window.ctx.journal)
    window.files.ask_open_path = lambda parent: str(bad)
    window.import_action.trigger()
    report = window.files.report
    assert report is not None and report.isVisible()
    text = report.details.toPlainText()
    assert "line 3: column mood: 'eleven' is not a whole number" in text
    assert "line 4: column naps_min: 'lots' is not a whole number" in text
    assert "nothing was imported" in report.summary.text()
    assert export_bytes(window.ctx.journal) == before
    report.close()


@pytest.mark.parametrize("choice", ["skip", "replace", "cancel"])
def test_import_asks_about_dates_already_there(make_window, b_path, tmp_path, choice):
    new = tmp_path / "new.csv"
    new.write_text("date,mood\n2025-04-10,1\n2025-05-01,9\n")
    window = make_window(b_path)
    asked = []
    window.files.ask_open_path = lambda parent: str(new)
    window.files.ask_conflict = lambda parent, dates: asked.append(dates) or choice
    window.import_action.trigger()
    assert asked == [[date(2025, 4, 10)]]
    j = window.ctx.journal
    assert j.day(date(2025, 4, 10)).mood == (1 if choice == "replace" else 6)
    assert (j.day(date(2025, 5, 1)) is not None) == (choice != "cancel")
    if choice != "cancel":
        window.show_page(1)
        assert row_of(window.journal, date(2025, 5, 1))["mood"] == "9"


def test_export_writes_the_same_bytes_as_the_cli(make_window, b_path, tmp_path):
    window = make_window(b_path)
    out = tmp_path / "gui.csv"
    window.files.ask_export = lambda parent, first, last: (
        str(out),
        date(2025, 4, 9),
        date(2025, 4, 15),
    )
    window.export_action.trigger()
    window.close()
    result = CliRunner().invoke(
        cli, ["--db", str(b_path), "export", "-", "--from", "2025-04-09", "--to", "2025-04-15"]
    )
    assert out.read_bytes() == result.stdout_bytes
    assert out.read_bytes().count(b"\r\n") == 8


def test_export_dialog_range_choice(qtbot):
    from nts_desktop.ui.file_actions import ExportDialog

    dialog = ExportDialog(date(2025, 1, 1), date(2025, 12, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_range() == (None, None)
    assert not dialog.start.isEnabled()
    qtbot.mouseClick(dialog.range, Qt.MouseButton.LeftButton)
    assert dialog.start.isEnabled()
    assert dialog.chosen_range() == (date(2025, 1, 1), date(2025, 12, 31))


def test_first_run_offers_demo_without_touching_the_real_journal(make_window, tmp_path, qtbot):
    own = tmp_path / "mine.sqlite3"
    window = make_window(own, welcomed=False)
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.demo, Qt.MouseButton.LeftButton)
    demo_window = window.opener.__self__.opened[-1]
    assert demo_window is not window and not window.isVisible()
    assert "Demo journal" in demo_window.windowTitle()
    assert demo_window.ctx.journal.path.name == "demo.sqlite3"
    assert demo_window.ctx.journal.path.parent != own.parent
    assert demo_window.ctx.journal.day_count() > 300
    assert demo_window.findChild(QWidget, "demo_banner").isVisible()
    with open_journal(own, read_only=True) as j:
        assert j.day_count() == 0
    demo_window.ask_unsaved = lambda parent, dates: "discard"
    qtbot.mouseClick(demo_window.findChild(QWidget, "demo_back"), Qt.MouseButton.LeftButton)
    back = window.opener.__self__.opened[-1]

    back.ask_unsaved = lambda parent, dates: "discard"
    assert back.ctx.journal.path == own and not back.ctx.demo
    assert back.stack.currentWidget() is back.tabs  # the welcome is shown once
    back.close()


def test_start_logging_shows_today(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "mine.sqlite3", welcomed=False)
    qtbot.mouseClick(window.welcome.start, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.today


def test_empty_journal_page_says_what_to_do(make_window, tmp_path):
    _window, page = journal_page(make_window, tmp_path / "empty.sqlite3")
    assert page.empty_label.isVisible()
    assert not page.table.isVisible()
    assert page.table.model().data(page.table.model().index(0, 0), DATE_ROLE) is None


def test_a_failed_switch_to_the_demo_keeps_this_window(make_window, tmp_path, qtbot, monkeypatch):
    import nts_desktop.app
    from nts_desktop.storage import JournalLock
    from nts_desktop.storage.paths import default_demo_path, ensure_private_dir

    warnings = []
    monkeypatch.setattr(
        nts_desktop.app.QMessageBox, "warning", lambda *args: warnings.append(args[2])
    )
    window = make_window(tmp_path / "mine.sqlite3")
    ensure_private_dir(default_demo_path().parent)
    open_journal(default_demo_path(), tz="UTC").close()  # a lock belongs to an existing file
    with JournalLock(default_demo_path()):
        assert window.open_demo() is None
    assert window.isVisible() and warnings and "open in an nts-desktop window" in warnings[0]
    assert window.lock.held


def test_switching_deletes_the_window_left_behind(make_window, tmp_path, qtbot):
    from shiboken6 import isValid

    window = make_window(tmp_path / "mine.sqlite3")
    demo = window.open_demo()

    demo.ask_unsaved = lambda parent, dates: "discard"
    qtbot.waitUntil(lambda: not isValid(window))
    assert demo.ctx.demo


def test_a_failed_daily_backup_does_not_stop_the_window(make_window, tmp_path, qtbot):
    path = tmp_path / "mine.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.save_day(day("2025-04-08", mood=5))
    (tmp_path / "mine.sqlite3.backups").write_text("a file where the backup folder goes")
    window = make_window(path)
    assert "daily backup could not be written" in window.statusBar().currentMessage()
    assert window.lock.held


def test_a_change_to_one_day_updates_its_row_without_a_reload(make_window, b_path, qtbot):
    window, page = journal_page(make_window, b_path)
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.select_date(date(2025, 4, 12))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert row_of(page, date(2025, 4, 12))["bedtime"] == "no entry"
    window.ctx.save_days([day("2025-04-21", mood=9)])  # a missing date gets an entry
    assert row_of(page, date(2025, 4, 21))["mood"] == "9"
    assert resets == []
    window.ctx.save_days([day("2025-05-30", mood=2)])  # beyond the last date: the span grows
    assert resets == [1] and row_of(page, date(2025, 5, 30))["mood"] == "2"
