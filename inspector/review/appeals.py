"""Appeals as a workflow: the agent appeals one item (or the whole evaluation) with a reason, a deadline
follows, and a lead answers. Upholding an item appeal gives the item its points back in a new version of
the evaluation, which is submitted and uploaded like any other; rejecting leaves the evaluation as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from inspector.domain.people import User
from inspector.scoring.evaluation import Evaluation
from inspector.store.evaluations import EvaluationRepository

APPEAL_DAYS = 7          # a lead answers within a week unless the centre says otherwise


def file_appeal(repo: EvaluationRepository, uuid: str, agent_id: str, reason: str, item_id: str | None = None,
                days: int = APPEAL_DAYS, now: datetime | None = None) -> int:
    if not reason.strip():
        raise ValueError("an appeal needs the agent's reason")
    due = ((now or datetime.now(UTC)) + timedelta(days=days)).date().isoformat()
    return repo.appeal(uuid, agent_id, reason.strip(), item_id, due)


def restore_item(item_id: str) -> Callable[[Evaluation], Evaluation]:
    """The change an upheld item appeal makes: the item's deductions are withdrawn (N/A stays as it was)."""
    def change(evaluation: Evaluation) -> Evaluation:
        return evaluation.with_item(replace(evaluation.item(item_id), deductions=()))
    return change


def resolve(repo: EvaluationRepository, appeal_id: int, actor: User, upheld: bool, answer: str) -> Evaluation:
    if not answer.strip():
        raise ValueError("the lead's answer is recorded with the decision: write it")
    appeal = repo.get_appeal(appeal_id)
    change = restore_item(appeal["item_id"]) if upheld and appeal and appeal["item_id"] else None
    return repo.resolve_appeal(appeal_id, actor, upheld, answer.strip(), change)


