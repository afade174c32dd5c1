import re
import sqlite3

import pytest

from inspector.domain.calls import SORTABLE, CallFilter, NewCall
from inspector.store.calls import SORT_KEYS, CallRepository
from inspector.store.database import SCHEMA_VERSION, open_database
from inspector.domain.errors import StorageError
from tests.conftest import ROOT


def _call(i: int, **extra) -> NewCall:
    fields = dict(content_hash=f"h{i:06d}", path=f"/calls/{i}.wav", call_ref=f"C{i:06d}", duration_s=60.0 + i,
                  sample_rate=8000, channels=2, audio_format="WAV/PCM_16", agent_id=f"{1000 + i % 7}",
                  started_at=f"2026-11-{1 + i % 28:02d}T10:00:00")
    return NewCall(**(fields | extra))


def test_migrates_an_empty_database_in_wal_mode(tmp_path):
    db = open_database(tmp_path / "a" / "inspector.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"calls", "transcripts"} <= set(db.table_names())
    db.close()
    again = open_database(tmp_path / "a" / "inspector.sqlite3")
    assert again.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_every_table_is_documented():
    documented = set(re.findall(r"^## (\w+)", (ROOT / "docs" / "schema.md").read_text(), re.M))
    conn = sqlite3.connect(":memory:")
    from inspector.store.migrations import MIGRATIONS
    for migration in MIGRATIONS:
        migration.apply(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    virtual = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
    shadows = {f"{v}_{part}" for v in virtual for part in ("data", "idx", "content", "docsize", "config")}
    assert virtual and tables - shadows == documented     # FTS5 keeps its index in shadow tables of its own


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer Inspector") as err:
        open_database(path)
    assert str(path) in str(err.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("future",)]


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "inspector.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match="cannot open the database"):
        open_database(path)


def test_add_is_idempotent_by_content_hash(tmp_path):
    repo = CallRepository(open_database(tmp_path / "db.sqlite3"))
    first, new = repo.add(_call(1))
    again, new_again = repo.add(_call(1, agent_name="ignored"))
    assert new and not new_again
    assert first == again
    assert repo.count() == 1


def test_filter_sort_and_page(tmp_path):
    repo = CallRepository(open_database(tmp_path / "db.sqlite3"))
    for i in range(300):
        repo.add(_call(i))
    assert repo.count(CallFilter(agent_id="1003")) == len([i for i in range(300) if i % 7 == 3])
    first_page = repo.page(sort="duration_s", descending=True, limit=10)
    assert [c.call_ref for c in first_page] == [f"C{i:06d}" for i in range(299, 289, -1)]
    second = repo.page(sort="duration_s", descending=True, offset=10, limit=10)
    assert second[0].call_ref == "C000289"
    november_2 = repo.count(CallFilter(date_from="2026-11-02", date_to="2026-11-02"))
    assert november_2 == len([i for i in range(300) if 1 + i % 28 == 2])
    repo._db.execute("INSERT INTO assignments (call_id, assignee, position, reasons, assigned_at) "
                     "VALUES (?, '1001', 1, '[]', 'now')", [first_page[0].id])     # the status follows
    assert repo.count(CallFilter(status="assigned")) == 1
    assert repo.count(CallFilter(has_hits=True)) == 0
    assert repo.count(CallFilter(text="C00012")) == 10
    with pytest.raises(ValueError):
        repo.page(sort="path; DROP TABLE calls")


def test_pages_by_key_in_every_sort_order_match_one_full_sort(tmp_path):
    """Keyset pages (after the previous page's last call) give the rows a single ORDER BY gives, ties and
    empty values included, and each page is an index search, never a re-sort of the table."""
    db = open_database(tmp_path / "db.sqlite3")
    repo = CallRepository(db)
    for i in range(130):
        repo.add(_call(i, duration_s=float(i % 6), agent_id=None if i % 9 == 0 else f"{1000 + i % 4}",
                       business_type=None if i % 5 == 0 else f"业务{i % 3}", started_at=None if i % 11 == 0
                       else f"2026-11-{1 + i % 28:02d}T08:00:00"))
    assert tuple(SORT_KEYS) == SORTABLE               # every column the list sorts by has its ordering
    for sort in SORTABLE:
        for descending in (False, True):
            whole = [c.id for c in repo.page(sort=sort, descending=descending, limit=1000)]
            paged, after = [], None
            while batch := repo.page(sort=sort, descending=descending, limit=17, after=after):
                paged.extend(c.id for c in batch)
                after = batch[-1]
            assert paged == whole, (sort, descending)
            key, (order, beyond) = SORT_KEYS[sort], ("DESC", "<") if descending else ("ASC", ">")
            plan = " ".join(r[3] for r in db.execute(
                f"EXPLAIN QUERY PLAN SELECT * FROM calls WHERE {key} {beyond}= ? AND ({key}, id) {beyond} (?, ?) "
                f"ORDER BY {key} {order}, id {order} LIMIT 200", ["", "", 0]))
            assert "SEARCH" in plan and "TEMP B-TREE" not in plan, (sort, plan)
    after = repo.page(CallFilter(agent_id="1001"), sort="duration_s", limit=5)[-1]
    rest = repo.page(CallFilter(agent_id="1001"), sort="duration_s", limit=1000, after=after)
    assert {c.agent_id for c in rest} == {"1001"} and all(c.duration_s >= after.duration_s for c in rest)


def _migration_package(tmp_path, monkeypatch, files: dict[str, str]) -> str:
    name = f"trial_migrations_{tmp_path.name}"        # a fresh package per test: sys.modules caches by name
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    for file_name, text in files.items():
        (package / file_name).write_text(text)
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


def test_migration_files_may_create_triggers_and_run_python_steps(tmp_path, monkeypatch):
    from inspector.store.migrations import load_migrations
    package = _migration_package(tmp_path, monkeypatch, {
        "0001_log.sql": "-- an append-only log\nCREATE TABLE log (id INTEGER PRIMARY KEY, body TEXT);\n"
                        "CREATE TRIGGER log_no_update BEFORE UPDATE ON log\n"
                        "BEGIN SELECT RAISE(ABORT, 'append-only'); END;\n"
                        "INSERT INTO log (body) VALUES ('{\"score\": 90}');\n",
        "0002_reshape.py": "import json\n"
                           "def migrate(conn):\n"
                           "    for rowid, body in conn.execute('SELECT id, body FROM log').fetchall():\n"
                           "        conn.execute('INSERT INTO log (body) VALUES (?)',\n"
                           "                     [json.dumps({'total': json.loads(body)['score']})])\n",
    })
    migrations = load_migrations(package)
    assert [(m.number, m.name) for m in migrations] == [(1, "log"), (2, "reshape")]
    db = open_database(tmp_path / "t.sqlite3", migrations)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r[0] for r in db.execute("SELECT body FROM log ORDER BY id")] == ['{"score": 90}', '{"total": 90}']
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE log SET body = 'x'")


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    from inspector.store.migrations import load_migrations
    package = _migration_package(tmp_path, monkeypatch, {
        "0001_ok.sql": "CREATE TABLE a (x);\n",
        "0002_half.sql": "CREATE TABLE b (x);\nINSERT INTO a VALUES (1);\nCREATE TABLE a (y);\n",
    })
    path = tmp_path / "t.sqlite3"
    with pytest.raises(StorageError, match="migration 0002_half failed") as err:
        open_database(path, load_migrations(package))
    assert str(path) in str(err.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["a"]
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 0


def test_migration_numbers_must_not_leave_gaps(tmp_path, monkeypatch):
    from inspector.store.migrations import load_migrations
    package = _migration_package(tmp_path, monkeypatch, {"0001_a.sql": "CREATE TABLE a (x);",
                                                         "0003_c.sql": "CREATE TABLE c (x);"})
    with pytest.raises(RuntimeError, match="without gaps"):
        load_migrations(package)


def test_a_save_waits_for_another_connections_write_instead_of_failing(tmp_path):
    """A background job holding the write lock (an import, checking ahead) makes a save wait, not fail."""
    import threading
    import time
    import uuid

    from inspector.scoring.defaults import default_card
    from inspector.scoring.evaluation import Evaluation
    from inspector.store.evaluations import EvaluationRepository

    path = tmp_path / "db.sqlite3"
    gui = open_database(path)
    CallRepository(gui).add(_call(1))
    card = default_card()
    repo = EvaluationRepository(gui, card)
    first = Evaluation(str(uuid.uuid4()), 1, "1001", card.id, card.version)
    repo.save(first, "1001")                      # the GUI connection has read the schema: a stale snapshot
    job = open_database(path)
    holding, timing = threading.Event(), threading.Event()

    def writer():
        with job.atomic():
            job.execute("UPDATE calls SET hit_count = 5")
            holding.set()
            timing.wait()                         # held for a second from when the save's clock starts
            time.sleep(1.0)

    thread = threading.Thread(target=writer)
    thread.start()
    holding.wait()
    started = time.monotonic()
    timing.set()
    saved = repo.save(Evaluation(str(uuid.uuid4()), 1, "1002", card.id, card.version), "1002")
    waited = time.monotonic() - started
    thread.join()
    assert saved.inspector == "1002" and waited >= 0.5        # it waited for the lock and then saved
    assert gui.execute("SELECT hit_count FROM calls").fetchone()[0] == 5
