"""The files that are not code: icons at every size, the .desktop entry and the AppStream
metainfo agree with the app and pass the desktop's own validators where those are installed."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from nts_desktop import APP_ID, APP_NAME
from nts_desktop.resources import (
    DESKTOP_ENTRY,
    ICON,
    ICON_SIZES,
    METAINFO,
    png_icon,
    resource_path,
)

ROOT = Path(__file__).resolve().parents[1]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path
    return struct.unpack(">II", head[16:24])


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text())
    return parser["Desktop Entry"]


def test_a_png_icon_exists_at_each_size():
    assert ICON_SIZES == (16, 24, 32, 48, 64, 128, 256, 512)
    for size in ICON_SIZES:
        assert png_size(png_icon(size)) == (size, size)


def render_icons_tool():
    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "tools/render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pixels(path: Path):
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    return np.frombuffer(bytes(image.constBits()), dtype=np.uint8).astype(int)


def test_render_icons_writes_each_size_from_the_svg(tmp_path, qapp):
    written = render_icons_tool().render(resource_path(ICON), tmp_path, (16, 40))
    assert [png_size(p) for p in written] == [(16, 16), (40, 40)]


def test_the_committed_pngs_are_the_svg_as_it_is_now(tmp_path, qapp):
    """Fails when the SVG changed and tools/render_icons.py was not run again."""
    sizes = (32, 256)
    written = render_icons_tool().render(resource_path(ICON), tmp_path, sizes)
    for size, fresh in zip(sizes, written, strict=True):
        difference = abs(pixels(fresh) - pixels(png_icon(size)))
        assert difference.max() <= 8, size  # a renderer's rounding, not a changed drawing


def test_desktop_entry_names_the_app_id_its_icon_and_the_window_class(tmp_path):
    probe = (
        "from PySide6.QtGui import QGuiApplication;"
        "from nts_desktop.app import ensure_app; ensure_app();"
        "print(QGuiApplication.desktopFileName(), QGuiApplication.applicationName())"
    )
    out = subprocess.run(  # a fresh process: here the test's QApplication already exists
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        },
    )
    assert out.returncode == 0, out.stderr
    desktop_file_name, app_name = out.stdout.split()
    entry = desktop_entry(resource_path(DESKTOP_ENTRY))
    assert f"{APP_ID}.desktop" == DESKTOP_ENTRY
    assert desktop_file_name == APP_ID  # Wayland matches the window to the entry by it
    assert entry["StartupWMClass"] == app_name == APP_NAME  # X11: Qt's WM_CLASS class
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "nts-desktop-gui"


def test_metainfo_launches_the_desktop_entry_and_provides_both_commands():
    text = resource_path(METAINFO).read_text()
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{DESKTOP_ENTRY}</launchable>' in text
    assert "<binary>nts-desktop</binary>" in text and "<binary>nts-desktop-gui</binary>" in text
    assert '<release version="0.1.0"' in text
    assert "<url" not in text  # offline: no homepage to point at


@pytest.mark.parametrize(
    ("tool", "args", "name"),
    [
        ("desktop-file-validate", [], DESKTOP_ENTRY),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_the_desktop_validators_accept_the_files(tool, args, name):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    out = subprocess.run(
        [tool, *args, str(resource_path(name))], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "warning" not in (out.stdout + out.stderr).lower(), out.stdout + out.stderr
