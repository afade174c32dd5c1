"""Upgrading a workstation database from every earlier schema version with data in it, one tested step per
version (as Anki's rslib/src/storage/upgrades does).

For each version N: the schema of migrations 1..N, two rows in every table (one where a table allows only
one) with values of that version, and a snapshot of them; then ``open_database`` runs N+1 up to the newest.
Every snapshot row must be in the upgraded table with the same value in every column both versions have,
except where a migration declares what it does to stored values (``CHANGES``); and every data-moving
migration after N must pass its own check (``MOVED``). A migration added later is covered without a line
here: the parameters run to the newest version and a new table is filled from ``VALUES`` or by its column
types. One that moves data adds its check to ``MOVED``, or this test names the value that did not survive.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from inspector.store.database import open_database
from inspector.store.migrations import MIGRATIONS
from inspector.store.search import search
from tests.conftest import DEMO

LATEST = len(MIGRATIONS)
TRANSCRIPTS = [json.dumps(json.loads((DEMO / f"{name}.transcript.json").read_text(encoding="utf-8")),
                          ensure_ascii=False) for name in ("S1", "S2")]
SEEN_IN = {"S1": "流量", "S2": "服务"}

# Representative values by "table.column" or by column name: one per row (a list), or a function of
# (version, row) where a value is valid only in some versions. Anything else gets a value of its type.
Value = object
VALUES: dict[str, Value | list[Value] | Callable[[int, int], Value]] = {
    "calls.status": ["new", "in_review"],          # before 0010 a lead marked sampled calls in_review by hand
    "calls.content_hash": ["a" * 64, "b" * 64],
    "calls.call_ref": ["S1", "S2"],
    "transcripts.source": ["reference", "vosk-model-small-cn-0.22"],
    "transcripts.body": TRANSCRIPTS,
    "uuid": ["0a6c1d2e-0000-4000-8000-000000000001", "0a6c1d2e-0000-4000-8000-000000000002"],
    "session_id": ["cal-1", "cal-2"],
    "calibration_sessions.id": ["cal-1", "cal-2"],
    "evaluations.session_id": [None, "cal-2"],     # a production evaluation and a calibration score
    "evaluations.status": ["submitted", "draft"],
    "evaluations.body": ['{"items": {"A1": {"points": 5}}}', '{"items": {}}'],
    "decision": ["confirmed", "rejected"],
    "asr_queue.status": ["done", "failed"],
    "transcript_edits.field": ["word", "text"],
    "appeals.status": lambda version, row: ["open", "dismissed" if version < 10 else "rejected"][row],
    "role": ["lead", "inspector"],
    "salt": [b"\x01" * 16, b"\x02" * 16],
    "pw_hash": [b"\x03" * 64, b"\x04" * 64],
    "benchmark_kind": [None, "consensus"],
    "calibration_sessions.status": ["open", "revealed"],
    "kind": ["pack", "results"],
    "outbox.status": ["pending", "acknowledged"],
    "sync_identity.id": 1,
    "active": [1, 0],
    "must_change_password": [0, 1],
    "redline_cases.status": ["open", "closed"],
    "flag_only": [0, 1],
    "listen": [0, 1],
    "worsened": [0, 1],
    "call_categories.path": ['["资费争议", "扣费不明"]', '["业务办理", "退订"]'],
    "reasons": ['["fatal rule R13"]', '["R06"]'],
    "definition": ['{"fatal": true}', '{"percent": 10}'],
    "hits": ['[]', '[{"rule": "R01"}]'],
    "masked": [1, 0],
}
ONE_ROW = {"sync_identity"}

RECOMPUTED = object()          # the migration recomputes the value; its MOVED check says how
# What a migration does to values already stored: {migration: {(table, column): old value → new, or RECOMPUTED}}
CHANGES: dict[int, dict[tuple[str, str], Callable[[Value], Value] | object]] = {
    10: {("appeals", "status"): lambda status: "rejected" if status == "dismissed" else status,
         ("calls", "status"): RECOMPUTED},
}


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables, parents before children; FTS5 tables and their shadow tables are derived data."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        ).fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    names = [name for name, _ in rows if not any(name == v or name.startswith(v + "_") for v in virtual)]
    ordered: list[str] = []

    def visit(name: str) -> None:
        if name in ordered:
            return
        for parent in {row[2] for row in conn.execute(f"PRAGMA foreign_key_list('{name}')")}:
            if parent != name:
                visit(parent)
        ordered.append(name)

    for name in sorted(names):
        visit(name)
    return ordered


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(row[1], row[2]) for row in conn.execute(f"PRAGMA table_info('{table}')")]


def _value(version: int, table: str, column: str, kind: str, row: int) -> Value:
    for key in (f"{table}.{column}", column):
        if key in VALUES:
            given = VALUES[key]
            given = given(version, row) if callable(given) else given
            return given[row] if isinstance(given, list) else given
    kind = kind.upper()
    if "INT" in kind:
        return row + 1            # also the id of the row's call, session, sample…: rows refer to their peers
    if "REAL" in kind:
        return 12.5 + row
    if "BLOB" in kind:
        return bytes([row + 1]) * 8
    return f"{table}.{column}.{row + 1}"


def _seed(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    for table in _tables(conn):
        columns = _columns(conn, table)
        for row in range(1 if table in ONE_ROW else 2):
            values = [_value(version, table, name, kind, row) for name, kind in columns]
            try:
                conn.execute(f"INSERT INTO {table} ({', '.join(f'[{n}]' for n, _ in columns)}) "
                             f"VALUES ({', '.join('?' * len(columns))})", values)
            except sqlite3.DatabaseError as exc:
                raise AssertionError(f"version {version}: no representative row for {table} ({exc}); give its "
                                     "columns values in VALUES of tests/test_upgrades.py") from exc
    conn.commit()


def _snapshot(conn: sqlite3.Connection) -> dict[str, list[dict]]:
    conn.row_factory = sqlite3.Row
    try:
        return {table: [dict(r) for r in conn.execute(f"SELECT * FROM [{table}]")] for table in _tables(conn)}
    finally:
        conn.row_factory = None


def _database_at(path: Path, version: int) -> dict[str, list[dict]]:
    open_database(path, MIGRATIONS[:version]).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        _seed(conn, version)
        return _snapshot(conn)
    finally:
        conn.close()


def _expected(table: str, row: dict, since: int) -> dict:
    """The row as the migrations after version ``since`` leave it (RECOMPUTED values are left out)."""
    row = dict(row)
    for number in range(since + 1, LATEST + 1):
        for (changed_table, column), how in CHANGES.get(number, {}).items():
            if changed_table == table and column in row:
                if how is RECOMPUTED:
                    del row[column]
                else:
                    row[column] = how(row[column])
    return row


def _moved_0009(conn, before, since):
    """Hit decisions got a scope: everything decided before was production review."""
    if "hit_decisions" in before:
        scopes = [r[0] for r in conn.execute("SELECT scope FROM hit_decisions")]
        assert scopes and scopes == [""] * len(before["hit_decisions"])


def _moved_0010(conn, before, since):
    """Calls a lead had marked in_review became assigned to nobody yet; every call's status is derived."""
    evaluated = {e["call_id"] for e in before.get("evaluations", []) if e.get("session_id") is None}
    by_hand = sorted(c["id"] for c in before["calls"] if c["status"] == "in_review")
    assert by_hand, "the representative rows must have a call sampled by hand"
    assigned = conn.execute("SELECT call_id, assignee, sample_id, position, reasons FROM assignments "
                            "WHERE reasons = '[\"sampled before the review queue\"]' ORDER BY call_id").fetchall()
    assert assigned == [(call, None, None, call, '["sampled before the review queue"]') for call in by_hand]
    derived = dict(conn.execute("SELECT call_id, status FROM call_status_derived").fetchall())
    assert dict(conn.execute("SELECT id, status FROM calls").fetchall()) == derived
    assert {derived[c] for c in by_hand if c not in evaluated} <= {"assigned"}
    dismissed = [a["id"] for a in before.get("appeals", []) if a["status"] == "dismissed"]
    assert bool(dismissed) == ("appeals" in before) and all(conn.execute("SELECT status, item_id FROM appeals WHERE id = ?", [i]).fetchone()
                             == ("rejected", None) for i in dismissed)


def _moved_0012(conn, before, since):
    """Every calibration session got its own key for sealing results files."""
    keys = [r[0] for r in conn.execute("SELECT results_key FROM calibration_sessions")]
    assert len(keys) == len(before.get("calibration_sessions", [])) == len(set(keys))
    assert all(re.fullmatch(r"[0-9a-f]{64}", k) for k in keys)


def _moved_0014(conn, before, since):
    """Accounts kept their names, roles and passwords, and start active, unlocked, with no forced change."""
    rows = conn.execute("SELECT id, salt, pw_hash, active, must_change_password, failed_logins, locked_until "
                        "FROM users ORDER BY id").fetchall()
    assert rows == sorted((u["id"], u["salt"], u["pw_hash"], 1, 0, 0, None) for u in before.get("users", []))


def _moved_0016(conn, before, since):
    """Every sentence of every stored transcript version is in the search index, and today's search finds it."""
    for stored in before["transcripts"]:
        segments = json.loads(stored["body"])["segments"]
        texts = [r[0] for r in conn.execute("SELECT text FROM sentences WHERE call_id = ? AND source = ? "
                                            "ORDER BY segment", [stored["call_id"], stored["source"]])]
        assert texts == [s["text"] for s in segments]
        call_ref = json.loads(stored["body"])["call_id"]
        import sqlite_utils
        found = search(sqlite_utils.Database(conn), SEEN_IN[call_ref])
        assert any(f.call_id == stored["call_id"] and f.source == stored["source"] for f in found)


MOVED: dict[int, Callable[[sqlite3.Connection, dict[str, list[dict]], int], None]] = {
    9: _moved_0009, 10: _moved_0010, 12: _moved_0012, 14: _moved_0014, 16: _moved_0016}


def test_every_declared_step_is_a_migration():
    assert set(MOVED) | set(CHANGES) <= {m.number for m in MIGRATIONS}
    assert [m.number for m in MIGRATIONS] == list(range(1, LATEST + 1))


@pytest.mark.parametrize("version", range(1, LATEST))
def test_a_database_with_data_upgrades_from_this_version(tmp_path, version):
    path = tmp_path / "inspector.sqlite3"
    before = _database_at(path, version)
    assert all(before[t] for t in before), f"tables left empty at version {version}"
    open_database(path).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        after = _snapshot(conn)
        for table, rows in before.items():
            if table not in after:
                continue                    # a later migration dropped it; its MOVED check says where it went
            expected = [_expected(table, row, version) for row in rows]
            shared = sorted(set(expected[0]) & set(after[table][0] if after[table] else {}))
            want = Counter(tuple(row[c] for c in shared) for row in expected)
            have = Counter(tuple(row[c] for c in shared) for row in after[table])
            assert want == have, f"{table} after upgrading from version {version}: {shared}"
        for number in range(version + 1, LATEST + 1):
            if number in MOVED:
                MOVED[number](conn, before, version)
    finally:
        conn.close()
