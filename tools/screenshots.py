"""Regenerate docs/screenshots/*.png from a demo journal, offscreen, with a pinned clock.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]
Builds a throw-away 365-night demo journal in a temporary folder; never touches your own.
Writes each page in the light theme and the chart pages in the dark theme too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = folder
        now = datetime(2026, 3, 12, 7, 40, tzinfo=ZoneInfo("Europe/Berlin"))
        path = Path(folder) / "journal.sqlite3"
        from nts_desktop.demo import write_demo
        from nts_desktop.storage import open_journal

        with open_journal(path, tz="Europe/Berlin") as journal:
            write_demo(journal, nights=365, seed=1, end=now.date() - timedelta(days=1))
            journal.update_settings(demo=False)  # pictures of an everyday journal: no banner
        from nts_desktop.app import build_main_window, ensure_app

        app = ensure_app()
        window = build_main_window(path, clock=lambda: now)
        window.resize(1180, 880)
        window.show()

        def settle() -> None:
            for _ in range(3):
                app.processEvents()
                window.trends.background.wait()
                window.insights.background.wait()
                app.processEvents()

        def shot(name: str) -> None:
            settle()
            window.grab().save(str(out / name))
            print(f"wrote {out / name}")

        for theme in ("light", "dark"):
            window.set_theme(theme)
            suffix = "" if theme == "light" else "-dark"
            if theme == "light":
                window.show_page(0)
                shot("today.png")
                window.show_page(1)
                shot("journal.png")
            window.show_page(2)
            window.trends.show_diary(False)
            window.trends.set_range("week")
            window.trends.step(-1)
            settle()
            window.trends.this_week()
            shot(f"trends-week{suffix}.png")
            window.trends.set_range("year")
            shot(f"trends-year{suffix}.png")
            window.trends.set_range("4 weeks")
            window.trends.show_diary(True)
            shot(f"sleep-diary{suffix}.png")
            window.trends.show_diary(False)
            window.show_page(3)
            window.insights.range_box.setCurrentText("Last year")
            shot(f"insights{suffix}.png")
        window.set_theme("light")
        window.export_report()
        window.report_dialog.background.wait()
        settle()
        window.report_dialog.grab().save(str(out / "report-dialog.png"))
        print(f"wrote {out / 'report-dialog.png'}")
        window.report_dialog.close()
        for name, dialog in (("settings", window.edit_settings()), ("about", window.show_about())):
            settle()
            dialog.grab().save(str(out / f"{name}-dialog.png"))
            print(f"wrote {out / f'{name}-dialog.png'}")
            dialog.reject()
        window.today.discard_drafts()
        window.close()
        report_shots(out, path, now)
        reminder_shot(out, path, now)
        device_shot(out, Path(folder), now)
        first_day_shots(out, Path(folder), now)
        few_days_shot(out, Path(folder), now)


def reminder_shot(out: Path, path: Path, now: datetime) -> None:
    """The morning reminder in the window's menu bar: this morning's night is not logged."""
    from nts_desktop.app import build_main_window, ensure_app
    from nts_desktop.ui import preferences

    app = ensure_app()
    preferences.write("reminder_enabled", True)
    preferences.write("reminder_time", "07:30")
    window = build_main_window(path, clock=lambda: now, tray_available=False)
    window.resize(1180, 880)
    window.show()
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(out / "reminder.png"))
    print(f"wrote {out / 'reminder.png'}")
    preferences.write("reminder_enabled", False)
    window.close_for_good()


def report_shots(out: Path, path: Path, now: datetime) -> None:
    """The clinician's report of the demo's last two weeks: its pages as the PDF has them."""
    from nts_desktop.storage import open_journal
    from nts_desktop.ui.context import read_snapshot
    from nts_desktop.ui.report import Options, content_for, default_period, preview

    with open_journal(path) as journal:
        journal.update_settings(person_name="Alex Example")
    start, end = default_period(now.date() - timedelta(days=1))
    content = content_for(read_snapshot(path), start, end, now.replace(tzinfo=None))
    pages, _total = preview(content, Options(paper="a4"), scale=1.6)
    for name, index in (("summary", 0), ("chart", 1), ("week", 2)):
        pages[index].save(str(out / f"report-{name}.png"))
        print(f"wrote {out / f'report-{name}.png'}")


def device_shot(out: Path, folder: Path, now: datetime) -> None:
    """Insights' "Diary and device" tab over a demo diary beside a made-up watch's nights
    (the watch, as trackers do, counts less time awake than the diary)."""
    import random
    from dataclasses import replace

    from nts_desktop.app import build_main_window, ensure_app
    from nts_desktop.demo import write_demo
    from nts_desktop.storage import open_journal

    path = folder / "with-watch.sqlite3"
    rng = random.Random(5)
    with open_journal(path, tz="Europe/Berlin") as journal:
        write_demo(journal, nights=120, seed=2, end=now.date() - timedelta(days=1))
        journal.update_settings(demo=False)
        watch = [
            replace(
                d.night,
                source="watch",
                sleep_latency_min=max(d.night.sleep_latency_min - rng.randint(0, 10), 0),
                waso_min=max(d.night.waso_min - rng.randint(-5, 25), 0),
                rem_min=80 + rng.randint(0, 40),
                deep_min=50 + rng.randint(0, 30),
            )
            for d in journal.days()
            if d.night is not None and rng.random() < 0.85
        ]
        journal.write_many([], watch)
    app = ensure_app()
    window = build_main_window(path, clock=lambda: now)
    window.resize(1180, 880)
    window.show()
    window.show_page(window.INSIGHTS)
    for _ in range(3):
        app.processEvents()
        window.insights.background.wait()
        app.processEvents()
    window.insights.side.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(out / "insights-device.png"))
    print(f"wrote {out / 'insights-device.png'}")
    window.close()


def few_days_shot(out: Path, folder: Path, now: datetime) -> None:
    """Insights of a journal only 20 nights old: what the headline still needs."""
    from nts_desktop.app import build_main_window, ensure_app
    from nts_desktop.demo import write_demo
    from nts_desktop.storage import open_journal

    path = folder / "few.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as journal:
        write_demo(journal, nights=20, seed=3, end=now.date() - timedelta(days=1))
        journal.update_settings(demo=False)
    app = ensure_app()
    window = build_main_window(path, clock=lambda: now)
    window.resize(1180, 880)
    window.show()
    window.show_page(window.INSIGHTS)
    for _ in range(3):
        app.processEvents()
        window.insights.background.wait()
        app.processEvents()
    window.grab().save(str(out / "insights-few-days.png"))
    print(f"wrote {out / 'insights-few-days.png'}")
    window.close()


def first_day_shots(out: Path, folder: Path, now: datetime) -> None:
    """A new user's first day: a made-up Fitbit Takeout folder and Daylio CSV imported from
    the welcome panel into an empty journal; the preview, then Trends and Insights."""
    sys.path.insert(0, str(Path(__file__).parent))
    from tryout_files import write

    from nts_desktop.app import build_main_window, ensure_app
    from nts_desktop.ui.import_dialogs import PreviewDialog

    takeout, daylio = write(folder / "exports", now.date() - timedelta(days=1), nights=120)
    app = ensure_app()
    window = build_main_window(folder / "first-day.sqlite3", clock=lambda: now)
    window.resize(1180, 880)
    window.show()
    window.files.ask_history_paths = lambda parent: [str(takeout), str(daylio)]

    def preview(parent, title, previews):
        dialog = PreviewDialog(title, previews, window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / "first-day-preview.png"))
        print(f"wrote {out / 'first-day-preview.png'}")
        dialog.close()
        return dialog.answer(True)

    window.files.history.ask_preview = preview
    window.import_history()

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
            window.trends.background.wait()
            window.insights.background.wait()
            app.processEvents()

    window.show_page(window.tabs.indexOf(window.trends))
    window.trends.set_range("3 months")
    settle()
    window.grab().save(str(out / "first-day-trends.png"))
    window.show_page(window.tabs.indexOf(window.insights))
    window.insights.range_box.setCurrentText("Last 3 months")
    settle()
    window.grab().save(str(out / "first-day-insights.png"))
    print(f"wrote {out / 'first-day-trends.png'}, {out / 'first-day-insights.png'}")
    window.close()


if __name__ == "__main__":
    main()
