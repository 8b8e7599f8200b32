"""Trends, the sleep diary chart and Insights, driven through the real window."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from click.testing import CliRunner
from diaries import day
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from nts_desktop.cli import cli
from nts_desktop.core.units import hours_minutes
from nts_desktop.demo import write_demo
from nts_desktop.storage import open_journal
from nts_desktop.ui.background import Background
from nts_desktop.ui.charts import day_number
from nts_desktop.ui.correlation_model import COLUMN

NOW = datetime(2026, 3, 12, 7, 40, tzinfo=ZoneInfo("Europe/Berlin"))
TODAY = NOW.date()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        write_demo(j, nights=120, seed=4, end=TODAY - timedelta(days=1))
    return path


def trends_of(make_window, qtbot, path):
    window = make_window(path, now=NOW)
    with qtbot.waitSignal(window.trends.computed, timeout=20000):
        window.show_page(window.TRENDS)
    return window, window.trends


def plotted_dates(item) -> list[date]:
    x, _y = item.getData()
    return [date(1970, 1, 1) + timedelta(days=int(v)) for v in (x if x is not None else [])]


def test_range_switching_and_navigation_change_what_is_plotted(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    week = plotted_dates(page.charts.tst_curve)
    assert (week[0], week[-1]) == (date(2026, 3, 9), TODAY)  # Monday start (C locale)
    assert "9–15 March 2026" in page.range_label.text()
    qtbot.mouseClick(
        page.findChild(type(page.this_button), "range_4_weeks"), Qt.MouseButton.LeftButton
    )
    four = plotted_dates(page.charts.tst_curve)
    assert (four[0], four[-1]) == (date(2026, 2, 16), TODAY)
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    earlier = plotted_dates(page.charts.tst_curve)
    assert (earlier[0], earlier[-1]) == (date(2026, 1, 19), date(2026, 2, 15))
    y = page.charts.tst_curve.getData()[1]
    expected = page.data.tst_h[page.data.span(date(2026, 1, 19), date(2026, 2, 15))]
    assert np.allclose(y, expected, equal_nan=True)
    qtbot.mouseClick(page.this_button, Qt.MouseButton.LeftButton)
    assert plotted_dates(page.charts.tst_curve)[-1] == TODAY
    qtbot.mouseClick(page.findChild(type(page.this_button), "range_all"), Qt.MouseButton.LeftButton)
    everything = plotted_dates(page.charts.tst_curve)
    assert everything[0] == page.data.first and len(everything) == page.data.n
    assert not page.prev_button.isEnabled()


def test_missing_nights_are_gaps_not_zeros(make_window, qtbot, tmp_path):
    path = tmp_path / "j.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        j.write_many(
            [
                day("2026-03-09", "23:00", "23:10", "07:00", "07:10", mood=5),
                day("2026-03-11", "23:00", "23:10", "07:00", "07:10", mood=6),
            ]
        )
    window, page = trends_of(make_window, qtbot, path)
    x, y = page.charts.tst_curve.getData()
    assert np.isnan(y[1]) and not np.any(y[~np.isnan(y)] == 0)
    bars = page.charts.in_bed.opts
    assert list(bars["x"]) == [day_number(date(2026, 3, 9)), day_number(date(2026, 3, 11))]


def _scene_to_viewport(page, plot_key: str, when: date) -> QPoint:
    plot = page.charts.plots[plot_key]
    y_range = plot.vb.viewRange()[1]
    scene = plot.vb.mapViewToScene(QPointF(day_number(when), sum(y_range) / 2))
    return page.charts.mapFromScene(scene)


def test_hover_reports_that_days_values_and_click_opens_it(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    when = date(2026, 3, 10)
    pos = _scene_to_viewport(page, "tst", when)
    qtbot.mouseMove(page.charts.viewport(), pos)
    qtbot.waitUntil(lambda: "Tue 10 Mar 2026" in page.hover.text())
    i = page.data.index_of(when)
    text = page.hover.text()
    assert f"asleep {hours_minutes(page.data.tst_h[i] * 60)}" in text
    assert f"mood {page.data.mood[i]:.0f}" in text
    qtbot.mouseClick(page.charts.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.tabs.currentWidget() is window.today
    assert window.today.current_date == when


def test_exports_write_valid_png_svg_and_the_right_csv(make_window, qtbot, demo_path, tmp_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    targets = {kind: tmp_path / f"chart.{kind}" for kind in ("png", "svg", "csv")}
    page.ask_save_path = lambda parent, suggested, filter_: str(
        targets[suggested.rsplit(".", 1)[1]]
    )
    for kind in targets:
        assert page.export(kind) == str(targets[kind])
    image = QImage(str(targets["png"]))
    assert not image.isNull() and image.width() > 400
    assert targets["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.parse(targets["svg"]).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 20
    rows = list(csv.DictReader(io.StringIO(targets["csv"].read_text())))
    assert [r["date"] for r in rows] == [f"2026-03-{d:02d}" for d in range(9, 13)]
    i = page.data.index_of(date(2026, 3, 10))
    assert float(rows[1]["tst_h"]) == pytest.approx(page.data.tst_h[i], rel=1e-3)
    assert rows[-1]["tst_h"] == ""  # today, not logged yet: blank, not zero
    page.show_diary(True)
    assert page.export("png") and not QImage(str(targets["png"])).isNull()
    assert page.export("svg") and ET.parse(targets["svg"]).getroot().tag.endswith("svg")


def test_sleep_diary_chart_rows_and_double_plot(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    page.set_range("4 weeks")
    page.show_diary(True)
    chart = page.diary
    assert len(chart.rows()) == 28
    assert chart.data.date_at(chart.rows()[0]) == date(2026, 2, 16)
    assert chart.span_minutes() == 1440
    qtbot.mouseClick(chart.double_box, Qt.MouseButton.LeftButton)
    assert chart.span_minutes() == 2880
    assert not chart.grab().isNull()


def test_saving_today_refreshes_the_charts(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    i = page.data.index_of(TODAY)
    assert np.isnan(page.data.tst_h[i])
    with qtbot.waitSignal(page.computed, timeout=20000):
        window.show_page(0)
        window.today.save()
        window.show_page(window.TRENDS)
    assert not np.isnan(page.data.tst_h[i])


def test_background_work_runs_off_the_gui_thread(qtbot):
    worker = Background()
    seen = []
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        worker.run(lambda: threading.get_ident())
    seen.append(blocker.args[0])
    assert seen[0] != threading.get_ident()


def test_insights_table_matches_stats_json(make_window, qtbot, demo_path):
    window = make_window(demo_path, now=NOW)
    page = window.insights
    with qtbot.waitSignal(page.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    start, end = page.selected_range()
    window.close()
    out = CliRunner().invoke(
        cli, ["--db", str(demo_path), "stats", "--json", "--from", str(start), "--to", str(end)]
    )
    expected = json.loads(out.stdout)
    by_pair = {(c["predictor"], c["outcome"]): c for c in expected["correlations"]}
    rows = page.model.rows
    assert len(rows) == len(by_pair)
    for row, c in enumerate(rows):
        want = by_pair[(c.predictor, c.outcome)]
        assert c.n == want["n"]
        shown = page.model.index(row, COLUMN["ρ [95 % CI]"]).data()
        if want["rho"] is None:
            assert shown == "–"
        else:
            assert c.rho == pytest.approx(want["rho"], abs=1e-4)
            text = f"{c.rho:.2f}"
            text = "0.00" if text == "-0.00" else text.replace("-", "−")
            assert shown.startswith(text)
            assert c.q == pytest.approx(want["q"])
    ranks = [
        ("clear", "suggestive", "no clear link").index(c.evidence)
        for c in rows
        if c.rho is not None
    ]
    assert ranks == sorted(ranks)  # sorted by evidence, then strength
    assert all(c.rho is None for c in rows[len(ranks) :])
    assert page.cards["sri"].value.text().startswith(f"{expected['regularity']['sri']:.0f}")


def test_selecting_a_row_draws_its_scatter_and_names_the_days(make_window, qtbot, demo_path):
    window = make_window(demo_path, now=NOW)
    page = window.insights
    with qtbot.waitSignal(page.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    row = next(
        i for i, c in enumerate(page.model.rows) if (c.predictor, c.outcome) == ("tst_h", "mood")
    )
    page.table.selectRow(row)
    x, y = page.points.getData()
    c = page.model.rows[row]
    assert sum(len(p[2]) for p in page._points) == c.n
    assert len(x) == len(page._points)
    assert "total sleep" in page.sentence.text()
    qtbot.wait(100)  # let the plot take its new range before mapping a dot to the screen
    dot = page._points[0]
    scene = page.scatter.getPlotItem().vb.mapViewToScene(QPointF(dot[0], dot[1]))
    qtbot.mouseMove(page.scatter.viewport(), page.scatter.mapFromScene(scene))
    qtbot.waitUntil(lambda: "day" in page.days_label.text() and "→" in page.days_label.text())


def test_empty_and_three_night_journals_render(make_window, qtbot, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    window, page = trends_of(make_window, qtbot, empty)
    assert page.empty.isVisible() and "Nothing to chart yet" in page.empty.text()
    with qtbot.waitSignal(window.insights.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    assert window.insights.cards["sri"].value.text().startswith("–")
    assert window.insights.model.rowCount() > 0
    words = window.insights.model.index(0, COLUMN["In words"]).data()
    assert words == "needs 14 more days"
    window.close()

    three = tmp_path / "three.sqlite3"
    with open_journal(three, tz="Europe/Berlin") as j:
        j.write_many(
            [
                day(f"2026-03-{d:02d}", "23:00", "23:10", "07:00", "07:10", mood=5)
                for d in (9, 10, 11)
            ]
        )
    window, page = trends_of(make_window, qtbot, three)
    assert not page.empty.isVisible()
    assert len([v for v in page.charts.tst_curve.getData()[1] if not np.isnan(v)]) == 3
    page.show_diary(True)
    assert not page.diary.grab().isNull()
    with qtbot.waitSignal(window.insights.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    assert "needs 11 more days" in window.insights.model.index(0, COLUMN["In words"]).data()


def test_theme_setting_switches_palette_and_charts(make_window, qtbot, demo_path):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window, page = trends_of(make_window, qtbot, demo_path)
    window.theme_actions["dark"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 60
    assert page.charts.backgroundBrush().color().lightness() < 60
    window.theme_actions["light"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 200
    assert page.charts.backgroundBrush().color().lightness() > 200


def test_the_chart_pages_never_import_qtnetwork(make_window, qtbot, demo_path):
    import sys

    window, page = trends_of(make_window, qtbot, demo_path)
    with qtbot.waitSignal(window.insights.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    assert not [m for m in sys.modules if "QtNetwork" in m]


def test_the_diary_view_follows_the_range(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    page.show_diary(True)
    page.set_range("4 weeks")
    assert page.diary.start == date(2026, 2, 16)
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert page.diary.start == date(2026, 1, 19) and page.diary.data is page.data


def test_alt_arrows_step_the_range_only_on_trends(make_window, qtbot, demo_path):
    window = make_window(demo_path, now=NOW)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.trends
    qtbot.waitUntil(lambda: page.data is not None, timeout=20000)
    before = page.visible_range()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.visible_range()[0] == before[0] - timedelta(days=7)
    assert window.tabs.currentWidget() is page
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    moved = page.visible_range()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.visible_range() == moved


def test_a_failed_export_says_so(make_window, qtbot, demo_path, tmp_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    page.ask_save_path = lambda parent, suggested, filter_: str(tmp_path / "nope" / suggested)
    assert page.export("csv") is None
    assert "Could not export" in window.statusBar().currentMessage()


def test_hover_cursor_follows_the_theme(make_window, qtbot, demo_path):
    from nts_desktop.ui.theme import chart_colors

    window, page = trends_of(make_window, qtbot, demo_path)
    window.theme_actions["dark"].trigger()
    assert page.charts.cursors[0].pen.color().name() == chart_colors()["muted"]
    window.theme_actions["light"].trigger()


@pytest.mark.parametrize("sign", [1, -1])
def test_the_scatter_sentence_calls_a_tendency_only_what_the_table_calls_clear_or_suggestive(
    make_window, qtbot, demo_path, sign
):
    from dataclasses import replace

    window = make_window(demo_path, now=NOW)
    page = window.insights
    with qtbot.waitSignal(page.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    base = next(c for c in page.model.rows if (c.predictor, c.outcome) == ("tst_h", "rested"))
    levels = {  # the table's evidence words by q, with a planted ρ of either sign
        "clear": replace(base, rho=0.41 * sign, ci95=(0.2, 0.6), p=0.001, q=0.01),
        "suggestive": replace(base, rho=0.22 * sign, ci95=(0.0, 0.4), p=0.02, q=0.12),
        "no clear link": replace(base, rho=0.08 * sign, ci95=(-0.1, 0.25), p=0.4, q=0.87),
        "too few days": replace(base, n=9, n_eff=None, rho=None, ci95=None, p=None, q=None),
    }
    page.model.set_results(list(levels.values()))
    for evidence, c in levels.items():
        row = page.model.rows.index(c)
        rect = page.table.visualRect(page.model.index(row, 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        text = page.sentence.text()
        in_words = page.model.index(row, COLUMN["In words"]).data()
        if evidence in ("clear", "suggestive"):
            assert in_words.startswith(evidence) and text.startswith(evidence.capitalize())
            assert "tended to be higher" in text and "not proof of cause" in text
            side = "longer" if sign > 0 else "less"
            assert f"slept {side}" in text  # the predictor's side that went with higher
        elif evidence == "no clear link":
            assert in_words.startswith("no clear link")
            assert text.startswith("No clear link yet") and "tended" not in text
            assert "ρ = " in text and "q = 0.870" in text
        else:
            assert in_words == "needs 5 more days" and "5 more needed" in text


def _steady_journal(path: Path, nights: int = 12) -> None:
    """Nights that hardly change: 7 h 00 to 7 h 05 asleep, the same times every night."""
    with open_journal(path, tz="Europe/Berlin") as j:
        j.write_many(
            [
                day(
                    TODAY - timedelta(days=i),
                    "23:00",
                    "23:10",
                    "06:10",
                    "06:20",
                    sol=0,
                    waso=i % 2 * 5,
                    mood=5 + i % 2,
                )
                for i in range(1, nights + 1)
            ]
        )


def test_value_axes_do_not_exaggerate_small_changes(make_window, qtbot, tmp_path):
    path = tmp_path / "steady.sqlite3"
    _steady_journal(path)
    window, page = trends_of(make_window, qtbot, path)
    page.set_range("4 weeks")

    def span(key: str) -> float:
        lo, hi = page.charts.plots[key].vb.viewRange()[1]
        return hi - lo

    assert span("tst") >= 2.0  # hours
    assert span("se") >= 20.0 and span("sri") >= 20.0  # points
    lo, hi = page.charts.plots["ratings"].vb.viewRange()[1]
    assert lo <= 1 and hi >= 10  # the whole rating scale
    axis = page.charts.plots["tst"].getAxis("left")
    values = axis.tickValues(6.0, 8.0, 100)[0][1]
    assert axis.tickStrings(values, 1, 1) == ["6 h", "7 h", "8 h"]  # whole hours, never 7.5 h


def test_a_panel_without_data_says_what_it_needs(make_window, qtbot, tmp_path):
    path = tmp_path / "three.sqlite3"
    _steady_journal(path, nights=3)
    window, page = trends_of(make_window, qtbot, path)
    note = page.charts.notes["sri"]
    assert note.isVisible() and "needs 6 nights in a row" in note.toPlainText()
    assert not page.charts.plots["sri"].getAxis("left").style["showValues"]
    assert not page.charts.notes["tst"].isVisible()  # nights exist: drawn, no note


def test_trends_open_on_the_latest_range_that_holds_nights(make_window, qtbot, tmp_path):
    path = tmp_path / "old.sqlite3"
    with open_journal(path, tz="Europe/Berlin") as j:
        write_demo(j, nights=60, seed=2, end=TODAY - timedelta(days=20))
    window, page = trends_of(make_window, qtbot, path)
    start, end = page.visible_range()
    assert start <= TODAY - timedelta(days=20) <= end  # the demo's last week, not an empty one
    assert plotted_dates(page.charts.tst_curve)


def test_switching_range_keeps_the_visible_end_date(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    page.set_range("3 months")
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    end = page.visible_range()[1]
    for kind in ("week", "year", "4 weeks"):
        button = page.findChild(type(page.this_button), f"range_{kind.replace(' ', '_')}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert page.visible_range()[1] == end, kind
    qtbot.mouseClick(page.findChild(type(page.this_button), "range_all"), Qt.MouseButton.LeftButton)
    end = page.visible_range()[1]  # "all" ends on the journal's last date
    qtbot.mouseClick(
        page.findChild(type(page.this_button), "range_week"), Qt.MouseButton.LeftButton
    )
    start, week_end = page.visible_range()
    assert start <= end <= week_end  # the week that holds it


def test_the_hover_line_never_describes_a_day_that_is_not_shown(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    when = date(2026, 3, 10)
    qtbot.mouseMove(page.charts.viewport(), _scene_to_viewport(page, "tst", when))
    qtbot.waitUntil(lambda: "Tue 10 Mar 2026" in page.hover.text())
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert "10 Mar" not in page.hover.text()
    assert not any(line.isVisible() for line in page.charts.cursors)


def test_the_sleep_diary_has_a_hover_readout(make_window, qtbot, demo_path):
    window, page = trends_of(make_window, qtbot, demo_path)
    page.show_diary(True)
    diary = page.diary
    rows = diary.rows()
    row = rows.index(page.data.index_of(date(2026, 3, 10)))
    qtbot.mouseMove(diary, QPoint(300, 30 + row * 20 + 10))
    qtbot.waitUntil(lambda: "Tue 10 Mar 2026" in page.hover.text())


def _ink(image: QImage, x0: int, y0: int, x1: int, y1: int, axis: int) -> np.ndarray:
    """How many text-dark pixels each column (axis 0) or row (axis 1) of a strip holds."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    height = image.height()
    data = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    strip = data[y0:y1, x0:x1] < 110
    return strip.sum(axis=axis).astype(float)


def _best_shift(a: np.ndarray, b: np.ndarray, most: int = 30) -> tuple[int, float]:
    scores = {}
    for shift in range(-most, most + 1):
        x = a[max(0, shift) : len(a) + min(0, shift)]
        y = b[max(0, -shift) : len(b) + min(0, -shift)]
        if x.std() and y.std():
            scores[shift] = float(np.corrcoef(x, y)[0, 1])
    best = max(scores, key=scores.get)
    return best, scores[best]


def test_svg_export_places_its_labels_where_the_png_does(make_window, qtbot, demo_path, tmp_path):
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    window, page = trends_of(make_window, qtbot, demo_path)
    files = {k: tmp_path / f"chart.{k}" for k in ("png", "svg")}
    page.ask_save_path = lambda parent, suggested, filter_: str(files[suggested[-3:]])
    assert page.export("png") and page.export("svg")
    png = QImage(str(files["png"]))
    svg = QImage(png.size(), QImage.Format.Format_ARGB32)
    svg.fill(Qt.GlobalColor.white)
    painter = QPainter(svg)
    QSvgRenderer(str(files["svg"])).render(painter)
    painter.end()
    width, height = png.width(), png.height()
    # the clock, hour and value labels left of the plots, and the date labels at the bottom
    left = [_ink(img, 0, 60, 62, height - 40, 1) for img in (png, svg)]
    bottom = [_ink(img, 60, height - 26, width, height, 0) for img in (png, svg)]
    for png_profile, svg_profile in (left, bottom):
        shift, match = _best_shift(png_profile, svg_profile)
        assert abs(shift) <= 2 and match > 0.8, (shift, match)


def test_exported_pictures_carry_a_title_the_dates_and_a_legend(
    make_window, qtbot, demo_path, tmp_path
):
    window, page = trends_of(make_window, qtbot, demo_path)
    start, end = page.visible_range()
    target = tmp_path / "chart"
    page.ask_save_path = lambda parent, suggested, filter_: f"{target}.{suggested[-3:]}"
    for view in ("charts", "diary"):
        page.show_diary(view == "diary")
        assert page.export("svg") and page.export("png")
        text = " ".join(t or "" for t in (e.text for e in ET.parse(f"{target}.svg").iter()))
        assert ("Sleep trends" if view == "charts" else "Sleep diary") in text
        assert "9–15 March 2026" in text
        for label in ("in bed", "asleep") + (("mood", "7-day SRI") if view == "charts" else ()):
            assert label in text, (view, label)
        png = QImage(f"{target}.png")
        chart = page.charts if view == "charts" else page.diary
        assert png.height() > chart.height()  # the caption sits above the chart
        assert _ink(png, 0, 0, png.width(), 30, 0).sum() > 0


def test_hours_read_as_hours_and_minutes_on_insights(make_window, qtbot, demo_path):
    window = make_window(demo_path, now=NOW)
    page = window.insights
    with qtbot.waitSignal(page.computed, timeout=30000):
        window.show_page(window.INSIGHTS)
    row = next(
        i for i, c in enumerate(page.model.rows) if (c.predictor, c.outcome) == ("tst_h", "mood")
    )
    page.table.selectRow(row)
    qtbot.wait(100)
    dot = page._points[0]
    scene = page.scatter.getPlotItem().vb.mapViewToScene(QPointF(dot[0], dot[1]))
    qtbot.mouseMove(page.scatter.viewport(), page.scatter.mapFromScene(scene))
    qtbot.waitUntil(lambda: "→" in page.days_label.text())
    assert re.match(r"^\d+ h \d\d → \d+: ", page.days_label.text()), page.days_label.text()
    axis = page.scatter.getAxis("bottom")
    values = axis.tickValues(5.5, 9.5, 300)[0][1]
    assert all(re.fullmatch(r"\d+ h", t) for t in axis.tickStrings(values, 1, 1))
