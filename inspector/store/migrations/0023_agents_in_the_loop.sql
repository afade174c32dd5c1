-- Agents in the loop: the agent role (their account id is their 工号, the calls' agent_id), agents'
-- acknowledgements of evaluations, red-line cases withdrawn by an upheld appeal, and coaching: items or hits
-- marked for coaching and the sessions held on them.
-- SQLite cannot change a CHECK constraint in place, so the users table is rebuilt (nothing references it).
CREATE TABLE users_new (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('inspector', 'lead', 'admin', 'agent')),
    salt                 BLOB NOT NULL,
    pw_hash              BLOB NOT NULL,
    created_at           TEXT NOT NULL,
    active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    failed_logins        INTEGER NOT NULL DEFAULT 0,
    locked_until         TEXT
);
INSERT INTO users_new SELECT id, name, role, salt, pw_hash, created_at, active, must_change_password,
                             failed_logins, locked_until FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- One acknowledgement per agent and evaluation version: a new version (an upheld appeal) is acknowledged anew.
CREATE TABLE acknowledgements (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL REFERENCES evaluations(uuid),
    version  INTEGER NOT NULL,
    agent_id TEXT NOT NULL,
    comment  TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL,
    UNIQUE (uuid, version)
);

-- The appeal whose upholding withdrew a red-line case (NULL: closed by a lead or by a hit rejected on review).
ALTER TABLE redline_cases ADD COLUMN appeal_id INTEGER REFERENCES appeals(id);

CREATE TABLE coaching_sessions (
    id         INTEGER PRIMARY KEY,
    agent_id   TEXT NOT NULL,
    coach      TEXT NOT NULL,
    held_on    TEXT NOT NULL,            -- YYYY-MM-DD: evaluations of calls before it are "before", from it "after"
    items      TEXT NOT NULL,            -- scorecard item ids, comma-separated
    actions    TEXT NOT NULL,
    follow_up  TEXT,                     -- YYYY-MM-DD
    created_at TEXT NOT NULL
);
CREATE INDEX coaching_sessions_agent ON coaching_sessions(agent_id, held_on);
CREATE TABLE coaching_marks (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL REFERENCES evaluations(uuid),
    item_id    TEXT NOT NULL,
    hit_key    TEXT,
    agent_id   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    marked_by  TEXT NOT NULL,
    marked_at  TEXT NOT NULL,
    session_id INTEGER REFERENCES coaching_sessions(id)   -- the session that took it up; NULL: still waiting
);
CREATE INDEX coaching_marks_agent ON coaching_marks(agent_id, session_id);
