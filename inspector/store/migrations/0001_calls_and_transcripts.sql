-- calls and their transcripts
CREATE TABLE calls (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    path          TEXT NOT NULL,
    call_ref      TEXT NOT NULL,
    agent_id      TEXT,
    agent_name    TEXT,
    started_at    TEXT,
    hotline       TEXT,
    business_type TEXT,
    title         TEXT,
    duration_s    REAL NOT NULL,
    sample_rate   INTEGER NOT NULL,
    channels      INTEGER NOT NULL,
    audio_format  TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'new',
    hit_count     INTEGER NOT NULL DEFAULT 0,
    imported_at   TEXT NOT NULL
);
CREATE INDEX calls_agent ON calls(agent_id, started_at);
CREATE INDEX calls_started ON calls(started_at);
CREATE INDEX calls_status ON calls(status, started_at);
CREATE INDEX calls_hits ON calls(hit_count);
CREATE INDEX calls_ref ON calls(call_ref);
CREATE TABLE transcripts (
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (call_id, source)
);
