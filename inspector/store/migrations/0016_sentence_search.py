"""Search across all calls: every sentence of every transcript version, with an FTS5 index of character
pairs and of merged-pinyin pairs (see inspector/store/search.py); transcripts already stored are indexed."""

from __future__ import annotations

import sqlite3

from inspector.store.search import rebuild_index


def migrate(conn: sqlite3.Connection) -> None:
    conn.execute("""CREATE TABLE sentences (
        id      INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        source  TEXT NOT NULL,
        segment INTEGER NOT NULL,
        speaker TEXT NOT NULL,
        start   REAL NOT NULL,
        end     REAL NOT NULL,
        text    TEXT NOT NULL)""")
    conn.execute("CREATE INDEX sentences_call ON sentences(call_id, source)")
    conn.execute("CREATE VIRTUAL TABLE sentence_index USING fts5(grams, sounds, "
                 "tokenize = \"unicode61 tokenchars '_'\")")
    conn.execute("""CREATE TRIGGER sentences_unindex AFTER DELETE ON sentences BEGIN
        DELETE FROM sentence_index WHERE rowid = old.id; END""")
    rebuild_index(conn)
