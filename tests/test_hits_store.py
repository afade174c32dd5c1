"""Stored hits, re-checks that keep decisions, and per-rule precision."""

import pytest

from inspector.review.checking import check_and_store, compare_pack
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.scoring.defaults import default_pack
from inspector.rules.pack import load_pack
from inspector.store.calls import CallFilter, CallRepository
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
