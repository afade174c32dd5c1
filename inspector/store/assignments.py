"""Which calls are in whose review queue, in which order, by when, and why they were picked.

A call has at most one assignment; the call's status follows by trigger (migration 0010), so the list,
the queue and the reports agree on what is assigned without any of them keeping count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.store.database import storage_errors


@dataclass(frozen=True)
class Assignment:
    call_id: int
    call_ref: str
    assignee: str | None
    position: int
    reasons: tuple[str, ...]
    due_at: str | None
    call_status: str

    @property
    def done(self) -> bool:
        return self.call_status in ("reviewed", "appealed")


@dataclass(frozen=True)
class QueueProgress:
    done: int
    total: int


class AssignmentRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def new_sample(self, plan_name: str | None, definition: dict, seed: int,
                   picks: list[tuple[int, str | None, list[str], str | None]], actor: str) -> int:
        """Stores the sample and its assignments (call, assignee, reasons, due date) in one transaction;
        returns the sample id."""
        now = utc_now()
        with storage_errors(self._db), self._db.atomic():
            sample_id = self._db["samples"].insert({
                "plan_name": plan_name, "definition": json.dumps(definition, ensure_ascii=False), "seed": seed,
                "picked": len(picks), "created_by": actor, "created_at": now}).last_pk
            start = self._db.execute("SELECT coalesce(max(position), 0) FROM assignments").fetchone()[0]
            self._db["assignments"].insert_all(
                ({"call_id": call_id, "assignee": assignee, "sample_id": sample_id, "position": start + i + 1,
                  "reasons": json.dumps(reasons, ensure_ascii=False), "due_at": due_at, "assigned_at": now}
                 for i, (call_id, assignee, reasons, due_at) in enumerate(picks)), replace=True)
        return sample_id

    def open_counts(self, assignees: list[str]) -> dict[str, int]:
        """How many assigned calls each inspector has not finished: what assignment by load balances."""
        counts = dict.fromkeys(assignees, 0)
        for row in self._db.query("SELECT a.assignee, count(*) AS n FROM assignments a JOIN calls c ON c.id = a.call_id "
                                  "WHERE c.status NOT IN ('reviewed', 'appealed') GROUP BY a.assignee"):
            if row["assignee"] in counts:
                counts[row["assignee"]] = row["n"]
        return counts

    def queue(self, assignee: str) -> list[Assignment]:
        """The assignee's calls in the order they were assigned, finished ones included (progress shows them)."""
        sql = ("SELECT a.*, c.call_ref, c.status AS call_status FROM assignments a JOIN calls c ON c.id = a.call_id "
               "WHERE a.assignee = ? ORDER BY a.position")
        return [Assignment(r["call_id"], r["call_ref"], r["assignee"], r["position"],
                           tuple(json.loads(r["reasons"])), r["due_at"], r["call_status"])
                for r in self._db.query(sql, [assignee])]

    def progress(self, assignee: str) -> QueueProgress:
        queue = self.queue(assignee)
        return QueueProgress(sum(a.done for a in queue), len(queue))

    def for_call(self, call_id: int) -> Assignment | None:
        rows = list(self._db.query("SELECT a.*, c.call_ref, c.status AS call_status FROM assignments a "
                                   "JOIN calls c ON c.id = a.call_id WHERE a.call_id = ?", [call_id]))
        if not rows:
            return None
        r = rows[0]
        return Assignment(r["call_id"], r["call_ref"], r["assignee"], r["position"], tuple(json.loads(r["reasons"])),
                          r["due_at"], r["call_status"])
