-- transcript versions: which one a call shows (NULL: the newest), which one its hits were computed on,
-- and the hits of versions not shown, kept so switching back restores them instead of recomputing
ALTER TABLE calls ADD COLUMN transcript_source TEXT;
ALTER TABLE checks ADD COLUMN transcript_source TEXT;
CREATE TABLE hit_archive (
    call_id           INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    transcript_source TEXT NOT NULL,
    pack_id           TEXT NOT NULL,
    pack_version      TEXT NOT NULL,
    checked_at        TEXT NOT NULL,
    hits              TEXT NOT NULL,
    PRIMARY KEY (call_id, transcript_source)
);
