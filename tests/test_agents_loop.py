"""Agents in the loop (#29): an agent sees exactly their own submitted evaluations, acknowledges them and
appeals any item, fatal items included; an upheld appeal can overturn a red line; coaching is measured."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from inspector.domain.people import User
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.review import appeals
from inspector.findings.checking import check_all
from inspector.review.coaching import CoachingError, CoachingService, newcombe, Share, wilson
from inspector.review.feedback import FeedbackService
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Comment, Deduction, Evaluation, ItemState
from inspector.scoring.score import prefill
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from inspector.store.redlines import WITHDRAWN_ON_APPEAL, RedLineRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository
from inspector.users.policy import NotAllowed
from inspector.workspace import Workspace

LEAD = User("9001", "张组长", "lead")
INSPECTOR = User("1001", "李质检", "inspector")
AGENT = User("2639", "陈静", "agent")          # the agent of S4 (R04: a paid service without 二次确认)
OTHER_AGENT = User("3257", "李娜", "agent")    # the agent of S1


@pytest.fixture
def checked(tmp_path, demo_copy):
    ws = Workspace(tmp_path / "ws")
    db = open_database(ws.database)
    run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    drain(check_all(db, ws, default_pack()))
    users = UserRepository(db)
    users.create_first_lead(LEAD.id, LEAD.name, "lead-pass-1")
    users.add(LEAD, INSPECTOR.id, INSPECTOR.name, "inspector", "insp-pass-1", must_change_password=False)
    for agent in (AGENT, OTHER_AGENT):
        users.add(LEAD, agent.id, agent.name, "agent", f"agent-pass-{agent.id}", must_change_password=False)
    return ws, db


def _call(db, ref):
    return next(c for c in CallRepository(db).page(limit=100) if c.call_ref == ref)


def _scored(db, ref, inspector="1001", deductions=None, submit=True, session_id=None, confirm_fatal=False):
    """An evaluation of the demo call as an inspector makes it: hits prefilled (fatal ones confirmed on request)."""
    card = default_card()
    repo = EvaluationRepository(db, card)
    call = _call(db, ref)
    hits = HitRepository(db)
    if confirm_fatal:
        for hit in hits.for_call(call.id):
            if hit.severity == "fatal":
                hits.decide(call.id, hit, "confirmed", "未经二次确认", inspector)
    evaluation = prefill(card, Evaluation(str(uuid.uuid4()), call.id, inspector, card.id, card.version,
                                          session_id=session_id), hits.for_call(call.id), hits.decisions(call.id),
                         inspector)
    for item, points in (deductions or {}).items():
        evaluation = evaluation.with_item(ItemState(item, (Deduction(points, "扣分理由", inspector),)))
    evaluation = evaluation.__class__(**{**evaluation.__dict__, "comments": (Comment(3.0, 5.0, "注意语速", inspector),)})
    repo.save(evaluation, inspector)
    return repo.submit(evaluation.uuid, inspector) if submit else repo.get(evaluation.uuid)


def _session(db):
    db.execute("INSERT INTO calibration_sessions (id, title, card_id, card_version, lead, benchmark, "
               "benchmark_kind, status, created_at) VALUES ('cal', 't', 'c', 'v', '9001', NULL, NULL, 'open', 'now')")
    return "cal"


def test_an_agent_sees_exactly_their_own_submitted_evaluations(checked):
    _ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True)
    _scored(db, "S4", inspector="1002", submit=False)                # a colleague's draft of the same call
    _scored(db, "S4", inspector="1002", submit=False, session_id=_session(db))   # a calibration score
    theirs = _scored(db, "S1")                                       # another agent's
    service = FeedbackService(db, default_card())
    [line] = service.lines(AGENT)
    assert (line.uuid, line.call, line.score, line.fatal, line.acknowledged, line.appeal) == \
        (mine.uuid, "S4", 0.0, True, None, None)
    assert [l.uuid for l in service.lines(OTHER_AGENT)] == [theirs.uuid]
    detail = service.detail(AGENT, mine.uuid)
    f1 = next(loss for loss in detail.losses if loss.item == "F1")
    assert f1.fatal and f1.start_s is not None and f1.by == "1001"        # the moment to listen to
    assert [c.text for c in detail.comments] == ["注意语速"]
    for other in (theirs.uuid, *[r[0] for r in db.execute("SELECT uuid FROM evaluations WHERE status = 'draft'")]):
        with pytest.raises(NotAllowed, match="not one of 2639's submitted evaluations"):
            service.detail(AGENT, other)
        with pytest.raises(NotAllowed):
            service.acknowledge(AGENT, other)
        with pytest.raises(NotAllowed):
            service.appeal(AGENT, other, "不是我的")
    for staff in (INSPECTOR, LEAD):                          # the agents' view is the agents' own
        with pytest.raises(NotAllowed, match="agents only"):
            service.lines(staff)
    with pytest.raises(NotAllowed, match="team leads only"):
        service.all_lines(AGENT)


def test_an_agent_cannot_score_or_decide_even_on_their_own_call(checked):
    _ws, db = checked
    card = default_card()
    call = _call(db, "S4")
    with pytest.raises(NotAllowed, match="2639 is an agent"):
        EvaluationRepository(db, card).save(Evaluation(str(uuid.uuid4()), call.id, "2639", card.id, card.version),
                                            "2639")
    hit = HitRepository(db).for_call(call.id)[0]
    with pytest.raises(NotAllowed, match="2639 is an agent"):
        HitRepository(db).decide(call.id, hit, "rejected", "不算", "2639")


def test_acknowledging_once_per_version_within_the_deadline_and_who_has_not(checked):
    _ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True)
    theirs = _scored(db, "S1")
    service = FeedbackService(db, default_card())
    assert [l.uuid for l in service.unacknowledged(LEAD)] == [mine.uuid, theirs.uuid]
    late = datetime.now(UTC) + timedelta(days=8)
    with pytest.raises(NotAllowed, match="time to acknowledge the evaluation of S1 ended"):
        service.acknowledge(OTHER_AGENT, theirs.uuid, now=late)
    service.acknowledge(OTHER_AGENT, theirs.uuid, "收到，会改进")
    with pytest.raises(NotAllowed, match="already acknowledged"):
        service.acknowledge(OTHER_AGENT, theirs.uuid)
    assert [l.uuid for l in service.unacknowledged(LEAD)] == [mine.uuid]
    assert service.detail(OTHER_AGENT, theirs.uuid).acknowledgement["comment"] == "收到，会改进"
    with pytest.raises(NotAllowed, match="time to appeal"):
        service.appeal(AGENT, mine.uuid, "晚了", "F1", now=late)


def test_an_upheld_appeal_on_f1_clears_the_red_line(checked):
    _ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True, deductions={"A1": 2.0})
    assert RedLineRepository(db).cases("open")[0].call_ref == "S4"
    service = FeedbackService(db, default_card())
    appeal = service.appeal(AGENT, mine.uuid, "客户回复了“办吧”，录音 01:10", "F1")
    with pytest.raises(NotAllowed, match="already appealed"):
        service.appeal(AGENT, mine.uuid, "再申诉", "F1")
    repo = EvaluationRepository(db, default_card())
    after = appeals.resolve(repo, appeal, LEAD, upheld=True, answer="复听确认客户同意")
    assert after.version == 2 and after.status == "submitted"
    f1 = next(f for f in after.fatal if f.item == "F1")
    assert (f1.status, f1.by) == ("rejected", "9001") and "复听确认客户同意" in f1.reason
    line = service.lines(AGENT)[0]
    assert not line.fatal and line.score == 98.0 and line.appeal == "upheld" and line.acknowledged is None
    [case] = RedLineRepository(db).cases()
    assert (case.status, case.outcome, case.appeal_id, case.closed_by) == ("closed", WITHDRAWN_ON_APPEAL, appeal, "9001")
    decision = HitRepository(db).decisions(_call(db, "S4").id)[f1.hit_key]
    assert (decision.decision, decision.decided_by) == ("rejected", "9001")
    audit = [(a["version"], a["what"], a["by"]) for a in repo.audit(mine.uuid)]
    assert (2, "F1", "9001") in audit                               # the change itself, audited


def test_a_rejected_appeal_leaves_all_as_it_was_and_says_why(checked):
    _ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True)
    service = FeedbackService(db, default_card())
    appeal = service.appeal(AGENT, mine.uuid, "不同意", None)
    repo = EvaluationRepository(db, default_card())
    after = appeals.resolve(repo, appeal, LEAD, upheld=False, answer="录音中客户未同意")
    assert after.version == 1 and after.fatal == mine.fatal
    assert RedLineRepository(db).cases("open")[0].call_ref == "S4"
    [row] = service.detail(AGENT, mine.uuid).appeals
    assert (row["status"], row["resolution"]) == ("rejected", "录音中客户未同意")


def test_an_upheld_whole_appeal_withdraws_the_red_line_too(checked):
    """The issue's second finding: "withdraw the red line" upheld on the whole evaluation gave 0 and F1 again."""
    _ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True, deductions={"B1": 3.0})
    appeal = FeedbackService(db, default_card()).appeal(AGENT, mine.uuid, "请撤销红线")
    repo = EvaluationRepository(db, default_card())
    only_f1 = appeals.resolve(repo, appeal, LEAD, upheld=True, answer="红线不成立，B1 扣分维持", items=["F1"])
    assert only_f1.version == 2 and not any(f.status == "confirmed" for f in only_f1.fatal)
    assert only_f1.item("B1").deductions and RedLineRepository(db).cases("open") == []
    second = FeedbackService(db, default_card()).appeal(AGENT, mine.uuid, "B1 也不该扣")
    everything = appeals.resolve(repo, second, LEAD, upheld=True, answer="全部撤销")
    assert everything.version == 3 and all(not i.deductions for i in everything.items)


def test_appealing_an_unknown_item_is_refused(checked):
    _ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True)
    with pytest.raises(NotAllowed, match="no item Z9"):
        FeedbackService(db, default_card()).appeal(AGENT, mine.uuid, "理由", "Z9")
    with pytest.raises(ValueError, match="reason"):
        FeedbackService(db, default_card()).appeal(AGENT, mine.uuid, "  ", "F1")


# -- coaching -----------------------------------------------------------------------------------------

def _history(db, agent="3257", before=(True,) * 8 + (False,) * 2, after=(True,) + (False,) * 9):
    """Calls of the agent before and after 2026-10-01, C2 losing points where the pattern says True."""
    card = default_card()
    repo = EvaluationRepository(db, card)
    for n, (day, loses) in enumerate([(f"2026-09-{d + 1:02d}", x) for d, x in enumerate(before)]
                                     + [(f"2026-10-{d + 2:02d}", x) for d, x in enumerate(after)]):
        call_id = db["calls"].insert({"content_hash": f"h{n}", "path": f"/c{n}.wav", "call_ref": f"H{n}",
                                      "duration_s": 60, "sample_rate": 8000, "channels": 2, "audio_format": "WAV",
                                      "status": "new", "imported_at": "now", "agent_id": agent,
                                      "started_at": f"{day}T10:00:00"}).last_pk
        evaluation = Evaluation(str(uuid.uuid4()), call_id, "1001", card.id, card.version)
        if loses:
            evaluation = evaluation.with_item(ItemState("C2", (Deduction(2.0, "未安抚", "1001"),)))
        repo.save(evaluation, "1001")
        repo.submit(evaluation.uuid, "1001")


def test_coaching_is_measured_on_the_same_items_before_and_after(checked):
    _ws, db = checked
    _history(db)
    coaching = CoachingService(db, default_card())
    some = EvaluationRepository(db, default_card()).search(LEAD)[0]
    mark = coaching.mark(INSPECTOR, some.uuid, "C2", note="安抚不足")
    assert [m["id"] for m in coaching.marks("3257")] == [mark]
    session = coaching.add(LEAD, "3257", ["C2", "B3"], "每通电话先安抚再解释", "2026-10-20", held_on="2026-10-01")
    assert coaching.marks("3257") == []                                   # the mark was taken up
    c2, b3 = coaching.effects("3257")
    assert (c2.session.id, c2.item) == (session, "C2")
    assert (c2.before.lost, c2.before.evaluations, c2.after.lost, c2.after.evaluations) == (8, 10, 1, 10)
    assert c2.before.points_lost == 1.6 and c2.after.points_lost == 0.2
    assert c2.difference[0] > 0 and c2.verdict == "improved"
    assert (b3.before.lost, b3.after.lost, b3.verdict) == (0, 0, "unclear")
    with pytest.raises(NotAllowed):
        coaching.add(INSPECTOR, "3257", ["C2"], "x", None)
    with pytest.raises(CoachingError, match="no item Q1"):
        coaching.add(LEAD, "3257", ["Q1"], "x", None)
    with pytest.raises(CoachingError, match="before the session"):
        coaching.add(LEAD, "3257", ["C2"], "x", "2026-09-01", held_on="2026-10-01")
    with pytest.raises(CoachingError, match="follow-up date must be a date"):
        coaching.add(LEAD, "3257", ["C2"], "x", "next week")


def test_wilson_and_newcombe_intervals_match_published_values():
    lo, hi = wilson(81, 263)                                  # Newcombe (1998), table I: 0.2553 – 0.3662
    assert round(lo, 4) == 0.2553 and round(hi, 4) == 0.3662
    d = newcombe(Share(56, 70, 0), Share(48, 80, 0))          # Newcombe (1998) method 10: 0.0524 – 0.3339
    assert round(d[0], 4) == 0.0524 and round(d[1], 4) == 0.3339


# -- the command line, as the contract writes it ---------------------------------------------

def _cli(ws, *args, stdin=""):
    import subprocess
    import sys
    from tests.conftest import ROOT
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws.root), *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin)


@pytest.mark.slow
def test_the_agents_loop_on_the_command_line(checked):
    import json
    ws, db = checked
    added = _cli(ws, "users", "add", "4108", "--name", "刘洋", "--role", "agent", "--password-stdin", "--as", "9001",
                 stdin="lead-pass-1\nagent-pass-4108\n")
    assert added.returncode == 0, added.stderr
    mine = _scored(db, "S4", confirm_fatal=True)
    _scored(db, "S1")
    _scored(db, "S4", inspector="1002", submit=False)
    agent = ("--user", "2639", "--password-stdin")
    listed = _cli(ws, "evaluations", *agent, "--format", "json", stdin="agent-pass-2639\n")
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert {k: row[k] for k in ("uuid", "call", "score", "status", "acknowledged", "appeal")} == \
        {"uuid": mine.uuid, "call": "S4", "score": 0.0, "status": "submitted", "acknowledged": False, "appeal": None}
    assert json.loads(_cli(ws, "evaluations", *agent, "--format", "json", "--fatal", "no",
                           stdin="agent-pass-2639\n").stdout) == []
    nosy = _cli(ws, "evaluations", *agent, "--agent", "3257", stdin="agent-pass-2639\n")
    assert nosy.returncode == 2 and "only the submitted evaluations of their own calls" in nosy.stderr
    for staff_only in (("redlines", "list"), ("sample", "--per-agent", "1"), ("coaching", "list")):
        refused = _cli(ws, *staff_only, *agent, stdin="agent-pass-2639\n")
        assert refused.returncode == 2 and "2639 is an agent" in refused.stderr, staff_only
        assert "Traceback" not in refused.stderr
    ack = _cli(ws, "acknowledge", mine.uuid, "--comment", "已知悉", *agent, stdin="agent-pass-2639\n")
    assert ack.returncode == 0 and "S4 version 1" in ack.stdout, ack.stderr
    other = _cli(ws, "acknowledge", mine.uuid, "--user", "3257", "--password-stdin", stdin="agent-pass-3257\n")
    assert other.returncode == 2 and "not one of 3257's" in other.stderr
    filed = _cli(ws, "appeals", "add", mine.uuid, "--item", "F1", "--reason", "客户说了办吧", *agent,
                 stdin="agent-pass-2639\n")
    assert filed.returncode == 0, filed.stderr
    appeal_id = int(filed.stdout)
    not_lead = _cli(ws, "appeals", "resolve", str(appeal_id), "--uphold", "--answer", "同意", *agent,
                    stdin="agent-pass-2639\n")
    assert not_lead.returncode == 2 and "may not resolve an appeal" in not_lead.stderr
    upheld = _cli(ws, "appeals", "resolve", str(appeal_id), "--uphold", "--answer", "复听客户同意",
                  "--user", "9001", "--password-stdin", stdin="lead-pass-1\n")
    assert upheld.returncode == 0, upheld.stderr
    assert json.loads(upheld.stdout) == {"appeal": appeal_id, "status": "upheld", "uuid": mine.uuid, "version": 2,
                                         "score": 100.0}
    [row] = json.loads(_cli(ws, "evaluations", *agent, "--format", "json", stdin="agent-pass-2639\n").stdout)
    assert (row["score"], row["appeal"], row["acknowledged"], row["version"]) == (100.0, "upheld", False, 2)
    cases = json.loads(_cli(ws, "redlines", "list", "--format", "json", "--user", "9001", "--password-stdin",
                            stdin="lead-pass-1\n").stdout)
    assert [(c["status"], c["outcome"]) for c in cases] == [("closed", "withdrawn on appeal")]
    mine_only = json.loads(_cli(ws, "appeals", "list", *agent, stdin="agent-pass-2639\n").stdout)
    assert [(a["id"], a["status"], a["resolution"]) for a in mine_only] == [(appeal_id, "upheld", "复听客户同意")]


def test_coaching_on_the_command_line(checked):
    import json
    ws, db = checked
    _history(db)
    lead = ("--user", "9001", "--password-stdin")
    added = _cli(ws, "coaching", "add", "--agent", "3257", "--items", "C2,B3", "--actions", "先安抚再解释",
                 "--follow-up", "2026-10-20", "--date", "2026-10-01", *lead, stdin="lead-pass-1\n")
    assert added.returncode == 0, added.stderr
    bad = _cli(ws, "coaching", "add", "--agent", "3257", "--items", "Q9", "--actions", "x", *lead,
               stdin="lead-pass-1\n")
    assert bad.returncode == 2 and "no item Q9" in bad.stderr and "Traceback" not in bad.stderr
    report = _cli(ws, "report", "--by", "coaching", "--format", "json")
    assert report.returncode == 0, report.stderr
    c2 = next(r for r in json.loads(report.stdout) if r["item"] == "C2")
    assert (c2["before"]["lost"], c2["before"]["evaluations"], c2["after"]["lost"], c2["verdict"]) == \
        (8, 10, 1, "improved")
    csv_text = _cli(ws, "report", "--by", "coaching", "--format", "csv").stdout
    assert csv_text.splitlines()[0].startswith("session,agent_id") and ",C2," in csv_text


def test_a_lead_lists_who_has_not_acknowledged_on_the_command_line(checked):
    import json
    ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True)
    theirs = _scored(db, "S1")
    FeedbackService(db, default_card()).acknowledge(OTHER_AGENT, theirs.uuid, "收到")
    lead = ("--user", "9001", "--password-stdin")
    pending = _cli(ws, "feedback", "status", "--pending", *lead, stdin="lead-pass-1\n")
    assert pending.returncode == 0, pending.stderr
    assert [(r["uuid"], r["agent_id"], r["acknowledged"]) for r in json.loads(pending.stdout)] == \
        [(mine.uuid, "2639", False)]
    everyone = json.loads(_cli(ws, "feedback", "status", *lead, stdin="lead-pass-1\n").stdout)
    assert {r["call"]: r["acknowledged"] for r in everyone} == {"S4": False, "S1": True}
    one = json.loads(_cli(ws, "feedback", "status", "--agent", "3257", *lead, stdin="lead-pass-1\n").stdout)
    assert [r["call"] for r in one] == ["S1"]
    agent = _cli(ws, "feedback", "status", "--user", "2639", "--password-stdin", stdin="agent-pass-2639\n")
    assert agent.returncode == 2 and "is an agent" in agent.stderr


def test_the_agent_reads_reasons_and_comments_with_numbers_masked(checked):
    _ws, db = checked
    card = default_card()
    repo = EvaluationRepository(db, card)
    call = _call(db, "S4")
    evaluation = Evaluation(str(uuid.uuid4()), call.id, "1001", card.id, card.version, items=(
        ItemState("A2", (Deduction(2.0, "复述了客户手机号13812345678", "1001"),)),),
        comments=(Comment(1.0, None, "身份证号110101199003071234不要念出来", "1001"),))
    repo.save(evaluation, "1001")
    repo.submit(evaluation.uuid, "1001")
    service = FeedbackService(db, card)
    shown = service.detail(AGENT, evaluation.uuid)
    assert "13812345678" not in shown.losses[0].reason and "5678" in shown.losses[0].reason
    assert "110101199003071234" not in shown.comments[0].text
    assert "13812345678" in service.lead_detail(LEAD, evaluation.uuid).losses[0].reason   # the lead's is whole
