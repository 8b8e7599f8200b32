"""Running work off the GUI thread: one computation at a time, only the newest result arrives.

The pages that compute (Trends, Insights) read the journal through their own read-only
connection inside the work function (an SQLite connection belongs to its thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, token: int, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.token, self.work, self.relay = token, work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported to the page, which shows it
            self.relay.failed.emit(self.token, f"{type(exc).__name__}: {exc}")
        else:
            self.relay.done.emit(self.token, result)


class Background(QObject):
    """Runs one computation at a time off the GUI thread; only the newest result arrives."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._token = 0
        self._relay = _Relay()
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def run(self, work: Callable[[], Any]) -> None:
        self.pool.clear()  # jobs still queued are superseded: only the newest matters
        self._token += 1
        self.pool.start(_Job(self._token, work, self._relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _done(self, token: int, result: object) -> None:
        if token == self._token:
            self.finished.emit(result)

    def _failed(self, token: int, message: str) -> None:
        if token == self._token:
            self.failed.emit(message)
