"""Where the files that are not code live: the icon (SVG and PNG sizes), the ``.desktop``
entry, the AppStream metainfo and the style's check mark.

They sit in ``resources/`` at the top of the repository; ``pyproject.toml`` maps that folder
into the wheel as ``nts_desktop/resources/data/``. ``resource_path`` finds them either way:
in an installed wheel beside this file, from a checkout or an editable install in the
repository's ``resources/``.
"""

from __future__ import annotations

from pathlib import Path

from nts_desktop import APP_ID

ICON = "nts-desktop.svg"
CHECK = "check.svg"
DESKTOP_ENTRY = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_HERE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """The folder of the shipped files: the wheel's copy, else the repository's."""
    installed = _HERE / "data"
    return installed if installed.is_dir() else _HERE.parents[1] / "resources"


def resource_path(name: str) -> Path:
    """Filesystem path of a shipped resource (the package is installed unzipped)."""
    return resource_dir() / name


def png_icon(size: int) -> Path:
    """The icon rendered at ``size`` × ``size`` pixels (one of ``ICON_SIZES``)."""
    return resource_path(f"icons/{size}x{size}.png")
