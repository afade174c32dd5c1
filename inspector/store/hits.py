"""Rule hits per call and the inspectors' decisions on them."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import TYPE_CHECKING

import sqlite_utils

from inspector.domain.decisions import DECISIONS, Decision
from inspector.rules.hits import Hit, hit_key
from inspector.store.clock import utc_now
from inspector.store.redlines import follow_decision
from inspector.store.users import refuse_agent
from inspector.domain.accuracy import RuleAccuracy

if TYPE_CHECKING:  # only for the annotation: loading packs pulls in the pinyin tables
    from inspector.rules.pack import RulePack


_HIT_FIELDS = tuple(f.name for f in fields(Hit))
_FLAGS = ("flag_only", "listen")          # stored as 0/1


def _hit_of(row) -> Hit:
    """A hit from a `hits` row or an archived one (archives made before `listen` existed lack it)."""
    return Hit(**{k: (bool(row[k]) if k in _FLAGS else row[k]) for k in _HIT_FIELDS if k in row})


class HitRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def replace(self, call_id: int, pack: RulePack, hits: list[Hit], transcript_source: str | None = None) -> None:
        """The call's hits become exactly ``hits``, computed on that transcript version, and its hit count
        follows, in one transaction. Hits of another version are kept aside for when it is shown again."""
        self.replace_checked(call_id, pack.id, pack.version, hits, transcript_source)

    def replace_checked(self, call_id: int, pack_id: str, pack_version: str, hits: list[Hit],
                        transcript_source: str | None) -> None:
        """As ``replace``, for hits found elsewhere (a batch run) with a pack known by id and version only.
        Checked to the microsecond like transcripts are saved: a check in the same second as its transcript
        must not look older than it (``outdated_calls``)."""
        checked = utc_now(precise=True)
        with self._db.atomic():
            self._archive_if_other(call_id, transcript_source)
            self._store(call_id, pack_id, pack_version, [h.to_dict() for h in hits], checked, transcript_source)

    def checked_on(self, call_id: int) -> str | None:
        """The transcript version the call's current hits were computed on."""
        row = self._db.execute("SELECT transcript_source FROM checks WHERE call_id = ?", [call_id]).fetchone()
        return row[0] if row else None

    def show_version(self, call_id: int, transcript_source: str, pack: RulePack) -> list[Hit] | None:
        """The hits computed on that version with this pack, restored; None when it was never checked so
        (re-checking after a switch is the inspector's explicit choice)."""
        with self._db.atomic():
            if self.checked_on(call_id) == transcript_source:
                return self.for_call(call_id)
            self._archive_if_other(call_id, transcript_source)
            kept = self._db.execute("SELECT pack_id, pack_version, checked_at, hits FROM hit_archive "
                                    "WHERE call_id = ? AND transcript_source = ?", [call_id, transcript_source]).fetchone()
            self._db.execute("DELETE FROM hits WHERE call_id = ?", [call_id])
            self._db.execute("DELETE FROM checks WHERE call_id = ?", [call_id])
            self._db.execute("UPDATE calls SET hit_count = 0 WHERE id = ?", [call_id])
            if kept is None or (kept[0], kept[1]) != (pack.id, pack.version):
                return None
            self._db.execute("DELETE FROM hit_archive WHERE call_id = ? AND transcript_source = ?",
                             [call_id, transcript_source])
            self._store(call_id, kept[0], kept[1], json.loads(kept[3]), kept[2], transcript_source)
        return self.for_call(call_id)

    def _archive_if_other(self, call_id: int, transcript_source: str | None) -> None:
        current = self._db.execute("SELECT pack_id, pack_version, checked_at, transcript_source FROM checks "
                                   "WHERE call_id = ?", [call_id]).fetchone()
        if current is None or current[3] is None or current[3] == transcript_source:
            return
        kept = [_hit_of(r).to_dict() for r in self._db.query("SELECT * FROM hits WHERE call_id = ?", [call_id])]
        self._db["hit_archive"].upsert({"call_id": call_id, "transcript_source": current[3], "pack_id": current[0],
                                        "pack_version": current[1], "checked_at": current[2],
                                        "hits": json.dumps(kept, ensure_ascii=False)},
                                       pk=("call_id", "transcript_source"))

    def _store(self, call_id: int, pack_id: str, pack_version: str, hits: list[dict], checked: str,
               transcript_source: str | None) -> None:
        rows = {}
        for h in hits:
            hit = _hit_of(h)
            key = hit_key(hit)
            rows[key] = {**hit.to_dict(), "call_id": call_id, "hit_key": key, "pack_id": pack_id,
                         "pack_version": pack_version, "flag_only": int(hit.flag_only), "listen": int(hit.listen),
                         "checked_at": checked}
        self._db.execute("DELETE FROM hits WHERE call_id = ?", [call_id])
        if rows:
            self._db["hits"].insert_all(rows.values())
        self._db["checks"].upsert({"call_id": call_id, "pack_id": pack_id, "pack_version": pack_version,
                                   "checked_at": checked, "transcript_source": transcript_source}, pk="call_id")
        self._db.execute("UPDATE calls SET hit_count = ? WHERE id = ?", [len(rows), call_id])

    def for_call(self, call_id: int) -> list[Hit] | None:
        """None when the call was never checked; [] when it was and nothing was found."""
        if self._db.execute("SELECT 1 FROM checks WHERE call_id = ?", [call_id]).fetchone() is None:
            return None
        rows = self._db.query("SELECT * FROM hits WHERE call_id = ? ORDER BY start, rule", [call_id])
        return [_hit_of(r) for r in rows]

    def checked_hits(self, call_ids: list[int]) -> dict[int, tuple[str, str, list[Hit]]]:
        """Call id → (pack id, pack version, hits) for those of the calls that are checked, read in chunks:
        what scoring every call needs, without a query per call."""
        found: dict[int, tuple[str, str, list[Hit]]] = {}
        for start in range(0, len(call_ids), 500):
            chunk = call_ids[start: start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._db.execute(f"SELECT call_id, pack_id, pack_version FROM checks WHERE call_id IN ({marks})",
                                        chunk):
                found[row[0]] = (row[1], row[2], [])
            for row in self._db.query(f"SELECT * FROM hits WHERE call_id IN ({marks}) ORDER BY call_id, start, rule",
                                      chunk):
                if row["call_id"] in found:
                    found[row["call_id"]][2].append(_hit_of(row))
        return found

    def decide(self, call_id: int, hit: Hit, decision: str, note: str, actor: str, scope: str = "") -> Decision:
        """`scope` keeps a calibration participant's decisions apart (see `calibration_scope`); a production
        decision on a fatal hit opens or withdraws its red-line case in the same transaction."""
        if decision not in DECISIONS:
            raise ValueError(f"a decision is one of {', '.join(DECISIONS)}, not {decision!r}")
        refuse_agent(self._db, actor)
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

    def decided_confidences(self, rule: str | None = None) -> list[tuple[float, str]]:
        """(the hit's confidence, confirmed/rejected) for every production decision whose hit is the call's
        current one (hits of a transcript version not shown are set aside with their decisions)."""
        sql = ("SELECT h.confidence, d.decision FROM hit_decisions d JOIN hits h "
               "ON h.call_id = d.call_id AND h.hit_key = d.hit_key WHERE d.scope = ''")
        params: list = []
        if rule is not None:
            sql += " AND d.rule = ?"
            params.append(rule)
        return [(float(r[0]), r[1]) for r in self._db.execute(sql, params).fetchall()]


def calibration_scope(session_id: str, inspector: str) -> str:
    return f"{session_id}:{inspector}"
