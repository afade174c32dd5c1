"""Calls in the database: add idempotently by content hash, and page through them sorted and filtered.

The call list pages by key (the last row's sort value and id, never OFFSET) over an index per sortable
column, so the 100th page of 100,000 calls costs what the first does.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import sqlite_utils

from inspector.store.clock import utc_now

CALL_STATUSES = ("new", "assigned", "in_review", "reviewed", "reopened", "appealed")  # derived by triggers
# column → the expression its rows are ordered by; nullable columns sort as '' so that a key (value, id)
# always compares. Migration 0014 indexes each expression with id: a new sortable column adds an index there.
SORT_KEYS = {"call_ref": "call_ref", "agent_id": "coalesce(agent_id, '')",
             "started_at": "coalesce(started_at, '')", "duration_s": "duration_s", "status": "status",
             "hit_count": "hit_count", "business_type": "coalesce(business_type, '')",
             "auto_score": "coalesce(auto_score, '')"}
SORTABLE = tuple(SORT_KEYS)


@dataclass(frozen=True, kw_only=True)
class CallMetadata:
    """What a call-centre export says about a call; every field may be missing."""

    call_ref: str | None = None
    agent_id: str | None = None
    agent_name: str | None = None
    team: str | None = None           # 班组
    started_at: str | None = None
    hotline: str | None = None
    business_type: str | None = None
    title: str | None = None
    satisfaction: float | None = None     # post-call survey score (满意度), as the centre scores it
    resolved: bool | None = None          # 是否解决
    caller_hash: str | None = None        # HMAC of the caller's number (intake.callers); never the number


@dataclass(frozen=True, kw_only=True)
class NewCall(CallMetadata):
    """What an import knows about a recording before it is in the database."""

    call_ref: str
    content_hash: str
    path: str
    duration_s: float
    sample_rate: int
    channels: int
    audio_format: str


@dataclass(frozen=True, kw_only=True)
class Call(NewCall):
    id: int = 0
    status: str = "new"
    hit_count: int = 0
    imported_at: str = ""
    auto_score: float | None = None       # the automatic score's total (scoring.auto); None: not scored


@dataclass(frozen=True)
class CallFilter:
    agent_id: str | None = None
    date_from: str | None = None      # inclusive, ISO date
    date_to: str | None = None        # inclusive, ISO date
    status: str | None = None
    has_hits: bool | None = None
    text: str = ""                    # substring of call id, agent name or business type
    category: str | None = None       # a level-1 category name or a full path ("资费争议 › 扣费不明")
    worsened: bool | None = None      # the customer's emotion worsened during the call
    auto_below: float | None = None   # the automatic score is below this mark

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.agent_id:
            clauses.append("agent_id = ?")
            params.append(self.agent_id)
        if self.date_from:
            clauses.append("started_at >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("started_at < ?")
            params.append(self.date_to + "T99")
        if self.status:
            clauses.append("status = ?")
            params.append(self.status)
        if self.has_hits is not None:
            clauses.append("hit_count > 0" if self.has_hits else "hit_count = 0")
        if self.category:
            clauses.append("id IN (SELECT call_id FROM call_categories WHERE top = ? OR path = ?)")
            params.extend([self.category, self.category])
        if self.worsened is not None:
            negation = "" if self.worsened else "NOT "
            clauses.append(f"id {negation}IN (SELECT call_id FROM call_emotion WHERE worsened = 1)")
        if self.auto_below is not None:
            clauses.append("auto_score < ?")
            params.append(self.auto_below)
        if self.text:
            clauses.append("(call_ref LIKE ? OR agent_name LIKE ? OR business_type LIKE ?)")
            params.extend([f"%{self.text}%"] * 3)
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
        where, params = flt.where()
        return int(self._db.execute(f"SELECT count(*) FROM calls{where}", params).fetchone()[0])

    def page(self, flt: CallFilter = CallFilter(), sort: str = "started_at", descending: bool = False,
             offset: int = 0, limit: int = 200, after: Call | None = None) -> list[Call]:
        """Calls in order; ``after`` (the last call of the previous page) continues from it through the
        index, where an OFFSET would walk and sort every row before it again."""
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort calls by {sort!r}")
        where, params = flt.where()
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
        where, params = flt.where()
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
