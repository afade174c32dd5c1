"""Transcripts are versioned per call: a new run never replaces another, the call shows the version chosen,
and the hits computed on a version come back when it is shown again."""

from dataclasses import replace

import pytest

from inspector.intake.importer import run_import
from inspector.findings.checking import check_and_store
from inspector.scoring.defaults import default_pack
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.edits import edit_text
from inspector.workspace import Workspace
from tests.ui_windows import demo_window


def _garbled(transcript, marker: str):
    """What a recogniser of another language might have made of the call: every sentence wrong."""
    return replace(transcript, segments=tuple(replace(s, text=f"{marker}{i}", words=())
                                              for i, s in enumerate(transcript.segments)))


@pytest.fixture
def station(tmp_path, demo_copy):
    ws = Workspace(tmp_path / "ws")
    db = open_database(ws.database)
    run_import(demo_copy, CallRepository(db), TranscriptRepository(db))
    call = next(c for c in CallRepository(db).page(limit=10) if c.call_ref == "S1")
    return ws, db, call


def test_two_runs_and_an_edit_keep_every_version_and_switching_back_restores_its_hits(station):
    ws, db, call = station
    transcripts, hits, pack = TranscriptRepository(db), HitRepository(db), default_pack()
    reference_source, reference = transcripts.latest(call.id)
    on_reference = check_and_store(call, db, ws, pack)
    assert hits.checked_on(call.id) == reference_source

    transcripts.save(call.id, "asr:ko-model", _garbled(reference, "잡음"))
    transcripts.save(call.id, "asr:other-model", _garbled(reference, "噪声"))
    corrected, edit = edit_text(transcripts.latest(call.id)[1], 0, "您好，很高兴为您服务，我是工号三二五七。")
    transcripts.record_edit(call.id, "asr:other-model", corrected, edit, "1001")
    assert set(transcripts.sources(call.id)) == {reference_source, "asr:ko-model", "asr:other-model", "edited"}
    assert transcripts.latest(call.id)[0] == "edited"                    # the correction is what is shown

    on_edit = check_and_store(call, db, ws, pack)
    assert {h.rule for h in on_edit} != {h.rule for h in on_reference}  # garbled text: other hits
    transcripts.choose(call.id, reference_source)
    restored = hits.show_version(call.id, reference_source, pack)
    assert restored == on_reference and hits.checked_on(call.id) == reference_source
    assert call.id in {c.id for c in CallRepository(db).page(limit=10) if c.hit_count == len(on_reference)}
    assert hits.show_version(call.id, "asr:ko-model", pack) is None      # never checked: re-check is explicit
    transcripts.choose(call.id, "edited")
    assert hits.show_version(call.id, "edited", pack) == on_edit
    with pytest.raises(KeyError):
        transcripts.choose(call.id, "asr:no-such-run")


def test_the_window_lists_versions_and_switches_between_them(qtbot, tmp_path, demo_copy):
    window = demo_window(qtbot, tmp_path, demo_copy)
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=20_000)
    s1 = next(c for c in window.calls.page(limit=10) if c.call_ref == "S1")
    reference = window.transcripts.latest(s1.id)
    window.transcripts.save(s1.id, "asr:ko-model", _garbled(reference[1], "잡음"))
    model = window.call_list.model
    window.call_list.select_row(model.row_of(s1.id))
    qtbot.waitUntil(lambda: window.state.call is not None and window.state.call.id == s1.id, timeout=5000)
    pane = window.transcript
    assert pane.versions.count() == 2 and pane.versions.currentData() == "asr:ko-model"
    assert pane.versions.currentText().startswith("Recognised: ko-model")
    window.transcripts_control.choose_transcript(reference[0])                     # an operation on the database lane
    qtbot.waitUntil(lambda: not window.lane.busy, timeout=5000)
    assert window.state.transcript.segments[0].text == reference[1].segments[0].text
    assert window.state.hits is not None and window.rules.hits.checked_on(s1.id) == reference[0]
    assert "on Imported" in window.hits_pane.header.text()     # the hits say which version they rest on
