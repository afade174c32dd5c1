"""Each call's customer emotion, replaced whole when measured again; summaries a page at a time for the
call list, and the calls whose emotion is missing or older than their transcript."""

from __future__ import annotations

import json
from dataclasses import asdict

import sqlite_utils

from inspector.emotion.turns import CustomerEmotion
from inspector.store.clock import utc_now


class EmotionRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def replace(self, call_id: int, emotion: CustomerEmotion, transcript_source: str | None) -> None:
        with self._db.atomic():
            self._db["call_emotion"].upsert({
                "call_id": call_id, "start_label": emotion.start_label, "end_label": emotion.end_label,
                "start_distress": emotion.start_distress, "end_distress": emotion.end_distress,
                "worsened": int(emotion.worsened), "basis": json.dumps(list(emotion.basis)),
                "turns": json.dumps([asdict(t) for t in emotion.turns], ensure_ascii=False),
                "transcript_source": transcript_source, "measured_at": utc_now(precise=True)}, pk="call_id")

    def for_call(self, call_id: int) -> CustomerEmotion | None:
        rows = list(self._db.query("SELECT * FROM call_emotion WHERE call_id = ?", [call_id]))
        if not rows:
            return None
        r = rows[0]
        return CustomerEmotion.from_dict(r | {"turns": json.loads(r["turns"]), "basis": json.loads(r["basis"])})

    def summaries_for(self, call_ids: list[int]) -> dict[int, tuple[str, str, bool]]:
        """Call id → (start label, end label, worsened): one query for a page of the call list."""
        found = {}
        for start in range(0, len(call_ids), 500):
            chunk = call_ids[start: start + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self._db.query(f"SELECT call_id, start_label, end_label, worsened FROM call_emotion "
                                    f"WHERE call_id IN ({marks})", chunk):
                found[r["call_id"]] = (r["start_label"], r["end_label"], bool(r["worsened"]))
        return found

    def outdated(self) -> list[int]:
        return [r[0] for r in self._db.execute(
            "SELECT c.id FROM calls c LEFT JOIN call_emotion e ON e.call_id = c.id "
            "WHERE e.call_id IS NULL OR EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id "
            "AND t.created_at > e.measured_at) ORDER BY c.id")]
