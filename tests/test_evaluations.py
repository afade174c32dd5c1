"""Scores, the evaluation lifecycle and its audit trail, and durability under kill -9."""

import random
import uuid

from dataclasses import replace

import pytest

from inspector.scoring.defaults import default_card, default_pack
from inspector.rules.engine import check_call
from inspector.rules.hits import hit_key
from inspector.scoring.evaluation import Comment, Deduction, Evaluation, FatalState, ItemState
from inspector.scoring.score import prefill, score
from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationLocked
from inspector.domain.people import User
from inspector.users.policy import NotAllowed
from inspector.domain.decisions import Decision
from inspector.transcript.io import load_transcript
from tests import crash_harness
from tests.conftest import DEMO

INSPECTOR, LEAD = User("1001", "李质检", "inspector"), User("9001", "张组长", "lead")


def _evaluation(call_id=1, inspector="1001"):
    card = default_card()
    return Evaluation(str(uuid.uuid4()), call_id, inspector, card.id, card.version)


def _confirm_all(hits):
    return {hit_key(h): Decision(hit_key(h), h.rule, "confirmed", "", "1001", "t") for h in hits}


@pytest.mark.parametrize("call,total,fatal", [("S1", 100.0, False), ("S2", 95.0, False), ("S3", 87.0, False),
                                              ("S4", 0.0, True), ("S5", 96.0, False), ("S6", 84.0, False)])
def test_scores_of_the_reference_calls_with_every_hit_confirmed(call, total, fatal):
    hits = check_call(default_pack(), load_transcript(DEMO / f"{call}.transcript.json"))
    evaluation = prefill(default_card(), _evaluation(), hits, _confirm_all(hits), "1001")
    result = score(default_card(), evaluation)
    assert (result.total, result.fatal) == (total, fatal)


def test_s6_deductions_stop_at_zero_and_flags_cost_nothing():
    hits = check_call(default_pack(), load_transcript(DEMO / "S6.transcript.json"))
    evaluation = prefill(default_card(), _evaluation(), hits, _confirm_all(hits), "1001")
    items = score(default_card(), evaluation).items
    assert items["B3"] == 0.0                    # three R14 hits × 3 points against 7
    assert items["D1"] == 0.0 and items["A5"] == 0.0
    assert all(d.hit_key for i in evaluation.items for d in i.deductions)


def test_an_unreviewed_fatal_hit_waits_and_a_rejected_one_costs_nothing():
    hits = check_call(default_pack(), load_transcript(DEMO / "S4.transcript.json"))
    pending = prefill(default_card(), _evaluation(), hits, {}, "1001")
    result = score(default_card(), pending)
    assert result.pending_fatal == ("F1",) and result.total == 100.0
    rejected = {hit_key(h): Decision(hit_key(h), h.rule, "rejected", "客户已同意", "1001", "t") for h in hits}
    assert score(default_card(), prefill(default_card(), _evaluation(), hits, rejected, "1001")).fatal is False


def test_na_counts_as_full_marks_only_where_allowed():
    card = default_card()
    evaluation = _evaluation().with_item(ItemState("A2", (Deduction(8, "x", "1001"),), na=True))
    evaluation = evaluation.with_item(ItemState("A1", (Deduction(2.5, "y", "1001"),), na=True))
    items = score(card, evaluation).items
    assert items["A2"] == 8.0          # N/A allowed
    assert items["A1"] == 2.5          # not allowed: the deduction stands


@pytest.fixture
def repo(tmp_path):
    db = open_database(tmp_path / "db.sqlite3")
    CallRepository(db).add(NewCall(call_ref="c", content_hash="h", path="/c.wav", duration_s=1, sample_rate=8000,
                                   channels=2, audio_format="WAV"))
    return EvaluationRepository(db, default_card())


def test_nobody_starts_or_takes_over_an_evaluation_in_a_colleagues_name(repo):
    evaluation = _evaluation()
    with pytest.raises(NotAllowed):
        repo.save(evaluation, "2002")                              # a new evaluation in 1001's name
    assert repo.get(evaluation.uuid) is None
    saved = repo.save(evaluation, "1001")
    with pytest.raises(NotAllowed):
        repo.save(replace(saved, inspector="2002"), "1001")        # one's own draft handed to someone else
    assert repo.get(evaluation.uuid).inspector == "1001"


def test_lifecycle_draft_submit_lock_reopen_with_audit(repo):
    evaluation = _evaluation()
    saved = repo.save(evaluation.with_item(ItemState("A6", (Deduction(1, "语气生硬", "1001"),))), "1001")
    saved = repo.save(saved.with_item(ItemState("A6", (Deduction(2, "语气生硬", "1001"),))), "1001")
    saved = repo.save(saved.__class__(**{**saved.__dict__, "comments": (Comment(12.5, 14.0, "此处抢话", "1001"),)}),
                      "1001")
    assert saved.status == "draft" and saved.version == 1
    with pytest.raises(NotAllowed):
        repo.save(saved, "2002")                                   # someone else's evaluation
    submitted = repo.submit(saved.uuid, "1001")
    assert submitted.status == "submitted"
    with pytest.raises(EvaluationLocked):
        repo.save(submitted, "1001")
    with pytest.raises(NotAllowed):
        repo.reopen(saved.uuid, INSPECTOR, "我想改")
    reopened = repo.reopen(saved.uuid, LEAD, "申诉成立，复核")
    assert (reopened.status, reopened.version) == ("reopened", 2)
    repo.save(reopened.with_item(ItemState("A6")), "1001")
    assert repo.submit(saved.uuid, "1001").version == 2
    trail = repo.audit(saved.uuid)
    whats = [(a["what"], a["by"]) for a in trail]
    assert whats[:3] == [("A6", "1001"), ("A6", "1001"), ("comments", "1001")]
    assert ("status", "9001") in whats
    assert '"points": 1' in trail[1]["old"] and '"points": 2' in trail[1]["new"]


def test_submit_waits_for_pending_fatal_items_and_appeals(repo):
    evaluation = _evaluation().with_fatal(FatalState("F1", "pending", "R04", "1001", "R04@1.0-2.0"))
    repo.save(evaluation, "1001")
    with pytest.raises(NotAllowed, match="F1"):
        repo.submit(evaluation.uuid, "1001")
    repo.save(evaluation.with_fatal(FatalState("F1", "confirmed", "R04", "1001", "R04@1.0-2.0")), "1001")
    submitted = repo.submit(evaluation.uuid, "1001")
    assert submitted.status == "submitted"
    appeal = repo.appeal(evaluation.uuid, "2639", "客户其实同意了")
    with pytest.raises(NotAllowed):
        repo.resolve_appeal(appeal, INSPECTOR, True, "")
    repo.resolve_appeal(appeal, LEAD, True, "录音 00:41 客户同意")
    assert repo.appeals(evaluation.uuid)[0]["status"] == "upheld"


@pytest.mark.slow
def test_killed_while_saving_200_times_nothing_returned_is_lost(tmp_path):
    database = tmp_path / "crash.sqlite3"
    call_id = crash_harness.prepare(database)
    rng = random.Random(20261122)
    total_saves = 0
    processes = crash_harness.SavingProcesses(database, call_id)
    try:
        for _ in range(200):
            saves, problems = processes.one_kill(rng)
            assert problems == []
            total_saves += saves
    finally:
        processes.close()
    assert total_saves >= 200


def test_a_full_disk_says_so_and_keeps_what_was_saved(repo):
    from inspector.domain.errors import StorageError
    evaluation = _evaluation()
    saved = repo.save(evaluation.with_item(ItemState("A6", (Deduction(1, "短", "1001"),))), "1001")
    db = repo._db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    big = tuple(Deduction(0.1, "很长的原因" * 200, "1001") for _ in range(50))
    with pytest.raises(StorageError, match="disk is full.*nothing saved earlier was lost"):
        repo.save(saved.with_item(ItemState("A6", big)), "1001")
    assert repo.get(saved.uuid).item("A6").deductions[0].reason == "短"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_read_only_database_is_refused_clearly(tmp_path):
    """Read-only media (or permissions) as SQLite sees them: a connection opened with mode=ro."""
    import sqlite3

    import sqlite_utils

    from inspector.domain.errors import StorageError
    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    CallRepository(db).add(NewCall(call_ref="c", content_hash="h", path="/c.wav", duration_s=1, sample_rate=8000,
                                   channels=2, audio_format="WAV"))
    db.close()
    read_only = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None))
    with pytest.raises(StorageError, match="read-only.*nothing saved earlier was lost"):
        EvaluationRepository(read_only, default_card()).save(_evaluation(), "1001")


def test_broken_scorecards_name_file_and_field(tmp_path):
    from inspector.resources import resource_path
    from inspector.scoring.card import CardError, load_card
    text = resource_path("scorecards", "scorecard-10086.toml").read_text(encoding="utf-8")
    path = tmp_path / "card.toml"
    path.write_text(text.replace('points = 5, rules = ["R01", "R02"]', 'points = "five", rules = ["R01", "R02"]'),
                    encoding="utf-8")
    with pytest.raises(CardError, match=r"card.toml: section A, item #1: field 'points'"):
        load_card(path)
    path.write_text(text.replace('id = "A2"', 'id = "A1"'), encoding="utf-8")
    with pytest.raises(CardError, match="duplicate item id A1"):
        load_card(path)


def test_a_card_that_names_a_rule_the_pack_lacks_is_refused(tmp_path):
    from inspector.resources import resource_path
    from inspector.scoring.defaults import check_card_against_pack
    from inspector.scoring.card import CardError, load_card
    text = resource_path("scorecards", "scorecard-10086.toml").read_text(encoding="utf-8")
    path = tmp_path / "card.toml"
    path.write_text(text.replace('rules = ["R12"]', 'rules = ["R99"]'), encoding="utf-8")
    with pytest.raises(CardError, match=r"card.toml: item D2 is fed by rule R99, which the rule pack"):
        check_card_against_pack(load_card(path), default_pack())


def test_caps_and_rounding(tmp_path):
    from inspector.resources import resource_path
    from inspector.scoring.card import load_card
    text = resource_path("scorecards", "scorecard-10086.toml").read_text(encoding="utf-8")
    path = tmp_path / "card.toml"
    path.write_text(text.replace('{ id = "B1", name = "禁语与语气", points = 10,',
                                 '{ id = "B1", name = "禁语与语气", points = 10, cap = 6,'), encoding="utf-8")
    card = load_card(path)
    evaluation = _evaluation().with_item(ItemState("B1", tuple(Deduction(5, "禁语", "1001") for _ in range(3))))
    evaluation = evaluation.with_item(ItemState("A6", (Deduction(1 / 3, "细微", "1001"),)))
    result = score(card, evaluation)
    assert result.items["B1"] == 4.0                     # three 5-point hits, at most 6 taken
    assert result.items["A6"] == 2.7                     # one decimal
    assert result.total == round(100 - 6 - 1 / 3, 1)
