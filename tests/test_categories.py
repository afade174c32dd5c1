"""Call categories: every default category found on a call written for it, with evidence; none on a
neutral call; misrecognised words still count; stored per call, listed and filtered."""

import json
import subprocess
import sys

import pytest

from inspector.categories.match import categorize
from inspector.categories.pack import SEPARATOR, CategoryPackError, default_category_pack, load_category_pack
from inspector.rules.engine import check_call
from inspector.scoring.defaults import default_pack
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.categories import CategoryRepository
from inspector.store.database import open_database
from inspector.transcript.io import load_transcript
from inspector.transcript.model import Segment, Transcript
from tests.conftest import DEMO, ROOT

# one customer turn per category, as a caller of this hotline would say it
SCENARIOS = {
    ("资费争议", "扣费不明"): "我这个月莫名其妙扣了我三十块钱",
    ("资费争议", "套餐资费"): "我这个月账单怎么这么高",
    ("业务办理", "开通"): "我想办一个流量包，帮我办理一下",
    ("业务办理", "变更"): "我要把套餐换成便宜一点的",
    ("业务办理", "退订"): "那个彩铃我不要了，帮我退订",
    ("业务办理", "查询"): "帮我查一下还剩多少话费",
    ("网络质量", "信号"): "我家里一直没信号，电话老是打不通",
    ("网络质量", "流量速度"): "最近网速很慢，视频都看不了",
    ("停复机",): "我的手机怎么停机了",
    ("宽带",): "我家宽带断了，光猫一直闪红灯",
    ("服务态度投诉",): "你这什么态度，我要投诉你",
    ("诈骗与安全",): "我接到一个冒充你们客服的骗子电话",
}
NEUTRAL = ("你好", "嗯，好的", "没有了，谢谢", "再见")


def _call(*customer: str, agent: str = "您好，请问有什么可以帮您？") -> Transcript:
    segments = [Segment("agent", 0.0, 2.0, agent)]
    for index, text in enumerate(customer):
        segments.append(Segment("customer", 3.0 + 3 * index, 5.0 + 3 * index, text))
    return Transcript("t", 3.0 + 3 * len(customer), tuple(segments))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: SEPARATOR.join(p))
def test_each_default_category_is_found_with_its_evidence(path):
    found = {c.path: c for c in categorize(_call(SCENARIOS[path]), [], default_category_pack())}
    assert path in found, found
    evidence = found[path].evidence[0]
    assert evidence.source == "words" and evidence.text == SCENARIOS[path] and evidence.matched in evidence.text
    assert (evidence.start, evidence.end) == (3.0, 5.0)
    assert 0.5 <= found[path].confidence <= 1.0


def test_the_default_pack_is_a_two_level_tree_with_all_the_scenarios():
    pack = default_category_pack()
    assert {c.path for c in pack.categories} == set(SCENARIOS)
    assert pack.tree()["业务办理"] == ["开通", "变更", "退订", "查询"]


def test_a_neutral_call_gets_no_category():
    assert categorize(_call(*NEUTRAL), [], default_category_pack()) == []


def test_only_the_customer_counts():
    """The agent offering to cancel is not a reason for the call."""
    agent_only = _call(*NEUTRAL, agent="您的宽带停机了，我帮您退订这个彩铃")
    assert categorize(agent_only, [], default_category_pack()) == []


def test_a_homophone_typo_of_a_long_phrase_still_counts():
    found = categorize(_call("我家里信好很差"), [], default_category_pack())     # 信号很差 misheard as 信好很差
    assert [c.path for c in found] == [("网络质量", "信号")] and found[0].evidence[0].matched == "信好很差"
    assert categorize(_call("我家信好差"), [], default_category_pack()) == []   # 信号差: too short to match by sound
    misheard = categorize(_call("你们叫你们林导来"), [], default_category_pack())  # 领导 → 林导 (ing/in merged)
    assert [c.path for c in misheard] == [("服务态度投诉",)]
    assert misheard[0].evidence[0].why.startswith("同音") and misheard[0].confidence < 0.6


def test_more_pointers_raise_the_confidence_and_rule_hits_count():
    pack = default_category_pack()
    once = categorize(_call("我要投诉你"), [], pack)[0].confidence
    twice = categorize(_call("我要投诉你", "你这什么态度"), [], pack)[0].confidence
    assert once < twice < 1.0
    transcript = load_transcript(DEMO / "S6.transcript.json")
    hits = check_call(default_pack(), transcript, None)
    with_rules = {c.path: c for c in categorize(transcript, hits, pack)}[("服务态度投诉",)]
    assert {e.source for e in with_rules.evidence} == {"words", "rule"}
    assert any(e.matched == "R13" for e in with_rules.evidence)


def test_demo_calls_get_their_reasons():
    pack = default_category_pack()
    paths = {}
    for ref in ("S1", "S2", "S3", "S4", "S5", "S6"):
        transcript = load_transcript(DEMO / f"{ref}.transcript.json")
        paths[ref] = [c.path for c in categorize(transcript, check_call(default_pack(), transcript, None), pack)]
    assert ("业务办理", "开通") in paths["S1"]
    assert paths["S2"] == [("停复机",)]
    assert ("资费争议", "扣费不明") in paths["S3"] and ("资费争议", "扣费不明") in paths["S6"]
    assert ("服务态度投诉",) in paths["S6"] and ("服务态度投诉",) not in paths["S3"]
    assert paths["S5"] == [("业务办理", "变更")]


def test_every_default_category_has_an_english_name_for_each_level():
    pack = default_category_pack()
    assert all(len(c.path_en) == len(c.path) for c in pack.categories)
    assert pack.english_names()["资费争议"] == "Tariff disputes"


@pytest.mark.parametrize("text, problem", [
    ("[pack]\nid='x'\n", "at least one [[category]]"),
    ("[pack]\nid='x'\n[[category]]\npath=['a','b','c']\nphrases=['x']\n", "one or two"),
    ("[pack]\nid='x'\n[[category]]\npath=['a']\n", "give phrases, rules or both"),
    ("[pack]\nid='x'\n[[category]]\npath=['a']\nphrases=[1]\n", "a.phrases"),
    ("[pack]\nid='x'\nmin_confidence=2\n[[category]]\npath=['a']\nphrases=['x']\n", "min_confidence"),
    ("[pack]\nid='x'\n[[category]]\npath=['a']\nphrases=['x']\n[[category]]\npath=['a']\nphrases=['y']\n", "twice"),
    ("[pack]\nid='x'\n[[category]]\npath=['a']\nphrases=['！！']\n", "a.phrases: '！！' has no words"),
    ("[pack]\nid='x'\n[[category]]\npath=['a']\nphrases=['退订']\nunless=[' 。']\n", "a.unless"),
    ("[pack]\nid='x'\n[[category]]\npath=['a','b']\npath_en=['A']\nphrases=['x']\n", "a › b.path_en"),
    ("[pack]\nid='x'\n[[category]]\npath=['a','b']\npath_en=['A','B']\nphrases=['x']\n"
     "[[category]]\npath=['a','c']\npath_en=['AA','C']\nphrases=['y']\n", "a is 'A' elsewhere, here 'AA'"),
])
def test_a_broken_pack_names_the_file_and_the_problem(tmp_path, text, problem):
    path = tmp_path / "cats.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CategoryPackError) as error:
        load_category_pack(path)
    assert str(path) in str(error.value) and problem in str(error.value)


def _run(*args):
    return subprocess.run([sys.executable, "-m", "inspector", *args], cwd=ROOT, capture_output=True, text=True)


def test_categorize_database_stores_lists_and_filters(tmp_path, demo_copy):
    data = str(tmp_path / "ws")
    assert _run("--data-dir", data, "import", str(demo_copy)).returncode == 0
    done = _run("--data-dir", data, "categorize", "--database")
    assert done.returncode == 0, done.stderr
    lines = {json.loads(line)["call"]: json.loads(line)["categories"] for line in done.stdout.splitlines()}
    assert [c["path"] for c in lines["S2"]] == [["停复机"]] and lines["S2"][0]["evidence"][0]["matched"] == "停机"
    listed = json.loads(_run("--data-dir", data, "calls", "--format", "json").stdout)
    s6 = next(c for c in listed if c["call_ref"] == "S6")
    assert {"path": ["资费争议", "扣费不明"], "confidence": 0.94} in s6["categories"]
    only = json.loads(_run("--data-dir", data, "calls", "--category", "资费争议", "--format", "json").stdout)
    assert sorted(c["call_ref"] for c in only) == ["S3", "S6"]

    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    calls = CallRepository(db)
    leaf = calls.page(CallFilter(category="资费争议 › 扣费不明"))
    assert sorted(c.call_ref for c in leaf) == ["S3", "S6"]
    repo = CategoryRepository(db)
    assert repo.labels_for([s6["id"]])[s6["id"]][0] == "服务态度投诉"
    assert ("资费争议", 2) in repo.in_use()
    assert repo.outdated(default_category_pack()) == []
    db.close()


def test_categorize_one_transcript_file():
    done = _run("categorize", "--transcript", str(DEMO / "S3.transcript.json"))
    assert done.returncode == 0, done.stderr
    assert [c["path"] for c in json.loads(done.stdout)] == [["资费争议", "扣费不明"]]


def test_a_custom_pack_naming_a_rule_the_rule_pack_lacks_is_refused(tmp_path):
    pack = tmp_path / "cats.toml"
    pack.write_text("[pack]\nid='x'\n[[category]]\npath=['投诉']\nphrases=['投诉']\nrules=['R13', 'R99']\n",
                    encoding="utf-8")
    done = _run("categorize", "--transcript", str(DEMO / "S6.transcript.json"), "--categories", str(pack))
    assert done.returncode == 2 and str(pack) in done.stderr and "R99" in done.stderr and "R13" not in done.stderr
    pack.write_text("[pack]\nid='x'\n[[category]]\npath=['投诉']\nphrases=['投诉']\nrules=['R13']\n",
                    encoding="utf-8")
    done = _run("categorize", "--transcript", str(DEMO / "S6.transcript.json"), "--categories", str(pack))
    assert done.returncode == 0 and json.loads(done.stdout)[0]["path"] == ["投诉"]
