"""Calls in the database: add idempotently by content hash, and page through them sorted and filtered.

The call list pages by key (the last row's sort value and id, never OFFSET) over an index per sortable
column, so the 100th page of 100,000 calls costs what the first does.
"""

from __future__ import annotations

from dataclasses import asdict, fields

import sqlite_utils

from inspector.store.clock import utc_now
from inspector.domain.calls import CALL_STATUSES, SORTABLE, Call, CallFilter, NewCall

# column → the expression its rows are ordered by; nullable columns sort as '' so that a key (value, id)
# always compares. Migration 0014 indexes each expression with id: a new sortable column adds an index there.
SORT_KEYS = {"call_ref": "call_ref", "agent_id": "coalesce(agent_id, '')",
             "started_at": "coalesce(started_at, '')", "duration_s": "duration_s", "status": "status",
             "hit_count": "hit_count", "business_type": "coalesce(business_type, '')",
             "auto_score": "coalesce(auto_score, '')"}


def filter_sql(flt: CallFilter) -> tuple[str, list[object]]:
    """The WHERE clause, with its parameters, of the calls a filter keeps."""
    clauses: list[str] = []
    params: list[object] = []
    if flt.agent_id:
        clauses.append("agent_id = ?")
        params.append(flt.agent_id)
    if flt.date_from:
        clauses.append("started_at >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        clauses.append("started_at < ?")
        params.append(flt.date_to + "T99")
    if flt.status:
        clauses.append("status = ?")
        params.append(flt.status)
    if flt.has_hits is not None:
        clauses.append("hit_count > 0" if flt.has_hits else "hit_count = 0")
    if flt.category:
        clauses.append("id IN (SELECT call_id FROM call_categories WHERE top = ? OR path = ?)")
        params.extend([flt.category, flt.category])
    if flt.worsened is not None:
        negation = "" if flt.worsened else "NOT "
        clauses.append(f"id {negation}IN (SELECT call_id FROM call_emotion WHERE worsened = 1)")
    if flt.auto_below is not None:
        clauses.append("auto_score < ?")
        params.append(flt.auto_below)
    if flt.text:
        clauses.append("(call_ref LIKE ? OR agent_name LIKE ? OR business_type LIKE ?)")
        params.extend([f"%{flt.text}%"] * 3)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_COLUMNS = tuple(f.name for f in fields(Call))


class CallRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def add(self, call: NewCall) -> tuple[Call, bool]:
        """Insert unless the same audio is already there; returns the stored call and whether it is new."""
        existing = self.by_hash(call.content_hash)
        if existing is not None:
            return existing, False
        row = asdict(call) | {"imported_at": utc_now()}
        with self._db.atomic():
            self._db["calls"].insert(row)
        stored = self.by_hash(call.content_hash)
        assert stored is not None
        return stored, True

    def by_hash(self, content_hash: str) -> Call | None:
        rows = list(self._db.query("SELECT * FROM calls WHERE content_hash = ?", [content_hash]))
        return _to_call(rows[0]) if rows else None

    def get(self, call_id: int) -> Call | None:
        rows = list(self._db.query("SELECT * FROM calls WHERE id = ?", [call_id]))
        return _to_call(rows[0]) if rows else None

    def refs(self, call_ids: tuple[int, ...] | list[int]) -> dict[int, str]:
        """Call id → call_ref, what reports and messages name calls by."""
        marks = ", ".join("?" for _ in call_ids)
        return {r["id"]: r["call_ref"] for r in self._db.query(
            f"SELECT id, call_ref FROM calls WHERE id IN ({marks})", list(call_ids))}

    def checked(self, call_ids: list[int]) -> set[int]:
        """Which of these calls the rules have checked: an unchecked call's 0 hits means "not yet", not "clean"."""
        if not call_ids:
            return set()
        marks = ",".join("?" * len(call_ids))
        return {row[0] for row in self._db.execute(f"SELECT call_id FROM checks WHERE call_id IN ({marks})",
                                                   list(call_ids)).fetchall()}

    def all_refs(self) -> list[tuple[int, str]]:
        """(id, call_ref) of every call, in the order they were imported."""
        return [(r[0], r[1]) for r in self._db.execute("SELECT id, call_ref FROM calls ORDER BY id")]

    def count(self, flt: CallFilter = CallFilter()) -> int:
        where, params = filter_sql(flt)
        return int(self._db.execute(f"SELECT count(*) FROM calls{where}", params).fetchone()[0])

    def page(self, flt: CallFilter = CallFilter(), sort: str = "started_at", descending: bool = False,
             offset: int = 0, limit: int = 200, after: Call | None = None) -> list[Call]:
        """Calls in order; ``after`` (the last call of the previous page) continues from it through the
        index, where an OFFSET would walk and sort every row before it again."""
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort calls by {sort!r}")
        where, params = filter_sql(flt)
        key = SORT_KEYS[sort]
        order, beyond = ("DESC", "<") if descending else ("ASC", ">")
        if after is not None:
            value = getattr(after, sort)
            value = "" if value is None else value
            # the plain comparison lets SQLite search the index; the row value picks up after the same id
            where += (" AND " if where else " WHERE ") + f"{key} {beyond}= ? AND ({key}, id) {beyond} (?, ?)"
            params += [value, value, after.id]
        sql = f"SELECT * FROM calls{where} ORDER BY {key} {order}, id {order} LIMIT ? OFFSET ?"
        return [_to_call(row) for row in self._db.query(sql, [*params, limit, offset])]

    def status_counts(self, flt: CallFilter = CallFilter()) -> dict[str, int]:
        """How many of the filtered calls are in each status, in lifecycle order."""
        where, params = filter_sql(flt)
        found = {r[0]: r[1] for r in self._db.execute(f"SELECT status, count(*) FROM calls{where} GROUP BY status",
                                                       params)}
        return {status: found[status] for status in CALL_STATUSES if status in found}

    def agents(self) -> list[tuple[str, str]]:
        """(agent id, name) pairs for the filter box."""
        sql = ("SELECT agent_id, max(coalesce(agent_name, '')) AS name FROM calls "
               "WHERE agent_id IS NOT NULL GROUP BY agent_id ORDER BY agent_id")
        return [(row["agent_id"], row["name"]) for row in self._db.query(sql)]


def _to_call(row: dict) -> Call:
    values = {key: row[key] for key in _COLUMNS}
    if values["resolved"] is not None:
        values["resolved"] = bool(values["resolved"])
    return Call(**values)
