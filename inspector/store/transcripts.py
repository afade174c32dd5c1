"""Transcripts stored per call and source (reference, an ASR model, an imported file)."""

from __future__ import annotations

import json

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.transcript.edits import Edit
from inspector.transcript.io import from_dict, to_dict
from inspector.transcript.model import Transcript

EDITED = "edited"


class TranscriptRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def save(self, call_id: int, source: str, transcript: Transcript) -> None:
        row = {"call_id": call_id, "source": source,
               "body": json.dumps(to_dict(transcript), ensure_ascii=False),
               "created_at": utc_now(precise=True)}
        with self._db.atomic():
            self._db["transcripts"].upsert(row, pk=("call_id", "source"))

    def latest(self, call_id: int) -> tuple[str, Transcript] | None:
        rows = list(self._db.query(
            "SELECT source, body FROM transcripts WHERE call_id = ? ORDER BY created_at DESC, rowid DESC "
            "LIMIT 1", [call_id]))
        if not rows:
            return None
        return rows[0]["source"], from_dict(json.loads(rows[0]["body"]), f"database transcript of call {call_id}")

    def record_edit(self, call_id: int, based_on: str, corrected: Transcript, edit: Edit, by: str) -> None:
        """The corrected transcript and its audit row, together or not at all."""
        with self._db.atomic():
            self.save(call_id, EDITED, corrected)
            self._db["transcript_edits"].insert({
                "call_id": call_id, "based_on": based_on, "segment": edit.segment, "word": edit.word,
                "field": edit.field, "old": edit.old, "new": edit.new, "edited_by": by,
                "edited_at": utc_now()})

    def edits(self, call_id: int) -> list[dict]:
        return list(self._db.query("SELECT * FROM transcript_edits WHERE call_id = ? ORDER BY id", [call_id]))

    def sources(self, call_id: int) -> list[str]:
        return [row["source"] for row in self._db.query(
            "SELECT source FROM transcripts WHERE call_id = ? ORDER BY source", [call_id])]
