"""The banners above the pages: a demo journal, a journal open read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


def read_only_banner(reason: str) -> QFrame:
    """Above the pages of a journal that cannot be written: why, and what still works."""
    banner = QFrame(objectName="read_only_banner")
    banner.setProperty("role", "banner")
    row = QHBoxLayout(banner)
    row.setContentsMargins(16, 6, 16, 6)
    text = QLabel(
        f"<b>Open read-only:</b> {reason or 'this journal cannot be written here'}. You "
        "can look at everything and export it; nothing can be saved until it can be "
        "written again (then open it anew).",
        objectName="read_only_text",
    )
    text.setWordWrap(True)
    row.addWidget(text, 1)
    return banner


def demo_banner(back_to_own: Callable[[], object]) -> QFrame:
    """Above the pages of the demo journal, with the way back to one's own."""
    banner = QFrame(objectName="demo_banner")
    banner.setProperty("role", "banner")
    row = QHBoxLayout(banner)
    row.setContentsMargins(16, 6, 16, 6)
    text = QLabel(
        "You are exploring a <b>demo journal</b> of made-up nights. "
        "Nothing you do here touches your own journal."
    )
    back = QPushButton("Back to my journal", objectName="demo_back")
    back.clicked.connect(back_to_own)
    row.addWidget(text, 1)
    row.addWidget(back)
    return banner
