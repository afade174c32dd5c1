-- call categories (客户之声): the reasons for each call found by the category pack, several per call,
-- with their evidence; and which pack and transcript version produced them (so outdated ones are redone)
CREATE TABLE call_categories (
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    top        TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence   TEXT NOT NULL,
    PRIMARY KEY (call_id, path)
);
CREATE INDEX call_categories_top ON call_categories(top, call_id);
CREATE INDEX call_categories_path ON call_categories(path, call_id);
CREATE TABLE categorizations (
    call_id           INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    pack_id           TEXT NOT NULL,
    pack_version      TEXT NOT NULL,
    transcript_source TEXT,
    categorized_at    TEXT NOT NULL
);
