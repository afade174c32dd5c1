"""Transcripts stored per call and source: each source is a version of the call's transcript (the
reference or an imported file, each speech model's run, the inspectors' corrections). A new version never
replaces another; the call shows the one chosen, else the newest."""

from __future__ import annotations

import json

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.store.search import index_transcript
from inspector.transcript.edits import Edit
from inspector.transcript.io import from_dict, to_dict
from inspector.transcript.model import Transcript
from inspector.asr.sources import EDITED


class TranscriptRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def save(self, call_id: int, source: str, transcript: Transcript) -> None:
        row = {"call_id": call_id, "source": source,
               "body": json.dumps(to_dict(transcript), ensure_ascii=False),
               "created_at": utc_now(precise=True)}
        with self._db.atomic():
            self._db["transcripts"].upsert(row, pk=("call_id", "source"))
            index_transcript(self._db, call_id, source, transcript)

    def latest(self, call_id: int) -> tuple[str, Transcript] | None:
        """The version the call shows: the one chosen for it, else the newest."""
        rows = list(self._db.query(
            "SELECT t.source, t.body FROM transcripts t JOIN calls c ON c.id = t.call_id WHERE t.call_id = ? "
            "ORDER BY t.source IS c.transcript_source DESC, t.created_at DESC, t.rowid DESC LIMIT 1", [call_id]))
        if not rows:
            return None
        return rows[0]["source"], from_dict(json.loads(rows[0]["body"]), f"database transcript of call {call_id}")

    def every_version(self, call_id: int) -> list[Transcript]:
        """All stored versions: what a redaction must cover is whatever any of them heard."""
        return [from_dict(json.loads(r["body"]), f"database transcript of call {call_id}") for r in self._db.query(
            "SELECT body FROM transcripts WHERE call_id = ? ORDER BY created_at, rowid", [call_id])]

    def versions(self, call_id: int) -> list[tuple[str, str]]:
        """(source, created_at) of every version, oldest first."""
        return [(r["source"], r["created_at"]) for r in self._db.query(
            "SELECT source, created_at FROM transcripts WHERE call_id = ? ORDER BY created_at, rowid", [call_id])]

    def choose(self, call_id: int, source: str | None) -> None:
        """Show this version from now on (None: the newest, whichever it is)."""
        if source is not None and source not in self.sources(call_id):
            raise KeyError(f"call {call_id} has no transcript version {source!r}")
        with self._db.atomic():
            self._db.execute("UPDATE calls SET transcript_source = ? WHERE id = ?", [source, call_id])

    def record_edit(self, call_id: int, based_on: str, corrected: Transcript, edit: Edit, by: str) -> None:
        """The corrected transcript and its audit row, together or not at all."""
        with self._db.atomic():
            self.save(call_id, EDITED, corrected)
            self._db.execute("UPDATE calls SET transcript_source = ? WHERE id = ?", [EDITED, call_id])
            self._db["transcript_edits"].insert({
                "call_id": call_id, "based_on": based_on, "segment": edit.segment, "word": edit.word,
                "field": edit.field, "old": edit.old, "new": edit.new, "edited_by": by,
                "edited_at": utc_now()})

    def edits(self, call_id: int) -> list[dict]:
        return list(self._db.query("SELECT * FROM transcript_edits WHERE call_id = ? ORDER BY id", [call_id]))

    def sources(self, call_id: int) -> list[str]:
        return [row["source"] for row in self._db.query(
            "SELECT source FROM transcripts WHERE call_id = ? ORDER BY source", [call_id])]
