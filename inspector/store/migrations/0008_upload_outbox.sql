-- the upload outbox (one row per submitted evaluation version, written with the submission) and this
-- workstation's sync identity
CREATE TABLE outbox (
    uuid            TEXT NOT NULL,
    version         INTEGER NOT NULL,
    payload         TEXT NOT NULL,
    digest          TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'acknowledged', 'rejected')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    acknowledged_at TEXT,
    PRIMARY KEY (uuid, version)
);
CREATE INDEX outbox_status ON outbox(status);
CREATE TABLE sync_identity (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    centre_id      TEXT NOT NULL,
    workstation_id TEXT NOT NULL,
    key_hex        TEXT NOT NULL,
    endpoint       TEXT,
    token          TEXT,
    created_at     TEXT NOT NULL
);
