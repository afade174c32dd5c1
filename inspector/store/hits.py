"""Rule hits per call and the inspectors' decisions on them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import sqlite_utils

from inspector.domain.decisions import DECISIONS, Decision
from inspector.rules.hits import Hit, hit_key
from inspector.store.clock import utc_now
from inspector.store.redlines import follow_decision

if TYPE_CHECKING:  # only for the annotation: loading packs pulls in the pinyin tables
    from inspector.rules.pack import RulePack

@dataclass(frozen=True)
class RuleAccuracy:
    rule: str
    confirmed: int
    rejected: int

    @property
    def precision(self) -> float | None:
        decided = self.confirmed + self.rejected
        return self.confirmed / decided if decided else None


_HIT_FIELDS = tuple(f.name for f in fields(Hit))



class HitRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def replace(self, call_id: int, pack: RulePack, hits: list[Hit]) -> None:
        """The call's hits become exactly ``hits``, and its hit count follows, in one transaction."""
        checked = utc_now()
        rows = {hit_key(h): {**h.to_dict(), "call_id": call_id, "hit_key": hit_key(h), "pack_id": pack.id,
                             "pack_version": pack.version, "flag_only": int(h.flag_only), "checked_at": checked}
                for h in hits}
        with self._db.atomic():
            self._db.execute("DELETE FROM hits WHERE call_id = ?", [call_id])
            if rows:
                self._db["hits"].insert_all(rows.values())
            self._db["checks"].upsert({"call_id": call_id, "pack_id": pack.id, "pack_version": pack.version,
                                       "checked_at": checked}, pk="call_id")
            self._db.execute("UPDATE calls SET hit_count = ? WHERE id = ?", [len(rows), call_id])

    def for_call(self, call_id: int) -> list[Hit] | None:
        """None when the call was never checked; [] when it was and nothing was found."""
        if self._db.execute("SELECT 1 FROM checks WHERE call_id = ?", [call_id]).fetchone() is None:
            return None
        rows = self._db.query("SELECT * FROM hits WHERE call_id = ? ORDER BY start, rule", [call_id])
        return [Hit(**{k: (bool(r[k]) if k == "flag_only" else r[k]) for k in _HIT_FIELDS}) for r in rows]

    def decide(self, call_id: int, hit: Hit, decision: str, note: str, actor: str, scope: str = "") -> Decision:
        """`scope` keeps a calibration participant's decisions apart (see `calibration_scope`); a production
        decision on a fatal hit opens or withdraws its red-line case in the same transaction."""
        if decision not in DECISIONS:
            raise ValueError(f"a decision is one of {', '.join(DECISIONS)}, not {decision!r}")
        row = {"call_id": call_id, "hit_key": hit_key(hit), "scope": scope, "rule": hit.rule, "decision": decision,
               "note": note, "decided_by": actor, "decided_at": utc_now()}
        with self._db.atomic():
            self._db["hit_decisions"].upsert(row, pk=("call_id", "hit_key", "scope"))
            if hit.severity == "fatal" and scope == "":
                follow_decision(self._db, call_id, hit, decision, actor)
        return Decision(row["hit_key"], hit.rule, decision, note, actor, row["decided_at"])

    def decisions(self, call_id: int, scope: str = "") -> dict[str, Decision]:
        return {r["hit_key"]: Decision(r["hit_key"], r["rule"], r["decision"], r["note"], r["decided_by"],
                                       r["decided_at"])
                for r in self._db.query("SELECT * FROM hit_decisions WHERE call_id = ? AND scope = ?",
                                        [call_id, scope])}

    def accuracy(self) -> list[RuleAccuracy]:
        sql = ("SELECT rule, sum(decision = 'confirmed') AS confirmed, sum(decision = 'rejected') AS rejected "
               "FROM hit_decisions WHERE scope = '' GROUP BY rule ORDER BY rule")
        return [RuleAccuracy(r["rule"], int(r["confirmed"]), int(r["rejected"])) for r in self._db.query(sql)]


def calibration_scope(session_id: str, inspector: str) -> str:
    return f"{session_id}:{inspector}"
