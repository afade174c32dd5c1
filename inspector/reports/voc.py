"""Voice of the customer in one piece for the window: the top call reasons (TOP10 削峰), the emerging
topics of the week, and the outcome (repeat callers and complaints, QA score vs satisfaction)."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from inspector.jobs import Cancelled
from inspector.reports.outcome import Outcome, outcome
from inspector.reports.topics import TopicWindow, emerging_topics


@dataclass(frozen=True)
class ReasonRow:
    category: str                # level 1, or level 1 › level 2
    calls: int
    share: float                 # of the categorised calls


@dataclass(frozen=True)
class VoiceOfCustomer:
    reasons: tuple[ReasonRow, ...]
    categorised_calls: int
    topics: TopicWindow
    outcome: Outcome


def top_reasons(db: sqlite_utils.Database) -> tuple[list[ReasonRow], int]:
    total = db.execute("SELECT count(*) FROM categorizations").fetchone()[0]
    rows = db.execute("SELECT top, count(DISTINCT call_id) FROM call_categories GROUP BY top UNION ALL "
                      "SELECT path, count(*) FROM call_categories WHERE path != top GROUP BY path").fetchall()
    ordered = sorted(rows, key=lambda r: (-r[1], r[0]))
    return [ReasonRow(name, n, round(n / total, 3) if total else 0.0) for name, n in ordered], total


def voc_job(db: sqlite_utils.Database, week_ending: date, days: int, cancel: threading.Event | None = None
            ) -> Generator[str, None, VoiceOfCustomer]:
    """Yields the step it is on; topics cut every customer sentence of five weeks into words (seconds)."""
    yield "reasons"
    reasons, categorised = top_reasons(db)
    if cancel is not None and cancel.is_set():
        raise Cancelled
    yield "topics"
    topics = emerging_topics(db, week_ending)
    if cancel is not None and cancel.is_set():
        raise Cancelled
    yield "outcome"
    return VoiceOfCustomer(tuple(reasons), categorised, topics, outcome(db, days))
