"""Personal data that never leaves unmasked (issue #26, privacy): masking by role in transcripts and search,
packs masked by default, and audio redaction of every exported recording, checked by recognising the
redacted demo call with the real Mandarin model."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from inspector.calibration.pack import export_pack
from inspector.domain.people import User
from inspector.privacy.masking import identity_names, mask_text, mask_transcript
from inspector.privacy.recordings import export_recording
from inspector.privacy.redaction import TONE_HZ, redactions
from inspector.privacy.visibility import Visibility
from inspector.review.queue import SamplingPlan, draw
from inspector.scoring.defaults import default_card
from inspector.store.calls import CallRepository
from inspector.store.export_audit import ExportAudit
from inspector.store.search import search
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository
from inspector.transcript.model import Segment, Transcript, Word
from inspector.users.policy import NotAllowed
from tests.calibration_fixtures import LEAD, lead_session, workstation
from tests.conftest import ROOT
from tests.speech_models import MANDARIN

DIGITS = set("0123456789零〇一二三四五六七八九幺两")
INSPECTOR = User("1001", "李质检", "inspector")


def _phone_call() -> Transcript:
    words = [Word(c, 10 + 0.3 * i, 10.3 + 0.3 * i) for i, c in enumerate("我的号码是一三八零零一三八零零零")]
    return Transcript("P1", 30.0, (
        Segment("agent", 1.0, 4.0, "请问机主姓名？"),
        Segment("customer", 5.0, 8.0, "我叫王小明，身份证后四位三五一二"),
        Segment("agent", 8.5, 9.5, "王先生您好"),
        Segment("customer", 10.0, 14.8, "我的号码是一三八零零一三八零零零", words=tuple(words))))


def test_numbers_and_the_identity_checks_names_are_masked_everywhere():
    masked = mask_transcript(_phone_call())
    assert identity_names(_phone_call()) >= {"王小明", "王先生"}
    assert [s.text for s in masked.segments] == ["请问机主姓名？", "我叫***，身份证后四位****", "***您好",
                                                 "我的号码是*******零零零零"[:0] + "我的号码是*******八零零零"]
    assert "".join(w.text for w in masked.segments[3].words) == masked.segments[3].text
    assert mask_text("请拨打12345") == "请拨打12345"                     # short numbers outside the check stay


def test_redaction_covers_the_whole_number_with_a_margin_on_its_speakers_channel():
    spans = redactions([_phone_call()], channels=2, margin_s=0.25)
    assert [(s.channel, s.start) for s in spans] == [(0, 8.25), (1, 4.75), (1, 10 + 0.3 * 5 - 0.25)]
    assert spans[2].end == pytest.approx(10.3 + 0.3 * 15 + 0.25)            # the last four too: nothing audible


@pytest.fixture
def centre(tmp_path):
    station = workstation(tmp_path / "ws")
    users = UserRepository(station.db)
    users.add(LEAD, "1001", "李质检", "inspector", "pass-1001x", must_change_password=False)
    return station


def _s2(station):
    return next(c for c in CallRepository(station.db).page(limit=10) if c.call_ref == "S2")


def test_an_inspector_sees_numbers_masked_unless_the_call_is_theirs_to_review(centre):
    s2 = _s2(centre)
    source, said = TranscriptRepository(centre.db).latest(s2.id)
    as_inspector, as_lead = Visibility(centre.db, INSPECTOR), Visibility(centre.db, LEAD)
    shown = as_inspector.transcript(s2.id, said)
    assert "张伟" not in json.dumps([s.text for s in shown.segments], ensure_ascii=False)
    assert as_lead.transcript(s2.id, said) == said
    found = as_inspector.found(search(centre.db, "后四位"))
    assert found and all("三五一二" not in f.text and "张伟" not in f.text for f in found)
    assert "张伟，后四位是三五一二。" in [f.text for f in as_lead.found(search(centre.db, "后四位"))]
    draw(centre.db, SamplingPlan(percent=100, assignees=("1001",), seed=1), LEAD)
    assert as_inspector.transcript(s2.id, said) == said                    # now it is theirs to review


def test_the_cli_search_masks_for_an_inspector(centre):
    done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(centre.root), "search", "后四位",
                           "--format", "json", "--user", "1001", "--password-stdin"], cwd=ROOT, capture_output=True,
                          text=True, input="pass-1001x\n", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "**，后四位是****。" in [r["text"] for r in json.loads(done.stdout)]


def test_packs_are_masked_by_default_and_unmasked_only_by_a_lead_on_record(centre, tmp_path):
    session = lead_session(centre, calls=3)
    assert _s2(centre).id in session.call_ids
    pack = export_pack(centre.db, session, default_card(), tmp_path / "p.zip", "1001", LEAD)
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        texts = "".join(archive.read(n).decode() for n in names if n.startswith("transcripts/"))
        assert "张伟" not in texts and "三五一二" not in texts and "**，后四位是****" in texts
        assert all(n.endswith(".wav") for n in names if n.startswith("audio/"))
    with pytest.raises(NotAllowed):
        export_pack(centre.db, session, default_card(), tmp_path / "u.zip", "1001", INSPECTOR, masked=False)
    export_pack(centre.db, session, default_card(), tmp_path / "u.zip", "1001", LEAD, masked=False)
    assert [(e["by"], e["what"], e["masked"]) for e in ExportAudit(centre.db).entries()] == [
        ("9001", "calibration pack", 1), ("9001", "calibration pack", 0)]


DIGIT_WORDS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "幺", "两", "[unk]"]


def _digits_heard(recording: Path, spans, grammar: list[str] | None) -> list[str]:
    """Digits recognised inside the spans, by free recognition and by a recogniser that may say only digits
    (or "unknown"): asked that narrowly, it takes any digit-like sound for a digit."""
    from inspector.asr.recognizer import load_model, transcribe
    from inspector.audio.recording import decode
    heard = transcribe(load_model(MANDARIN), decode(recording), grammar=grammar)
    return [w.text for seg in heard.segments for w in seg.words if seg.speaker == "customer"
            and any(s.start <= (w.start + w.end) / 2 <= s.end for s in spans) and DIGITS & set(w.text)]


@pytest.mark.slow
@pytest.mark.mandarin
def test_a_redacted_demo_call_has_no_audible_digits_in_its_masked_spans(centre, tmp_path):
    s2 = _s2(centre)
    out = tmp_path / "S2-redacted.wav"
    spans = export_recording(centre.db, s2, out, INSPECTOR)
    assert spans and all(s.channel == 1 for s in spans)                     # the caller's identity check
    assert ExportAudit(centre.db).entries()[-1]["masked"] == 1
    samples, rate = sf.read(out, dtype="float32", always_2d=True)
    for span in spans:                                                     # a tone, not the voice, is there
        piece = samples[int(span.start * rate) + 80: int(span.end * rate) - 80, span.channel]
        spectrum = np.abs(np.fft.rfft(piece))
        assert np.argmax(spectrum) * rate / len(piece) == pytest.approx(TONE_HZ, abs=5)
    with pytest.raises(NotAllowed):
        export_recording(centre.db, s2, tmp_path / "raw.wav", INSPECTOR, redacted=False)
    assert _digits_heard(out, spans, None) == [] and _digits_heard(out, spans, DIGIT_WORDS) == []


@pytest.mark.parametrize("who, masked", [("inspector", True), ("lead", False)])
def test_the_transcript_pane_shows_what_the_signed_in_user_may_see(qtbot, tmp_path, demo_copy, who, masked):
    from tests.ui_windows import demo_window, lead_window
    window = (demo_window if who == "inspector" else lead_window)(qtbot, tmp_path, demo_copy)
    s2 = next(c for c in window.calls.page(limit=10) if c.call_ref == "S2")
    window.opener.open_call(s2)
    qtbot.waitUntil(lambda: window.transcript.segment_count() > 3, timeout=20_000)
    answer = window.transcript.segment_text(3)
    assert ("张伟" not in answer and "**" in answer) if masked else "张伟，后四位是三五一二" in answer
    assert window.transcript.masked is masked
