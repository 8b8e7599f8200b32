"""Running work off the GUI thread.

``Background``: one computation at a time, only the newest result arrives (the pages that
compute, Trends and Insights, read the journal through their own read-only connection
inside the work function: an SQLite connection belongs to its thread). ``run_with_progress``:
a long job the caller waits for (reading a large import) while the window stays
responsive, with a progress dialog and Cancel.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget


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
            self._send(self.relay.failed, f"{type(exc).__name__}: {exc}")
        else:
            self._send(self.relay.done, result)

    def _send(self, signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the page closed while this ran: nobody to tell
            signal.emit(self.token, value)


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


class Cancelled(Exception):
    """The person cancelled a long job; what it was doing has been dropped."""


class _ProgressRelay(QObject):
    progress = Signal(int)
    finished = Signal()


class _Blocking(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _ProgressRelay, box: dict):
        super().__init__()
        self.work, self.relay, self.box = work, relay, box

    def run(self) -> None:
        try:
            self.box["result"] = self.work()
        except BaseException as exc:  # handed back to the caller's thread
            self.box["error"] = exc
        self.relay.finished.emit()


def run_with_progress(
    parent: QWidget | None,
    text: str,
    work: Callable[[Callable[[int], None]], Any],
    delay_ms: int = 400,
) -> Any:
    """Run ``work(progress)`` off the GUI thread and return its result (or raise its error)
    while the window stays responsive; after ``delay_ms`` a progress dialog shows the count
    ``work`` reports and a Cancel button, which makes the next ``progress`` call raise
    Cancelled."""
    cancelled = threading.Event()
    relay = _ProgressRelay()
    box: dict[str, Any] = {}
    loop = QEventLoop()
    dialog = QProgressDialog(text, "Cancel", 0, 0, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancelled.set)
    dialog.hide()
    relay.progress.connect(lambda n: dialog.setLabelText(f"{text} {n:,} records read"))
    relay.finished.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.show)
    timer.start(delay_ms)

    def progress(count: int) -> None:
        if cancelled.is_set():
            raise Cancelled()
        relay.progress.emit(count)

    QThreadPool.globalInstance().start(_Blocking(lambda: work(progress), relay, box))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        loop.exec()
    finally:
        QGuiApplication.restoreOverrideCursor()
        timer.stop()
        dialog.close()
        dialog.deleteLater()
    if "error" in box:
        raise box["error"]
    return box.get("result")
