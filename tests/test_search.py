"""Search across all calls: every transcript version indexed as it is saved, homophone typos found,
filters by speaker, agent, dates, category and rule, and the CLI's JSON contract."""

import json
import subprocess
import sys

import pytest

from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.database import open_database
from inspector.store.search import search
from inspector.domain.search import SearchFilter
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.model import Segment, Transcript
from inspector.store.users import UserRepository
from tests.conftest import ROOT


def _transcript(*turns):
    return Transcript("t", 60.0, tuple(Segment(speaker, 5.0 * i, 5.0 * i + 4, text)
                                       for i, (speaker, text) in enumerate(turns)))


@pytest.fixture
def db(tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    calls = CallRepository(db)
    transcripts = TranscriptRepository(db)
    for n, (agent, day, turns) in enumerate([
        ("3257", "2026-11-02", [("agent", "您好，请问有什么可以帮您？"), ("customer", "我手机怎么突然停机了？")]),
        ("1046", "2026-11-09", [("agent", "您的号码因欠费停机。"), ("customer", "你们凭什么乱扣我三十块？")]),
        ("1046", "2026-11-16", [("agent", "请问还有其他问题吗？"), ("customer", "我家宽带断了。")]),
    ]):
        call, _ = calls.add(NewCall(call_ref=f"C{n}", content_hash=f"h{n}", path=f"/x/{n}.wav", duration_s=60.0,
                                    sample_rate=8000, channels=2, audio_format="WAV", agent_id=agent,
                                    started_at=f"{day}T09:00:00"))
        transcripts.save(call.id, "imported", _transcript(*turns))
    yield db
    db.close()


def test_finds_sentences_with_call_time_and_speaker(db):
    found = search(db, "停机")
    assert [(f.call, f.speaker, f.start) for f in found] == [("C1", "agent", 0.0), ("C0", "customer", 5.0)]
    assert not any(f.by_sound for f in found)
    assert found[0].to_dict() == {"call": "C1", "start": 0.0, "end": 4.0, "speaker": "agent",
                                  "text": "您的号码因欠费停机。"}


def test_a_homophone_typo_still_finds_the_sentence_after_exact_matches(db):
    typo = search(db, "停鸡")          # 鸡 ji for 机 ji
    assert {f.call for f in typo} == {"C0", "C1"} and all(f.by_sound for f in typo)
    assert [f.text for f in search(db, "暖扣")] == ["你们凭什么乱扣我三十块？"]     # nuan ≈ luan: n/l merged
    assert search(db, "宽带断") and not search(db, "宽带好")


def test_short_and_odd_queries(db):
    assert {f.call for f in search(db, "扣")} == {"C1"}
    assert {f.call for f in search(db, "？")} == set()            # punctuation only: nothing to look for
    assert search(db, '停" OR 机 *') == search(db, "停or机") == []      # FTS syntax in the query is only text
    assert [f.call for f in search(db, "3十块")] == ["C1"]          # digits folded as in the rules (三 → 3)
    assert search(db, "停机", limit=2 ** 63) == search(db, "停机")    # a huge limit is no SQLite overflow


def test_filters(db):
    assert [f.call for f in search(db, "停机", SearchFilter(speaker="customer"))] == ["C0"]
    assert [f.call for f in search(db, "停机", SearchFilter(agent_id="1046"))] == ["C1"]
    assert [f.call for f in search(db, "停机", SearchFilter(date_from="2026-11-01", date_to="2026-11-02"))] == ["C0"]
    call = CallRepository(db).page()[1]
    db.execute("INSERT INTO call_categories VALUES (?, '停复机', '停复机', 0.6, '[]')", [call.id])
    db.execute("INSERT INTO hits (call_id, hit_key, pack_id, pack_version, rule, name, start, end, speaker, "
               "evidence, confidence, item, deduction, severity, flag_only, why, checked_at) "
               "VALUES (?, 'R06@0', 'p', '1', 'R06', 'x', 0, 1, 'agent', 'e', 1, NULL, 0, 'minor', 0, 'x', 'now')",
               [call.id])
    assert [f.call for f in search(db, "停机", SearchFilter(category="停复机"))] == [call.call_ref]
    assert [f.call for f in search(db, "停机", SearchFilter(rule="R06"))] == [call.call_ref]


def test_every_version_is_indexed_and_replaced_not_duplicated(db):
    call = CallRepository(db).page()[0]
    transcripts = TranscriptRepository(db)
    transcripts.save(call.id, "asr:vosk", _transcript(("agent", "您好"), ("customer", "我手机怎么突然挺急了")))
    found = search(db, "挺急")
    assert [(f.source, f.by_sound) for f in found][0] == ("asr:vosk", False)
    assert {(f.source, f.by_sound) for f in found[1:]} == {("imported", True)}       # 停机 sounds the same
    assert [(f.source, f.by_sound) for f in search(db, "突然停机")] == [("imported", False), ("asr:vosk", True)]
    transcripts.save(call.id, "asr:vosk", _transcript(("agent", "您好"), ("customer", "我手机怎么突然停机了？")))
    assert not [f for f in search(db, "挺急") if not f.by_sound]
    assert len(search(db, "突然停机")) == 1                                 # two versions, one sentence
    count = db.execute("SELECT count(*) FROM sentence_index").fetchone()[0]
    db.execute("DELETE FROM calls WHERE id = ?", [call.id])
    assert db.execute("SELECT count(*) FROM sentence_index").fetchone()[0] == count - 4


def test_cli_search_json(tmp_path, demo_copy):
    data = str(tmp_path / "ws")

    def run(*args):
        who = ("--user", "9001", "--password-stdin") if args[0] == "search" else ()
        return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", data, *args, *who], cwd=ROOT,
                              capture_output=True, text=True, input="lead-pass-1\n")

    assert run("import", str(demo_copy)).returncode == 0
    UserRepository(open_database(tmp_path / "ws" / "inspector.sqlite3")).create_first_lead("9001", "组长", "lead-pass-1")
    done = run("search", "头诉到底", "--speaker", "customer", "--format", "json")      # 投诉 typed as 头诉
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"call": "S6", "start": 51.041, "end": 52.887, "speaker": "customer",
                                        "text": "那我就投诉到底。"}]
    assert json.loads(run("search", "投诉", "--speaker", "agent", "--format", "json").stdout) == []
    bad = run("search", "投诉", "--from", "2026-13-01")
    assert bad.returncode == 2 and "not a date" in bad.stderr
    huge = run("search", "投诉", "--limit", str(10 ** 20))
    assert huge.returncode == 2 and "--limit" in huge.stderr and "Traceback" not in huge.stderr


def test_transcripts_stored_before_the_index_are_indexed_by_its_migration(tmp_path):
    from inspector.store.migrations import MIGRATIONS
    from inspector.store.search import rebuild_index

    path = tmp_path / "old.sqlite3"
    old = open_database(path, MIGRATIONS[:14])
    old.execute("INSERT INTO calls (content_hash, path, call_ref, duration_s, sample_rate, channels, audio_format, "
                "imported_at) VALUES ('h', '/x.wav', 'OLD', 9, 8000, 2, 'WAV', 'now')")
    old.execute("INSERT INTO transcripts (call_id, source, body, created_at) VALUES (1, 'imported', ?, 'now')",
                ['{"version": 1, "call_id": "OLD", "duration_s": 9, "channels": {"agent": 0, "customer": 1}, '
                 '"segments": [{"speaker": "customer", "start": 1, "end": 3, "text": "宽带又断了"}]}'])
    old.close()
    db = open_database(path)
    assert [(f.call, f.text) for f in search(db, "宽带")] == [("OLD", "宽带又断了")]
    db.execute("UPDATE sentence_index SET sounds = ''")             # as if the pinyin merging had changed
    assert search(db, "款带") == []
    assert rebuild_index(db) == 1 and [f.call for f in search(db, "款带")] == ["OLD"]
    db.close()
