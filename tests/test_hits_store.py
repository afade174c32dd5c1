"""Stored hits, re-checks that keep decisions, and per-rule precision."""

import pytest

from inspector.findings.checking import check_and_store, compare_pack
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.scoring.defaults import default_pack
from inspector.rules.pack import load_pack
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.rules.hits import hit_key
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.workspace import Workspace
from tests.conftest import ROOT


@pytest.fixture
def workspace(tmp_path, demo_copy):
    ws = Workspace(tmp_path / "ws")
    db = open_database(ws.database)
    run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    return ws, db


def _call(db, ref):
    return CallRepository(db).page(CallFilter(text=ref))[0]


def test_never_checked_differs_from_nothing_found(workspace):
    ws, db = workspace
    repo = HitRepository(db)
    s1, s6 = _call(db, "S1"), _call(db, "S6")
    assert repo.for_call(s1.id) is None
    check_and_store(s1, db, ws, default_pack())
    check_and_store(s6, db, ws, default_pack())
    assert repo.for_call(s1.id) == []
    assert sorted({h.rule for h in repo.for_call(s6.id)}) == ["R11", "R13", "R14", "R17"]
    assert _call(db, "S6").hit_count == len(repo.for_call(s6.id))


def test_decisions_survive_a_recheck_and_feed_precision(workspace):
    ws, db = workspace
    repo = HitRepository(db)
    s6 = _call(db, "S6")
    hits = check_and_store(s6, db, ws, default_pack())
    r13 = [h for h in hits if h.rule == "R13"]
    repo.decide(s6.id, r13[0], "confirmed", "", "1001")
    repo.decide(s6.id, r13[1], "rejected", "说的是别人投诉", "1001")
    repo.decide(s6.id, r13[2], "confirmed", "", "1001")
    check_and_store(s6, db, ws, default_pack())
    decisions = repo.decisions(s6.id)
    assert decisions[hit_key(r13[1])].note == "说的是别人投诉"
    accuracy = {a.rule: a for a in repo.accuracy()}
    assert (accuracy["R13"].confirmed, accuracy["R13"].rejected) == (2, 1)
    assert accuracy["R13"].precision == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        repo.decide(s6.id, r13[0], "maybe", "", "1001")


def test_comparing_an_edited_pack_shows_what_changes(workspace, tmp_path):
    ws, db = workspace
    for ref in ("S1", "S5"):
        check_and_store(_call(db, ref), db, ws, default_pack())
    text = (ROOT / "resources" / "rules" / "rules-10086.toml").read_text(encoding="utf-8")
    edited = tmp_path / "edited.toml"
    edited.write_text(text.replace("gap_s = 15\nannounce", "gap_s = 40\nannounce"), encoding="utf-8")
    diffs = drain(compare_pack(db, ws, load_pack(edited)))
    s5 = next(d for d in diffs if d.call_ref == "S5")
    assert [k.split("@")[0] for k in s5.removed] == ["R09"]
    assert s5.added == ()
    assert HitRepository(db).for_call(_call(db, "S5").id) is not None   # nothing stored by a comparison


def test_precision_by_confidence_band_from_decisions(workspace):
    """Confirmed and rejected hits counted by their confidence: what a lead calibrates the pack against."""
    import json
    import subprocess
    import sys

    from inspector.domain.accuracy import accuracy_by_band

    ws, db = workspace
    repo = HitRepository(db)
    s6 = _call(db, "S6")
    hits = check_and_store(s6, db, ws, default_pack())
    for hit in hits:
        repo.decide(s6.id, hit, "confirmed" if hit.confidence >= 0.95 else "rejected", "", "1001")
    sure = sum(h.confidence >= 0.95 for h in hits)
    assert 0 < sure < len(hits)
    bands = {(b.low, b.high): b for b in accuracy_by_band(repo.decided_confidences())}
    assert (bands[(0.95, 1.0)].confirmed, bands[(0.95, 1.0)].rejected) == (sure, 0)
    assert bands[(0.95, 1.0)].precision == 1.0
    assert sum(b.rejected for b in bands.values()) == len(hits) - sure
    assert all(b.precision in (None, 0.0) for key, b in bands.items() if key != (0.95, 1.0))
    assert repo.decided_confidences("R13") and all(c == 1.0 for c, _d in repo.decided_confidences("R13"))
    db.close()
    run = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws.root), "rule-accuracy",
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    shown = json.loads(run.stdout)
    assert [b["confirmed"] for b in shown["bands"]][-1] == sure
    assert {r["rule"] for r in shown["rules"]} == {h.rule for h in hits}


def test_band_edges_put_a_sure_hit_in_the_top_band():
    from inspector.domain.accuracy import accuracy_by_band

    bands = accuracy_by_band([(1.0, "confirmed"), (0.9, "rejected"), (0.899, "confirmed"), (0.0, "rejected")])
    counts = [(b.low, b.confirmed, b.rejected) for b in bands]
    assert counts == [(0.0, 0, 1), (0.5, 0, 0), (0.7, 0, 0), (0.8, 1, 0), (0.9, 0, 1), (0.95, 1, 0)]
