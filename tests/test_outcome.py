"""Satisfaction and outcome from the sidecar: survey score and resolution stored, the caller's number only
as a keyed hash (the clear number is nowhere in the database files), repeat callers and repeat complaints
counted, and the QA score set beside satisfaction."""

import json
import shutil
import subprocess
import sys

import pytest

from inspector.intake.callers import caller_hash, caller_key, normalized_number
from tests.conftest import DEMO, ROOT

NUMBERS = {"S1": "13800138000", "S2": "+86 138-0013-8000", "S3": "13912345678", "S4": "15011112222",
           "S5": "13912345678", "S6": "13912345678"}
# S3 (11-04), S5 (11-06) and S6 (11-07) are one caller; S1 (11-02) and S2 (11-03) another, written two ways
SURVEY = {"S1": ("5", "是"), "S2": ("4", "1"), "S3": ("1", "否"), "S4": ("3", "未解决"), "S5": ("4", "yes"),
          "S6": ("1", "no")}


def _folder(tmp_path):
    folder = tmp_path / "calls"
    shutil.copytree(DEMO, folder)
    lines = (folder / "calls.csv").read_text(encoding="utf-8").splitlines()
    out = [lines[0] + ",主叫号码,满意度,是否解决"]
    for line in lines[1:]:
        ref = line.split(",")[1]
        out.append(f"{line},{NUMBERS[ref]},{SURVEY[ref][0]},{SURVEY[ref][1]}")
    (folder / "calls.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    return folder


def _run(data, *args):
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(data), *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_numbers_are_kept_only_as_keyed_hashes(tmp_path):
    data = tmp_path / "ws"
    done = _run(data, "import", str(_folder(tmp_path)), "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["problems"] == []
    calls = {c["call_ref"]: c for c in json.loads(_run(data, "calls", "--format", "json").stdout)}
    assert (calls["S1"]["satisfaction"], calls["S1"]["resolved"]) == (5.0, True)
    assert (calls["S4"]["satisfaction"], calls["S4"]["resolved"]) == (3.0, False)
    assert calls["S1"]["caller_hash"] == calls["S2"]["caller_hash"] != calls["S3"]["caller_hash"]
    key = caller_key(data)
    assert calls["S3"]["caller_hash"] == caller_hash("13912345678", key)
    assert (data / "caller.key").stat().st_mode & 0o077 == 0              # owner-only, beside the database
    for name in ("inspector.sqlite3", "inspector.sqlite3-wal"):
        path = data / name
        if path.exists():
            raw = path.read_bytes()
            for number in set(NUMBERS.values()):
                for form in (number, normalized_number(number)):
                    assert form.encode() not in raw and form.encode("utf-16-le") not in raw, (name, form)
    assert key not in (data / "inspector.sqlite3").read_bytes()


def test_repeat_callers_and_repeat_complaints(tmp_path):
    data = tmp_path / "ws"
    assert _run(data, "import", str(_folder(tmp_path))).returncode == 0
    assert _run(data, "categorize", "--database").returncode == 0
    found = json.loads(_run(data, "outcome", "--days", "7", "--format", "json").stdout)
    assert found["calls_with_caller"] == 6 and found["repeat_callers"] == 2
    repeats = {r["call"]: r for r in found["repeat_calls"]}
    assert {(c, r["previous"]) for c, r in repeats.items()} == {("S2", "S1"), ("S5", "S3"), ("S6", "S5")}
    assert repeats["S6"]["categories"] == [] and repeats["S5"]["categories"] == []
    assert found["repeat_complaints"] == 0
    narrow = json.loads(_run(data, "outcome", "--days", "2", "--format", "json").stdout)
    assert {r["call"] for r in narrow["repeat_calls"]} == {"S2", "S6"}       # S5 came 2 days and 2 minutes after S3
    agents = {a["agent_id"]: a for a in found["agents"]}
    assert (agents["3257"]["satisfaction_mean"], agents["3257"]["resolved_rate"]) == (5.0, 1.0)
    text = _run(data, "outcome")
    assert "2 caller(s) called again within 7 days" in text.stdout


def test_a_repeat_about_the_same_category_is_a_repeat_complaint(tmp_path):
    from inspector.categories.match import CallCategory
    from inspector.categories.pack import default_category_pack
    from inspector.reports.outcome import outcome
    from inspector.store.calls import CallRepository
    from inspector.store.categories import CategoryRepository
    from inspector.store.database import open_database
    from inspector.intake.importer import run_import
    from inspector.store.transcripts import TranscriptRepository

    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    run_import(_folder(tmp_path), CallRepository(db), TranscriptRepository(db),
               caller_key=caller_key(tmp_path / "ws"))
    ids = {c.call_ref: c.id for c in CallRepository(db).page()}
    repo = CategoryRepository(db)
    for ref in ("S3", "S5"):
        repo.replace(ids[ref], default_category_pack(), [CallCategory(("资费争议", "扣费不明"), 0.8, ())], None)
    found = outcome(db, 7)
    assert found.repeat_complaints == 1
    assert [(r.call, r.categories) for r in found.repeat_calls if r.categories] == [("S5", ("资费争议",))]
    db.close()


def test_bad_outcome_values_are_named_and_the_row_still_imported(tmp_path):
    folder = _folder(tmp_path)
    text = (folder / "calls.csv").read_text(encoding="utf-8").replace(",5,是", ",很好,也许")
    (folder / "calls.csv").write_text(text, encoding="utf-8")
    done = _run(tmp_path / "ws", "import", str(folder), "--format", "json")
    reasons = [p["reason"] for p in json.loads(done.stdout)["problems"]]
    assert any("satisfaction '很好' is not a number" in r for r in reasons)
    assert any("resolved '也许' is not yes/no" in r for r in reasons)
    assert len(json.loads(done.stdout)["added"]) == 6


def test_a_survey_score_that_is_no_score_is_named_and_left_out(tmp_path):
    folder = _folder(tmp_path)
    text = (folder / "calls.csv").read_text(encoding="utf-8")
    for wrong, ref in (("inf", "S2"), ("nan", "S3"), ("-3", "S4"), ("1e308", "S5")):
        text = text.replace(f",{NUMBERS[ref]},{SURVEY[ref][0]},", f",{NUMBERS[ref]},{wrong},", 1)
    (folder / "calls.csv").write_text(text, encoding="utf-8")
    done = _run(tmp_path / "ws", "import", str(folder), "--format", "json")
    reasons = [p["reason"] for p in json.loads(done.stdout)["problems"]]
    assert sum("is not a survey score" in r for r in reasons) == 4
    found = _run(tmp_path / "ws", "outcome", "--format", "json")
    agents = {a["agent_id"]: a for a in json.loads(found.stdout, parse_constant=lambda c: pytest.fail(c))["agents"]}
    assert agents["3071"]["satisfaction_mean"] == 1.0 and agents["1046"]["surveyed"] == 0     # S6 kept, S2 not


def test_an_emptied_caller_key_keeps_no_numbers_rather_than_weak_hashes(tmp_path):
    data = tmp_path / "ws"
    data.mkdir()
    (data / "caller.key").write_bytes(b"")
    done = _run(data, "import", str(_folder(tmp_path)), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert sum("caller key" in p["reason"] for p in json.loads(done.stdout)["problems"]) == 6
    calls = json.loads(_run(data, "calls", "--format", "json").stdout)
    assert [c["caller_hash"] for c in calls] == [None] * 6
