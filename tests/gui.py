"""Reaching the window the way a person does: menus opened and items clicked with the mouse,
the settings dialog opened from its action."""

from __future__ import annotations

from PySide6.QtCore import Qt


def choose(qtbot, window, menu_title: str, item: str) -> None:
    """Open a menu of the menu bar with the mouse and click one of its items."""
    bar = window.menuBar()
    menu_action = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu_action).center())
    menu = menu_action.menu()
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(item))
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def open_settings(window, qtbot):
    """Edit → Settings…, active."""
    window.settings_action.trigger()
    dialog = window.settings_dialog
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog
