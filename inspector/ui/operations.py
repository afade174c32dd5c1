"""Operations on one database lane: the UI's writes run one after another on one worker thread with its own
connection, never on the GUI thread, and each says what it changed.

After an operation commits, the lane publishes its ``OpChanges`` (``changed``) and the panes that show any
of it refresh themselves; the operation's result goes to its own callback. Modelled on Anki's
``CollectionOp``/``OpChanges`` (qt/aqt/operations) and its single database lane (qt/aqt/taskman.py).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QObject, Signal

from inspector.desk.desk import Desk


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed: the calls whose rows follow, and which parts of the open call."""
    calls: frozenset[int] = frozenset()
    hits: bool = False
    evaluation: bool = False
    transcript: bool = False


Operation = Callable[[sqlite_utils.Database], tuple[Any, OpChanges]]


class _Relay(QObject):
    finished = Signal(object, object, object)       # callback, result, changes — delivered on the GUI thread
    failed = Signal(object, object)                 # on_error, exception


class DatabaseLane(QObject):
    changed = Signal(object)                        # OpChanges, after the operation committed

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._todo: queue.Queue = queue.Queue()
        self._pending = 0
        self._closed = False
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._thread = threading.Thread(target=self._work, name="inspector-db-lane", daemon=True)
        self._thread.start()

    def run(self, operation: Operation, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None) -> None:
        """Queue `operation`; it runs after every operation queued before it."""
        self._pending += 1
        self._todo.put((operation, on_done, on_error))

    @property
    def busy(self) -> bool:
        """An operation is queued or running, or its result has not reached the GUI thread yet."""
        return self._pending > 0

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """The queued operations finish, then the thread and its connection end. Their results are stored but
        no longer delivered: the window that asked is closing and its panes and connection go with it."""
        self._closed = True
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join(timeout_s)

    def _work(self) -> None:
        desk = Desk.open(self._database)
        db = desk.db
        try:
            while (item := self._todo.get()) is not None:
                operation, on_done, on_error = item
                try:
                    result, changes = operation(db)
                except Exception as exc:  # noqa: BLE001 - reported to the one who asked, never lost
                    self._relay.failed.emit(on_error, exc)
                else:
                    self._relay.finished.emit(on_done, result, changes)
        finally:
            desk.close()

    def _finished(self, on_done, result, changes: OpChanges) -> None:
        self._pending -= 1
        if self._closed:
            return
        self.changed.emit(changes)
        if on_done is not None:
            on_done(result)

    def _failed(self, on_error, exc: Exception) -> None:
        self._pending -= 1
        if self._closed:
            return
        if on_error is None:
            raise exc
        on_error(exc)
