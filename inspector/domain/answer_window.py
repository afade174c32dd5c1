"""How long an agent has to answer an evaluation: one definition for the agent's screens (review/feedback.py)
and the acknowledgement rate on both sides of the upload (reports/answers.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

ANSWER_DAYS = 7          # an agent acknowledges or appeals within a week of the version's submission


def answer_by(submitted_at: str) -> str:
    """The last day (YYYY-MM-DD) to acknowledge or appeal a version submitted at ``submitted_at``."""
    return (datetime.fromisoformat(submitted_at).date() + timedelta(days=ANSWER_DAYS)).isoformat()
