"""The upload outbox: each submitted evaluation version, frozen as it was submitted, with its delivery state.

The row is written inside the submitting transaction, so a submission without an outbox entry (or the
reverse) cannot exist, whatever happens to the process. The payload is fixed at that moment: a later
reopen makes a new version with its own row, never a changed old one, which is what lets headquarters
deduplicate by (uuid, version) and compare digests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.sync.payload import PAYLOAD_VERSION, EvaluationPayload, RegisterPayload, register_uuid
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
    agent: str
    inspector: str              # a register change: the lead who made it
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
    appeals = [{k: a[k] for k in ("id", "version", "item_id", "agent_id", "text", "status", "filed_at", "due_at",
                                  "resolved_by", "resolution", "resolved_at")}
               for a in db.query("SELECT * FROM appeals WHERE uuid = ? ORDER BY id", [uuid])]
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
            "SELECT json_extract(payload, '$.call.call_ref') AS call_ref, "
            "trim(coalesce(json_extract(payload, '$.call.agent_id'), '') || ' ' || "
            "coalesce(json_extract(payload, '$.call.agent_name'), '')) AS agent, "
            "coalesce(json_extract(payload, '$.inspector'), json_extract(payload, '$.changed_by')) AS inspector, "
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
