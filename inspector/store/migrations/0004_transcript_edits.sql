-- the audit log of transcript corrections (the corrected transcript is stored as source 'edited')
CREATE TABLE transcript_edits (
    id         INTEGER PRIMARY KEY,
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    based_on   TEXT NOT NULL,
    segment    INTEGER NOT NULL,
    word       INTEGER,
    field      TEXT NOT NULL CHECK (field IN ('word', 'text', 'speaker')),
    old        TEXT NOT NULL,
    new        TEXT NOT NULL,
    edited_by  TEXT NOT NULL,
    edited_at  TEXT NOT NULL
);
CREATE INDEX transcript_edits_call ON transcript_edits(call_id, id);
