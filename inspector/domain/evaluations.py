"""What the evaluations list filters by, and the refusal to change a submitted evaluation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EvaluationFilter:
    inspector: str | None = None
    agent_id: str | None = None
    date_from: str | None = None     # call date, inclusive
    date_to: str | None = None
    status: str | None = None
    min_total: float | None = None
    max_total: float | None = None
    fatal: bool | None = None

class EvaluationLocked(Exception):
    """A submitted evaluation can only change after a lead reopens it."""
