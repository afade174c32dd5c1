"""Calibration sessions in the database: the session, its calls and participants, and which exchange files
were already imported."""

from __future__ import annotations

import secrets

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.domain.calibration import CalibrationSession


class CalibrationRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def add(self, session: CalibrationSession) -> CalibrationSession:
        """Idempotent by id: the same session arriving again in a pack is not duplicated."""
        with storage_errors(self._db), self._db.atomic():
            self._db.execute(
                "INSERT OR IGNORE INTO calibration_sessions (id, title, card_id, card_version, lead, benchmark, "
                "benchmark_kind, status, created_at, revealed_at, results_key, key_holder) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [session.id, session.title, session.card_id, session.card_version, session.lead, session.benchmark,
                 session.benchmark_kind, session.status, session.created_at or utc_now(), session.revealed_at,
                 session.results_key or secrets.token_hex(32), session.key_holder])
            for position, call_id in enumerate(session.call_ids):
                self._db.execute("INSERT OR IGNORE INTO calibration_calls (session_id, call_id, position) "
                                 "VALUES (?, ?, ?)", [session.id, call_id, position])
            for inspector in session.participants:
                self._db.execute("INSERT OR IGNORE INTO calibration_participants (session_id, inspector) "
                                 "VALUES (?, ?)", [session.id, inspector])
        stored = self.get(session.id)
        assert stored is not None
        return stored

    def get(self, session_id: str) -> CalibrationSession | None:
        rows = list(self._db.query("SELECT * FROM calibration_sessions WHERE id = ?", [session_id]))
        if not rows:
            return None
        calls = tuple(r["call_id"] for r in self._db.query(
            "SELECT call_id FROM calibration_calls WHERE session_id = ? ORDER BY position", [session_id]))
        people = tuple(r["inspector"] for r in self._db.query(
            "SELECT inspector FROM calibration_participants WHERE session_id = ? ORDER BY inspector", [session_id]))
        return CalibrationSession(**rows[0], call_ids=calls, participants=people)

    def all(self) -> list[CalibrationSession]:
        ids = [r["id"] for r in self._db.query("SELECT id FROM calibration_sessions ORDER BY created_at, id")]
        return [s for s in (self.get(i) for i in ids) if s is not None]

    def reveal(self, session_id: str) -> CalibrationSession:
        with storage_errors(self._db), self._db.atomic():
            self._db.execute("UPDATE calibration_sessions SET status = 'revealed', revealed_at = ? WHERE id = ?",
                             [utc_now(), session_id])
        stored = self.get(session_id)
        assert stored is not None
        return stored

    def was_imported(self, sha256: str) -> bool:
        return self._db.execute("SELECT 1 FROM calibration_imports WHERE sha256 = ?", [sha256]).fetchone() is not None

    def record_import(self, sha256: str, session_id: str, kind: str) -> None:
        """Called inside the importing transaction, so a failed import can be retried."""
        self._db.execute("INSERT OR IGNORE INTO calibration_imports (sha256, session_id, kind, imported_at) "
                         "VALUES (?, ?, ?, ?)", [sha256, session_id, kind, utc_now()])
