"""Appeals as a workflow: the agent appeals one item (fatal items included) or the whole evaluation with a
reason, a deadline follows, and a lead answers. Upholding gives the appealed items their points back in a new
version of the evaluation, which is submitted and uploaded like any other: an ordinary item loses its
deductions, a fatal item is cleared (rejected on review, with who and why, and its red-line case closed as
withdrawn). Rejecting leaves the evaluation as it was; the lead's answer says why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from inspector.domain.messages import Message
from inspector.domain.people import User
from inspector.scoring.evaluation import Evaluation, FatalState
from inspector.store.evaluations import EvaluationRepository

APPEAL_DAYS = 7          # a lead answers within a week unless the centre says otherwise


def file_appeal(repo: EvaluationRepository, uuid: str, agent_id: str, reason: str, item_id: str | None = None,
                days: int = APPEAL_DAYS, now: datetime | None = None) -> int:
    if not reason.strip():
        raise ValueError(Message("an appeal needs the agent's reason"))
    due = ((now or datetime.now(UTC)) + timedelta(days=days)).date().isoformat()
    return repo.appeal(uuid, agent_id, reason.strip(), item_id, due)


def contested(evaluation: Evaluation) -> list[str]:
    """What a whole-evaluation appeal contests: every item that cost points and every fatal item that counts."""
    return ([i.item for i in evaluation.items if i.deductions]
            + [f.item for f in evaluation.fatal if f.status != "rejected"])


def overturn(item_ids: Sequence[str], lead: str, why: str) -> Callable[[Evaluation], Evaluation]:
    """The change an upheld appeal makes: each item's deductions are withdrawn (N/A stays as it was), each fatal
    item is rejected on review by the lead with the reason, keeping the hit it came from."""
    def change(evaluation: Evaluation) -> Evaluation:
        fatal = {f.item: f for f in evaluation.fatal}
        for item_id in item_ids:
            if item_id in fatal:
                evaluation = evaluation.with_fatal(FatalState(item_id, "rejected", why, lead, fatal[item_id].hit_key))
            else:
                evaluation = evaluation.with_item(replace(evaluation.item(item_id), deductions=()))
        return evaluation
    return change


def resolve(repo: EvaluationRepository, appeal_id: int, actor: User, upheld: bool, answer: str,
            items: Sequence[str] | None = None) -> Evaluation:
    """``items`` narrows an upheld whole-evaluation appeal to the items the lead agrees with (default: all it
    contests); an item appeal overturns its own item."""
    if not answer.strip():
        raise ValueError("the lead's answer is recorded with the decision: write it")
    appeal = repo.get_appeal(appeal_id)
    change = None
    if upheld and appeal is not None:
        current = repo.get(appeal["uuid"])
        if appeal["item_id"]:
            targets = [appeal["item_id"]]
        else:
            targets = list(items) if items else contested(current)
            unknown = [i for i in targets if i not in repo.card.item_ids()]
            if unknown:
                raise ValueError(f"the scorecard has no item {unknown[0]}")
        change = overturn(targets, actor.id, f"appeal {appeal_id} upheld: {answer.strip()}")
    return repo.resolve_appeal(appeal_id, actor, upheld, answer.strip(), change)
