-- a per-session key (hex) that seals inspectors' calibration results files with an HMAC: the lead's pack
-- carries it to the participants, so a file resealed by anyone else is refused
ALTER TABLE calibration_sessions ADD COLUMN results_key TEXT;
UPDATE calibration_sessions SET results_key = lower(hex(randomblob(32))) WHERE results_key IS NULL;
