"""The default pack against the reference scenarios (S1–S6, from reference transcripts and from the demo
audio) and against our own scenarios with other wordings (tests/scenarios/X*.json)."""

from functools import cache

import pytest

from inspector.audio.activity import analyse
from inspector.audio.recording import decode
from inspector.scoring.defaults import default_pack
from inspector.rules.engine import check_call
from inspector.transcript.io import load_transcript
from tests.conftest import DEMO, ROOT
from tests.scenario_transcripts import load_scenario, timed_transcript

SHARED = ROOT.parent / "shared" / "scenarios"
KEPT = ROOT / "tests" / "scenarios" / "reference"      # the product owner's S1–S6, so a fresh clone tests them
REFERENCE = sorted(DEMO.glob("S*.transcript.json"))
OURS = sorted((ROOT / "tests" / "scenarios").glob("X*.json"))


@cache
def _expected(call_id: str) -> list[str]:
    return sorted(load_scenario(KEPT / f"{call_id}.json")["expected_rule_hits"])


def test_the_reference_scenarios_kept_here_are_the_product_owners():
    """Every demo call has its scenario here; where ../shared is beside the checkout (CI), they are its
    files unchanged."""
    assert sorted(p.stem for p in KEPT.glob("S*.json")) == [p.name.split(".")[0] for p in REFERENCE]
    for kept in KEPT.glob("S*.json"):
        assert load_scenario(kept)["id"] == kept.stem
        if SHARED.exists():
            assert kept.read_bytes() == (SHARED / kept.name).read_bytes(), kept.name


@pytest.mark.parametrize("path", REFERENCE, ids=lambda p: p.name.split(".")[0])
def test_reference_transcripts_give_exactly_the_expected_hits(path):
    transcript = load_transcript(path)
    hits = check_call(default_pack(), transcript)
    assert sorted({h.rule for h in hits}) == _expected(transcript.call_id)


@pytest.mark.parametrize("path", REFERENCE, ids=lambda p: p.name.split(".")[0])
def test_demo_audio_measures_the_acoustic_rules(path):
    transcript = load_transcript(path)
    recording = decode(DEMO / f"{transcript.call_id}.flac")
    hits = check_call(default_pack(), transcript, analyse(recording.samples, recording.sample_rate))
    assert sorted({h.rule for h in hits}) == _expected(transcript.call_id)
    for hit in hits:
        if hit.rule in ("R09", "R10", "R11") and hit.why == "measured":
            assert hit.confidence == 1.0    # measured on the audio, not inferred from times


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.stem)
def test_our_scenarios_with_other_wordings(path):
    scenario = load_scenario(path)
    hits = check_call(default_pack(), timed_transcript(scenario))
    assert sorted({h.rule for h in hits}) == sorted(scenario["expected_rule_hits"]), [
        (h.rule, h.evidence) for h in hits]


def test_every_hit_carries_time_speaker_evidence_and_confidence():
    for path in REFERENCE:
        for hit in check_call(default_pack(), load_transcript(path)):
            assert 0 <= hit.start <= hit.end
            assert hit.speaker in ("agent", "customer", "both")
            assert hit.evidence
            assert 0 < hit.confidence <= 1


def test_s5_evidence_gives_the_measured_silence_and_threshold():
    transcript = load_transcript(DEMO / "S5.transcript.json")
    recording = decode(DEMO / "S5.flac")
    hits = check_call(default_pack(), transcript, analyse(recording.samples, recording.sample_rate))
    silence = [h for h in hits if h.rule == "R09"]
    assert len(silence) == 1
    assert "静音 35." in silence[0].evidence and "> 15 s" in silence[0].evidence
    assert silence[0].end - silence[0].start == pytest.approx(35.0, abs=0.3)
    thanks = [h for h in hits if h.rule == "R10"]
    assert len(thanks) == 1 and "在的" in thanks[0].evidence


def test_flags_carry_no_deduction_and_fatal_rules_are_marked():
    hits = check_call(default_pack(), load_transcript(DEMO / "S6.transcript.json"))
    assert all(h.deduction == 0 and h.flag_only for h in hits if h.rule == "R13")
    s4 = check_call(default_pack(), load_transcript(DEMO / "S4.transcript.json"))
    assert [h.severity for h in s4 if h.rule == "R04"] == ["fatal"]
