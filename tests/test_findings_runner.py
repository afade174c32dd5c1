"""The findings runner: one "what is outdated" question, each call's transcript read and its recording
decoded once for all steps, and the same findings as the batch's own steps on the same call."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

import inspector.findings.runner as findings
from inspector.categories.pack import default_category_pack
from inspector.intake.importer import run_import
from inspector.jobs import Cancelled, drain
from inspector.findings.steps import step_versions
from inspector.pipeline.call import process_call
from inspector.pipeline.tasks import CallTask, Tools
from inspector.findings.runner import CATEGORIES, EMOTION, RULES, STEPS, Packs, due_calls, run_findings
from inspector.scoring.defaults import default_pack
from inspector.store.calls import CallRepository
from inspector.store.categories import CategoryRepository
from inspector.store.database import open_database
from inspector.store.emotion import EmotionRepository
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.io import save_transcript
from inspector.workspace import Workspace


@pytest.fixture
def station(tmp_path, demo_copy):
    ws = Workspace(tmp_path / "ws")
    db = open_database(ws.database)
    run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    return ws, db, Packs(default_pack(), default_category_pack())


def _calls(db):
    return {c.call_ref: c for c in CallRepository(db).page(limit=100)}


def test_a_new_workspace_is_due_every_step_and_after_one_run_nothing_is(station):
    ws, db, packs = station
    calls = _calls(db)
    assert due_calls(db, packs) == {c.id: frozenset(STEPS) for c in calls.values()}
    result = drain(run_findings(db, ws, packs, only_outdated=True))
    assert result.checked == result.categorized == len(calls) and result.without_transcript == []
    assert result.measured + len(result.without_customer) == len(calls)
    left = due_calls(db, packs)
    # a call without customer turns stores no emotion, so only its emotion stays due
    assert all(steps == {EMOTION} for steps in left.values())
    assert set(left) == {calls[ref].id for ref in result.without_customer}


def test_a_new_transcript_or_a_new_pack_makes_just_what_rests_on_it_due(station):
    ws, db, packs = station
    drain(run_findings(db, ws, packs))
    s1 = _calls(db)["S1"]
    transcripts = TranscriptRepository(db)
    source, said = transcripts.latest(s1.id)
    transcripts.save(s1.id, "asr:again", replace(said, segments=said.segments[:-1]))
    assert due_calls(db, packs)[s1.id] == frozenset(STEPS)
    drain(run_findings(db, ws, packs, only_outdated=True))
    newer = replace(packs, rules=replace(packs.rules, version=packs.rules.version + ".1"))
    due = due_calls(db, newer, (RULES, CATEGORIES))
    assert set(due.values()) == {frozenset({RULES, CATEGORIES})} and len(due) == len(_calls(db))


def test_each_call_is_read_once_and_decoded_once_for_all_three_steps(station, monkeypatch):
    ws, db, packs = station
    reads, decodes = [], []
    latest, real_decode = TranscriptRepository.latest, findings.decode
    monkeypatch.setattr(TranscriptRepository, "latest", lambda self, call_id: reads.append(call_id) or latest(
        self, call_id))
    monkeypatch.setattr(findings, "decode", lambda path: decodes.append(path) or real_decode(path))
    drain(run_findings(db, ws, packs))
    calls = _calls(db)
    assert sorted(reads) == sorted(c.id for c in calls.values())
    assert sorted(decodes) == sorted(Path(c.path) for c in calls.values())


def test_stored_findings_are_what_the_batch_finds_on_the_same_call(station, tmp_path):
    """One definition of the steps, seen from both sides: a batch worker's process_call on the recording and
    its stored transcript, and the runner on the stored call, find the same hits, categories and emotion."""
    ws, db, packs = station
    drain(run_findings(db, ws, packs))
    tools = Tools(packs.rules, None, packs.categories)
    for call in _calls(db).values():
        given = tmp_path / f"{call.call_ref}.json"
        save_transcript(TranscriptRepository(db).latest(call.id)[1], given)
        batch = process_call(CallTask(call.call_ref, call.path, call.call_ref, "", 0.0, "transcript:stored",
                                      str(given)), tools)
        assert batch.failure is None, batch.failure
        assert HitRepository(db).for_call(call.id) == list(batch.checked.hits), call.call_ref
        assert [c.to_dict() for c in CategoryRepository(db).for_call(call.id)] == batch.checked.findings["categories"]
        stored = EmotionRepository(db).for_call(call.id)
        assert (stored.to_dict() if stored else None) == batch.checked.findings["emotion"], call.call_ref
        assert batch.checked.step_versions == step_versions(packs.categories)


def test_cancelling_stops_between_calls(station):
    ws, db, packs = station
    cancel = threading.Event()
    job = run_findings(db, ws, packs, cancel=cancel)
    assert next(job).done == 0 and next(job).done == 1          # the first call is done
    cancel.set()
    with pytest.raises(Cancelled):
        next(job)                                                # the second call finishes, then it stops
    assert len(due_calls(db, packs)) == len(_calls(db)) - 2


def test_with_a_model_the_rules_hear_each_call_again_on_its_own_audio(station, monkeypatch):
    """`check --database --model` and checking ahead with a model: the rule step gets a listener on each
    call's decoded recording (rules/relisten.py), made once per call; without a model, none."""
    import inspector.findings.steps as steps

    ws, db, packs = station
    listeners, given = [], []
    monkeypatch.setattr(findings, "GrammarListener",
                        lambda loaded, recording: listeners.append((loaded, recording.path)) or ("heard", recording))
    real_check = steps.check_call
    monkeypatch.setattr(steps, "check_call",
                        lambda pack, transcript, activity, listener=None: given.append(listener) or real_check(
                            pack, transcript, activity))
    model = object()                                   # stands for a loaded Vosk model
    drain(run_findings(db, ws, packs, (RULES,), listen_with=model))
    calls = _calls(db)
    assert sorted(str(path) for _m, path in listeners) == sorted(c.path for c in calls.values())
    assert all(m is model for m, _p in listeners) and all(listener[0] == "heard" for listener in given)
    given.clear()
    drain(run_findings(db, ws, packs, (RULES,)))
    assert given and all(listener is None for listener in given)
