"""The append-only record of exports that take calls, transcripts or recordings off the workstation."""

from __future__ import annotations

import sqlite_utils

from inspector.store.clock import utc_now


class ExportAudit:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def record(self, by: str, what: str, target: str, masked: bool, detail: str = "") -> None:
        with self._db.atomic():
            self._db["export_audit"].insert({"at": utc_now(), "by": by, "what": what, "target": target,
                                             "masked": int(masked), "detail": detail})

    def entries(self) -> list[dict]:
        return list(self._db.query("SELECT * FROM export_audit ORDER BY id"))
