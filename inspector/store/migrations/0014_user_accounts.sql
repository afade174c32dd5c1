-- A centre's people: the admin role, disabled accounts, passwords a lead resets (changed at next log-in),
-- a lock after repeated failed log-ins, and an append-only record of every change to an account.
-- SQLite cannot change a CHECK constraint in place, so the users table is rebuilt (nothing references it).
CREATE TABLE users_new (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('inspector', 'lead', 'admin')),
    salt                 BLOB NOT NULL,
    pw_hash              BLOB NOT NULL,
    created_at           TEXT NOT NULL,
    active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    failed_logins        INTEGER NOT NULL DEFAULT 0,
    locked_until         TEXT
);
INSERT INTO users_new (id, name, role, salt, pw_hash, created_at)
    SELECT id, name, role, salt, pw_hash, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

CREATE TABLE user_audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    by      TEXT NOT NULL,
    user_id TEXT NOT NULL,
    what    TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_audit_user ON user_audit(user_id, id);

-- Audit trails are evidence: once written, no statement may change or remove a row.
CREATE TRIGGER user_audit_no_update BEFORE UPDATE ON user_audit BEGIN
    SELECT RAISE(ABORT, 'user_audit is append-only');
END;
CREATE TRIGGER user_audit_no_delete BEFORE DELETE ON user_audit BEGIN
    SELECT RAISE(ABORT, 'user_audit is append-only');
END;
CREATE TRIGGER evaluation_audit_no_update BEFORE UPDATE ON evaluation_audit BEGIN
    SELECT RAISE(ABORT, 'evaluation_audit is append-only');
END;
CREATE TRIGGER evaluation_audit_no_delete BEFORE DELETE ON evaluation_audit BEGIN
    SELECT RAISE(ABORT, 'evaluation_audit is append-only');
END;
