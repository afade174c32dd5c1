-- Failed log-ins of job numbers that have no account, counted and locked like an account's, so that no
-- answer tells whether a job number exists (rows older than a day are pruned at the next such attempt).
CREATE TABLE unknown_logins (
    id            TEXT PRIMARY KEY,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    last_at       TEXT NOT NULL
);

-- Which participant's calibration results key this workstation holds: NULL on the lead's workstation, which
-- holds the session key and derives every participant's from it; a participant's id where a pack was imported.
ALTER TABLE calibration_sessions ADD COLUMN key_holder TEXT;

-- Every export that takes calls, transcripts or recordings off the workstation: who, what, where, and whether
-- personal data was masked (an unmasked one needs a team lead's password). Append-only, like user_audit.
CREATE TABLE export_audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    by      TEXT NOT NULL,
    what    TEXT NOT NULL,
    target  TEXT NOT NULL,
    masked  INTEGER NOT NULL CHECK (masked IN (0, 1)),
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER export_audit_no_update BEFORE UPDATE ON export_audit BEGIN
    SELECT RAISE(ABORT, 'export_audit is append-only');
END;
CREATE TRIGGER export_audit_no_delete BEFORE DELETE ON export_audit BEGIN
    SELECT RAISE(ABORT, 'export_audit is append-only');
END;
