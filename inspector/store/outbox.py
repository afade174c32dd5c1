"""The upload outbox: each submitted evaluation version, frozen as it was submitted, with its delivery state.

The row is written inside the submitting transaction, so a submission without an outbox entry (or the
reverse) cannot exist, whatever happens to the process. The payload is fixed at that moment: a later
reopen makes a new version with its own row, never a changed old one, which is what lets headquarters
deduplicate by (uuid, version) and compare digests.
"""

from __future__ import annotations

import json
import uuid as uuids
from dataclasses import dataclass

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.privacy.masking import mask_text
from inspector.sync.payload import (PAYLOAD_VERSION, AnswersPayload, CoachingPayload, EvaluationPayload, RegisterPayload,
                                    answers_uuid, register_uuid)
from inspector.sync.protocol import canonical_json, digest_of, idempotency_key

OUTBOX_STATES = ("pending", "sent", "acknowledged", "rejected")


@dataclass(frozen=True)
class OutboxEntry:
    uuid: str
    version: int
    payload: str        # canonical JSON text: sort_keys, no spaces, UTF-8
    digest: str
    status: str
    attempts: int
    last_error: str | None

    @property
    def key(self) -> str:
        return idempotency_key(self.uuid, self.version)


@dataclass(frozen=True)
class OutboxLine:
    """One version in the outbox as the upload dialog lists it, read from its frozen payload."""

    call_ref: str
    kind: str                   # the payload's kind: evaluation, agent_answers, redline_register, coaching_session
    agent: str
    inspector: str              # a register change or answers: who made it; a coaching session: the coach
    total: float | None         # a register change: none
    version: int
    status: str
    attempts: int
    last_error: str | None


def enqueue(db: sqlite_utils.Database, uuid: str, at: str) -> None:
    """Called inside the submitting transaction, after the status change."""
    row = next(db.query("SELECT e.*, c.content_hash, c.call_ref, c.agent_id, c.agent_name, c.team, c.business_type, "
                        "c.started_at, c.satisfaction, c.resolved "
                        "FROM evaluations e JOIN calls c ON c.id = e.call_id WHERE e.uuid = ?", [uuid]))
    audit = [{k: a[k] for k in ("version", "at", "by", "what", "old", "new")}
             for a in db.query("SELECT * FROM evaluation_audit WHERE uuid = ? ORDER BY id", [uuid])]
    appeals = _appeals(db, uuid)
    redlines = _register(db, row["call_id"])
    payload = canonical_json(EvaluationPayload(
        payload_version=PAYLOAD_VERSION, uuid=row["uuid"], version=row["version"], inspector=row["inspector"],
        card_id=row["card_id"], card_version=row["card_version"], total=row["total"], fatal=bool(row["fatal"]),
        body=json.loads(row["body"]), submitted_at=row["submitted_at"],
        call={"content_hash": row["content_hash"], "call_ref": row["call_ref"], "agent_id": row["agent_id"],
              "agent_name": row["agent_name"], "team": row["team"], "business_type": row["business_type"],
              "started_at": row["started_at"], **_voice_of_customer(db, row), **_checks(db, row["call_id"])},
        audit=audit, appeals=appeals, redlines=redlines).wire())
    db.execute("INSERT OR IGNORE INTO outbox (uuid, version, payload, digest, status, created_at) "
               "VALUES (?, ?, ?, ?, 'pending', ?)", [row["uuid"], row["version"], payload, digest_of(payload), at])


def enqueue_register(db: sqlite_utils.Database, call_id: int, by: str) -> None:
    """Called inside the transaction that changed the call's red-line register: once an evaluation of the call
    was submitted (headquarters has the call), the register as it now stands goes out as the next version of
    the call's register (sync/payload.RegisterPayload)."""
    row = next(db.query("SELECT c.content_hash, c.call_ref, c.agent_id, c.agent_name, (SELECT o.uuid FROM outbox o "
                        "JOIN evaluations e ON e.uuid = o.uuid WHERE e.call_id = c.id ORDER BY o.created_at, o.uuid "
                        "LIMIT 1) AS first FROM calls c WHERE c.id = ?", [call_id]), None)
    if row is None or row["first"] is None:
        return
    key = register_uuid(row["content_hash"], row["first"])
    version = 1 + db.execute("SELECT coalesce(max(version), 0) FROM outbox WHERE uuid = ?", [key]).fetchone()[0]
    at = utc_now(precise=True)
    payload = canonical_json(RegisterPayload(
        payload_kind="redline_register", payload_version=PAYLOAD_VERSION, uuid=key, version=version, as_of=at,
        changed_by=by, call={k: row[k] for k in ("content_hash", "call_ref", "agent_id", "agent_name")},
        redlines=_register(db, call_id)).wire())
    db.execute("INSERT INTO outbox (uuid, version, payload, digest, status, created_at) VALUES (?, ?, ?, ?, "
               "'pending', ?)", [key, version, payload, digest_of(payload), at])


def enqueue_answers(db: sqlite_utils.Database, evaluation_uuid: str, by: str) -> None:
    """Called inside the transaction in which an agent acknowledged or appealed, or a lead answered an appeal:
    once the evaluation went out, its acknowledgements and appeals as they now stand go out as the next version
    of its answers (sync/payload.AnswersPayload), so a rejected appeal needs no new evaluation version."""
    row = next(db.query("SELECT c.content_hash, c.call_ref, c.agent_id, c.agent_name FROM evaluations e "
                        "JOIN calls c ON c.id = e.call_id WHERE e.uuid = ? AND EXISTS "
                        "(SELECT 1 FROM outbox o WHERE o.uuid = e.uuid)", [evaluation_uuid]), None)
    if row is None:
        return
    key = answers_uuid(evaluation_uuid)
    version = 1 + db.execute("SELECT coalesce(max(version), 0) FROM outbox WHERE uuid = ?", [key]).fetchone()[0]
    at = utc_now(precise=True)
    acknowledgements = [{"version": r["version"], "agent_id": r["agent_id"], "at": r["at"],
                         "comment": mask_text(r["comment"])} for r in db.query(
        "SELECT version, agent_id, at, comment FROM acknowledgements WHERE uuid = ? ORDER BY version, id",
        [evaluation_uuid])]
    payload = canonical_json(AnswersPayload(
        payload_kind="agent_answers", payload_version=PAYLOAD_VERSION, uuid=key, version=version, as_of=at,
        changed_by=by, evaluation_uuid=evaluation_uuid, call=dict(row), acknowledgements=acknowledgements,
        appeals=[{**a, "text": mask_text(a["text"] or "")} for a in _appeals(db, evaluation_uuid)]).wire())
    db.execute("INSERT INTO outbox (uuid, version, payload, digest, status, created_at) VALUES (?, ?, ?, ?, "
               "'pending', ?)", [key, version, payload, digest_of(payload), at])


def enqueue_coaching(db: sqlite_utils.Database, session_id: int) -> None:
    """Called inside the transaction that recorded a coaching session: it goes out once, under a key of its own
    (random, so no two workstations make the same); the agreed actions stay here (sync/payload.py says why)."""
    row = db.execute("SELECT agent_id, coach, held_on, items, follow_up, created_at FROM coaching_sessions "
                     "WHERE id = ?", [session_id]).fetchone()
    key = str(uuids.uuid4())
    payload = canonical_json(CoachingPayload(
        payload_kind="coaching_session", payload_version=PAYLOAD_VERSION, uuid=key, version=1, agent_id=row[0],
        coach=row[1], held_on=row[2], items=tuple(row[3].split(",")), follow_up=row[4], created_at=row[5]).wire())
    db.execute("INSERT INTO outbox (uuid, version, payload, digest, status, created_at) VALUES (?, 1, ?, ?, "
               "'pending', ?)", [key, payload, digest_of(payload), row[5]])


def enqueue_unsent_answers(db: sqlite_utils.Database) -> int:
    """Acknowledgements, appeals and coaching sessions recorded before this workstation queued them (before
    payload version 3) go into the outbox now, once: called before an upload or a bundle reads the outbox.
    Returns how many records it queued."""
    queued = 0
    with storage_errors(db), db.atomic():
        held = {r[0] for r in db.execute("SELECT DISTINCT uuid FROM outbox")}
        answered = [r[0] for r in db.execute(
            "SELECT uuid FROM acknowledgements UNION SELECT uuid FROM appeals")]
        for evaluation_uuid in answered:
            if evaluation_uuid in held and answers_uuid(evaluation_uuid) not in held:
                enqueue_answers(db, evaluation_uuid, "upgrade")
                queued += 1
        for (session_id,) in db.execute(
                "SELECT s.id FROM coaching_sessions s WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE "
                "json_extract(o.payload, '$.payload_kind') = 'coaching_session' AND "
                "json_extract(o.payload, '$.created_at') = s.created_at AND "
                "json_extract(o.payload, '$.agent_id') = s.agent_id)").fetchall():
            enqueue_coaching(db, session_id)
            queued += 1
    return queued


def _appeals(db: sqlite_utils.Database, uuid: str) -> list[dict]:
    return [{k: a[k] for k in ("id", "version", "item_id", "agent_id", "text", "status", "filed_at", "due_at",
                               "resolved_by", "resolution", "resolved_at")}
            for a in db.query("SELECT * FROM appeals WHERE uuid = ? ORDER BY id", [uuid])]


def _register(db: sqlite_utils.Database, call_id: int) -> list[dict]:
    return [{k: r[k] for k in ("rule", "rule_name", "evidence", "start", "confirmed_by", "opened_at", "owner",
                               "due_at", "status", "outcome", "closed_at")}
            for r in db.query("SELECT * FROM redline_cases WHERE call_id = ? ORDER BY id", [call_id])]


def _voice_of_customer(db: sqlite_utils.Database, row: dict) -> dict:
    """What the customer called about, felt and answered, as it stood at submission; the caller's number
    (even hashed: the key is the workstation's) stays behind."""
    categories = [{"path": r["path"], "confidence": r["confidence"]} for r in db.query(
        "SELECT path, confidence FROM call_categories WHERE call_id = ? ORDER BY confidence DESC, path",
        [row["call_id"]])]
    emotion = next(db.query("SELECT start_label, end_label, worsened FROM call_emotion WHERE call_id = ?",
                            [row["call_id"]]), None)
    return {"categories": categories,
            "emotion": None if emotion is None else {"start": emotion["start_label"], "end": emotion["end_label"],
                                                     "worsened": bool(emotion["worsened"])},
            "satisfaction": row["satisfaction"],
            "resolved": None if row["resolved"] is None else bool(row["resolved"])}


def _checks(db: sqlite_utils.Database, call_id: int) -> dict:
    """The call's automatic hits with their production decisions, as the centre's rule report counts them
    (reports/workstation.rule_counts), so headquarters counts the same."""
    checked = db.execute("SELECT 1 FROM checks WHERE call_id = ?", [call_id]).fetchone() is not None
    hits = [{"rule": r["rule"], "name": r["name"], "item": r["item"], "severity": r["severity"],
             "decision": r["decision"]} for r in db.query(
        "SELECT h.rule, h.name, h.item, h.severity, d.decision FROM hits h LEFT JOIN hit_decisions d "
        "ON d.call_id = h.call_id AND d.hit_key = h.hit_key AND d.scope = '' WHERE h.call_id = ? ORDER BY h.id",
        [call_id])]
    return {"checked": checked, "hits": hits}


class OutboxRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def entries(self, statuses: tuple[str, ...] = OUTBOX_STATES, limit: int | None = None) -> list[OutboxEntry]:
        marks = ", ".join("?" for _ in statuses)
        sql = (f"SELECT uuid, version, payload, digest, status, attempts, last_error FROM outbox "
               f"WHERE status IN ({marks}) ORDER BY created_at, uuid, version")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [OutboxEntry(**r) for r in self._db.query(sql, list(statuses))]

    def lines(self) -> list[OutboxLine]:
        return [OutboxLine(**r) for r in self._db.query(
            "SELECT coalesce(json_extract(payload, '$.call.call_ref'), '') AS call_ref, "
            "coalesce(json_extract(payload, '$.payload_kind'), 'evaluation') AS kind, "
            "trim(coalesce(json_extract(payload, '$.call.agent_id'), json_extract(payload, '$.agent_id'), '') "
            "|| ' ' || coalesce(json_extract(payload, '$.call.agent_name'), '')) AS agent, "
            "coalesce(json_extract(payload, '$.inspector'), json_extract(payload, '$.changed_by'), "
            "json_extract(payload, '$.coach')) AS inspector, "
            "json_extract(payload, '$.total') AS total, "
            "version, status, attempts, last_error FROM outbox ORDER BY created_at, uuid, version")]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(OUTBOX_STATES, 0)
        counts.update({r["status"]: r["n"] for r in self._db.query(
            "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")})
        return counts

    def mark_sent(self, entries: list[OutboxEntry]) -> None:
        """Before the request leaves: after a crash these are sent again, which the idempotency key makes safe."""
        now = utc_now(precise=True)
        self._apply("UPDATE outbox SET status = CASE WHEN status = 'acknowledged' THEN status ELSE 'sent' END, "
                    "attempts = attempts + 1, sent_at = ? WHERE uuid = ? AND version = ?",
                    [(now, e.uuid, e.version) for e in entries])

    def mark_failed(self, entries: list[OutboxEntry], error: str) -> None:
        self._apply("UPDATE outbox SET last_error = ? WHERE uuid = ? AND version = ? AND status != 'acknowledged'",
                    [(error, e.uuid, e.version) for e in entries])

    def mark_acknowledged(self, keys: list[tuple[str, int]]) -> None:
        now = utc_now(precise=True)
        self._apply("UPDATE outbox SET status = 'acknowledged', acknowledged_at = ?, last_error = NULL "
                    "WHERE uuid = ? AND version = ?", [(now, u, v) for u, v in keys])

    def mark_rejected(self, rejected: list[tuple[str, int, str]]) -> None:
        self._apply("UPDATE outbox SET status = 'rejected', last_error = ? WHERE uuid = ? AND version = ?",
                    [(reason, u, v) for u, v, reason in rejected])

    def requeue(self, keys: list[tuple[str, int]]) -> None:
        """The receiver lacks these although they were acknowledged: they go out again."""
        self._apply("UPDATE outbox SET status = 'pending', last_error = 'missing at the receiver; sent again' "
                    "WHERE uuid = ? AND version = ?", keys)

    def _apply(self, sql: str, rows: list[tuple]) -> None:
        """One statement over many rows, in one transaction."""
        with storage_errors(self._db), self._db.atomic():
            self._db.conn.executemany(sql, rows)
