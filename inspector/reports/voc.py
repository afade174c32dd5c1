"""Voice of the customer in one piece for the window: the week's top call reasons (TOP10 削峰) with their
change against the week before (reports/category_change.py, the definition headquarters uses too), the
emerging topics of the week, and the outcome (repeat callers and complaints, QA score vs satisfaction)."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from inspector.jobs import Cancelled
from inspector.reports.categories import category_calls
from inspector.reports.category_change import category_periods, category_rows
from inspector.reports.filters import ReportFilter
from inspector.reports.outcome import Outcome, outcome
from inspector.reports.topics import TopicWindow, emerging_topics


@dataclass(frozen=True)
class ReasonRow:
    category: str                # level 1, or level 1 › level 2
    calls: int
    share: float                 # of the week's categorised calls
    previous_calls: int          # the week before
    change: int
    change_rate: float | None    # None when the week before had none


@dataclass(frozen=True)
class VoiceOfCustomer:
    reasons: tuple[ReasonRow, ...]
    categorised_calls: int
    topics: TopicWindow
    outcome: Outcome


def top_reasons(db: sqlite_utils.Database, week_ending: date) -> tuple[list[ReasonRow], int]:
    """The week's categories (the seven days up to week_ending) against the seven days before."""
    periods = category_periods((week_ending - timedelta(days=6)).isoformat(), week_ending.isoformat(),
                               week_ending.isoformat())
    calls = category_calls(db, ReportFilter(), periods)
    this_week = sum(1 for c in calls if periods.date_from <= c.day <= periods.date_to)
    return [ReasonRow(r.category, r.calls, r.share or 0.0, r.previous_calls, r.change, r.change_rate)
            for r in category_rows(calls, periods)], this_week


def voc_job(db: sqlite_utils.Database, week_ending: date, days: int, cancel: threading.Event | None = None
            ) -> Generator[str, None, VoiceOfCustomer]:
    """Yields the step it is on; topics cut every customer sentence of five weeks into words (seconds)."""
    yield "reasons"
    reasons, categorised = top_reasons(db, week_ending)
    if cancel is not None and cancel.is_set():
        raise Cancelled
    yield "topics"
    topics = emerging_topics(db, week_ending)
    if cancel is not None and cancel.is_set():
        raise Cancelled
    yield "outcome"
    return VoiceOfCustomer(tuple(reasons), categorised, topics, outcome(db, days))
