"""Evaluation lists and filters, CSV export, and sampling calls for review."""

import csv
import json
import subprocess
import sys
import uuid

from inspector.domain.people import User
from inspector.intake.importer import run_import
from inspector.review.queue import SamplingPlan, draw
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Deduction, Evaluation, FatalState, ItemState
from inspector.scoring.export import write_csv
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.store.users import UserRepository
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationFilter
from inspector.store.transcripts import TranscriptRepository
from inspector.workspace import Workspace
from tests.conftest import ROOT

SAMPLER = User("9001", "张组长", "lead")     # the lead who draws samples


def _workspace(tmp_path, demo_copy):
    ws = Workspace(tmp_path / "ws")
    db = open_database(ws.database)
    run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    return ws, db


def _evaluate(repo, call, inspector, points=0.0, fatal=False, submit=True):
    card = default_card()
    evaluation = Evaluation(str(uuid.uuid4()), call.id, inspector, card.id, card.version)
    if points:
        evaluation = evaluation.with_item(ItemState("A6", (Deduction(points, "x", inspector),)))
    if fatal:
        evaluation = evaluation.with_fatal(FatalState("F1", "confirmed", "R04", inspector))
    repo.save(evaluation, inspector)
    if submit:
        repo.submit(evaluation.uuid, inspector)


def test_filters_and_csv_export(tmp_path, demo_copy):
    ws, db = _workspace(tmp_path, demo_copy)
    calls = {c.call_ref: c for c in CallRepository(db).page()}
    repo = EvaluationRepository(db, default_card())
    _evaluate(repo, calls["S1"], "1001")
    _evaluate(repo, calls["S2"], "1001", points=2)
    _evaluate(repo, calls["S4"], "1002", fatal=True)
    _evaluate(repo, calls["S5"], "1002", points=1, submit=False)
    assert len(repo.search(SAMPLER)) == 4
    assert {r.call_ref for r in repo.search(SAMPLER, EvaluationFilter(inspector="1002"))} == {"S4", "S5"}
    assert [r.call_ref for r in repo.search(SAMPLER, EvaluationFilter(fatal=True))] == ["S4"]
    assert [r.call_ref for r in repo.search(SAMPLER, EvaluationFilter(status="draft"))] == ["S5"]
    assert {r.call_ref for r in repo.search(SAMPLER, EvaluationFilter(min_total=98.5, max_total=99.5))} == {"S5"}
    assert [r.call_ref for r in repo.search(SAMPLER, EvaluationFilter(agent_id="2639"))] == ["S4"]
    assert {r.call_ref for r in repo.search(SAMPLER, EvaluationFilter(date_from="2026-11-03", date_to="2026-11-05"))} == {
        "S2", "S4"}
    out = tmp_path / "evals.csv"
    write_csv(repo.search(SAMPLER), out)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 4 and {"uuid", "call_ref", "agent_name", "total", "fatal", "card_version"} <= set(rows[0])
    by_ref = {r["call_ref"]: r for r in rows}
    assert by_ref["S4"]["total"] == "0.0" and by_ref["S4"]["agent_name"] == "陈静"


def test_cli_lists_and_exports(tmp_path, demo_copy):
    ws, db = _workspace(tmp_path, demo_copy)
    calls = {c.call_ref: c for c in CallRepository(db).page()}
    _evaluate(EvaluationRepository(db, default_card()), calls["S3"], "1001", points=3)
    UserRepository(db).create_first_lead("9001", "张组长", "lead-pass-1")
    db.close()
    base = [sys.executable, "-m", "inspector", "--data-dir", str(ws.root), "evaluations", "--user", "9001",
            "--password-stdin"]
    listed = subprocess.run([*base, "--format", "json"], cwd=ROOT, capture_output=True, text=True,
                            input="lead-pass-1\n")
    assert [r["total"] for r in json.loads(listed.stdout)] == [97.0]
    out = tmp_path / "e.csv"
    subprocess.run([*base, "--format", "csv", "--out", str(out)], cwd=ROOT, check=True, input=b"lead-pass-1\n")
    assert "S3" in out.read_text(encoding="utf-8-sig")


def test_sampling_picks_n_new_calls_per_agent_and_marks_them(tmp_path, demo_copy):
    ws, db = _workspace(tmp_path, demo_copy)
    picked = draw(db, SamplingPlan(per_agent=1, seed=7), SAMPLER).picks
    assert len(picked) == 6                                   # six agents, one call each in the demo
    assert CallRepository(db).count(CallFilter(status="assigned")) == 6
    assert draw(db, SamplingPlan(per_agent=1, seed=7), SAMPLER).picks == ()   # nothing new left to sample
