-- customer emotion per call: start and end of the call from the customer's words and voice, whether it
-- worsened, what it rests on, and each customer turn's scores (the lane under the waveform)
CREATE TABLE call_emotion (
    call_id           INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    start_label       TEXT NOT NULL,
    end_label         TEXT NOT NULL,
    start_distress    REAL NOT NULL,
    end_distress      REAL NOT NULL,
    worsened          INTEGER NOT NULL,
    basis             TEXT NOT NULL,
    turns             TEXT NOT NULL,
    transcript_source TEXT,
    measured_at       TEXT NOT NULL
);
CREATE INDEX call_emotion_worsened ON call_emotion(worsened, call_id);
