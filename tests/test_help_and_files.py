"""Help, About, and the journal file itself from the window: open, back up, restore."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from diaries import day
from gui import choose
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from nts_desktop import __version__
from nts_desktop.app import recovery_words
from nts_desktop.storage import JournalError, open_journal
from nts_desktop.storage.backup import BackupInfo, backup_journal, describe_backups, list_backups
from nts_desktop.ui.journal_files import RestoreDialog


def table_rows(dialog) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_f1_lists_every_shortcut_read_from_the_actions(make_window, qtbot):
    window = make_window()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = table_rows(dialog)
    keys = {what: k for _where, what, k in rows}
    assert keys["Save day"] == QKeySequence("Ctrl+S").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert "Previous day" in keys and "Import" in keys and "Keyboard shortcuts" in keys
    assert ("Day", "Go to today", "Ctrl+T") in rows
    dialog.close()
    window.show_page(window.TRENDS)  # the pages' own keys are listed too, once they exist
    extra = QAction("Frobnicate the journal", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+F"))
    window.addAction(extra)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    rows = table_rows(window.shortcuts_dialog)
    whats = [what for _where, what, _k in rows]
    assert "Frobnicate the journal" in whats  # read from the actions: it cannot drift
    assert "Trends: previous range" in whats


def about_texts(about) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in about.findChildren(QLabel))


def test_about_names_the_version_licence_and_opens_the_journal_and_backup_folders(
    make_window, qtbot, tmp_path
):
    path = tmp_path / "mine.sqlite3"
    with open_journal(path, tz="UTC") as j:
        j.save_day(day("2025-04-08", mood=3))
    window = make_window(path)  # opening a journal that holds days takes the daily backup
    choose(qtbot, window, "Help", "About")
    about = window.about_dialog
    qtbot.waitUntil(about.isVisible)
    texts = about_texts(about)
    assert f"nts-desktop {__version__}" in texts and "MIT licence" in texts
    assert str(path) in texts and str(tmp_path / "mine.sqlite3.backups") in texts
    assert "none yet" not in texts
    opened = []
    about.opener = lambda folder: opened.append(folder) or True  # nothing is really opened
    for name in ("about_open_journal_folder", "about_open_backups"):
        qtbot.mouseClick(about.findChild(QWidget, name), Qt.MouseButton.LeftButton)
    assert opened == [tmp_path, tmp_path / "mine.sqlite3.backups"]


def test_about_says_there_are_no_backups_yet_and_cannot_open_their_folder(make_window, qtbot):
    window = make_window()  # an empty journal: no daily backup yet
    about = window.show_about()
    qtbot.waitUntil(about.isVisible)
    assert "none yet: File → Back up now makes one" in about_texts(about)
    opened = []
    about.opener = lambda folder: opened.append(folder) or True
    backups = about.findChild(QWidget, "about_open_backups")
    assert not backups.isEnabled()
    qtbot.mouseClick(backups, Qt.MouseButton.LeftButton)
    assert opened == []


def test_every_input_tooltip_says_what_to_enter(make_window):
    window = make_window()
    for name, widget in window.today.inputs.items():
        tip = widget.toolTip()
        assert tip and tip.lower() != widget.accessibleName().lower(), name
        assert len(tip) > len(widget.accessibleName()) + 10, name


def test_open_journal_opens_another_file_in_this_windows_place(make_window, qtbot, tmp_path):
    other = tmp_path / "other.sqlite3"
    with open_journal(other, tz="UTC") as j:
        j.save_day(day("2025-04-08", mood=3))
    window = make_window(tmp_path / "mine.sqlite3")
    window.journal_files.ask_journal_path = lambda parent: str(other)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    opened = next(
        w
        for w in QApplication.topLevelWidgets()
        if getattr(w, "ctx", None) is not None and w.isVisible() and w.ctx.journal.path == other
    )
    assert opened.ctx.journal.day(date(2025, 4, 8)).mood == 3
    assert not window.isVisible()


def test_back_up_now_and_restore_a_chosen_backup(make_window, qtbot, tmp_path):
    path = tmp_path / "mine.sqlite3"
    window = make_window(path)
    journal = window.ctx.journal
    window.ctx.save_days([day("2025-04-08", mood=3)])
    choose(qtbot, window, "File", "Back up now")
    first = list_backups(path)
    assert len(first) == 1 and "Backed up to" in window.statusBar().currentMessage()
    window.ctx.save_days([day("2025-04-09", mood=9), day("2025-04-10", mood=1)])
    offered = []

    def ask(parent, backups):
        offered.extend(backups)
        return backups[-1].path  # the oldest: one day

    window.journal_files.ask_backup = ask
    choose(qtbot, window, "File", "Restore from backup")
    assert [b.days for b in offered] == [1]
    assert sorted(journal.dates()) == [date(2025, 4, 8)]  # the backup's days, no more
    kept = [p for p in list_backups(path) if "before-restore" in p.name]
    assert len(kept) == 1
    with open_journal(kept[0], read_only=True) as before:
        assert before.day_count() == 3  # the state it replaced is kept
    assert "Restored" in window.statusBar().currentMessage()


def test_the_restore_dialog_shows_age_and_days_and_refuses_unreadable_backups(
    journal, journal_path
):
    journal.save_day(day("2025-04-08", mood=3))
    now = datetime.now(UTC)
    backup_journal(journal_path, db=journal.db, now=now - timedelta(hours=3))
    journal.save_day(day("2025-04-09", mood=4))
    good = backup_journal(journal_path, db=journal.db, now=now - timedelta(minutes=5))
    broken = good.with_name(f"{journal_path.stem}-20991231T000000000000Z-daily.sqlite3")
    broken.write_bytes(b"SQLite format 3\x00 torn")
    backups = describe_backups(journal_path)
    assert [b.days for b in backups] == [None, 2, 1]  # newest first
    dialog = RestoreDialog(backups)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "5 minutes ago, 2 days" in texts[1] and "3 hours ago, 1 day" in texts[2]
    assert not dialog.list.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert dialog.chosen() == good  # the newest usable one is offered first


def test_the_damaged_journal_dialog_speaks_in_words(tmp_path):
    latest = BackupInfo(tmp_path / "b.sqlite3", datetime.now(UTC) - timedelta(days=2), "daily", 365)
    text, offer = recovery_words(JournalError("x is damaged: SQLite's own check …", "raw"), latest)
    assert "2 days ago, 365 days" in offer and "raw" not in text + offer
    _text, none = recovery_words(JournalError("x is damaged"), None)
    assert "no usable backup" in none


def test_a_damaged_file_is_named_in_words_with_the_details_kept(tmp_path):
    from nts_desktop.storage import check_journal_file

    path = tmp_path / "j.sqlite3"
    with open_journal(path, tz="UTC") as j:
        j.write_many([day(date(2025, 1, 1) + timedelta(days=i), mood=5) for i in range(300)])
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 200] = b"\xff" * 200  # a page of the days table
    path.write_bytes(bytes(data))
    try:
        check_journal_file(path)
    except JournalError as exc:
        assert "damaged" in str(exc) and "***" not in str(exc) and "btree" not in str(exc).lower()
    else:
        raise AssertionError("the damage was not found")


def test_file_dialogs_open_in_the_folder_used_last(make_window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    csv = folder / "diary.csv"
    csv.write_text("date,mood\n2025-04-08,5\n")
    starts = []

    def dialog(parent, caption, start, filter_):
        starts.append(start)
        return str(csv), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    window = make_window()
    window.files.ask_conflict = lambda parent, dates: "skip"
    for _ in range(2):
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
        )
    assert starts[0] == str(Path.home()) and starts[1] == str(folder)


def test_counts_read_in_the_singular_too(make_window, tmp_path):
    path = tmp_path / "one.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.save_day(day("2025-04-08", mood=5))
    window = make_window(path)
    window.show_page(1)
    assert window.journal.count_label.text() == "1 day"


def test_about_a_demo_journal_says_it_is_not_backed_up(qtbot, tmp_path):
    from nts_desktop.ui.help_dialogs import AboutDialog

    about = AboutDialog(tmp_path / "demo.sqlite3", tmp_path / "demo.sqlite3.backups", demo=True)
    qtbot.addWidget(about)
    assert "a demo journal is not backed up" in about_texts(about)


def test_the_version_shown_is_the_installed_distributions():
    from importlib.metadata import version

    assert version("nts-desktop") == __version__
