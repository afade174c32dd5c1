"""Automatic scores (scoring.auto) per call, apart from the inspectors' evaluations.

A score is stored with what it was computed from (card, method, the hits' pack); it is outdated when the
call was checked again since (a new pack or transcript), or the card or method changed, and it goes away
with the hits it came from (a transcript version never checked). ``calls.auto_score`` repeats the total so
the call list sorts and filters by it through an index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import sqlite_utils

from inspector.scoring.auto import METHOD, AutoItem, AutoScore
from inspector.scoring.card import Scorecard
from inspector.store.clock import utc_now

CHUNK = 500


def _score_of(row) -> AutoScore:
    items = {k: AutoItem(v["deduction"], v["confidence"], tuple(v["rules"]))
             for k, v in json.loads(row["items"]).items()}
    return AutoScore(row["total"], items, tuple(json.loads(row["fatal"])), tuple(json.loads(row["review"])),
                     tuple(json.loads(row["unknown"])))


class AutoScoreRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def store(self, card: Scorecard, scored: Iterable[tuple[int, AutoScore, str, str]]) -> int:
        """(call id, score, pack id, pack version) rows, in one transaction; how many were stored."""
        now = utc_now(precise=True)
        rows = [{"call_id": call_id, "total": s.total, "fatal": json.dumps(list(s.fatal)),
                 "review": json.dumps(list(s.review)), "unknown": json.dumps(list(s.unknown)),
                 "items": json.dumps({k: {"deduction": v.deduction, "confidence": v.confidence,
                                          "rules": list(v.rules)} for k, v in s.items.items()}, ensure_ascii=False),
                 "card_id": card.id, "card_version": card.version, "method": METHOD, "pack_id": pack_id,
                 "pack_version": pack_version, "scored_at": now}
                for call_id, s, pack_id, pack_version in scored]
        if not rows:
            return 0
        with self._db.atomic():
            self._db["auto_scores"].insert_all(rows, replace=True)
            self._db.conn.executemany("UPDATE calls SET auto_score = ? WHERE id = ?",
                                      [(r["total"], r["call_id"]) for r in rows])
        return len(rows)

    def for_call(self, call_id: int) -> AutoScore | None:
        rows = list(self._db.query("SELECT * FROM auto_scores WHERE call_id = ?", [call_id]))
        return _score_of(rows[0]) if rows else None

    def all(self, call_ids: list[int] | None = None) -> Iterator[tuple[int, AutoScore]]:
        """(call id, score) for the given calls or every scored one, read a chunk at a time."""
        if call_ids is None:
            for row in self._db.query("SELECT * FROM auto_scores ORDER BY call_id"):
                yield row["call_id"], _score_of(row)
            return
        for start in range(0, len(call_ids), CHUNK):
            chunk = call_ids[start: start + CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for row in self._db.query(f"SELECT * FROM auto_scores WHERE call_id IN ({marks}) ORDER BY call_id", chunk):
                yield row["call_id"], _score_of(row)

    def outdated(self, card: Scorecard) -> list[int]:
        """Checked calls never scored, or scored before their last check, on another card, or by another method."""
        return [r[0] for r in self._db.execute(
            "SELECT k.call_id FROM checks k LEFT JOIN auto_scores a ON a.call_id = k.call_id "
            "WHERE a.call_id IS NULL OR a.scored_at < k.checked_at OR a.card_id != ? OR a.card_version != ? "
            "OR a.method != ? OR a.pack_id != k.pack_id OR a.pack_version != k.pack_version ORDER BY k.call_id",
            [card.id, card.version, METHOD])]

    def drop_unchecked(self) -> int:
        """Scores whose call has no current hits any more (a version never checked is shown): removed."""
        with self._db.atomic():
            gone = self._db.execute("DELETE FROM auto_scores WHERE call_id NOT IN (SELECT call_id FROM checks)").rowcount
            self._db.execute("UPDATE calls SET auto_score = NULL WHERE auto_score IS NOT NULL "
                             "AND id NOT IN (SELECT call_id FROM auto_scores)")
        return gone
