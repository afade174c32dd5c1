"""Search across all calls: every sentence of every transcript version, with an FTS5 index of character
pairs and of merged-pinyin pairs (see inspector/store/search.py); transcripts already stored are indexed.

Frozen: this step carries its own copy of what it needs (reading the stored transcript JSON, the text
normalisation, the pinyin merging and the pairs as they were when it was released) instead of calling
inspector.store.search, whose code and tables move on with later migrations while this step must keep
doing what databases in the field already had done to them. A later change to what the index holds comes
with a migration of its own that rebuilds it (search.rebuild_index).
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata

_CHINESE_DIGITS = str.maketrans({"零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3",
                                 "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})
_DROP = re.compile(r"[^\w]|_", re.UNICODE)
_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("h", "f"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))
_END = "_"


def _normalize(text: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower()).translate(_CHINESE_DIGITS)


def _merged_syllable(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    syllable = lazy_pinyin(char, style=Style.NORMAL, errors="default")[0]
    for long, short in _INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    for long, short in _FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


def _pairs(units: list[str], joint: str) -> str:
    if not units:
        return ""
    return " ".join([a + joint + b for a, b in zip(units, units[1:])] + [units[-1] + _END])


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
    stored = conn.execute("SELECT call_id, source, body FROM transcripts ORDER BY call_id, source").fetchall()
    for call_id, source, body in stored:
        for number, segment in enumerate(json.loads(body)["segments"]):
            text = segment["text"]
            cursor = conn.execute("INSERT INTO sentences (call_id, source, segment, speaker, start, end, text) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  [call_id, source, number, segment["speaker"], segment["start"], segment["end"],
                                   text])
            normalized = _normalize(text)
            conn.execute("INSERT INTO sentence_index (rowid, grams, sounds) VALUES (?, ?, ?)",
                         [cursor.lastrowid, _pairs(list(normalized), ""),
                          _pairs([_merged_syllable(c) for c in normalized], _END)])
