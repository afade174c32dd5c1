-- hit decisions get a scope: '' for production review, '<session id>:<inspector>' for a blind calibration
-- score, so one participant's decisions neither show in nor overwrite another's
CREATE TABLE hit_decisions_scoped (
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    hit_key    TEXT NOT NULL,
    scope      TEXT NOT NULL DEFAULT '',
    rule       TEXT NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    note       TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (call_id, hit_key, scope)
);
INSERT INTO hit_decisions_scoped (call_id, hit_key, scope, rule, decision, note, decided_by, decided_at)
    SELECT call_id, hit_key, '', rule, decision, note, decided_by, decided_at FROM hit_decisions;
DROP TABLE hit_decisions;
ALTER TABLE hit_decisions_scoped RENAME TO hit_decisions;
CREATE INDEX hit_decisions_rule ON hit_decisions(scope, rule, decision);
