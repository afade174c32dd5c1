-- automatic rule hits (replaced on every re-check) and inspectors' decisions on them (kept)
CREATE TABLE hits (
    id           INTEGER PRIMARY KEY,
    call_id      INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    hit_key      TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    rule         TEXT NOT NULL,
    name         TEXT NOT NULL,
    start        REAL NOT NULL,
    end          REAL NOT NULL,
    speaker      TEXT NOT NULL,
    evidence     TEXT NOT NULL,
    confidence   REAL NOT NULL,
    item         TEXT,
    deduction    REAL NOT NULL,
    severity     TEXT NOT NULL,
    flag_only    INTEGER NOT NULL,
    why          TEXT NOT NULL,
    checked_at   TEXT NOT NULL,
    UNIQUE (call_id, hit_key)
);
CREATE INDEX hits_rule ON hits(rule);
CREATE TABLE checks (
    call_id      INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    checked_at   TEXT NOT NULL
);
CREATE TABLE hit_decisions (
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    hit_key    TEXT NOT NULL,
    rule       TEXT NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    note       TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (call_id, hit_key)
);
CREATE INDEX hit_decisions_rule ON hit_decisions(rule, decision);
