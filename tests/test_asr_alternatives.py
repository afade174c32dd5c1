"""Vosk's N-best kept with the transcript. In a module of its own, after test_asr.py: in one process an
N-best recogniser was seen to change what later recognisers hear (see asr.recognizer.transcribe), and
test_asr.py checks word times against plain Vosk."""

import dataclasses
import json

import pytest

from inspector.asr.recognizer import load_model, transcribe
from inspector.audio.recording import decode
from inspector.transcript.io import from_dict, to_dict
from tests.conftest import DEMO
from tests.speech_models import MANDARIN


@pytest.mark.slow
@pytest.mark.mandarin
def test_unsure_speech_keeps_the_recognisers_alternatives():
    """Asked for, stretches with a word heard under 0.6 are decoded again for Vosk's N-best; the next-best
    texts are stored with the segment (transcript v1 extra key) for the rules to consider. The call's first 20 s:
    decoding for the N-best runs at about real time on a loaded 2-core machine (the whole call took 157 s)."""
    call = decode(DEMO / "S1.flac")
    opening = dataclasses.replace(call, samples=call.samples[:, : call.sample_rate * 20])
    transcript = transcribe(load_model(MANDARIN), opening, call_id="S1", alternatives=True)
    unsure = [s for s in transcript.segments if any(w.conf < 0.6 for w in s.words)]
    assert unsure and sum(bool(s.alternatives) for s in unsure) >= len(unsure) / 2
    assert all(alt and alt != s.text for s in transcript.segments for alt in s.alternatives)
    assert all(0 <= w.conf <= 1 for s in transcript.segments for w in s.words)
    assert from_dict(json.loads(json.dumps(to_dict(transcript))), "round trip") == transcript
