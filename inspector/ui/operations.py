"""Operations on one database lane: the UI's writes run one after another on one worker thread with its own
connection, never on the GUI thread, and each says what it changed.

After an operation commits, the lane publishes its ``OpChanges`` (``changed``) and the panes that show any
of it refresh themselves; the operation's result goes to its own callback. Modelled on Anki's
``CollectionOp``/``OpChanges`` (qt/aqt/operations) and its single database lane (qt/aqt/taskman.py).
"""

from __future__ import annotations

import itertools
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
    answered = Signal(int)                          # a ticket whose outcome is stored — delivered on the GUI thread


@dataclass
class _Asked:
    operation: Operation
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None


@dataclass
class _Outcome:
    result: Any = None
    changes: OpChanges = OpChanges()
    error: Exception | None = None


class DatabaseLane(QObject):
    """What an operation and its callbacks hold (often the dialog that asked) is released on the GUI thread
    only: the worker finds an operation by its ticket and leaves its outcome in the lane's hands before it says
    so. A widget whose last reference the worker dropped would be destroyed on the worker thread, and Qt
    crashed the process doing that (a log-in dialog nobody kept, freed by the lane's thread)."""

    changed = Signal(object)                        # OpChanges, after the operation committed

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._todo: queue.Queue[int | None] = queue.Queue()
        self._asked: dict[int, _Asked] = {}
        self._outcomes: dict[int, _Outcome] = {}
        self._tickets = itertools.count()
        self._closed = False
        self._relay = _Relay(self)
        self._relay.answered.connect(self._answered)
        self._thread = threading.Thread(target=_serve, name="inspector-db-lane", daemon=True,
                                        args=(database, self._todo, self._asked, self._outcomes, self._relay))
        self._thread.start()

    def run(self, operation: Operation, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None) -> None:
        """Queue `operation`; it runs after every operation queued before it."""
        ticket = next(self._tickets)
        self._asked[ticket] = _Asked(operation, on_done, on_error)
        self._todo.put(ticket)

    @property
    def busy(self) -> bool:
        """An operation is queued or running, or its result has not reached the GUI thread yet."""
        return bool(self._asked)

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """The queued operations finish, then the thread and its connection end. Their results are stored but
        no longer delivered: the window that asked is closing and its panes and connection go with it."""
        self._closed = True
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join(timeout_s)

    def _answered(self, ticket: int) -> None:
        asked, outcome = self._asked.pop(ticket), self._outcomes.pop(ticket)
        if self._closed:
            return
        if outcome.error is not None:
            if asked.on_error is None:
                raise outcome.error
            asked.on_error(outcome.error)
            return
        self.changed.emit(outcome.changes)
        if asked.on_done is not None:
            asked.on_done(outcome.result)


def _serve(database: Path, todo: queue.Queue[int | None], asked: dict[int, _Asked],
           outcomes: dict[int, _Outcome], relay: _Relay) -> None:
    """The lane's thread: no reference to the lane itself, and none to an operation once its outcome is
    stored (dict items are set atomically under the GIL)."""
    desk = Desk.open(database)
    try:
        while (ticket := todo.get()) is not None:
            outcomes[ticket] = _outcome(asked[ticket].operation, desk.db)
            relay.answered.emit(ticket)
    finally:
        desk.close()


def _outcome(operation: Operation, db: sqlite_utils.Database) -> _Outcome:
    try:
        result, changes = operation(db)
    except Exception as exc:  # noqa: BLE001 - reported to the one who asked, never lost
        return _Outcome(error=exc)
    return _Outcome(result, changes)
