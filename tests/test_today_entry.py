"""Data entry on Today as a person does it: Tab, Shift+Tab, clicks, shortcuts, few keys."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from diaries import day
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from nts_desktop.core.entry import typed_time
from nts_desktop.storage import open_journal

BERLIN = ZoneInfo("Europe/Berlin")
D = date(2025, 4, 21)
CTRL = Qt.KeyboardModifier.ControlModifier


def widget(window, name: str) -> QWidget:
    found = window.today.findChild(QWidget, name)
    assert found is not None, name
    return found


def focused() -> QWidget:
    return QApplication.focusWidget()


def reading(window, name: str) -> time:
    return widget(window, name).time().toPython()


def click_into(qtbot, field, position: int) -> None:
    """A mouse click on the character at ``position`` of a time field's text (0 = first)."""
    edit = field.findChild(QLineEdit)
    edit.setCursorPosition(position)
    x = edit.cursorRect().center().x() + 2
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(x, edit.height() // 2))


@pytest.mark.parametrize(
    ("digits", "expected"),
    [("2315", time(23, 15)), ("2350", time(23, 50)), ("0010", time(0, 10)), ("715", time(7, 15))],
)
def test_four_digits_set_the_whole_reading_however_the_field_was_reached(
    make_window, qtbot, digits, expected
):
    window = make_window()
    wake = widget(window, "final_wake")
    ways = {
        "Tab": lambda: (
            widget(window, "waso_min").setFocus(),
            qtbot.keyClick(focused(), Qt.Key.Key_Tab),
        ),
        "Shift+Tab": lambda: (
            widget(window, "out_of_bed").setFocus(),
            qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier),
        ),
        "click into the hours": lambda: click_into(qtbot, wake, 1),
        "click into the minutes": lambda: click_into(qtbot, wake, 4),
    }
    for way, reach in ways.items():
        widget(window, "notes").setFocus()
        wake.setTime(wake.time().fromString("06:00", "HH:mm"))
        reach()
        assert focused() is wake, way
        qtbot.keyClicks(focused(), digits)
        assert reading(window, "final_wake") == expected, way


def test_typing_replaces_the_reading_and_the_summary_follows(make_window, qtbot):
    window = make_window()  # prefilled 23:15 lights out, 15 min to sleep, 10 awake
    wake = widget(window, "final_wake")
    click_into(qtbot, wake, 4)
    qtbot.keyClicks(wake, "0530")
    assert reading(window, "final_wake") == time(5, 30)
    assert "asleep 5 h 50" in widget(window, "summary").text()


def test_typed_digits_read_like_a_clock():
    assert typed_time("2315") == (time(23, 15), True)
    assert typed_time("715") == (time(7, 15), True)
    assert typed_time("0010") == (time(0, 10), True)
    assert typed_time("23") == (time(23, 0), False)  # minutes count as zero until typed
    assert typed_time("253") == (time(2, 53), True)  # 25 is no hour: 2, then minutes
    assert typed_time("2360") is None and typed_time("12345") is None


@pytest.mark.parametrize(
    "name",
    [
        "bedtime",
        "final_wake",
        "sleep_latency_min",
        "naps_min",
        "quality",
        "mood",
        "medication",
        "tags",
        "notes",
        "free_day",
        "has_night",
    ],
)
def test_day_shortcuts_work_from_every_field(make_window, qtbot, name):
    window = make_window()
    page = window.today
    field = widget(window, name)
    field.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Left, CTRL)
    assert page.current_date == D - timedelta(days=1), name
    qtbot.keyClick(focused(), Qt.Key.Key_Left, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_Right, CTRL)
    assert page.current_date == D - timedelta(days=1), name
    qtbot.keyClick(focused(), Qt.Key.Key_T, CTRL)
    assert page.current_date == D, name


def test_the_window_opens_with_the_cursor_in_the_first_diary_item(make_window, qtbot):
    window = make_window()
    assert focused() is widget(window, "bedtime")
    qtbot.keyClicks(focused(), "2250")  # the first digits land, nothing is lost
    assert reading(window, "bedtime") == time(22, 50)


def test_start_logging_puts_the_cursor_in_the_first_diary_item(make_window, qtbot):
    window = make_window(welcomed=False)
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.start, Qt.MouseButton.LeftButton)
    assert focused() is widget(window, "bedtime")


def test_a_typical_morning_takes_at_most_25_keystrokes(make_window, qtbot, tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.write_many(
            [
                day(D - timedelta(days=i), "23:00", "23:15", "07:00", "07:15", sol=15, waso=10)
                for i in range(1, 8)
            ]
        )
    window = make_window(path)
    keys = 0

    def type_(text: str) -> None:
        nonlocal keys
        qtbot.keyClicks(focused(), text)
        keys += len(text)

    def press(key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        nonlocal keys
        for _ in range(times):
            qtbot.keyClick(focused(), key, modifier)
            keys += 1

    # the README's morning: two times differ from the usual, then quality, rested, ratings
    type_("2250")  # got into bed
    press(Qt.Key.Key_Tab, times=5)  # to the final awakening
    type_("0650")
    press(Qt.Key.Key_Tab, times=2)  # to quality
    type_("4")
    press(Qt.Key.Key_Tab)
    type_("3")  # rested
    press(Qt.Key.Key_Tab)
    type_("7")  # mood
    press(Qt.Key.Key_Tab)
    type_("6")  # focus
    press(Qt.Key.Key_Tab)
    type_("8")  # resilience
    press(Qt.Key.Key_S, CTRL)
    assert keys <= 25, keys
    saved = window.ctx.journal.day(D)
    assert saved.night.bedtime.strftime("%H:%M") == "22:50"
    assert saved.night.final_wake.strftime("%H:%M") == "06:50"
    assert saved.night.lights_out.strftime("%H:%M") == "23:15"  # the usual, kept
    assert (saved.quality, saved.rested) == (4, 3)
    yesterday = window.ctx.journal.day(D - timedelta(days=1))
    assert (yesterday.mood, yesterday.focus, yesterday.resilience) == (7, 6, 8)


def test_no_nights_from_the_future(make_window, qtbot):
    window = make_window()
    page = window.today
    assert not page.next_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Right, CTRL)
    assert page.current_date == D  # Ctrl+→ stops at today
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current_date == D
    page.set_date(D + timedelta(days=2))  # e.g. opened from an imported row
    problems = widget(window, "problems")
    assert "in the future" in problems.text()
    assert not widget(window, "save_button").isEnabled()
    widget(window, "rate_today").click()  # rating a day that has not begun: refused too
    qtbot.keyClicks(widget(window, "mood"), "7")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    assert window.ctx.journal.day(D + timedelta(days=2)) is None
    qtbot.keyClick(focused(), Qt.Key.Key_T, CTRL)
    assert page.current_date == D
    page.set_date(D + timedelta(days=1))
    qtbot.keyClick(focused(), Qt.Key.Key_1, CTRL)
    assert page.current_date == D
    assert window.ctx.journal.day(D + timedelta(days=1)) is None


def test_rating_today_in_the_evening_rates_today(make_window, qtbot):
    now = datetime(2025, 4, 21, 21, 30, tzinfo=BERLIN)
    window = make_window(now=now)
    widget(window, "rate_today").click()
    qtbot.keyClicks(widget(window, "mood"), "6")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    assert window.ctx.journal.day(D).mood == 6


def test_a_mistyped_final_awakening_marks_the_final_awakening(make_window, qtbot):
    window = make_window()  # prefilled: in bed 23:00, lights out 23:15, out of bed 07:15
    wake = widget(window, "final_wake")
    wake.setFocus()
    qtbot.keyClicks(wake, "1700")  # meant 07:00
    assert wake.property("invalid") is True
    assert widget(window, "lights_out").property("invalid") is not True
    text = widget(window, "problems").text()
    assert text.startswith("Final awakening: 17:00 is after out of bed (07:15)")


def test_a_mistyped_bedtime_marks_the_bedtime(make_window, qtbot):
    window = make_window()
    bed = widget(window, "bedtime")
    bed.setFocus()
    qtbot.keyClicks(bed, "0700")  # meant 23:00: a day and more before getting up
    assert bed.property("invalid") is True
    assert [n for n in window.today.inputs if window.today.inputs[n].property("invalid")] == [
        "bedtime"
    ]
    assert "24 hours or more" in widget(window, "problems").text()
