-- calibration sessions; their evaluations live in `evaluations`, marked with session_id, and are kept
-- out of production lists, exports and uploads
CREATE TABLE calibration_sessions (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    card_id        TEXT NOT NULL,
    card_version   TEXT NOT NULL,
    lead           TEXT NOT NULL,
    benchmark      TEXT,
    benchmark_kind TEXT CHECK (benchmark_kind IN ('scorer', 'consensus')),
    status         TEXT NOT NULL CHECK (status IN ('open', 'revealed')),
    created_at     TEXT NOT NULL,
    revealed_at    TEXT
);
CREATE TABLE calibration_calls (
    session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
    call_id    INTEGER NOT NULL REFERENCES calls(id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, call_id)
);
CREATE TABLE calibration_participants (
    session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
    inspector  TEXT NOT NULL,
    PRIMARY KEY (session_id, inspector)
);
CREATE TABLE calibration_imports (
    sha256      TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('pack', 'results')),
    imported_at TEXT NOT NULL
);
ALTER TABLE evaluations ADD COLUMN session_id TEXT REFERENCES calibration_sessions(id);
CREATE INDEX evaluations_session ON evaluations(session_id, inspector);
