"""The window's menus: File, Edit, Day, View, Go and Help, built from the window's actions.

Every action with a shortcut lives here or on its page, so the Help → Keyboard shortcuts
list (read from the actions) shows them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from .theme import THEMES, chosen_theme

if TYPE_CHECKING:
    from .main_window import MainWindow


def _action(window: MainWindow, text: str, slot, keys=None) -> QAction:
    act = QAction(text, window)
    if keys is not None:
        act.setShortcut(QKeySequence(keys))
    act.triggered.connect(slot)
    return act


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    w = window
    file_menu = bar.addMenu("&File")
    w.import_action = _action(w, "&Import…", w.files.import_file, "Ctrl+I")
    w.import_folder_action = _action(w, "Import a &folder…", lambda: w.files.import_file(True))
    w.history_action = _action(w, "Import my &history…", w.import_history)
    w.imports_action = _action(w, "Im&ports…", w.files.history.show_imports)
    w.export_action = _action(w, "&Export CSV…", w.files.export_csv, "Ctrl+E")
    w.report_action = _action(w, "Export &report (PDF)…", w.export_report, "Ctrl+P")
    w.open_action = _action(
        w, "&Open journal…", w.journal_files.open_journal, QKeySequence.StandardKey.Open
    )
    w.backup_action = _action(w, "&Back up now", w.journal_files.back_up_now)
    w.restore_action = _action(w, "&Restore from backup…", w.journal_files.restore)
    w.demo_action = _action(
        w,
        "Back to &my journal" if w.ctx.demo else "Explore a &demo journal",
        w.open_own_journal if w.ctx.demo else w.open_demo,
    )
    w.quit_action = _action(w, "&Quit", w.quit, QKeySequence.StandardKey.Quit)
    for act in (
        w.import_action,
        w.import_folder_action,
        w.history_action,
        w.imports_action,
        w.export_action,
        w.report_action,
        None,
        w.open_action,
        w.backup_action,
        w.restore_action,
        None,
        w.demo_action,
        None,
        w.quit_action,
    ):
        file_menu.addSeparator() if act is None else file_menu.addAction(act)

    edit_menu = bar.addMenu("&Edit")
    w.undo_action = w.ctx.undo_stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    w.redo_action = w.ctx.undo_stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    edit_menu.addAction(w.undo_action)
    edit_menu.addAction(w.redo_action)
    edit_menu.addSeparator()
    w.settings_action = _action(w, "&Settings…", w.edit_settings)
    edit_menu.addAction(w.settings_action)

    day_menu = bar.addMenu("&Day")
    for act in (
        w.today.save_action,
        w.today.prev_action,
        w.today.next_action,
        w.today.today_action,
    ):
        day_menu.addAction(act)

    view = bar.addMenu("&View")
    theme_menu = view.addMenu("&Theme")
    w.theme_actions = {}
    group = QActionGroup(w)
    for theme in THEMES:
        act = _action(w, theme.capitalize(), lambda _=False, t=theme: w.set_theme(t))
        act.setCheckable(True)
        act.setChecked(theme == chosen_theme())
        group.addAction(act)
        theme_menu.addAction(act)
        w.theme_actions[theme] = act
    view.addAction(_action(w, "Sleep &diary chart", w.show_sleep_diary, "Ctrl+D"))

    go = bar.addMenu("&Go")
    for index in range(w.tabs.count()):
        go.addAction(
            _action(
                w,
                w.tabs.tabText(index),
                lambda _=False, i=index: w.show_page(i),
                f"Ctrl+{index + 1}",
            )
        )

    help_menu = bar.addMenu("&Help")
    w.shortcuts_action = _action(
        w, "&Keyboard shortcuts", w.show_shortcuts, QKeySequence.StandardKey.HelpContents
    )
    w.about_action = _action(w, "&About nts-desktop", w.show_about)
    help_menu.addAction(w.shortcuts_action)
    help_menu.addAction(w.about_action)
