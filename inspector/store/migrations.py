"""The schema as an ordered list of migrations; ``PRAGMA user_version`` records how many have run.

Append only: a released migration is never edited, because databases in the field already ran it.
docs/schema.md describes every table; a test keeps the two in step.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: calls and their transcripts
    """
    CREATE TABLE calls (
        id            INTEGER PRIMARY KEY,
        content_hash  TEXT NOT NULL UNIQUE,
        path          TEXT NOT NULL,
        call_ref      TEXT NOT NULL,
        agent_id      TEXT,
        agent_name    TEXT,
        started_at    TEXT,
        hotline       TEXT,
        business_type TEXT,
        title         TEXT,
        duration_s    REAL NOT NULL,
        sample_rate   INTEGER NOT NULL,
        channels      INTEGER NOT NULL,
        audio_format  TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'new',
        hit_count     INTEGER NOT NULL DEFAULT 0,
        imported_at   TEXT NOT NULL
    );
    CREATE INDEX calls_agent ON calls(agent_id, started_at);
    CREATE INDEX calls_started ON calls(started_at);
    CREATE INDEX calls_status ON calls(status, started_at);
    CREATE INDEX calls_hits ON calls(hit_count);
    CREATE INDEX calls_ref ON calls(call_ref);
    CREATE TABLE transcripts (
        call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        source     TEXT NOT NULL,
        body       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (call_id, source)
    );
    """,
    # 2: automatic rule hits (replaced on every re-check) and inspectors' decisions on them (kept)
    """
    CREATE TABLE hits (
        id           INTEGER PRIMARY KEY,
        call_id      INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        hit_key      TEXT NOT NULL,
        pack_id      TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        rule         TEXT NOT NULL,
        name         TEXT NOT NULL,
        start        REAL NOT NULL,
        end          REAL NOT NULL,
        speaker      TEXT NOT NULL,
        evidence     TEXT NOT NULL,
        confidence   REAL NOT NULL,
        item         TEXT,
        deduction    REAL NOT NULL,
        severity     TEXT NOT NULL,
        flag_only    INTEGER NOT NULL,
        why          TEXT NOT NULL,
        checked_at   TEXT NOT NULL,
        UNIQUE (call_id, hit_key)
    );
    CREATE INDEX hits_rule ON hits(rule);
    CREATE TABLE checks (
        call_id      INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        pack_id      TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        checked_at   TEXT NOT NULL
    );
    CREATE TABLE hit_decisions (
        call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        hit_key    TEXT NOT NULL,
        rule       TEXT NOT NULL,
        decision   TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
        note       TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (call_id, hit_key)
    );
    CREATE INDEX hit_decisions_rule ON hit_decisions(rule, decision);
    """,
    # 3: the speech-recognition queue, so a batch resumes after a restart
    """
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
    """,
    # 4: the audit log of transcript corrections (the corrected transcript is stored as source 'edited')
    """
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
    """,
    # 5: evaluations (one row per evaluation, its current state), their audit trail and agents' appeals
    """
    CREATE TABLE evaluations (
        uuid         TEXT PRIMARY KEY,
        call_id      INTEGER NOT NULL REFERENCES calls(id),
        inspector    TEXT NOT NULL,
        card_id      TEXT NOT NULL,
        card_version TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'reopened')),
        version      INTEGER NOT NULL,
        total        REAL NOT NULL,
        fatal        INTEGER NOT NULL,
        body         TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        submitted_at TEXT
    );
    CREATE INDEX evaluations_call ON evaluations(call_id);
    CREATE INDEX evaluations_inspector ON evaluations(inspector, status);
    CREATE TABLE evaluation_audit (
        id         INTEGER PRIMARY KEY,
        uuid       TEXT NOT NULL REFERENCES evaluations(uuid),
        version    INTEGER NOT NULL,
        at         TEXT NOT NULL,
        by         TEXT NOT NULL,
        what       TEXT NOT NULL,
        old        TEXT NOT NULL,
        new        TEXT NOT NULL
    );
    CREATE INDEX evaluation_audit_uuid ON evaluation_audit(uuid, id);
    CREATE TABLE appeals (
        id          INTEGER PRIMARY KEY,
        uuid        TEXT NOT NULL REFERENCES evaluations(uuid),
        version     INTEGER NOT NULL,
        agent_id    TEXT NOT NULL,
        text        TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
        filed_at    TEXT NOT NULL,
        resolved_by TEXT,
        resolution  TEXT,
        resolved_at TEXT
    );
    """,
    # 6: local users (inspectors and team leads) with scrypt-hashed passwords
    """
    CREATE TABLE users (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('inspector', 'lead')),
        salt       BLOB NOT NULL,
        pw_hash    BLOB NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 7: calibration sessions; their evaluations live in `evaluations`, marked with session_id, and are kept
    # out of production lists, exports and uploads
    """
    CREATE TABLE calibration_sessions (
        id             TEXT PRIMARY KEY,
        title          TEXT NOT NULL,
        card_id        TEXT NOT NULL,
        card_version   TEXT NOT NULL,
        lead           TEXT NOT NULL,
        benchmark      TEXT,
        benchmark_kind TEXT CHECK (benchmark_kind IN ('scorer', 'consensus')),
        status         TEXT NOT NULL CHECK (status IN ('open', 'revealed')),
        created_at     TEXT NOT NULL,
        revealed_at    TEXT
    );
    CREATE TABLE calibration_calls (
        session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        call_id    INTEGER NOT NULL REFERENCES calls(id),
        position   INTEGER NOT NULL,
        PRIMARY KEY (session_id, call_id)
    );
    CREATE TABLE calibration_participants (
        session_id TEXT NOT NULL REFERENCES calibration_sessions(id) ON DELETE CASCADE,
        inspector  TEXT NOT NULL,
        PRIMARY KEY (session_id, inspector)
    );
    CREATE TABLE calibration_imports (
        sha256      TEXT PRIMARY KEY,
        session_id  TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('pack', 'results')),
        imported_at TEXT NOT NULL
    );
    ALTER TABLE evaluations ADD COLUMN session_id TEXT REFERENCES calibration_sessions(id);
    CREATE INDEX evaluations_session ON evaluations(session_id, inspector);
    """,
    # 8: the upload outbox (one row per submitted evaluation version, written with the submission) and this
    # workstation's sync identity
    """
    CREATE TABLE outbox (
        uuid            TEXT NOT NULL,
        version         INTEGER NOT NULL,
        payload         TEXT NOT NULL,
        digest          TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'acknowledged', 'rejected')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        created_at      TEXT NOT NULL,
        sent_at         TEXT,
        acknowledged_at TEXT,
        PRIMARY KEY (uuid, version)
    );
    CREATE INDEX outbox_status ON outbox(status);
    CREATE TABLE sync_identity (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        centre_id      TEXT NOT NULL,
        workstation_id TEXT NOT NULL,
        key_hex        TEXT NOT NULL,
        endpoint       TEXT,
        token          TEXT,
        created_at     TEXT NOT NULL
    );
    """,
    # 9: hit decisions get a scope: '' for production review, '<session id>:<inspector>' for a blind calibration
    # score, so one participant's decisions neither show in nor overwrite another's
    """
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
    """,
)
