"""The Today page driven like a person would: keys and clicks on the real window."""

from __future__ import annotations

from datetime import date, time

import pytest
from conftest import VECTORS
from diaries import day
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from nts_desktop.core.measures import measure
from nts_desktop.core.records import FIELDS, STAGES
from nts_desktop.io.csv_export import export_bytes
from nts_desktop.io.csv_import import import_csv
from nts_desktop.storage import open_journal

D = date(2025, 4, 21)
# the diary's items, the day's ratings right after the night, then the optional items
DIARY_ORDER = [
    "has_night",
    "free_day",
    "bedtime",
    "lights_out",
    "sleep_latency_min",
    "awakenings",
    "waso_min",
    "final_wake",
    "out_of_bed",
    "quality",
    "rested",
    "mood",
    "focus",
    "resilience",
    "rate_today",
    "naps_min",
    "caffeine",
    "alcohol",
    "medication",
    "tags",
    "notes",
]


def page_of(window):
    return window.today


def widget(window, name: str) -> QWidget:
    found = window.today.findChild(QWidget, name)
    assert found is not None, name
    return found


def key(qtbot, target, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(target, k, modifier)


def focused() -> str:
    return QApplication.focusWidget().objectName()


def tab(qtbot):
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def type_into_focus(qtbot, text: str):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def stored(window, when=D):
    return window.ctx.journal.day(when)


def test_full_morning_by_keyboard_lands_with_derived_values(make_window, qtbot):
    window = make_window()
    widget(window, "has_night").setFocus()
    steps = [
        ("free_day", " "),
        ("bedtime", "2245"),
        ("lights_out", "2310"),
        ("sleep_latency_min", "25"),
        ("awakenings", "2"),
        ("waso_min", "15"),
        ("final_wake", "0620"),
        ("out_of_bed", "0640"),
        ("quality", "4"),
        ("rested", "3"),
        ("mood", "7"),
        ("focus", "0"),
        ("resilience", "6"),
        ("rate_today", ""),
        ("naps_min", "20"),
        ("caffeine", "2"),
        ("alcohol", "1"),
        ("medication", "melatonin"),
        ("tags", "run; late screen"),
        ("notes", "woke at 3 from noise"),
    ]
    for name, text in steps:
        tab(qtbot)
        assert focused() == name
        type_into_focus(qtbot, text)
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = stored(window)
    n = saved.night
    assert (n.bedtime.strftime("%Y-%m-%d %H:%M"), n.out_of_bed.strftime("%H:%M")) == (
        "2025-04-20 22:45",
        "06:40",
    )
    assert (n.sleep_latency_min, n.awakenings, n.waso_min) == (25, 2, 15)
    m = measure(n)
    assert (m.tib_min, m.tst_min) == (475, 430 - 25 - 15)
    assert round(m.se_pct, 2) == round(100 * 390 / 475, 2)
    assert (saved.quality, saved.rested, saved.free_day) == (4, 3, True)
    assert (saved.naps_min, saved.caffeine, saved.alcohol) == (20, 2, 1)
    assert saved.medication == "melatonin"
    assert saved.tags == ("run", "late screen")
    assert saved.notes == "woke at 3 from noise"
    assert (saved.mood, saved.focus, saved.resilience) == (None, None, None)
    yesterday = stored(window, date(2025, 4, 20))
    assert (yesterday.mood, yesterday.focus, yesterday.resilience) == (7, 10, 6)
    assert yesterday.night is None and yesterday.free_day is True  # a Sunday
    assert "Saved" in widget(window, "saved_label").text()
    assert "in bed 7 h 55" in widget(window, "summary").text()


def test_summary_updates_live_while_typing(make_window, qtbot):
    window = make_window()
    wake = widget(window, "final_wake")
    wake.setFocus()
    qtbot.keyClicks(wake, "0530")
    assert "asleep 5 h 50" in widget(window, "summary").text()  # 23:15 + 15 min -> 05:30, - 10


def test_rate_today_instead_stores_on_d(make_window, qtbot):
    window = make_window()
    widget(window, "rate_today").click()
    bar = widget(window, "mood")
    bar.setFocus()
    qtbot.keyClicks(bar, "8")
    key(qtbot, bar, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(window).mood == 8
    assert stored(window, date(2025, 4, 20)) is None


@pytest.mark.parametrize(
    ("edits", "field", "words"),
    [
        ({"sleep_latency_min": "600"}, "sleep_latency_min", "after the final awakening"),
        ({"sleep_latency_min": "200", "waso_min": "300"}, "waso_min", "more than"),
        # a rule between two items is marked on the one typed last
        ({"final_wake": "0730", "out_of_bed": "0700"}, "out_of_bed", "07:00 is before final"),
        ({"out_of_bed": "0700", "final_wake": "0730"}, "final_wake", "07:30 is after out of bed"),
        ({"bedtime": "0100", "lights_out": "0030"}, "lights_out", "00:30 is before bedtime"),
        ({"lights_out": "0030", "bedtime": "0100"}, "bedtime", "01:00 is after lights out"),
    ],
)
def test_validation_names_the_field_and_blocks_saving(make_window, qtbot, edits, field, words):
    window = make_window()
    for name, text in edits.items():
        w = widget(window, name)
        w.setFocus()
        if name in ("sleep_latency_min", "waso_min"):
            w.selectAll()
        qtbot.keyClicks(w, text)
    problems = widget(window, "problems")
    assert problems.isVisible()
    assert words in problems.text()
    assert widget(window, field).property("invalid") is True
    assert not widget(window, "save_button").isEnabled()
    key(qtbot, widget(window, field), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) is None
    assert "Not saved" in window.statusBar().currentMessage()


def test_skipped_dst_hour_is_refused_in_the_form(make_window, qtbot):
    window = make_window()
    page_of(window).set_date(date(2025, 3, 30))
    wake = widget(window, "final_wake")
    wake.setFocus()
    qtbot.keyClicks(wake, "0230")
    assert "does not exist" in widget(window, "problems").text()
    assert "Final awakening" in widget(window, "problems").text()


def test_dst_night_in_the_form_is_elapsed_time(make_window, qtbot):
    window = make_window()
    page_of(window).set_date(date(2025, 3, 30))
    for name, text in (
        ("bedtime", "2300"),
        ("lights_out", "2300"),
        ("final_wake", "0700"),
        ("out_of_bed", "0700"),
    ):
        w = widget(window, name)
        w.setFocus()
        qtbot.keyClicks(w, text)
    for name in ("sleep_latency_min", "awakenings", "waso_min"):
        widget(window, name).setValue(0)
    assert "in bed 7 h 00" in widget(window, "summary").text()
    page_of(window).save()
    assert measure(stored(window, date(2025, 3, 30)).night).tib_min == 420


def test_prefill_is_the_median_of_the_last_seven_nights(make_window, tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        bedtimes = [
            "21:00",
            "21:00",
            "21:00",
            "22:50",
            "23:40",
            "00:20",
            "23:00",
            "23:10",
            "22:40",
            "00:10",
        ]  # the first three are older than the last seven
        j.write_many(
            [
                day(
                    f"2025-04-{i + 11:02d}",
                    bed,
                    bed,
                    "07:00" if i % 2 else "07:20",
                    "07:30",
                    sol=10 + i,
                    awakenings=i % 3,
                    waso=i,
                )
                for i, bed in enumerate(bedtimes)
            ]
        )
    window = make_window(path)
    assert stored(window) is None
    # last seven bedtimes: 22:50 23:40 00:20 23:00 23:10 22:40 00:10 -> median 23:10
    assert widget(window, "bedtime").time().toPython() == time(23, 10)
    assert widget(window, "final_wake").time().toPython() == time(7, 0)  # 4 of 7 at 07:00
    assert widget(window, "sleep_latency_min").value() == 16  # median of 13..19
    assert widget(window, "waso_min").value() == 6
    assert "median of your last 7 nights" in widget(window, "prefill_note").text()


def test_ctrl_arrows_load_the_right_day(make_window, qtbot, tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        import_csv(j, VECTORS / "diary_B_weekend_shift.csv")
    window = make_window(path)
    page = page_of(window)
    assert page.current_date == D
    target = widget(window, "quality")
    target.setFocus()
    key(qtbot, target, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert page.current_date == date(2025, 4, 20)
    assert widget(window, "bedtime").time().toPython() == time(2, 10)
    assert widget(window, "out_of_bed").time().toPython() == time(10, 40)
    assert widget(window, "mood").value() == 7  # day 19's mood: how was yesterday
    assert "Sunday, 20 April 2025" in widget(window, "date_label").text()
    key(qtbot, target, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert widget(window, "final_wake").time().toPython() == time(9, 40)
    key(qtbot, target, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, target, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.current_date == D
    assert widget(window, "mood").value() == 6  # day 20's mood


def test_editing_an_existing_day_changes_it_and_nothing_else(make_window, qtbot, tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        import_csv(j, VECTORS / "diary_B_weekend_shift.csv")
        before = export_bytes(j).decode().split("\r\n")
    window = make_window(path)
    page_of(window).set_date(date(2025, 4, 15))
    waso = widget(window, "waso_min")
    waso.setFocus()
    waso.selectAll()
    qtbot.keyClicks(waso, "40")
    key(qtbot, waso, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    after = export_bytes(window.ctx.journal).decode().split("\r\n")
    changed = [(b, a) for b, a in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0][1].startswith("2025-04-15,")
    assert ",15,1,40," in changed[0][1]


def test_unsaved_edits_survive_moving_between_dates(make_window, qtbot):
    window = make_window()
    page = page_of(window)
    notes = widget(window, "notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "draft words")
    page.step(-1)
    assert widget(window, "notes").toPlainText() == ""
    page.step(1)
    assert widget(window, "notes").toPlainText() == "draft words"
    assert page.unsaved_dates() == [D]
    asked = []
    window.ask_unsaved = lambda parent, dates: asked.append(dates) or "cancel"
    assert not window.close()
    assert asked == [[D]]
    window.ask_unsaved = lambda parent, dates: "save"
    assert window.close()
    with open_journal(window.ctx.journal.path, read_only=True) as j:
        assert j.day(D).notes == "draft words"


def test_turning_the_night_off_saves_only_the_day(make_window, qtbot):
    window = make_window()
    box = widget(window, "has_night")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not widget(window, "bedtime").isEnabled()
    page_of(window).save()
    assert stored(window).night is None


def test_inputs_have_accessible_names_csv_object_names_and_diary_tab_order(make_window, qtbot):
    window = make_window()
    columns = {f.name for f in FIELDS} - {"date", "source", "tz", *STAGES}  # stages: devices
    for name in columns:
        w = widget(window, name)
        assert w.accessibleName(), name
    widget(window, "has_night").setFocus()
    seen = [focused()]
    for _ in DIARY_ORDER[1:]:
        tab(qtbot)
        seen.append(focused())
    assert seen == DIARY_ORDER


def test_rating_bar_keys(make_window, qtbot):
    window = make_window()
    bar = widget(window, "focus")
    bar.setFocus()
    qtbot.keyClicks(bar, "3")
    assert bar.value() == 3
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert bar.value() == 4
    qtbot.keyClick(bar, Qt.Key.Key_Backspace)
    assert bar.value() is None
    quality = widget(window, "quality")
    quality.setFocus()
    qtbot.keyClicks(quality, "7")  # out of range for quality: ignored
    assert quality.value() is None
    qtbot.mouseClick(quality.group.button(2), Qt.MouseButton.LeftButton)
    assert quality.value() == 2
    qtbot.mouseClick(quality.group.button(2), Qt.MouseButton.LeftButton)
    assert quality.value() is None


def test_tag_completion_from_earlier_tags(make_window, qtbot, tmp_path):
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.save_day(day("2025-04-10", tags=("exercise", "late screen")))
    window = make_window(path)
    tags = widget(window, "tags")
    assert "late screen" in tags.known_tags()
    tags.setFocus()
    qtbot.keyClicks(tags, "exercise; la")
    popup = tags._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text().startswith("exercise; late screen")


def test_startup_check_prints_its_time(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "nts_desktop",
            "--db",
            str(tmp_path / "j.sqlite3"),
            "--startup-check",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        },
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("startup_ms=")
    assert int(out.stdout.strip().split("=")[1]) > 0


def test_resaving_keeps_seconds_and_the_second_occurrence_of_a_repeated_hour(make_window, tmp_path):
    from datetime import datetime, timedelta, timezone

    from nts_desktop.core.records import Day, Night

    path = tmp_path / "journal.sqlite3"
    cest, cet = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
    night = Night(
        date=date(2025, 10, 26),
        tz="Europe/Berlin",
        bedtime=datetime(2025, 10, 25, 23, 0, 30, tzinfo=cest),
        lights_out=datetime(2025, 10, 25, 23, 10, tzinfo=cest),
        sleep_latency_min=10,
        awakenings=0,
        waso_min=0,
        final_wake=datetime(2025, 10, 26, 2, 30, tzinfo=cet),  # second 02:30
        out_of_bed=datetime(2025, 10, 26, 2, 50, tzinfo=cet),
    )
    with open_journal(path, tz="Europe/Berlin") as j:
        j.save_day(Day(date=date(2025, 10, 26), free_day=True, night=night))
    window = make_window(path, now=datetime(2025, 10, 27, 8, 0, tzinfo=cet))
    page_of(window).set_date(date(2025, 10, 26))
    widget(window, "notes").setPlainText("only the notes changed")
    assert page_of(window).save()
    assert stored(window, date(2025, 10, 26)).night == night


def test_saving_keeps_changes_made_elsewhere_meanwhile(make_window, qtbot):
    window = make_window()
    bar = widget(window, "mood")
    bar.setFocus()
    qtbot.keyClicks(bar, "7")
    window.ctx.save_days([day("2025-04-20", notes="written by an import", quality=4)])
    key(qtbot, bar, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    yesterday = stored(window, date(2025, 4, 20))
    assert (yesterday.mood, yesterday.notes, yesterday.quality) == (7, "written by an import", 4)


def test_a_failed_write_keeps_the_edits(make_window, qtbot, monkeypatch):
    import sqlite3

    window = make_window()
    notes = widget(window, "notes")
    notes.setFocus()
    qtbot.keyClicks(notes, "precious")

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(window.ctx, "save_days", broken)
    assert not page_of(window).save()
    assert page_of(window).unsaved_dates() == [D]
    assert "Could not save" in widget(window, "problems").text()
    assert widget(window, "notes").toPlainText() == "precious"


def test_commas_stay_inside_tags(make_window, qtbot):
    window = make_window()
    tags = widget(window, "tags")
    tags.setFocus()
    qtbot.keyClicks(tags, "late, screen; run")
    page_of(window).save()
    assert stored(window).tags == ("late, screen", "run")


def test_switching_rate_today_back_and_forth_keeps_typed_ratings(make_window, qtbot):
    window = make_window()
    bar = widget(window, "mood")
    bar.setFocus()
    qtbot.keyClicks(bar, "8")
    widget(window, "rate_today").click()
    widget(window, "rate_today").click()
    assert bar.value() == 8
    page_of(window).step(-1)  # leave a draft behind, rated for 2025-04-20
    widget(window, "rate_today").click()  # now rating "today" by default
    page_of(window).step(1)
    assert not widget(window, "rate_today").isChecked()  # the draft's own choice
    page_of(window).save()
    assert stored(window, date(2025, 4, 20)).mood == 8
    assert stored(window) is None or stored(window).mood is None


def test_free_day_belongs_to_the_date_shown(make_window):
    window = make_window()  # Monday 2025-04-21
    box = widget(window, "free_day")
    assert "Monday" in box.text() and not box.isChecked()
    page_of(window).set_date(date(2025, 4, 20))
    assert "Sunday" in box.text() and box.isChecked()


def save_button(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_journal_settings_dialog_changes_zone_and_free_days(make_window, qtbot):
    window = make_window()  # Monday 2025-04-21
    assert not widget(window, "free_day").isChecked()
    dialog = window.edit_settings()
    dialog.zone.setFocus()
    dialog.zone.lineEdit().selectAll()
    qtbot.keyClicks(dialog.zone.lineEdit(), "America/New_York")
    qtbot.mouseClick(dialog.findChild(QWidget, "settings_free_0"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    settings = window.ctx.journal.settings
    assert settings.tz == "America/New_York" and 0 in settings.free_weekdays
    assert widget(window, "free_day").isChecked()  # Monday is now free by default
    assert "Journal settings saved" in window.statusBar().currentMessage()


def test_journal_settings_dialog_refuses_an_unknown_zone(make_window, qtbot):
    window = make_window()
    dialog = window.edit_settings()
    dialog.zone.setCurrentText("Mars/Base")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "not an IANA time zone" in dialog.problem.text()
    assert window.ctx.journal.settings.tz == "Europe/Berlin"
    dialog.reject()
