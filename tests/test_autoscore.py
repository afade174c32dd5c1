"""Every call scored: evidence for A6, C1, C2 and D3 (the tariff pack), the automatic score stored apart and
kept current, reports on 100 % of calls, and sampling on every signal."""

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from inspector.domain.people import User
from inspector.intake.call_ids import CallListError, read_call_ids
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.reports.filters import ReportFilter
from inspector.reports.workstation import workstation_report
from inspector.findings.autoscoring import autoscore_all
from inspector.findings.checking import check_all
from inspector.review.queue import PlanError, SamplingPlan, draw
from inspector.rules.engine import check_call
from inspector.rules.pack import PackError, load_pack
from inspector.rules.tariffs import TariffError, load_tariffs
from inspector.resources import resource_path
from inspector.scoring.auto import auto_score, covered_items
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.store.autoscores import AutoScoreRepository
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.model import Segment, Transcript
from inspector.workspace import Workspace
from tests.conftest import ROOT
from tests.scenario_transcripts import load_scenario, timed_transcript
from tests.test_review_queue import checked  # noqa: F401  (the demo imported and checked)

LEAD = User("9001", "张组长", "lead")
SCENARIOS = ROOT / "bench" / "scenarios" / "autoscore"
TARIFFS = resource_path("tariffs", "tariffs-10086.toml")


def _run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "inspector", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=300)


def _call(*turns):
    segments, t = [], 0.5
    for speaker, text in turns:
        segments.append(Segment(speaker, t, t + len(text) / 4, text))
        t += len(text) / 4 + 0.6
    return Transcript("T", t + 1, tuple(segments))


def _hits(transcript, rule):
    return [h for h in check_call(default_pack(), transcript) if h.rule == rule]


# -- evidence for the four items -------------------------------------------------------------------------
def test_every_item_of_the_default_card_is_fed_by_a_rule_of_the_default_pack():
    card, pack = default_card(), default_pack()
    fed = {r.item for r in pack.rules if r.item}
    for item in card.items:
        assert item.rules and item.id in fed, item.id
    assert {"A6": "R21", "C1": "R22", "C2": "R23", "D3": "R24"} == {
        r.item: r.id for r in pack.rules if r.item in ("A6", "C1", "C2", "D3")}


def test_a_wrong_fee_is_a_c2_hit_naming_both_amounts():
    call = _call(("agent", "您好，很高兴为您服务，我是工号三二五七。"), ("customer", "畅享套餐一个月多少钱？"),
                 ("agent", "畅享套餐每月五十八元，包含十个G流量和两百分钟通话，次月生效。"))
    [hit] = _hits(call, "R23")
    assert hit.item == "C2" and hit.deduction == 6
    assert "58 元" in hit.evidence and "38 元" in hit.evidence and "畅享套餐" in hit.evidence
    right = _call(("agent", "畅享套餐每月三十八元，包含十个G流量和两百分钟通话，次月生效。"))
    assert _hits(right, "R23") == []


@pytest.mark.parametrize("said,expected", [
    ("流量加油包十元一个G，次月生效。", "立即生效"),                    # when it takes effect
    ("畅享套餐每月三十八元，包含一百分钟国内通话。", "200 分钟"),          # minutes
    ("视频彩铃只能到营业厅办理退订。", "可通过"),                         # how to cancel
    ("家庭宽带合约期内退订没有违约金。", "违约金 100 元"),                # penalty
    ("视频流量包每月二十元，包含八个G流量。", "15 GB"),                   # data
    ("视频 流量 包 办理 很 方便 退订 后 立即 生效", "退订次月生效"),        # recognised: no commas to cut at
    ("流量 加油 包 的 价格 我 再 说 一下 三十元 一个", "10 元"),              # 一下: the number is whole
])
def test_what_c2_compares_with_the_tariff_pack(said, expected):
    [hit] = _hits(_call(("agent", said)), "R23")
    assert expected in hit.evidence, hit.evidence


@pytest.mark.parametrize("said", [
    "已为您退订视频彩铃，次月生效。",                   # cancelling takes effect next month: right
    "视频流量包退订后次月生效，请问确认为您退订吗？",     # the phrase itself says what it is about
    # a number recognition broke in two: 五(嗯)十元, (一)稗二十八元 — the digits before it may be its own
    "家庭 宽带 续约 月费 每月 五 嗯 十元 吗",
    "五G 智享 套餐 每月 一 稗 二十 八 元",
    "您本月已经消费了五十八元，畅享套餐还剩两个G。",      # the customer's bill, not the tariff
    "五G智享套餐每月一百二十八元，包含三十个G流量。",     # the 5 of 5G is the name, not an amount
    "流量加油包不是次月生效，是立即生效。",              # a correction: the negated one is no claim
    # recognised, no commas: 立即生效 follows 办理 (ordering takes effect at once), 退订 comes after it
    "为您 推荐 视频 流量 包 每月 二十 元 办理 后 立即 生效 之后 按月 自动 续订 不需要 时 可以 随时 退订",
    # recognised, no commas: the fee is in the clause about 违约金 too, and is no wrong penalty
    "家庭 宽带 续约 后 月费 为 每月 五十元 续约 立即 生效 合约 期内 如果 提前 解约 需要 支付 一百元 违约金",
])
def test_c2_stays_quiet_on_what_is_not_a_wrong_statement(said):
    assert _hits(_call(("agent", said)), "R23") == []


def test_check_takes_another_tariff_pack_and_its_version_counts(tmp_path):
    edited = tmp_path / "tariffs.toml"
    edited.write_text(TARIFFS.read_text(encoding="utf-8").replace("monthly_fee = 38", "monthly_fee = 58"),
                      encoding="utf-8")
    transcript = tmp_path / "t.json"
    transcript.write_text(json.dumps({"version": 1, "call_id": "T", "duration_s": 9, "segments": [
        {"speaker": "agent", "start": 0.5, "end": 6, "text": "畅享套餐每月五十八元，次月生效。"}]}, ensure_ascii=False),
        encoding="utf-8")
    default = _run("check", "--transcript", str(transcript), "--format", "json")
    other = _run("check", "--transcript", str(transcript), "--tariffs", str(edited), "--format", "json")
    [c2] = [h for h in json.loads(default.stdout) if h["rule"] == "R23"]
    assert c2["item"] == "C2" and "58 元" in c2["evidence"] and "38 元" in c2["evidence"]
    assert [h for h in json.loads(other.stdout) if h["rule"] == "R23"] == [], other.stderr
    assert load_pack(resource_path("rules", "rules-10086.toml"), tariffs=edited).version != default_pack().version


@pytest.mark.parametrize("old,new,message", [
    ("monthly_fee = 38", 'monthly_fee = "cheap"', "product 畅享套餐: field 'monthly_fee' must be a number"),
    ('takes_effect = "next_month"', 'takes_effect = "soon"', "field 'takes_effect' must be one of"),
    ('cancel_by = ["10086", "APP", "营业厅"]', 'cancel_by = ["fax"]', "no channel 'fax' in [channels]"),
    ("data_gb = 10", "data_gb = 10\nspeed = 3", "unknown field 'speed'"),
])
def test_a_broken_tariff_pack_is_refused_naming_file_product_and_field(tmp_path, old, new, message):
    broken = tmp_path / "tariffs.toml"
    broken.write_text(TARIFFS.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TariffError, match=str(broken)) as caught:
        load_tariffs(broken)
    assert message in str(caught.value)
    with pytest.raises(PackError, match="rule R23"):
        load_pack(resource_path("rules", "rules-10086.toml"), tariffs=broken)


@pytest.mark.parametrize("scenario,rule,count", [
    ("AS04", "R21", 3), ("AS05", "R21", 1), ("AS06", "R22", 1), ("AS07", "R22", 1), ("AS08", "R24", 1),
    ("AS09", "R24", 1), ("AS22", "R22", 1),
])
def test_politeness_understanding_and_clarity_find_what_the_dev_calls_hold(scenario, rule, count):
    hits = _hits(timed_transcript(load_scenario(SCENARIOS / f"{scenario}.json")), rule)
    assert len(hits) == count, [h.evidence for h in hits]
    assert all(h.why and h.evidence and h.item in ("A6", "C1", "D3") for h in hits)


@pytest.mark.parametrize("scenario", ["AS01", "AS12", "AS16", "AS17", "AS20", "AS23", "AS24"])
def test_compliant_dev_calls_raise_no_new_hit(scenario):
    hits = check_call(default_pack(), timed_transcript(load_scenario(SCENARIOS / f"{scenario}.json")))
    assert [h.rule for h in hits if h.rule in ("R21", "R22", "R23", "R24")] == []


def test_a_curt_refusal_needs_a_polite_form_and_one_heard_by_sound_is_not_one():
    assert _hits(_call(("agent", "这个办不了。")), "R21")
    assert not _hits(_call(("agent", "不好意思，这个办不了。")), "R21")
    assert _hits(_call(("agent", "号码报一下，零幺三八。")), "R21")     # 零 sounds like 您: it excuses nothing


def test_clarity_counts_fillers_and_hesitations_and_says_the_figures():
    fillers = _call(*[("agent", "呃，那个，就是，嗯，这个套餐，呃，那个，就是，每月，嗯，那个，三十八元。")] * 3)
    [hit] = _hits(fillers, "R24")
    assert "口头语" in hit.evidence and "每分钟" in hit.evidence
    steady = _call(*[("agent", "这个套餐每月三十八元，包含十个G流量，办理后次月生效。")] * 5)
    assert _hits(steady, "R24") == []


# -- the automatic score ---------------------------------------------------------------------------------
@pytest.fixture
def scored(checked):
    """The demo imported, checked and scored automatically, as checking ahead leaves a workstation."""
    ws, db = checked
    drain(autoscore_all(db, default_card(), default_pack()))
    return ws, db


def _ids(db):
    return {c.call_ref: c.id for c in CallRepository(db).page(limit=100)}


def test_autoscore_scores_the_demo_from_the_command_line(tmp_path, demo_copy):
    data = str(tmp_path / "ws")
    assert _run("--data-dir", data, "import", str(demo_copy), "--format", "json").returncode == 0
    done = _run("--data-dir", data, "autoscore", "--database")
    assert done.returncode == 0, done.stderr
    lines = {line["call"]: line for line in map(json.loads, done.stdout.splitlines())}
    assert sorted(lines) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert lines["S4"]["score"] == 0 and lines["S4"]["fatal"] == ["F1"]
    assert lines["S1"]["score"] >= 90 and lines["S1"]["fatal"] == []
    assert set(lines["S2"]["items"]) == {i.id for i in default_card().items}
    assert "R01" in lines["S2"]["items"]["A1"]["rules"] and lines["S2"]["items"]["A1"]["deduction"] > 0
    assert all(set(line) >= {"call", "score", "fatal", "items", "unknown"} for line in lines.values())
    listed = _run("--data-dir", data, "calls", "--format", "json")
    assert listed.returncode == 0


def test_the_score_weighs_each_hit_by_its_confidence_and_marks_items_without_rules():
    card, pack = default_card(), default_pack()
    hits = check_call(pack, timed_transcript(load_scenario(SCENARIOS / "AS02.json")))
    [c2] = [h for h in hits if h.rule == "R23"]
    found = auto_score(card, hits, covered_items(card, pack))
    assert found.items["C2"].deduction == round(c2.deduction * c2.confidence, 1)
    assert found.items["C2"].rules == ("R23",) and found.total == round(100 - found.items["C2"].deduction, 1)
    without_c2 = covered_items(card, pack) - {"C2"}
    assert "C2" in auto_score(card, hits, without_c2).unknown
    unsure = [replace(h, confidence=0.5, listen=True) for h in hits]
    assert auto_score(card, unsure, covered_items(card, pack)).items["C2"].deduction == round(c2.deduction * 0.5, 1)


def test_a_red_line_hit_zeroes_the_score_only_when_sure(scored):
    _ws, db = scored
    s4 = AutoScoreRepository(db).for_call(_ids(db)["S4"])
    assert s4.total == 0 and s4.fatal == ("F1",)
    card, pack = default_card(), default_pack()
    hits = check_call(pack, timed_transcript(load_scenario(ROOT / "tests/scenarios/reference/S4.json")))
    red = [h for h in hits if h.severity == "fatal"]
    if red:
        doubtful = [replace(h, confidence=0.5) if h.severity == "fatal" else h for h in hits]
        found = auto_score(card, doubtful, covered_items(card, pack))
        assert found.total > 0 and found.fatal == () and found.review


def test_scores_are_stored_apart_and_recomputed_when_hits_or_card_change(scored):
    ws, db = scored
    repo = AutoScoreRepository(db)
    assert repo.outdated(default_card()) == []
    assert db.execute("SELECT count(*) FROM evaluations").fetchone()[0] == 0      # never an evaluation
    s2 = _ids(db)["S2"]
    assert CallRepository(db).get(s2).auto_score == repo.for_call(s2).total
    drain(check_all(db, ws, default_pack()))                      # checked again: the hits are new
    assert set(repo.outdated(default_card())) == set(_ids(db).values())
    result = drain(autoscore_all(db, default_card(), default_pack()))
    assert result.scored == 6 and repo.outdated(default_card()) == []
    other_card = replace(default_card(), version="9.9")
    assert len(repo.outdated(other_card)) == 6
    db.execute("DELETE FROM checks WHERE call_id = ?", [s2])       # a version never checked is shown
    drain(autoscore_all(db, default_card(), default_pack()))
    assert repo.for_call(s2) is None and CallRepository(db).get(s2).auto_score is None


def test_the_call_list_sorts_and_filters_by_the_automatic_score(scored):
    _ws, db = scored
    calls = CallRepository(db)
    low = calls.page(CallFilter(auto_below=90), sort="auto_score", limit=100)
    assert [c.call_ref for c in low][0] == "S4" and all(c.auto_score < 90 for c in low)
    ordered = [c.auto_score for c in calls.page(sort="auto_score", descending=True, limit=100)]
    assert ordered == sorted(ordered, reverse=True)


# -- reports on 100 % ------------------------------------------------------------------------------------
def test_reports_put_the_automatic_mean_over_every_call_beside_the_reviewed_one(scored):
    _ws, db = scored
    card = default_card()
    s2 = _ids(db)["S2"]
    auto = AutoScoreRepository(db).for_call(s2)
    repo = EvaluationRepository(db, card)
    evaluation = Evaluation("e-1", s2, "1001", card.id, card.version,
                            items=(ItemState("A1", (Deduction(5, "缺开头语", "1001"),)),))
    repo.save(evaluation, "1001")
    repo.submit("e-1", "1001")
    report = workstation_report(db, ReportFilter(), card, sections={"agent", "team", "agreement"})
    [agent] = [a for a in report.agents if a.agent_id == "1046"]
    assert agent.evaluations == 1 and agent.mean == 95 and agent.auto_calls == 1 and agent.auto_mean == auto.total
    assert agent.agreement_calls == 1 and agent.agreement_within_3 == (1.0 if abs(auto.total - 95) <= 3 else 0.0)
    assert len(report.agents) == 6                                  # agents nobody reviewed are there too
    [team] = report.teams
    assert team.auto_calls == 6 and team.evaluations == 1
    rows = {r.item: r for r in report.agreement}
    assert rows["total"].calls == 1 and rows["total"].mad == round(abs(auto.total - 95), 2)
    assert rows["A1"].mad == round(abs(auto.items["A1"].deduction - 5), 2)
    done = _run("--data-dir", str(_ws.root), "report", "--by", "agent", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert all({"auto_calls", "auto_mean", "agreement_within_3"} <= set(row) for row in json.loads(done.stdout))


# -- sampling on every signal ----------------------------------------------------------------------------
def test_sampling_draws_every_call_with_each_signal(scored):
    _ws, db = scored
    ids = _ids(db)
    db.execute("UPDATE calls SET satisfaction = 40, resolved = 0, caller_hash = 'same' WHERE call_ref IN ('S2', 'S3')")
    db.execute("INSERT INTO call_categories (call_id, path, top, confidence, evidence) VALUES (?, '资费争议', "
               "'资费争议', 0.9, '[]')", [ids["S6"]])
    db.execute("INSERT INTO call_emotion (call_id, start_label, end_label, start_distress, end_distress, worsened, "
               "basis, turns, measured_at) VALUES (?, 'calm', 'upset', 0, 1, 1, '[]', '[]', '')", [ids["S5"]])
    db.execute("UPDATE hits SET listen = 1 WHERE call_id = ? AND rule = 'R02'", [ids["S2"]])
    picked = draw(db, SamplingPlan(auto_below=90, category="资费争议", worsened=True, survey_below=60,
                                   unresolved=True, repeat_callers=True, listen=True, seed=1), LEAD)
    reasons = {p.call_ref: set(p.reasons) for p in picked.picks}
    assert "auto below 90" in reasons["S4"] and "category 资费争议" in reasons["S6"]
    assert "worsened" in reasons["S5"] and {"survey below 60", "unresolved"} <= reasons["S2"]
    assert "repeat caller" in reasons["S3"] and "repeat caller" not in reasons["S2"]     # S3 is the later call
    assert "listen" in reasons["S2"]
    with pytest.raises(PlanError, match="between 0 and 100"):
        SamplingPlan(auto_below=150)


def test_a_list_of_call_ids_is_a_must_review_stratum_with_its_due_date(scored, tmp_path):
    _ws, db = scored
    draw(db, SamplingPlan(rules=("R13",), assignees=("1001",)), LEAD)        # S6 is someone's already
    tickets = tmp_path / "tickets.csv"
    tickets.write_text("工单号,通话编号,内容\nT1,S5,投诉\nT2,S6,投诉\nT3,X999,投诉\n", encoding="utf-8-sig")
    listed = read_call_ids(tickets)
    assert listed == ("S5", "S6", "X999")
    sample = draw(db, SamplingPlan(must_review=listed, must_review_due_days=1, due_days=5, per_agent=1, seed=2,
                                   business="流量查询", assignees=("1001", "1002")), LEAD)
    assert sample.picks[0].call_ref == "S5" and sample.picks[0].reasons == ("must review",)
    assert sample.picks[0].due_at < next(p.due_at for p in sample.picks if p.call_ref != "S5")
    assert sample.already == (("S6", "assigned"),) and sample.unknown == ("X999",)
    plain = tmp_path / "ids.txt"
    plain.write_text("S1\n\nS2\nS1\n", encoding="utf-8")
    assert read_call_ids(plain) == ("S1", "S2")


@pytest.mark.parametrize("content,message", [
    ("", "no call ids"), ("工单号,内容\nT1,投诉\n", "no call-id column"), (b"\xff\xfe\x00bad", "not UTF-8"),
])
def test_a_bad_list_of_calls_is_refused_naming_the_file(tmp_path, content, message):
    path = tmp_path / "list.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(CallListError, match=message) as caught:
        read_call_ids(path)
    assert str(path) in str(caught.value)


def test_sample_takes_the_new_options_and_refuses_bad_ones_without_a_traceback(scored, tmp_path):
    ws, _db = scored                        # its lead (lead-pass-1) and inspectors come with the checked demo
    base = ["--data-dir", str(ws.root), "sample", "--user", LEAD.id, "--password-stdin"]
    ids = tmp_path / "ids.txt"
    ids.write_text("S5\n", encoding="utf-8")
    done = _run(*base, "--auto-below", "90", "--calls", str(ids), "--calls-due-days", "1", "--format", "json",
                stdin="lead-pass-1\n")
    assert done.returncode == 0, done.stderr
    picks = {p["call"]: p for p in json.loads(done.stdout)}
    assert picks["S5"]["reasons"] == ["must review"] and picks["S5"]["due"]
    assert "auto below 90" in picks["S4"]["reasons"]
    for bad, message in ((["--auto-below", "150"], "between 0 and 100"),
                         (["--calls", str(tmp_path / "none.csv")], "none.csv"),
                         (["--calls-due-days", "-1", "--worsened"], "--calls-due-days")):
        refused = _run(*base, *bad, stdin="lead-pass-1\n")
        assert refused.returncode == 2 and message in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.parametrize("args,message", [
    (["autoscore"], "--database"),
    (["autoscore", "--transcript", "{tmp}/none.json"], "none.json"),
    (["autoscore", "--database", "--tariffs", "{tmp}/none.toml"], "none.toml"),
    (["check", "--transcript", str(ROOT / "resources/demo/S1.transcript.json"), "--tariffs", "{tmp}/bad.toml"],
     "bad.toml"),
])
def test_autoscore_and_check_refuse_bad_input_with_a_message(tmp_path, args, message):
    (tmp_path / "bad.toml").write_text("[pack]\nid = 'x'\n", encoding="utf-8")
    done = _run("--data-dir", str(tmp_path / "ws"), *[a.format(tmp=tmp_path) for a in args])
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr, done.stderr


# -- calibration: the automatic score as one more rater ---------------------------------------------------
def test_the_automatic_score_takes_part_in_calibration_as_one_more_rater(tmp_path):
    from inspector.calibration.comparison import TOTAL, compare
    from inspector.scoring.auto import AUTO_RATER
    from tests.calibration_fixtures import LEAD as CAL_LEAD, lead_session, score_call, workstation

    station = workstation(tmp_path / "ws")
    drain(check_all(station.db, Workspace(tmp_path / "ws"), default_pack()))
    drain(autoscore_all(station.db, default_card(), default_pack()))
    session = lead_session(station, participants=("1001", "1002"), calls=5)
    for n, call in enumerate(session.call_ids):
        for who, deduction in (("1001", n % 3), ("1002", n % 2), (CAL_LEAD.id, n % 3)):
            score_call(station, session, call, who, {"A1": deduction} if deduction else {})
    revealed = station.service.reveal(session, CAL_LEAD)
    auto = station.service.automatic_rater(revealed, default_card(), AutoScoreRepository(station.db))
    assert set(auto) == set(revealed.call_ids) and all(e.inspector == AUTO_RATER for e in auto.values())
    comparison = compare(revealed, default_card(), station.service.visible_evaluations(revealed, CAL_LEAD.id),
                         station.refs(), auto=auto)
    assert comparison.participants == ["1001", "1002", AUTO_RATER]
    bias = {d.inspector: d for d in comparison.drift}
    totals = [r for r in comparison.rows if r.kind == "total"]
    expected = sum(r.scores[AUTO_RATER] - r.benchmark for r in totals) / len(totals)
    assert bias[AUTO_RATER].bias == pytest.approx(expected, abs=0.01) and bias[AUTO_RATER].calls == 5
    assert all(r.mean == pytest.approx((r.scores["1001"] + r.scores["1002"]) / 2, abs=0.01) for r in totals)
    icc = next(s for s in comparison.statistics if s.name.startswith("ICC(2,1) 自动评分"))
    assert icc.note and (icc.value is None or -1 <= icc.value <= 1)
    assert comparison.missing == [] and comparison.heat.shape[0] == 3
    without = compare(revealed, default_card(), station.service.visible_evaluations(revealed, CAL_LEAD.id),
                      station.refs())
    assert without.participants == ["1001", "1002"] and TOTAL in {r.item for r in without.rows}
