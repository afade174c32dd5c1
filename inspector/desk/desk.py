"""One connection to the workspace's database and the repositories the desktop uses over it.

The window holds one ``Desk`` for what it reads on the GUI thread; the database lane and every background job
open their own (``Desk.open``, ``on_own_desk``), so no connection is shared between threads. Like Anki's
``Collection``: the UI asks the desk, and only the desk knows how the store is laid out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlite_utils

from inspector.domain.search import Found, SearchFilter
from inspector.scoring.card import Scorecard
from inspector.store.assignments import AssignmentRepository
from inspector.store.autoscores import AutoScoreRepository
from inspector.store.calibration import CalibrationRepository
from inspector.store.calls import CallRepository
from inspector.store.categories import CategoryRepository
from inspector.store.database import open_database
from inspector.store.emotion import EmotionRepository
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from inspector.store.outbox import OutboxRepository
from inspector.store.redlines import RedLineRepository
from inspector.store.search import search
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository


class Desk:
    """Repositories are made once per desk, on first use; a desk is used on the thread that opened it."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: Path) -> Desk:
        """Opens (creating and migrating if needed); StorageError names the file when it cannot."""
        return cls(open_database(path))

    def close(self) -> None:
        self.db.close()

    @cached_property
    def calls(self) -> CallRepository:
        return CallRepository(self.db)

    @cached_property
    def transcripts(self) -> TranscriptRepository:
        return TranscriptRepository(self.db)

    @cached_property
    def hits(self) -> HitRepository:
        return HitRepository(self.db)

    @cached_property
    def categories(self) -> CategoryRepository:
        return CategoryRepository(self.db)

    @cached_property
    def emotions(self) -> EmotionRepository:
        return EmotionRepository(self.db)

    @cached_property
    def autoscores(self) -> AutoScoreRepository:
        return AutoScoreRepository(self.db)

    @cached_property
    def redlines(self) -> RedLineRepository:
        return RedLineRepository(self.db)

    @cached_property
    def assignments(self) -> AssignmentRepository:
        return AssignmentRepository(self.db)

    @cached_property
    def users(self) -> UserRepository:
        return UserRepository(self.db)

    @cached_property
    def outbox(self) -> OutboxRepository:
        return OutboxRepository(self.db)

    @cached_property
    def calibration(self) -> CalibrationRepository:
        return CalibrationRepository(self.db)

    def evaluations(self, card: Scorecard) -> EvaluationRepository:
        return EvaluationRepository(self.db, card)

    def search(self, text: str, flt: SearchFilter = SearchFilter(), limit: int = 50) -> list[Found]:
        return search(self.db, text, flt, limit)


def on_own_desk(path: Path, job: Callable[[Desk, threading.Event], Generator[Any, None, Any]]
                ) -> Callable[[threading.Event], Generator[Any, None, Any]]:
    """A background job's factory that opens its own desk on the worker thread and closes it after."""
    def factory(cancel: threading.Event) -> Generator[Any, None, Any]:
        desk = Desk.open(path)
        try:
            return (yield from job(desk, cancel))
        finally:
            desk.close()
    return factory
