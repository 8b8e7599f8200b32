"""Qt: the main window, its pages, form widgets, table models, charts, dialogs and theme."""
