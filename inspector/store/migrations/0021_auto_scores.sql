-- automatic scores: every checked call scored from its rule hits alone (a suggestion, never an evaluation),
-- kept apart from the inspectors' evaluations, with what they were computed from so that a new rule pack,
-- card or transcript makes them outdated; calls.auto_score repeats the total for the call list's sort and filter
CREATE TABLE auto_scores (
    call_id      INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    total        REAL NOT NULL,
    fatal        TEXT NOT NULL,
    review       TEXT NOT NULL,
    unknown      TEXT NOT NULL,
    items        TEXT NOT NULL,
    card_id      TEXT NOT NULL,
    card_version TEXT NOT NULL,
    method       TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    scored_at    TEXT NOT NULL
);
ALTER TABLE calls ADD COLUMN auto_score REAL;
CREATE INDEX calls_sort_auto_score ON calls(coalesce(auto_score, ''), id);
