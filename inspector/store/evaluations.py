"""Evaluations in the database: autosaved drafts, submission that locks, reopening by a lead, appeals,
and an audit trail of every change, each multi-row change in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, replace

import sqlite_utils

from inspector.domain.messages import Message
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation, parts_from_dict
from inspector.scoring.export import EvaluationRow
from inspector.scoring.score import score
from inspector.domain.people import User
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.outbox import enqueue, enqueue_answers
from inspector.store.redlines import withdraw_on_appeal
from inspector.store.users import refuse_agent
from inspector.users.policy import Action, NotAllowed, allowed, require
from inspector.domain.evaluations import EvaluationFilter, EvaluationLocked


def _filter_sql(flt: EvaluationFilter) -> tuple[str, list[object]]:
    """Production evaluations only: calibration scores never count towards agents' results."""
    clauses, params = ["e.session_id IS NULL"], []
    for column, value in (("e.inspector = ?", flt.inspector), ("c.agent_id = ?", flt.agent_id),
                          ("c.started_at >= ?", flt.date_from), ("e.status = ?", flt.status),
                          ("e.total >= ?", flt.min_total), ("e.total <= ?", flt.max_total)):
        if value is not None:
            clauses.append(column)
            params.append(value)
    if flt.date_to is not None:
        clauses.append("c.started_at < ?")
        params.append(flt.date_to + "T99")   # the whole last day (ISO text sorts before T99)
    if flt.fatal is not None:
        clauses.append("e.fatal = ?")
        params.append(int(flt.fatal))
    return " WHERE " + " AND ".join(clauses), params


def _body(evaluation: Evaluation) -> dict:
    return {"items": [asdict(i) for i in evaluation.items], "fatal": [asdict(f) for f in evaluation.fatal],
            "comments": [asdict(c) for c in evaluation.comments]}


def _from_row(row: dict) -> Evaluation:
    return Evaluation(row["uuid"], row["call_id"], row["inspector"], row["card_id"], row["card_version"],
                      row["status"], row["version"], *parts_from_dict(json.loads(row["body"])), row["session_id"])


def _changes(old: Evaluation | None, new: Evaluation) -> list[tuple[str, str, str]]:
    """(what, old, new) for each item, fatal item and the comments that differ."""
    before = _body(old) if old is not None else {"items": [], "fatal": [], "comments": []}
    after = _body(new)
    changes = []
    for key, name in (("items", "item"), ("fatal", "item")):
        old_by = {entry[name]: entry for entry in before[key]}
        new_by = {entry[name]: entry for entry in after[key]}
        for item in sorted(set(old_by) | set(new_by)):
            if old_by.get(item) != new_by.get(item):
                changes.append((item, json.dumps(old_by.get(item), ensure_ascii=False),
                                json.dumps(new_by.get(item), ensure_ascii=False)))
    if before["comments"] != after["comments"]:
        changes.append(("comments", json.dumps(before["comments"], ensure_ascii=False),
                        json.dumps(after["comments"], ensure_ascii=False)))
    return changes


def _cleared_fatal_hits(old: Evaluation, new: Evaluation) -> list[str]:
    """The hit keys of fatal items that counted (confirmed or pending) before and are rejected now."""
    before = {f.item: f for f in old.fatal}
    return [f.hit_key for f in new.fatal if f.status == "rejected" and f.hit_key
            and f.item in before and before[f.item].status != "rejected"]


class EvaluationRepository:
    def __init__(self, db: sqlite_utils.Database, card: Scorecard) -> None:
        self._db = db
        self._card = card

    @property
    def card(self) -> Scorecard:
        return self._card

    def get(self, uuid: str) -> Evaluation | None:
        rows = list(self._db.query("SELECT * FROM evaluations WHERE uuid = ?", [uuid]))
        return _from_row(rows[0]) if rows else None

    def for_call(self, call_id: int, inspector: str, session_id: str | None = None) -> Evaluation | None:
        """The inspector's evaluation of the call: one per inspector and call in production scoring, and one
        more per calibration session the call is part of."""
        rows = list(self._db.query("SELECT * FROM evaluations WHERE call_id = ? AND inspector = ? "
                                   "AND session_id IS ? ORDER BY created_at LIMIT 1",
                                   [call_id, inspector, session_id]))
        return _from_row(rows[0]) if rows else None

    def of_call(self, call_id: int, viewer: User) -> list[Evaluation]:
        """The production evaluations of the call `viewer` may open, the most recently changed first: every
        inspector's for a lead, their own for anyone else."""
        every = [_from_row(r) for r in self._db.query(
            "SELECT * FROM evaluations WHERE call_id = ? AND session_id IS NULL ORDER BY updated_at DESC",
            [call_id])]
        return every if allowed(viewer, Action.SEE_ALL_EVALUATIONS) else [e for e in every if e.inspector == viewer.id]

    def in_session(self, session_id: str) -> list[Evaluation]:
        return [_from_row(r) for r in self._db.query(
            "SELECT * FROM evaluations WHERE session_id = ? ORDER BY inspector, call_id", [session_id])]

    def adopt(self, evaluation: Evaluation, source: str) -> bool:
        """Store a copy made on another workstation (a calibration results file) as it is there, status and
        version included; returns False when this copy is already here, so importing twice changes nothing.
        An older version never replaces a newer one."""
        current = self.get(evaluation.uuid)
        if current == evaluation or (current is not None and current.version > evaluation.version):
            return False
        now = utc_now(precise=True)
        row = self._row(evaluation, evaluation.status, evaluation.version, now)
        row["submitted_at"] = now if evaluation.status == "submitted" else None
        with storage_errors(self._db), self._db.atomic():
            self._db["evaluations"].upsert(row, pk="uuid")
            self._audit(evaluation.uuid, evaluation.version, evaluation.inspector, "imported", "", source, now)
        return True

    def save(self, evaluation: Evaluation, actor: str) -> Evaluation:
        """Autosave of a draft (or a reopened evaluation); returns only once it is durable. Only its inspector
        saves it: nobody starts an evaluation in a colleague's name or hands their own over to one."""
        if actor != evaluation.inspector:
            raise NotAllowed(f"{actor} may not edit {evaluation.inspector}'s evaluation")
        refuse_agent(self._db, actor)
        current = self.get(evaluation.uuid)
        if current is not None:
            if current.status == "submitted":
                raise EvaluationLocked(f"evaluation {evaluation.uuid} is submitted; a lead must reopen it first")
            if actor != current.inspector:
                raise NotAllowed(f"{actor} may not edit {current.inspector}'s evaluation")
        now = utc_now(precise=True)
        row = self._row(evaluation, current.status if current else "draft", current.version if current else 1, now)
        with storage_errors(self._db):
            with self._db.atomic():
                self._db["evaluations"].upsert(row, pk="uuid")
                for what, old, new in _changes(current, evaluation):
                    self._audit(evaluation.uuid, row["version"], actor, what, old, new, now)
        return self.get(evaluation.uuid)

    def submit(self, uuid: str, actor: str) -> Evaluation:
        current = self._require(uuid)
        if actor != current.inspector:
            raise NotAllowed(f"{actor} may not submit {current.inspector}'s evaluation")
        refuse_agent(self._db, actor)
        pending = score(self._card, current).pending_fatal
        if pending:
            raise NotAllowed(Message("fatal item(s) {items} still wait for review: confirm or reject them",
                                     items=", ".join(pending)))
        return self._set_status(current, "submitted", actor, "submitted")

    def reopen(self, uuid: str, actor: User, reason: str) -> Evaluation:
        require(actor, Action.REOPEN_EVALUATION)
        current = self._require(uuid)
        if current.status != "submitted":
            raise NotAllowed(f"evaluation {uuid} is not submitted")
        return self._set_status(current, "reopened", actor.id, f"reopened: {reason}", bump=True)

    def appeal(self, uuid: str, agent_id: str, text: str, item_id: str | None = None,
               due_at: str | None = None) -> int:
        """The agent's appeal against a submitted evaluation, or against one item of it."""
        current = self._require(uuid)
        if current.status != "submitted":
            raise NotAllowed("only a submitted evaluation can be appealed")
        if item_id is not None and item_id not in self._card.item_ids():
            raise NotAllowed(f"the scorecard has no item {item_id}")
        with storage_errors(self._db), self._db.atomic():
            appeal_id = self._db["appeals"].insert({"uuid": uuid, "version": current.version, "agent_id": agent_id,
                                                    "item_id": item_id, "text": text, "status": "open",
                                                    "filed_at": utc_now(precise=True), "due_at": due_at}).last_pk
            enqueue_answers(self._db, uuid, agent_id)
            return appeal_id

    def resolve_appeal(self, appeal_id: int, actor: User, upheld: bool, resolution: str,
                       change: Callable[[Evaluation], Evaluation] | None = None) -> Evaluation:
        """Rejected: the evaluation stands. Upheld: it is reopened as the next version, `change` is applied by
        the lead and the new version is submitted (and queued for upload), all in one transaction."""
        require(actor, Action.RESOLVE_APPEAL)
        appeal = self.get_appeal(appeal_id)
        if appeal is None or appeal["status"] != "open":
            raise NotAllowed(f"appeal {appeal_id} is not open")
        current = self._require(appeal["uuid"])
        with storage_errors(self._db), self._db.atomic():
            self._db["appeals"].update(appeal_id, {"status": "upheld" if upheld else "rejected",
                                                   "resolved_by": actor.id, "resolution": resolution,
                                                   "resolved_at": utc_now(precise=True)})
            enqueue_answers(self._db, appeal["uuid"], actor.id)
            if not upheld or current.status != "submitted":
                return current
            reopened = self._set_status(current, "reopened", actor.id, f"appeal {appeal_id} upheld: {resolution}",
                                        bump=True)
            if change is not None:
                changed = change(reopened)
                now = utc_now(precise=True)
                self._db["evaluations"].update(reopened.uuid, {
                    key: value for key, value in self._row(changed, "reopened", reopened.version, now).items()
                    if key in ("total", "fatal", "body", "updated_at")})
                for what, old, new in _changes(reopened, changed):
                    self._audit(reopened.uuid, reopened.version, actor.id, what, old, new, now)
                for key in _cleared_fatal_hits(reopened, changed):
                    withdraw_on_appeal(self._db, reopened.call_id, key, actor.id, appeal_id, resolution)
            return self._set_status(self._require(reopened.uuid), "submitted", actor.id,
                                    f"resubmitted after appeal {appeal_id}")

    def get_appeal(self, appeal_id: int) -> dict | None:
        return next(iter(self._db.query("SELECT * FROM appeals WHERE id = ?", [appeal_id])), None)

    def appeal_list(self, status: str | None = None) -> list[dict]:
        """Appeals with their call and inspector, nearest deadline first: the leads' appeals queue."""
        where, params = (" WHERE a.status = ?", [status]) if status else ("", [])
        return list(self._db.query(
            "SELECT a.*, e.inspector, e.call_id, c.call_ref, c.agent_name FROM appeals a "
            "JOIN evaluations e ON e.uuid = a.uuid JOIN calls c ON c.id = e.call_id"
            f"{where} ORDER BY coalesce(a.due_at, '9999'), a.id", params))

    def search(self, viewer: User, flt: EvaluationFilter = EvaluationFilter()) -> list[EvaluationRow]:
        """The evaluations `viewer` may list: a lead every inspector's, anyone else only their own. Raises
        NotAllowed when someone else's are asked for by name."""
        if not allowed(viewer, Action.SEE_ALL_EVALUATIONS):
            if flt.inspector not in (None, viewer.id):
                raise NotAllowed(f"{viewer.id} may not {Action.SEE_ALL_EVALUATIONS}: only their own, not "
                                 f"{flt.inspector}'s")
            flt = replace(flt, inspector=viewer.id)
        where, params = _filter_sql(flt)
        sql = ("SELECT e.uuid, c.call_ref, c.agent_id, c.agent_name, c.started_at AS call_started_at, e.inspector, "
               "e.status, e.version, e.total, e.fatal, e.card_id, e.card_version, e.updated_at, "
               "(SELECT a.status FROM appeals a WHERE a.uuid = e.uuid ORDER BY a.id DESC LIMIT 1) AS appeal "
               f"FROM evaluations e JOIN calls c ON c.id = e.call_id{where} ORDER BY e.updated_at DESC")
        return [EvaluationRow(**{**r, "fatal": bool(r["fatal"])}) for r in self._db.query(sql, params)]

    def audit(self, uuid: str) -> list[dict]:
        return list(self._db.query("SELECT * FROM evaluation_audit WHERE uuid = ? ORDER BY id", [uuid]))

    def appeals(self, uuid: str) -> list[dict]:
        return list(self._db.query("SELECT * FROM appeals WHERE uuid = ? ORDER BY id", [uuid]))

    # -- internals -------------------------------------------------------------------------------
    def _require(self, uuid: str) -> Evaluation:
        current = self.get(uuid)
        if current is None:
            raise KeyError(f"no evaluation {uuid}")
        return current

    def _row(self, evaluation: Evaluation, status: str, version: int, now: str) -> dict:
        """The stored row: the evaluation with its score, and the creation time it already had."""
        result = score(self._card, evaluation)
        return {"uuid": evaluation.uuid, "call_id": evaluation.call_id, "inspector": evaluation.inspector,
                "card_id": evaluation.card_id, "card_version": evaluation.card_version, "status": status,
                "version": version, "total": result.total, "fatal": int(result.fatal),
                "body": json.dumps(_body(evaluation), ensure_ascii=False), "updated_at": now,
                "created_at": self._created_at(evaluation.uuid) or now, "session_id": evaluation.session_id}

    def _created_at(self, uuid: str) -> str | None:
        row = self._db.execute("SELECT created_at FROM evaluations WHERE uuid = ?", [uuid]).fetchone()
        return row[0] if row else None

    def _set_status(self, current: Evaluation, status: str, actor: str, note: str, bump: bool = False) -> Evaluation:
        now = utc_now(precise=True)
        version = current.version + (1 if bump else 0)
        changes = {"status": status, "version": version, "updated_at": now}
        if status == "submitted":
            changes["submitted_at"] = now
        with storage_errors(self._db), self._db.atomic():
            self._db["evaluations"].update(current.uuid, changes)
            self._audit(current.uuid, version, actor, "status", current.status, note, now)
            if status == "submitted" and current.session_id is None:
                enqueue(self._db, current.uuid, now)
        return self._require(current.uuid)

    def _audit(self, uuid: str, version: int, actor: str, what: str, old: str, new: str, at: str) -> None:
        self._db["evaluation_audit"].insert({"uuid": uuid, "version": version, "at": at, "by": actor, "what": what,
                                             "old": old, "new": new})
