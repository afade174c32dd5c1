"""The review queue: statuses that follow what happened, sampling plans with assignment, appeals that go
somewhere, and the red-line register."""

import json
import sqlite3
import subprocess
import sys
import uuid

import pytest

from inspector.domain.people import User
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.review import appeals
from inspector.findings.checking import check_all
from inspector.review.queue import PlanError, SamplingPlan, draw, load_plan, save_plan
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.store.assignments import AssignmentRepository
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from inspector.store.migrations import MIGRATIONS
from inspector.store.outbox import OutboxRepository
from inspector.store.redlines import WITHDRAWN, RedLineRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository
from inspector.workspace import Workspace
from tests.conftest import ROOT

LEAD = User("9001", "张组长", "lead")
INSPECTOR = User("1001", "李质检", "inspector")


@pytest.fixture
def checked(tmp_path, demo_copy):
    """The demo imported and checked, as automatic checking leaves a workstation."""
    ws = Workspace(tmp_path / "ws")
    db = open_database(ws.database)
    run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    drain(check_all(db, ws, default_pack()))
    users = UserRepository(db)
    users.create_first_lead(LEAD.id, LEAD.name, "lead-pass-1")
    for who in ("1001", "1002"):                                   # samples go only to real, active accounts
        users.add(LEAD, who, f"质检{who}", "inspector", f"pass-{who}x")
    return ws, db


def _call(db, ref):
    return next(c for c in CallRepository(db).page(limit=100) if c.call_ref == ref)


def _status(db, ref) -> str:
    return _call(db, ref).status


def _submitted(db, ref, inspector="1001", deductions=None):
    card = default_card()
    repo = EvaluationRepository(db, card)
    evaluation = Evaluation(str(uuid.uuid4()), _call(db, ref).id, inspector, card.id, card.version)
    for item, points in (deductions or {}).items():
        evaluation = evaluation.with_item(ItemState(item, (Deduction(points, "扣分", inspector),)))
    repo.save(evaluation, inspector)
    return repo, repo.submit(evaluation.uuid, inspector)


def test_status_follows_assignment_scoring_submission_reopening_and_appeals(checked):
    _ws, db = checked
    assert _status(db, "S1") == "new"
    draw(db, SamplingPlan(rules=("R01",), per_agent=1, assignees=("1001",), seed=1), LEAD)
    assert _status(db, "S1") == "assigned"
    card = default_card()
    repo = EvaluationRepository(db, card)
    evaluation = Evaluation(str(uuid.uuid4()), _call(db, "S1").id, "1001", card.id, card.version)
    repo.save(evaluation, "1001")
    assert _status(db, "S1") == "in_review"
    repo.submit(evaluation.uuid, "1001")
    assert _status(db, "S1") == "reviewed"
    repo.reopen(evaluation.uuid, LEAD, "复核")
    assert _status(db, "S1") == "reopened"
    repo.submit(evaluation.uuid, "1001")
    appeal = appeals.file_appeal(repo, evaluation.uuid, "2639", "开头语说了")
    assert _status(db, "S1") == "appealed"
    appeals.resolve(repo, appeal, LEAD, upheld=False, answer="录音里没有开头语")
    assert _status(db, "S1") == "reviewed"
    assert CallRepository(db).count(CallFilter(status="reviewed")) == 1


def test_calibration_scores_do_not_change_a_calls_status(checked):
    _ws, db = checked
    db.execute("INSERT INTO calibration_sessions (id, title, card_id, card_version, lead, benchmark, "
               "benchmark_kind, status, created_at) VALUES ('s', 't', 'c', 'v', '9001', NULL, NULL, 'open', 'now')")
    card = default_card()
    EvaluationRepository(db, card).save(Evaluation(str(uuid.uuid4()), _call(db, "S2").id, "1001", card.id,
                                                   card.version, session_id="s"), "1001")
    assert _status(db, "S2") == "new"


def test_the_issue_plan_over_the_demo_from_the_command_line(checked):
    """--fatal --rule R13 --per-agent 0 --assign 1001,1002: every call with a fatal or R13 hit, split evenly."""
    ws, db = checked
    fatal = {r[0] for r in db.execute("SELECT c.call_ref FROM hits h JOIN calls c ON c.id = h.call_id "
                                      "WHERE h.severity = 'fatal' OR h.rule = 'R13'")}
    assert fatal == {"S4", "S6"}
    base = [sys.executable, "-m", "inspector", "--data-dir", str(ws.root), "sample", "--user", LEAD.id,
            "--password-stdin"]

    def run(*args):
        return subprocess.run([*base, *args], cwd=ROOT, capture_output=True, text=True, input="lead-pass-1\n")

    done = run("--fatal", "--rule", "R13", "--per-agent", "0", "--assign", "1001,1002", "--seed", "5",
               "--format", "json")
    assert done.returncode == 0, done.stderr
    picks = json.loads(done.stdout)
    assert {p["call"] for p in picks} == fatal
    assert sorted(p["assignee"] for p in picks) == ["1001", "1002"]
    assert {tuple(p["reasons"]) for p in picks} == {("fatal",), ("rule R13",)}
    again = run("--fatal", "--rule", "R13", "--assign", "1001,1002", "--format", "json")
    assert json.loads(again.stdout) == []                     # nobody gets the same call twice
    bad = run("--format", "json")
    assert bad.returncode == 2 and "picks nothing" in bad.stderr and "Traceback" not in bad.stderr


def test_random_strata_are_reproducible_from_the_recorded_seed(tmp_path, demo_copy, checked):
    _ws, db = checked
    first = draw(db, SamplingPlan(percent=100, seed=42), LEAD)
    assert len(first.picks) == 6 and all(p.reasons == ("random",) for p in first.picks)
    recorded = db.execute("SELECT seed, picked FROM samples WHERE id = ?", [first.id]).fetchone()
    assert tuple(recorded) == (42, 6)
    with pytest.raises(PlanError, match="not both"):
        SamplingPlan(per_agent=1, percent=10)


def test_filters_apply_to_every_stratum(checked):
    _ws, db = checked
    s4 = _call(db, "S4")
    plan = SamplingPlan(fatal=True, rules=("R13",), min_duration_s=s4.duration_s + 0.01)
    assert "S4" not in {p.call_ref for p in draw(db, plan, LEAD).picks}


def test_assignment_by_load_fills_the_emptier_queue_first(checked):
    _ws, db = checked
    draw(db, SamplingPlan(rules=("R13",), assignees=("1001",), seed=1), LEAD)       # 1001 has one open call
    sample = draw(db, SamplingPlan(per_agent=1, assignees=("1001", "1002"), assign_mode="by_load", seed=3), LEAD)
    assigned = [p.assignee for p in sample.picks]
    assert assigned.count("1002") == assigned.count("1001") + 1
    queue = AssignmentRepository(db)
    assert queue.progress("1002").total == assigned.count("1002") and queue.progress("1002").done == 0
    ordered = [a.position for a in queue.queue("1002")]
    assert ordered == sorted(ordered)


def test_a_saved_plan_is_drawn_again_by_name(checked):
    _ws, db = checked
    save_plan(db, "每周红线", SamplingPlan(fatal=True, assignees=("1001",), due_days=3), LEAD)
    sample = draw(db, load_plan(db, "每周红线"), LEAD, "每周红线")
    assert [p.call_ref for p in sample.picks] == ["S4"]
    assert AssignmentRepository(db).queue("1001")[0].due_at is not None
    with pytest.raises(PlanError, match="no sampling plan"):
        load_plan(db, "没有")


def test_an_upheld_item_appeal_becomes_version_2_in_the_outbox(checked):
    _ws, db = checked
    repo, submitted = _submitted(db, "S2", deductions={"A1": 3.0})
    assert submitted.version == 1
    appeal = appeals.file_appeal(repo, submitted.uuid, "2639", "开头语其实说了，录音开头被截断", item_id="A1")
    row = repo.get_appeal(appeal)
    assert row["status"] == "open" and row["item_id"] == "A1" and row["due_at"]
    with pytest.raises(Exception, match="1001 may not resolve an appeal"):
        appeals.resolve(repo, appeal, INSPECTOR, True, "同意")
    after = appeals.resolve(repo, appeal, LEAD, upheld=True, answer="录音 00:01 有开头语")
    assert after.version == 2 and after.status == "submitted" and after.item("A1").deductions == ()
    versions = {(e.uuid, e.version): json.loads(e.payload) for e in OutboxRepository(db).entries()}
    v2 = versions[(submitted.uuid, 2)]
    assert v2["total"] == versions[(submitted.uuid, 1)]["total"] + 3.0
    assert v2["appeals"][0]["status"] == "upheld" and v2["appeals"][0]["item_id"] == "A1"
    rows = {r.uuid: r for r in repo.search(LEAD)}
    assert rows[submitted.uuid].appeal == "upheld"
    with pytest.raises(Exception, match="not open"):
        appeals.resolve(repo, appeal, LEAD, upheld=False, answer="再次")


def test_the_appeals_list_on_the_command_line(checked):
    ws, db = checked
    repo, submitted = _submitted(db, "S3")
    appeals.file_appeal(repo, submitted.uuid, "2639", "不同意扣分", item_id="B1")
    listed = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws.root), "appeals", "list",
                             "--status", "open", "--format", "json", "--user", LEAD.id, "--password-stdin"],
                            cwd=ROOT, capture_output=True, text=True, input="lead-pass-1\n")
    rows = json.loads(listed.stdout)
    assert [(r["call_ref"], r["item_id"], r["status"], r["inspector"]) for r in rows] == [("S3", "B1", "open", "1001")]


def test_a_confirmed_fatal_hit_opens_a_red_line_case_that_a_lead_closes(checked):
    ws, db = checked
    s4 = _call(db, "S4")
    hits = HitRepository(db)
    r04 = next(h for h in hits.for_call(s4.id) if h.rule == "R04")
    hits.decide(s4.id, r04, "confirmed", "未经二次确认办理", INSPECTOR.id)
    register = RedLineRepository(db)
    [case] = register.cases("open")
    assert (case.call_ref, case.rule, case.agent_id, case.confirmed_by) == ("S4", "R04", s4.agent_id, "1001")
    hits.decide(s4.id, r04, "rejected", "其实确认了", INSPECTOR.id)             # withdrawn with the hit
    assert register.cases("open") == [] and register.cases("closed")[0].outcome == WITHDRAWN
    hits.decide(s4.id, r04, "confirmed", "", INSPECTOR.id)                     # confirmed again: reopened
    [case] = register.cases("open")
    register.assign(case.id, LEAD, "2026-12-01")
    register.close(case.id, LEAD, "通报批评，扣当月绩效", "已约谈")
    listed = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws.root), "redlines", "list",
                             "--format", "json", "--user", LEAD.id, "--password-stdin"], cwd=ROOT,
                            capture_output=True, text=True, input="lead-pass-1\n")
    [row] = json.loads(listed.stdout)
    assert (row["status"], row["owner"], row["outcome"]) == ("closed", "9001", "通报批评，扣当月绩效")
    repo, submitted = _submitted(db, "S4")
    payload = json.loads(OutboxRepository(db).entries()[0].payload)
    assert payload["redlines"][0]["rule"] == "R04" and payload["redlines"][0]["status"] == "closed"


def test_calls_sampled_before_the_queue_existed_become_assigned(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = open_database(path, MIGRATIONS[:9])
    for i, status in enumerate(("new", "in_review", "reviewed")):
        db.execute("INSERT INTO calls (content_hash, path, call_ref, duration_s, sample_rate, channels, "
                   "audio_format, status, imported_at) VALUES (?, ?, ?, 10, 8000, 2, 'WAV', ?, 'now')",
                   [f"h{i}", f"/c{i}.wav", f"C{i}", status])
    db.close()
    migrated = open_database(path)
    assert [r[0] for r in migrated.execute("SELECT status FROM calls ORDER BY id")] == ["new", "assigned", "new"]
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute("INSERT INTO appeals (uuid, version, agent_id, text, status, filed_at) "
                         "VALUES ('u', 1, 'a', 't', 'dismissed', 'now')")
