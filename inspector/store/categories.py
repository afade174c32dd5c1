"""Each call's categories as the category pack found them, replaced whole when the call is categorised
again; looked up by page for the call list and filtered by level-1 name or full path."""

from __future__ import annotations

import json

import sqlite_utils

from inspector.categories.match import CallCategory, Evidence
from inspector.categories.pack import SEPARATOR, CategoryPack
from inspector.store.clock import utc_now


class CategoryRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def replace(self, call_id: int, pack: CategoryPack, found: list[CallCategory],
                transcript_source: str | None) -> None:
        self.replace_found(call_id, pack.id, pack.version, found, transcript_source)

    def replace_found(self, call_id: int, pack_id: str, pack_version: str, found: list[CallCategory],
                      transcript_source: str | None) -> None:
        """What a pack found elsewhere (a batch run's checks file), known by the pack's id and version."""
        with self._db.atomic():
            self._db.execute("DELETE FROM call_categories WHERE call_id = ?", [call_id])
            rows = [{"call_id": call_id, "path": SEPARATOR.join(c.path), "top": c.path[0],
                     "confidence": c.confidence,
                     "evidence": json.dumps([e.__dict__ for e in c.evidence], ensure_ascii=False)} for c in found]
            if rows:
                self._db["call_categories"].insert_all(rows)
            self._db["categorizations"].upsert({"call_id": call_id, "pack_id": pack_id, "pack_version": pack_version,
                                                "transcript_source": transcript_source,
                                                "categorized_at": utc_now(precise=True)}, pk="call_id")

    def for_call(self, call_id: int) -> list[CallCategory] | None:
        """None when the call was never categorised; [] when it was and fits no category."""
        if self._db.execute("SELECT 1 FROM categorizations WHERE call_id = ?", [call_id]).fetchone() is None:
            return None
        return [CallCategory(tuple(r["path"].split(SEPARATOR)), r["confidence"],
                             tuple(Evidence(**e) for e in json.loads(r["evidence"])))
                for r in self._db.query("SELECT * FROM call_categories WHERE call_id = ? "
                                        "ORDER BY confidence DESC, path", [call_id])]

    def labels_for(self, call_ids: list[int]) -> dict[int, list[str]]:
        """Call id → its category labels, most certain first: one query for a page of the call list."""
        found: dict[int, list[str]] = {}
        for start in range(0, len(call_ids), 500):
            chunk = call_ids[start: start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._db.query(f"SELECT call_id, path FROM call_categories WHERE call_id IN ({marks}) "
                                      "ORDER BY call_id, confidence DESC, path", chunk):
                found.setdefault(row["call_id"], []).append(row["path"])
        return found

    def in_use(self) -> list[tuple[str, int]]:
        """(label, calls) for every level-1 and full path that some call has, for filter boxes and reports."""
        sql = ("SELECT top AS label, count(DISTINCT call_id) AS n FROM call_categories GROUP BY top "
               "UNION SELECT path, count(*) FROM call_categories WHERE path != top GROUP BY path ORDER BY label")
        return [(r["label"], r["n"]) for r in self._db.query(sql)]

    def outdated(self, pack: CategoryPack) -> list[int]:
        """Calls never categorised, categorised by another pack, or whose shown transcript changed since."""
        return [r[0] for r in self._db.execute(
            "SELECT c.id FROM calls c LEFT JOIN categorizations z ON z.call_id = c.id "
            "WHERE z.call_id IS NULL OR z.pack_id != ? OR z.pack_version != ? "
            "OR EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id AND t.created_at > z.categorized_at) "
            "ORDER BY c.id", [pack.id, pack.version])]
