-- evaluations (one row per evaluation, its current state), their audit trail and agents' appeals
CREATE TABLE evaluations (
    uuid         TEXT PRIMARY KEY,
    call_id      INTEGER NOT NULL REFERENCES calls(id),
    inspector    TEXT NOT NULL,
    card_id      TEXT NOT NULL,
    card_version TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'reopened')),
    version      INTEGER NOT NULL,
    total        REAL NOT NULL,
    fatal        INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    submitted_at TEXT
);
CREATE INDEX evaluations_call ON evaluations(call_id);
CREATE INDEX evaluations_inspector ON evaluations(inspector, status);
CREATE TABLE evaluation_audit (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL REFERENCES evaluations(uuid),
    version    INTEGER NOT NULL,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    what       TEXT NOT NULL,
    old        TEXT NOT NULL,
    new        TEXT NOT NULL
);
CREATE INDEX evaluation_audit_uuid ON evaluation_audit(uuid, id);
CREATE TABLE appeals (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL REFERENCES evaluations(uuid),
    version     INTEGER NOT NULL,
    agent_id    TEXT NOT NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
    filed_at    TEXT NOT NULL,
    resolved_by TEXT,
    resolution  TEXT,
    resolved_at TEXT
);
