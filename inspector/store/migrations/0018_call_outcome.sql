-- the call's outcome from the sidecar: the post-call survey score (满意度), whether the matter was resolved
-- (是否解决), and the caller as a keyed hash (HMAC-SHA256; the number itself is never stored) so repeat
-- callers and repeat complaints can be counted
ALTER TABLE calls ADD COLUMN satisfaction REAL;
ALTER TABLE calls ADD COLUMN resolved INTEGER;
ALTER TABLE calls ADD COLUMN caller_hash TEXT;
CREATE INDEX calls_caller ON calls(caller_hash, started_at);
