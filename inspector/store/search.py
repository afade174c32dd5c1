"""Search across all calls: every sentence of every transcript version in an SQLite FTS5 index.

Chinese has no spaces, so the index holds overlapping character pairs (停机了 → 停机 机了 了_) and a query
is the phrase of its own pairs; a single character is a prefix query on the pairs. A second column holds
the same pairs of merged pinyin syllables (rules.phonetic: l/n, z/zh, an/ang … merged), so a homophone
typo (停鸡 for 停机) still finds the sentence. Sentences whose text matches come first, then those that
only sound the same. The index is written in the same transaction as the transcript it comes from.
"""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from inspector.rules.phonetic import syllables
from inspector.rules.text import normalize
from inspector.domain.calls import CallFilter
from inspector.store.calls import filter_sql
from inspector.transcript.io import from_dict
from inspector.transcript.model import Transcript
from inspector.domain.search import SearchFilter, Found

END = "_"       # closes the last pair, so a one-character query finds the sentence's last character too
MAX_LIMIT = 10_000   # more sentences than anyone reads; keeps LIMIT within SQLite's 64-bit integers


    # agent, dates and category select calls exactly as the call list's CallFilter does


def pairs(units: list[str] | tuple[str, ...], joint: str) -> list[str]:
    """Overlapping pairs of units (characters joined directly, syllables by ``_``), the last unit closed
    with ``_``."""
    if not units:
        return []
    return [a + joint + b for a, b in zip(units, units[1:])] + [units[-1] + END]


def text_pairs(text: str) -> str:
    return " ".join(pairs(list(normalize(text)), ""))


def sound_pairs(text: str) -> str:
    return " ".join(pairs(syllables(normalize(text)), END))


def index_transcript(db: sqlite_utils.Database | sqlite3.Connection, call_id: int, source: str, transcript: Transcript) -> None:
    """Replace the index rows of this call's version; the caller holds the write transaction."""
    remove_from_index(db, call_id, source)
    for number, segment in enumerate(transcript.segments):
        cursor = db.execute("INSERT INTO sentences (call_id, source, segment, speaker, start, end, text) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [call_id, source, number, segment.speaker, segment.start, segment.end, segment.text])
        db.execute("INSERT INTO sentence_index (rowid, grams, sounds) VALUES (?, ?, ?)",
                   [cursor.lastrowid, text_pairs(segment.text), sound_pairs(segment.text)])


def rebuild_index(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    """Every stored transcript version indexed again (an sqlite_utils database or a migration's sqlite3
    connection): what a change to the pinyin merging of rules.phonetic needs, since the ``sounds`` column
    holds merged syllables. Returns the number of versions indexed."""
    db.execute("DELETE FROM sentences")
    rows = db.execute("SELECT call_id, source, body FROM transcripts ORDER BY call_id, source").fetchall()
    for call_id, source, body in rows:
        index_transcript(db, call_id, source, from_dict(json.loads(body), f"database transcript of call {call_id}"))
    return len(rows)


def remove_from_index(db: sqlite_utils.Database, call_id: int, source: str) -> None:
    """A trigger removes the index rows with the sentences (also when a call is deleted)."""
    db.execute("DELETE FROM sentences WHERE call_id = ? AND source = ?", [call_id, source])


def search(db: sqlite_utils.Database, text: str, flt: SearchFilter = SearchFilter(), limit: int = 50) -> list[Found]:
    """Sentences containing ``text`` (newest calls first), then those that only sound like it; one row per
    call, moment and wording even when several transcript versions agree."""
    chars = list(normalize(text))
    if not chars:
        return []
    limit = min(limit, MAX_LIMIT)
    found: list[Found] = []
    seen: set[tuple[int, float, str]] = set()
    sounds = syllables("".join(chars))
    for column, query, by_sound in (("grams", _phrase(chars, ""), False), ("sounds", _phrase(sounds, END), True)):
        for row in _query(db, column, query, flt, limit * 3):
            key = (row["call_id"], round(row["start"], 1), row["text"])
            if key in seen:
                continue
            seen.add(key)
            found.append(Found(row["call_id"], row["call_ref"], row["source"], row["start"], row["end"],
                               row["speaker"], row["text"], by_sound))
            if len(found) >= limit:
                return found
    return found


def _phrase(units: list[str] | tuple[str, ...], joint: str) -> str:
    """One unit: a prefix query on the pairs it opens; more: the phrase of their pairs (without the end)."""
    if len(units) == 1:
        return f'"{units[0]}{joint}" *'
    return '"' + " ".join(pairs(units, joint)[:-1]) + '"'


def _query(db: sqlite_utils.Database, column: str, query: str, flt: SearchFilter, limit: int) -> list[dict]:
    clauses, params = ["sentence_index MATCH ?"], [f"{column} : {query}"]
    if flt.speaker:
        clauses.append("s.speaker = ?")
        params.append(flt.speaker)
    calls_where, calls_params = filter_sql(CallFilter(agent_id=flt.agent_id, date_from=flt.date_from,
                                                      date_to=flt.date_to, category=flt.category))
    if calls_where:
        clauses.append(f"s.call_id IN (SELECT id FROM calls{calls_where})")
        params.extend(calls_params)
    if flt.rule:
        clauses.append("s.call_id IN (SELECT call_id FROM hits WHERE rule = ?)")
        params.append(flt.rule)
    sql = ("SELECT s.call_id, c.call_ref, s.source, s.start, s.end, s.speaker, s.text "
           "FROM sentence_index JOIN sentences s ON s.id = sentence_index.rowid JOIN calls c ON c.id = s.call_id "
           f"WHERE {' AND '.join(clauses)} ORDER BY sentence_index.rowid DESC LIMIT ?")
    return list(db.query(sql, [*params, limit]))
