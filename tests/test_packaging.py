"""The package installs, ships its resources and keeps heavy imports off the start-up path."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_every_module_and_resource_and_installed_copy_loads_them(tmp_path: Path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("nts_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    # pyproject.toml lists the packages (resources/ is mapped in): none may be forgotten
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "nts_desktop").rglob("*.py")}
    assert modules - names == set()
    shipped = {
        f"nts_desktop/resources/data/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    assert shipped - names == set()
    assert "nts_desktop/resources/data/icons/512x512.png" in shipped
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import nts_desktop, sys;"
        f"assert nts_desktop.__file__.startswith({str(target)!r}), nts_desktop.__file__;"
        "from PySide6.QtGui import QGuiApplication, QIcon, QImage;"
        "app = QGuiApplication([]);"
        "from nts_desktop.resources import *;"
        f"assert str(resource_dir()).startswith({str(target)!r}), resource_dir();"
        "icon = QIcon(str(resource_path(ICON)));"
        "assert not icon.isNull() and not icon.pixmap(64, 64).isNull();"
        "assert QImage(str(png_icon(48))).width() == 48;"
        "assert 'Icon=' in resource_path(DESKTOP_ENTRY).read_text();"
        "assert '<component' in resource_path(METAINFO).read_text();"
        "from nts_desktop.io.desktop_entry import install_desktop;"
        "written = install_desktop(refresh=False);"
        "assert all(p.stat().st_size for p in written), written;"
        "print('icon ok')"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={
            "PYTHONPATH": str(target),
            "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "share"),
        },
    )
    assert out.returncode == 0, out.stderr
    assert "icon ok" in out.stdout
    # the menu entry and icons installed from the wheel's own copy of resources/
    icon = tmp_path / "share/icons/hicolor/256x256/apps/io.github.nts_desktop.NtsDesktop.png"
    assert icon.read_bytes() == (ROOT / "resources/icons/256x256.png").read_bytes()


def test_a_checkout_or_editable_install_reads_resources_from_the_repository():
    probe = (
        "import nts_desktop.resources as r;"
        "print(r.resource_dir()); assert r.resource_path(r.ICON).is_file()"
    )
    # the editable install of the test environment; a bare checkout (-S: no site-packages)
    for flags, env in (([], {}), (["-S"], {"PYTHONPATH": str(ROOT)})):
        out = subprocess.run(
            [sys.executable, *flags, "-c", probe], cwd="/", capture_output=True, text=True, env=env
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == str(ROOT / "resources")


def test_cli_start_does_not_import_scipy_or_qt():
    probe = (
        "import sys; import nts_desktop.cli;"
        "from click.testing import CliRunner;"
        "CliRunner().invoke(nts_desktop.cli.cli, ['--help']);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('scipy', 'PySide6', 'pyqtgraph')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_window_start_up_does_not_import_scipy(tmp_path):
    probe = (
        "import sys;"
        "from nts_desktop.app import build_main_window;"
        f"w = build_main_window({str(tmp_path / 'j.sqlite3')!r}, tz='UTC');"
        "w.show(); w.close();"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('scipy', 'PySide6.QtNetwork')"
        " or m == 'PySide6.QtNetwork'];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
            "XDG_DATA_HOME": str(tmp_path / "d"),
        },
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_qt_binding_does_not_steal_references_to_none(qapp):
    """PySide6 6.12 on Python 3.11 returns None without a reference from every void method;
    the process then dies at exit. pyproject.toml pins PySide6 below 6.12 there."""
    if sys.version_info >= (3, 12):
        return  # None is immortal from Python 3.12 on: nothing to steal
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) > before - 100
