"""What an agent sees of the quality team's work, and what they answer: their own submitted evaluations with
every deduction and its reason, the inspector's comments and the moments to listen to; an acknowledgement
(确认知悉) with an optional comment, or an appeal of the whole or of any item, fatal items included, within the
deadline. Leads see who has not acknowledged.

Every method takes the acting user and decides here, in the core, what they may see: an evaluation that is
not theirs, a draft and a calibration score are all "not one of your evaluations", so that nobody learns
from the answer that they exist.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import sqlite_utils

from inspector.domain.answer_window import answer_by
from inspector.domain.messages import Message
from inspector.domain.people import User
from inspector.privacy.masking import mask_text
from inspector.review import appeals
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Comment, Evaluation
from inspector.scoring.score import score
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.evaluations import EvaluationRepository
from inspector.store.outbox import enqueue_answers
from inspector.users.policy import Action, NotAllowed, require


@dataclass(frozen=True)
class FeedbackLine:
    """One of the agent's evaluations as their list shows it (and the CLI's JSON)."""

    uuid: str
    call_id: int
    call: str                   # the call's reference
    agent_id: str
    agent_name: str | None
    started_at: str | None
    score: float
    fatal: bool
    version: int
    status: str
    submitted_at: str
    answer_by: str              # the last day to acknowledge or appeal (YYYY-MM-DD)
    acknowledged: str | None    # when this version was acknowledged
    appeal: str | None          # the latest appeal's state: open, upheld, rejected
    inspector: str = ""         # who scored it


@dataclass(frozen=True)
class Loss:
    """A deduction, or a fatal item that counts, with its reason and the moment to listen to."""

    item: str
    name: str
    points: float               # points lost; for a fatal item the whole score
    reason: str
    by: str
    fatal: bool
    start_s: float | None       # where the hit behind it begins, if it came from one


@dataclass(frozen=True)
class FeedbackDetail:
    line: FeedbackLine
    evaluation: Evaluation
    items: dict[str, float]     # points kept per item
    losses: tuple[Loss, ...]
    comments: tuple[Comment, ...]
    appeals: tuple[dict, ...]
    acknowledgement: dict | None


class FeedbackService:
    def __init__(self, db: sqlite_utils.Database, card: Scorecard) -> None:
        self._db = db
        self._card = card
        self._repo = EvaluationRepository(db, card)

    # -- the agent's side -----------------------------------------------------------------------
    def lines(self, actor: User, date_from: str | None = None, date_to: str | None = None) -> list[FeedbackLine]:
        """The agent's submitted production evaluations, newest call first."""
        require(actor, Action.ANSWER_OWN_EVALUATIONS)
        return self._lines("c.agent_id = ?", [actor.id], date_from, date_to)

    def detail(self, actor: User, uuid: str) -> FeedbackDetail:
        """The agent's view: reasons quote the customer, so numbers in them and in comments are masked."""
        line = self._own(actor, uuid)
        detail = self._detail(line)
        return replace(detail, losses=tuple(replace(l, reason=mask_text(l.reason)) for l in detail.losses),
                       comments=tuple(replace(c, text=mask_text(c.text)) for c in detail.comments))

    def acknowledge(self, actor: User, uuid: str, comment: str = "", now: datetime | None = None) -> None:
        line = self._own(actor, uuid)
        self._in_time(line, now, "acknowledge")
        if line.acknowledged:
            raise NotAllowed(Message("version {version} of the evaluation of {call} is already acknowledged",
                                     version=line.version, call=line.call))
        with storage_errors(self._db), self._db.atomic():
            self._db["acknowledgements"].insert({"uuid": uuid, "version": line.version, "agent_id": actor.id,
                                                 "comment": comment.strip(), "at": utc_now(precise=True)})
            enqueue_answers(self._db, uuid, actor.id)

    def appeal(self, actor: User, uuid: str, reason: str, item_id: str | None = None,
               now: datetime | None = None) -> int:
        """The appeal's id. One open appeal per item (or the whole) at a time: the lead answers it first."""
        line = self._own(actor, uuid)
        self._in_time(line, now, "appeal")
        if item_id is not None and item_id not in self._card.item_ids():
            raise NotAllowed(f"the scorecard has no item {item_id}")
        if any(a["status"] == "open" and a["item_id"] == item_id for a in self._repo.appeals(uuid)):
            raise NotAllowed(Message("{item} of {call} is already appealed and waits for a team lead's answer",
                                     item=item_id or "the whole evaluation", call=line.call))
        return appeals.file_appeal(self._repo, uuid, actor.id, reason, item_id, now=now)

    def my_appeals(self, actor: User) -> list[dict]:
        require(actor, Action.ANSWER_OWN_EVALUATIONS)
        return [a for a in self._repo.appeal_list() if a["agent_id"] == actor.id]

    # -- the lead's side ------------------------------------------------------------------------
    def all_lines(self, actor: User, agent_id: str | None = None, date_from: str | None = None,
                  date_to: str | None = None) -> list[FeedbackLine]:
        """Every agent's (or one agent's) submitted evaluations with their answers: a lead's overview."""
        require(actor, Action.SEE_ALL_EVALUATIONS)
        return self._lines("c.agent_id = ?" if agent_id else "1", [agent_id] if agent_id else [], date_from, date_to)

    def lead_detail(self, actor: User, uuid: str) -> FeedbackDetail:
        require(actor, Action.SEE_ALL_EVALUATIONS)
        line = next((l for l in self._lines("e.uuid = ?", [uuid], None, None)), None)
        if line is None:
            raise NotAllowed(f"no submitted evaluation {uuid}")
        return self._detail(line)

    def unacknowledged(self, actor: User) -> list[FeedbackLine]:
        """Submitted evaluations whose current version the agent has not acknowledged, oldest first."""
        rows = [l for l in self.all_lines(actor) if l.acknowledged is None]
        return sorted(rows, key=lambda l: l.submitted_at)

    # -- internals -------------------------------------------------------------------------------
    def _lines(self, where: str, params: list, date_from: str | None, date_to: str | None) -> list[FeedbackLine]:
        clauses = ["e.session_id IS NULL", "e.status = 'submitted'", where]
        if date_from:
            clauses.append("c.started_at >= ?")
            params = [*params, date_from]
        if date_to:
            clauses.append("c.started_at < ?")
            params = [*params, date_to + "T99"]
        sql = ("SELECT e.uuid, e.call_id, c.call_ref, c.agent_id, c.agent_name, c.started_at, e.total, e.fatal, "
               "e.version, e.status, e.submitted_at, e.inspector, "
               "(SELECT k.at FROM acknowledgements k WHERE k.uuid = e.uuid AND k.version = e.version) AS ack, "
               "(SELECT a.status FROM appeals a WHERE a.uuid = e.uuid ORDER BY a.id DESC LIMIT 1) AS appeal "
               f"FROM evaluations e JOIN calls c ON c.id = e.call_id WHERE {' AND '.join(clauses)} "
               "ORDER BY c.started_at DESC, e.submitted_at DESC")
        return [FeedbackLine(r["uuid"], r["call_id"], r["call_ref"], r["agent_id"] or "", r["agent_name"],
                             r["started_at"], r["total"], bool(r["fatal"]), r["version"], r["status"],
                             r["submitted_at"], answer_by(r["submitted_at"]), r["ack"], r["appeal"], r["inspector"])
                for r in self._db.query(sql, params)]

    def _own(self, actor: User, uuid: str) -> FeedbackLine:
        require(actor, Action.ANSWER_OWN_EVALUATIONS)
        line = next(iter(self._lines("e.uuid = ? AND c.agent_id = ?", [uuid, actor.id], None, None)), None)
        if line is None:
            raise NotAllowed(f"{uuid} is not one of {actor.id}'s submitted evaluations")
        return line

    def _in_time(self, line: FeedbackLine, now: datetime | None, what: str) -> None:
        today = (now or datetime.now(UTC)).date().isoformat()
        if today > line.answer_by:
            template = ("the time to acknowledge the evaluation of {call} ended on {day}" if what == "acknowledge"
                        else "the time to appeal the evaluation of {call} ended on {day}")
            raise NotAllowed(Message(template, call=line.call, day=line.answer_by))

    def _detail(self, line: FeedbackLine) -> FeedbackDetail:
        evaluation = self._repo.get(line.uuid)
        result = score(self._card, evaluation)
        starts = _hit_starts(self._db, line.call_id)
        names = {i.id: i.name for i in self._card.items} | {f.id: f.name for f in self._card.fatal}
        losses = [Loss(state.item, names.get(state.item, state.item), d.points, d.reason, d.by, False,
                       starts.get(d.hit_key or ""))
                  for state in evaluation.items for d in state.deductions]
        losses += [Loss(f.item, names.get(f.item, f.item), 0.0, f.reason, f.by, True, starts.get(f.hit_key or ""))
                   for f in evaluation.fatal if f.status == "confirmed"]
        ack = next(iter(self._db.query("SELECT * FROM acknowledgements WHERE uuid = ? AND version = ?",
                                       [line.uuid, line.version])), None)
        return FeedbackDetail(line, evaluation, result.items, tuple(losses), evaluation.comments,
                              tuple(self._repo.appeals(line.uuid)), ack)


def _hit_starts(db: sqlite_utils.Database, call_id: int) -> dict[str, float]:
    """hit key → start second, for the call's current hits."""
    return {r["hit_key"]: r["start"] for r in db.query("SELECT hit_key, start FROM hits WHERE call_id = ?", [call_id])}


def line_json(line: FeedbackLine) -> dict:
    """The CLI's contract for one evaluation: uuid, call, score, status, acknowledged, appeal (and the rest)."""
    return {"uuid": line.uuid, "call": line.call, "score": line.score, "status": line.status,
            "acknowledged": line.acknowledged is not None, "appeal": line.appeal, "version": line.version,
            "fatal": line.fatal, "started_at": line.started_at, "submitted_at": line.submitted_at,
            "answer_by": line.answer_by, "agent_id": line.agent_id}

