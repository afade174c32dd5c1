"""The red-line register: a confirmed fatal hit (五条禁令, 二次确认 …) opens a case that a lead owns and
closes with an outcome, the record the accountability chain (责任制, 问责, 督办) works from.

Cases open and close with the decision on the hit, inside the decision's transaction, so there is never a
confirmed fatal hit without its case.
"""

from __future__ import annotations


import sqlite_utils

from inspector.domain.people import User
from inspector.rules.hits import Hit, hit_key
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.outbox import enqueue_register
from inspector.users.policy import Action, require
from inspector.domain.redlines import RedLineCase

WITHDRAWN = "hit rejected on review"
WITHDRAWN_ON_APPEAL = "withdrawn on appeal"


def follow_decision(db: sqlite_utils.Database, call_id: int, hit: Hit, decision: str, actor: str) -> None:
    """Called inside the decision's transaction for production decisions on fatal hits."""
    key = hit_key(hit)
    if decision == "confirmed":
        agent = db.execute("SELECT agent_id FROM calls WHERE id = ?", [call_id]).fetchone()
        db.execute("INSERT INTO redline_cases (call_id, hit_key, rule, rule_name, agent_id, evidence, start, "
                   "confirmed_by, opened_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') "
                   "ON CONFLICT (call_id, hit_key) DO UPDATE SET status = 'open', outcome = NULL, closed_by = NULL, "
                   "closed_at = NULL, confirmed_by = excluded.confirmed_by",
                   [call_id, key, hit.rule, hit.name, agent[0] if agent else None, hit.evidence, hit.start, actor,
                    utc_now()])
    else:
        db.execute("UPDATE redline_cases SET status = 'closed', outcome = ?, closed_by = ?, closed_at = ? "
                   "WHERE call_id = ? AND hit_key = ? AND status = 'open'", [WITHDRAWN, actor, utc_now(), call_id, key])


def withdraw_on_appeal(db: sqlite_utils.Database, call_id: int, key: str, actor: str, appeal_id: int,
                       answer: str) -> None:
    """Called inside an upheld appeal's transaction for a fatal item it clears: the hit is recorded as rejected on
    review (by the lead, with the answer as the note) and its case is closed as withdrawn, the appeal linked,
    whatever outcome a lead had given it before."""
    now = utc_now()
    db.execute("INSERT INTO hit_decisions (call_id, hit_key, scope, rule, decision, note, decided_by, decided_at) "
               "VALUES (?, ?, '', ?, 'rejected', ?, ?, ?) ON CONFLICT (call_id, hit_key, scope) DO UPDATE SET "
               "decision = 'rejected', note = excluded.note, decided_by = excluded.decided_by, "
               "decided_at = excluded.decided_at", [call_id, key, key.split("@")[0], f"appeal {appeal_id}: {answer}",
                                                    actor, now])
    db.execute("UPDATE redline_cases SET status = 'closed', outcome = ?, closed_by = ?, closed_at = ?, appeal_id = ? "
               "WHERE call_id = ? AND hit_key = ?", [WITHDRAWN_ON_APPEAL, actor, now, appeal_id, call_id, key])


class RedLineRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def cases(self, status: str | None = None, call_id: int | None = None) -> list[RedLineCase]:
        clauses, params = [], []
        if status is not None:
            clauses.append("r.status = ?")
            params.append(status)
        if call_id is not None:
            clauses.append("r.call_id = ?")
            params.append(call_id)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT r.*, c.call_ref FROM redline_cases r JOIN calls c ON c.id = r.call_id{where} ORDER BY r.opened_at, r.id"
        return [RedLineCase(**r) for r in self._db.query(sql, params)]

    def assign(self, case_id: int, owner: User, due_at: str | None) -> None:
        """The lead who takes the case to follow it up, and by when. Raises NotAllowed for anyone else."""
        require(owner, Action.MANAGE_REDLINES)
        with storage_errors(self._db), self._db.atomic():
            self._db["redline_cases"].update(case_id, {"owner": owner.id, "due_at": due_at})

    def close(self, case_id: int, actor: User, outcome: str, notes: str = "") -> None:
        """Raises NotAllowed unless `actor` may close red-line cases (a lead)."""
        require(actor, Action.MANAGE_REDLINES)
        if not outcome.strip():
            raise ValueError("closing a red-line case needs its outcome")
        with storage_errors(self._db), self._db.atomic():
            self._db["redline_cases"].update(case_id, {"status": "closed", "outcome": outcome.strip(),
                                                       "notes": notes, "closed_by": actor.id, "closed_at": utc_now()})
            call_id = self._db.execute("SELECT call_id FROM redline_cases WHERE id = ?", [case_id]).fetchone()[0]
            enqueue_register(self._db, call_id, actor.id)      # headquarters learns of it with the next upload
