"""Edit → Settings… reaches the reminder, the tray and the autostart entry (design §2, §8)."""

from __future__ import annotations

import os
from pathlib import Path

from gui import open_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from reminder_fakes import MONDAY, reminded

from nts_desktop.io.desktop_entry import autostart_enabled, autostart_path


def tick(qtbot, dialog, name: str) -> None:
    box = dialog.findChild(QWidget, f"setting_{name}")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def apply(qtbot, dialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_turning_the_reminder_on_in_the_dialog_shows_the_icon_and_reminds(open_window, qtbot):
    window, clock, icon = open_window(enabled=False, now=MONDAY.replace(hour=9))
    assert not window.tray.shown
    dialog = open_settings(window, qtbot)
    assert "system tray" in dialog.findChild(QWidget, "settings_tray").text()
    tick(qtbot, dialog, "reminder_enabled")
    apply(qtbot, dialog)
    assert window.tray.shown and icon.in_tray
    assert len(reminded(icon)) == 1  # 09:00 is after 08:00 and the night is not logged
    tick(qtbot, dialog, "reminder_enabled")  # off again: the icon goes
    apply(qtbot, dialog)
    assert not window.tray.shown and not icon.in_tray
    dialog.reject()


def test_without_a_tray_the_dialog_says_so_and_offers_no_closing_to_it(open_window, qtbot):
    window, _clock, _icon = open_window(enabled=False, tray=False)
    dialog = open_settings(window, qtbot)
    note = dialog.findChild(QWidget, "settings_tray").text()
    assert "no system tray" in note and "only while the window is open" in note
    assert not dialog.findChild(QWidget, "setting_close_to_tray").isEnabled()
    dialog.reject()


def test_start_with_the_session_writes_and_removes_the_autostart_entry(open_window, qtbot):
    window, _clock, _icon = open_window(enabled=False)
    entry = autostart_path()
    assert str(entry).startswith(os.environ["XDG_CONFIG_HOME"]) and not entry.exists()
    dialog = open_settings(window, qtbot)
    tick(qtbot, dialog, "autostart")
    apply(qtbot, dialog)
    assert entry.is_file() and autostart_enabled()
    text = entry.read_text()
    assert "Exec=" in text and "X-GNOME-Autostart-enabled=true" in text
    assert "starts when you log in" in window.statusBar().currentMessage()
    tick(qtbot, dialog, "autostart")
    apply(qtbot, dialog)
    assert not entry.exists()
    dialog.reject()


def test_an_autostart_entry_that_cannot_be_written_leaves_the_setting_off(open_window, qtbot):
    from nts_desktop.ui import preferences

    window, _clock, _icon = open_window(enabled=False)
    blocker = autostart_path().parent
    blocker.parent.mkdir(parents=True, exist_ok=True)
    Path(blocker).write_text("a file where the autostart folder should be")
    dialog = open_settings(window, qtbot)
    tick(qtbot, dialog, "autostart")
    apply(qtbot, dialog)
    assert "Could not change starting with the session" in window.statusBar().currentMessage()
    assert preferences.read("autostart") is False and blocker.is_file()
    dialog.reject()


def test_the_window_reads_autostart_back_from_the_entry_on_disk(open_window):
    from nts_desktop.io.desktop_entry import set_autostart
    from nts_desktop.ui import preferences

    set_autostart(True)
    open_window(enabled=False)
    assert preferences.read("autostart") is True
    autostart_path().unlink()  # e.g. removed by the desktop's own settings
    open_window(enabled=False, name="second.sqlite3")
    assert preferences.read("autostart") is False


def test_started_in_the_tray_the_window_waits_there_only_when_the_icon_is_shown(open_window, qtbot):
    from nts_desktop.app import show_at_start

    window, _clock, icon = open_window(enabled=True, now=MONDAY.replace(hour=7))
    window.hide()
    assert show_at_start(window, in_tray=True) is False and not window.isVisible()
    assert icon.in_tray  # the reminder's icon is where the person finds it
    window.tray.log_now()  # Log now from its menu brings the window
    assert window.isVisible()
    plain, _c, _i = open_window(enabled=False, name="off.sqlite3")  # no icon: no tray start
    plain.hide()
    assert show_at_start(plain, in_tray=True) is True and plain.isVisible()
    bare, _c, _i = open_window(enabled=True, tray=False, name="bare.sqlite3")
    bare.hide()
    assert show_at_start(bare, in_tray=True) is True and bare.isVisible()
