"""The one API for background work: run a core job (a generator) on a thread pool, results on the GUI thread.

A job is ``factory(cancel_event) -> generator``; each yielded item is a progress report and the
generator's return value is the result. Callbacks run on the GUI thread via queued signals, so the job
itself never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inspector.jobs import Cancelled

JobFactory = Callable[[threading.Event], Generator[Any, None, Any]]


class _Relay(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class TaskHandle:
    def __init__(self, name: str) -> None:
        self.name = name
        self.cancel_event = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_event.is_set()


class _Runnable(QRunnable):
    def __init__(self, factory: JobFactory, handle: TaskHandle, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._factory = factory
        self._handle = handle
        self._relay = relay

    def run(self) -> None:
        relay, self._relay = self._relay, None
        try:
            job = self._factory(self._handle.cancel_event)
            while True:
                if self._handle.cancel_event.is_set():
                    job.close()
                    raise Cancelled
                try:
                    item = next(job)
                except StopIteration as stop:
                    relay.done.emit(stop.value)
                    return
                relay.progress.emit(item)
        except Cancelled:
            relay.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - any job failure is reported to the user, never lost
            relay.failed.emit(exc)
        finally:
            # The worker lets go of the relay before it says it is finished: only then may the GUI
            # thread delete it (deleting it while a worker still holds it crashed the process).
            del relay
            self._handle.finished.set()


class TaskRunner(QObject):
    """Owns the thread pool; ``wait_idle`` lets tests and shutdown leave no thread behind."""

    task_started = Signal(object)
    task_ended = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._live: dict[TaskHandle, _Relay] = {}
        self._retired: list[tuple[TaskHandle, _Relay]] = []
        self._closed = False

    def submit(self, name: str, factory: JobFactory, on_done: Callable[[Any], None],
               on_progress: Callable[[Any], None] | None = None,
               on_error: Callable[[Exception], None] | None = None,
               on_cancelled: Callable[[], None] | None = None) -> TaskHandle:
        handle = TaskHandle(name)
        relay = _Relay(self)
        relay.done.connect(lambda result: self._finish(handle, on_done, result, stale_if_cancelled=True))
        relay.failed.connect(lambda exc: self._finish(handle, on_error, exc, stale_if_cancelled=True))
        relay.cancelled.connect(lambda: self._finish(handle, on_cancelled))
        if on_progress is not None:
            relay.progress.connect(lambda item: None if handle.is_cancelled else on_progress(item))
        self._live[handle] = relay
        self.task_started.emit(handle)
        self._pool.start(_Runnable(factory, handle, relay))
        return handle

    def _sweep(self) -> None:
        """Delete the relays of tasks whose workers have finished with them."""
        keep = []
        for handle, relay in self._retired:
            if handle.finished.is_set():
                relay.deleteLater()
            else:
                keep.append((handle, relay))
        self._retired = keep

    def active(self) -> list[TaskHandle]:
        return list(self._live)

    def cancel_all(self) -> None:
        for handle in self._live:
            handle.cancel()

    def wait_idle(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 5000) -> None:
        """Cancel and wait; results still queued for the GUI thread are dropped, because the widgets
        they would update are about to be deleted."""
        self._closed = True
        self.cancel_all()
        self.wait_idle(msecs)

    def _finish(self, handle: TaskHandle, callback: Callable | None, *args: Any,
                stale_if_cancelled: bool = False) -> None:
        """A result that arrives after its task was cancelled is dropped: the user has moved on."""
        relay = self._live.pop(handle, None)
        if relay is not None:
            self._retired.append((handle, relay))
        self._sweep()
        if self._closed:
            return
        self.task_ended.emit(handle)
        if callback is not None and not (stale_if_cancelled and handle.is_cancelled):
            callback(*args)
