"""The morning reminder and the tray: when it reminds, where it shows, and what the tray's
menu, its notification and closing the window do. The clock is a fake one the tests move,
the tray a QSystemTrayIcon that records its messages instead of showing them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from diaries import day
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QSystemTrayIcon
from reminder_fakes import MONDAY, reminded

from nts_desktop.storage import JournalLock
from nts_desktop.ui.reminder import parse_time
from nts_desktop.ui.tray import tray_words


def test_the_reminder_comes_after_its_time_when_the_night_is_not_logged(open_window):
    window, clock, icon = open_window(at="08:00")
    assert reminded(icon) == [] and not window.reminder_bar.isVisible()
    clock.set(7, 59)
    window.reminder.timer.timeout.emit()
    assert reminded(icon) == []
    clock.set(8, 0)
    window.reminder.timer.timeout.emit()
    assert reminded(icon) == [
        "The night to Monday 21 April is not in your journal yet. Log it now while you "
        "remember it. Click here to log it."
    ]
    assert window.reminder_bar.isVisible()


def test_no_reminder_when_the_night_was_logged_before_the_time(open_window):
    window, clock, icon = open_window(at="08:00")
    window.ctx.save_days([day("2025-04-21", "23:00", "23:10", "06:50", "07:05", mood=7)])
    clock.set(9, 30)
    assert not window.reminder.check()
    assert reminded(icon) == [] and not window.reminder_bar.isVisible()


def test_a_night_logged_as_no_night_counts_as_logged(open_window):
    window, clock, icon = open_window(at="07:00", days=[day("2025-04-21", quality=3)])
    assert not window.reminder.check()
    assert reminded(icon) == []


def test_the_reminder_comes_once_a_day_and_again_the_next_day(open_window):
    window, clock, icon = open_window(at="08:00")
    clock.set(8, 5)
    assert window.reminder.check()
    for hour in (9, 12, 18):
        clock.set(hour)
        assert not window.reminder.check()
    assert len(reminded(icon)) == 1
    clock.set(7, 0, days=1)
    assert not window.reminder.check()  # Tuesday, before the time
    clock.set(8, 1)
    assert window.reminder.check()
    assert "Tuesday 22 April" in reminded(icon)[1]


def test_started_after_the_time_it_reminds_at_once_but_not_again_after_a_restart(open_window):
    late = MONDAY.replace(hour=10)
    window, clock, icon = open_window(at="08:00", now=late)
    assert len(reminded(icon)) == 1
    window.close_for_good()
    again, _, icon_again = open_window(at="08:00", now=late.replace(hour=11))
    assert reminded(icon_again) == []
    assert not again.reminder_bar.isVisible()


def test_no_reminder_when_it_is_off(open_window):
    window, clock, icon = open_window(enabled=False, now=MONDAY.replace(hour=10))
    window.reminder.timer.timeout.emit()
    assert reminded(icon) == [] and not window.reminder_bar.isVisible()
    assert not window.tray.shown  # no tray icon while nothing is to be reminded of


def test_turning_it_on_in_the_settings_takes_effect_at_once(open_window):
    nine = MONDAY.replace(hour=9, minute=0)
    window, clock, icon = open_window(enabled=False, at="08:00", now=nine)
    QSettings().setValue("reminder/enabled", True)
    QSettings().setValue("reminder/time", "09:30")
    window.apply_reminder_settings()
    assert window.tray.shown and window.reminder.timer.isActive()
    assert reminded(icon) == []
    clock.set(9, 30)
    window.reminder.timer.timeout.emit()
    assert len(reminded(icon)) == 1


def test_without_a_tray_the_reminder_shows_in_the_window_and_log_now_opens_today(
    open_window, qtbot
):
    window, clock, icon = open_window(tray=False, at="08:00")
    assert window.tray.icon is None
    window.show_page(2)  # on Trends, a day in the past shown in Today
    window.today.set_date(MONDAY.date() - timedelta(days=3))
    clock.set(8, 10)
    window.reminder.timer.timeout.emit()
    bar = window.reminder_bar
    assert bar.isVisible()
    assert "Monday 21 April" in bar.text.toolTip()
    qtbot.mouseClick(bar.log_now, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.today
    assert window.today.current_date == MONDAY.date()
    assert not bar.isVisible()


def test_the_bar_goes_away_once_the_night_is_logged(open_window, qtbot):
    window, clock, icon = open_window(tray=False, now=MONDAY.replace(hour=9))
    assert window.reminder_bar.isVisible()
    window.today.save_action.trigger()  # the prefilled morning, saved as it is
    assert window.ctx.journal.day(MONDAY.date()) is not None
    assert not window.reminder_bar.isVisible()


def test_not_now_hides_the_bar_for_the_day(open_window, qtbot):
    window, clock, icon = open_window(tray=False, now=MONDAY.replace(hour=9))
    qtbot.mouseClick(window.reminder_bar.dismiss, Qt.MouseButton.LeftButton)
    assert not window.reminder_bar.isVisible()
    clock.set(11)
    window.reminder.timer.timeout.emit()
    assert not window.reminder_bar.isVisible()


def test_clicking_the_notification_opens_today_from_the_tray(open_window):
    window, clock, icon = open_window(now=MONDAY.replace(hour=9))
    window.show_page(1)
    window.close()
    assert not window.isVisible()
    icon.messageClicked.emit()
    assert window.isVisible()
    assert window.tabs.currentWidget() is window.today
    assert window.today.current_date == MONDAY.date()


def test_the_tray_menu_logs_now_opens_and_quits(open_window, tmp_path):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    names = [a.text().replace("&", "") for a in icon.contextMenu().actions() if a.text()]
    assert names == ["Log now", "Open", "Quit"]
    window.show_page(3)
    window.hide()
    icon.action("Open").trigger()
    assert window.isVisible() and window.tabs.currentIndex() == 3
    icon.action("Log now").trigger()
    assert window.tabs.currentWidget() is window.today
    icon.action("Quit").trigger()
    assert window.quits == [True] and not window.isVisible()
    assert not window.lock.held
    with JournalLock(tmp_path / "j.sqlite3") as lock:
        assert lock.held


def test_closing_hides_to_the_tray_once_with_a_notice_and_keeps_the_journal_open(open_window):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    assert not window.close()
    assert not window.isVisible() and window.lock.held and window.quits == []
    notices = [title for title, text in icon.messages]
    assert notices == ["nts-desktop is still running"]
    icon.action("Open").trigger()
    window.close()
    assert len(icon.messages) == 1  # the notice comes once, ever
    assert QSettings().value("window/geometry") is not None


def test_closing_quits_when_hiding_to_the_tray_is_off(open_window):
    QSettings().setValue("tray/close_to_tray", False)
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    assert window.close()
    assert not window.lock.held and icon.messages == []


def test_quit_keeps_unsaved_edits_when_the_person_cancels(open_window, qtbot):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    notes = window.findChild(type(window.today.inputs["notes"]), "notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "woke twice")
    window.ask_unsaved = lambda parent, dates: "cancel"
    icon.action("Quit").trigger()
    assert window.isVisible() and window.quits == [] and window.lock.held


def test_file_quit_quits_even_with_the_tray(open_window):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    window.quit_action.trigger()
    assert window.quits == [True] and not window.lock.held


def test_switching_to_the_demo_closes_this_window_for_good_and_takes_its_icon(open_window):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    assert icon.in_tray
    demo = window.open_demo()
    assert demo is not None and demo.ctx.demo and demo.isVisible()
    assert not window.isVisible() and not window.lock.held
    assert not icon.in_tray and icon.messages == []  # no "still running" notice


def test_the_demo_is_never_reminded_of(open_window, tmp_path):
    from nts_desktop.storage import open_for_writing

    with open_for_writing(tmp_path / "demo.sqlite3", tz="Europe/Berlin") as j:
        j.update_settings(demo=True)
    window, clock, icon = open_window(name="demo.sqlite3", now=MONDAY.replace(hour=10))
    assert window.ctx.demo
    assert reminded(icon) == [] and not window.reminder_bar.isVisible()
    assert not window.tray.shown and not icon.in_tray  # nor kept in the tray on close


def test_log_now_after_midnight_opens_the_night_it_reminded_of(open_window):
    window, clock, icon = open_window(now=MONDAY.replace(hour=9))
    assert len(reminded(icon)) == 1
    clock.set(0, 30, days=1)  # Tuesday, just after midnight: Monday's night is still unlogged
    icon.action("Log now").trigger()
    assert window.today.current_date.isoformat() == "2025-04-21"


def test_quitting_from_the_tray_with_unsaved_edits_shows_the_window_to_ask(open_window, qtbot):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    notes = window.findChild(type(window.today.inputs["notes"]), "notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "woke twice")
    window.hide()  # waiting in the tray
    asked = []
    window.ask_unsaved = lambda parent, dates: asked.append(parent.isVisible()) or "cancel"
    icon.action("Quit").trigger()
    assert asked == [True] and window.isVisible() and window.quits == []


def test_tray_words_say_where_reminders_appear():
    assert tray_words(True) == "Reminders appear in the system tray."
    assert tray_words(False) == (
        "This desktop has no system tray: reminders appear only while the window is open."
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("08:00", (8, 0)), (" 6:45", (6, 45)), ("25:00", None), ("", None)]
)
def test_reminder_times_are_read_as_hh_mm(text, expected):
    parsed = parse_time(text)
    assert (parsed and (parsed.hour, parsed.minute)) == expected


def test_a_broken_time_setting_falls_back_to_eight(open_window):
    window, clock, icon = open_window(at="soon", now=MONDAY.replace(hour=7, minute=59))
    assert reminded(icon) == []
    clock.set(8, 0)
    assert window.reminder.check()


def test_the_reminder_takes_no_room_from_today_in_a_1024_by_700_window(open_window, qtbot):
    from PySide6.QtWidgets import QScrollArea

    window, clock, icon = open_window(tray=False, now=MONDAY.replace(hour=9))
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    assert window.reminder_bar.isVisible()
    area = window.today.findChild(QScrollArea)
    assert not area.verticalScrollBar().isVisible()
    assert not area.horizontalScrollBar().isVisible()


def test_the_window_closes_for_good_when_the_session_ends(open_window, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    monkeypatch.setattr(QGuiApplication, "isSavingSession", lambda self: True)
    assert window.close()
    assert not window.lock.held


def test_turning_the_reminder_off_takes_the_shown_one_away(open_window):
    window, clock, icon = open_window(tray=False, now=MONDAY.replace(hour=9))
    assert window.reminder_bar.isVisible()
    QSettings().setValue("reminder/enabled", False)
    window.apply_reminder_settings()
    assert not window.reminder_bar.isVisible() and not window.reminder.timer.isActive()


def test_clicking_the_tray_icon_brings_the_hidden_window_back(open_window):
    window, clock, icon = open_window(now=MONDAY.replace(hour=6))
    window.close()
    assert not window.isVisible()
    icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)  # the menu, nothing else
    assert not window.isVisible()
    icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible()
