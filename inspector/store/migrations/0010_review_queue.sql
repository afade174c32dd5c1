-- the review queue: sampling plans and their samples, assignments of calls to inspectors, appeals per item
-- with a deadline and the lead's answer, the red-line register, and each call's status derived by triggers
-- from what happened to it (assigned, scored, submitted, reopened, appealed)
CREATE TABLE sampling_plans (
    name        TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE TABLE samples (
    id          INTEGER PRIMARY KEY,
    plan_name   TEXT,
    definition  TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    picked      INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE assignments (
    call_id     INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    assignee    TEXT,
    sample_id   INTEGER REFERENCES samples(id),
    position    INTEGER NOT NULL,
    reasons     TEXT NOT NULL,
    due_at      TEXT,
    assigned_at TEXT NOT NULL
);
CREATE INDEX assignments_assignee ON assignments(assignee, position);
CREATE TABLE appeals_v2 (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL REFERENCES evaluations(uuid),
    version     INTEGER NOT NULL,
    item_id     TEXT,
    agent_id    TEXT NOT NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
    filed_at    TEXT NOT NULL,
    due_at      TEXT,
    resolved_by TEXT,
    resolution  TEXT,
    resolved_at TEXT
);
INSERT INTO appeals_v2 (id, uuid, version, item_id, agent_id, text, status, filed_at, resolved_by, resolution,
                        resolved_at)
    SELECT id, uuid, version, NULL, agent_id, text, CASE status WHEN 'dismissed' THEN 'rejected' ELSE status END,
           filed_at, resolved_by, resolution, resolved_at FROM appeals;
DROP TABLE appeals;
ALTER TABLE appeals_v2 RENAME TO appeals;
CREATE INDEX appeals_uuid ON appeals(uuid, id);
CREATE INDEX appeals_status ON appeals(status, due_at);
CREATE TABLE redline_cases (
    id           INTEGER PRIMARY KEY,
    call_id      INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    hit_key      TEXT NOT NULL,
    rule         TEXT NOT NULL,
    rule_name    TEXT NOT NULL,
    agent_id     TEXT,
    evidence     TEXT NOT NULL,
    start        REAL NOT NULL,
    confirmed_by TEXT NOT NULL,
    opened_at    TEXT NOT NULL,
    owner        TEXT,
    due_at       TEXT,
    status       TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    outcome      TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    closed_by    TEXT,
    closed_at    TEXT,
    UNIQUE (call_id, hit_key)
);
CREATE INDEX redline_cases_status ON redline_cases(status, rule);
CREATE VIEW call_status_derived AS
SELECT c.id AS call_id,
       CASE
         WHEN EXISTS (SELECT 1 FROM appeals a JOIN evaluations e ON e.uuid = a.uuid
                      WHERE e.call_id = c.id AND e.session_id IS NULL AND a.status = 'open') THEN 'appealed'
         WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = c.id AND e.session_id IS NULL
                      AND e.status = 'reopened') THEN 'reopened'
         WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = c.id AND e.session_id IS NULL
                      AND e.status = 'submitted') THEN 'reviewed'
         WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = c.id AND e.session_id IS NULL
                      AND e.status = 'draft') THEN 'in_review'
         WHEN EXISTS (SELECT 1 FROM assignments s WHERE s.call_id = c.id) THEN 'assigned'
         ELSE 'new'
       END AS status
FROM calls c;
CREATE TRIGGER status_after_evaluation_insert AFTER INSERT ON evaluations BEGIN
    UPDATE calls SET status = (SELECT status FROM call_status_derived WHERE call_id = NEW.call_id)
    WHERE id = NEW.call_id;
END;
CREATE TRIGGER status_after_evaluation_update AFTER UPDATE OF status ON evaluations BEGIN
    UPDATE calls SET status = (SELECT status FROM call_status_derived WHERE call_id = NEW.call_id)
    WHERE id = NEW.call_id;
END;
CREATE TRIGGER status_after_appeal_insert AFTER INSERT ON appeals BEGIN
    UPDATE calls SET status = (SELECT d.status FROM call_status_derived d
                               JOIN evaluations e ON e.call_id = d.call_id WHERE e.uuid = NEW.uuid)
    WHERE id = (SELECT call_id FROM evaluations WHERE uuid = NEW.uuid);
END;
CREATE TRIGGER status_after_appeal_update AFTER UPDATE OF status ON appeals BEGIN
    UPDATE calls SET status = (SELECT d.status FROM call_status_derived d
                               JOIN evaluations e ON e.call_id = d.call_id WHERE e.uuid = NEW.uuid)
    WHERE id = (SELECT call_id FROM evaluations WHERE uuid = NEW.uuid);
END;
CREATE TRIGGER status_after_assignment_insert AFTER INSERT ON assignments BEGIN
    UPDATE calls SET status = (SELECT status FROM call_status_derived WHERE call_id = NEW.call_id)
    WHERE id = NEW.call_id;
END;
CREATE TRIGGER status_after_assignment_delete AFTER DELETE ON assignments BEGIN
    UPDATE calls SET status = (SELECT status FROM call_status_derived WHERE call_id = OLD.call_id)
    WHERE id = OLD.call_id;
END;
-- calls sampled before this version were marked 'in_review' by hand: they become assigned (to nobody yet)
INSERT INTO assignments (call_id, assignee, sample_id, position, reasons, due_at, assigned_at)
    SELECT id, NULL, NULL, id, '["sampled before the review queue"]', NULL, imported_at FROM calls
    WHERE status = 'in_review';
UPDATE calls SET status = (SELECT status FROM call_status_derived d WHERE d.call_id = calls.id);
