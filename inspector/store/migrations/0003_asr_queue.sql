-- the speech-recognition queue, so a batch resumes after a restart
CREATE TABLE asr_queue (
    call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    model_id    TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    error       TEXT NOT NULL DEFAULT '',
    queued_at   TEXT NOT NULL,
    finished_at TEXT,
    PRIMARY KEY (call_id, model_id)
);
CREATE INDEX asr_queue_status ON asr_queue(model_id, status);
