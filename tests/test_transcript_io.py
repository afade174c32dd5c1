import json

import pytest

from inspector.transcript.io import TranscriptError, from_dict, load_transcript, save_transcript
from tests.conftest import DEMO


def test_demo_transcript_reads_and_round_trips(tmp_path):
    transcript = load_transcript(DEMO / "S6.transcript.json")
    assert transcript.call_id == "S6"
    assert transcript.segments[0].speaker == "agent"
    assert transcript.segments[0].text.startswith("您好")
    save_transcript(transcript, tmp_path / "out.json")
    assert load_transcript(tmp_path / "out.json") == transcript


def test_segment_at_prefers_the_latest_start_on_talk_over():
    t = from_dict({"version": 1, "call_id": "x", "duration_s": 10, "segments": [
        {"speaker": "customer", "start": 0.0, "end": 5.0, "text": "a"},
        {"speaker": "agent", "start": 4.0, "end": 8.0, "text": "b"}]}, "t")
    assert t.segment_at(4.5) == 1
    assert t.segment_at(2.0) == 0
    assert t.segment_at(9.0) is None


def test_words_are_optional_and_kept():
    t = from_dict({"version": 1, "call_id": 7, "duration_s": 1, "extra": "ignored", "segments": [
        {"speaker": "agent", "start": 0.5, "end": 0.9, "text": "您好",
         "words": [{"text": "您好", "start": 0.5, "end": 0.9, "conf": 0.97}]}]}, "t")
    assert t.call_id == "7"
    assert t.segments[0].words[0].conf == 0.97


@pytest.mark.parametrize("segment,message", [
    ({"start": 0, "end": 1, "text": "x"}, "segment 0: missing required key 'speaker'"),
    ({"speaker": "boss", "start": 0, "end": 1, "text": "x"}, "segment 0: key 'speaker' must be one of"),
    ({"speaker": "agent", "start": "0", "end": 1, "text": "x"}, "segment 0: key 'start' must be int or float"),
    ({"speaker": "agent", "start": 2, "end": 1, "text": "x"}, "segment 0: 'end' (1.0) is before 'start'"),
    ({"speaker": "agent", "start": 0, "end": 1, "text": "x", "words": [{"text": "x", "start": 0, "end": 1,
                                                                       "conf": 3}]},
     "segment 0, word 0: key 'conf' must be a number in [0, 1]"),
])
def test_malformed_documents_name_the_segment_and_key(tmp_path, segment, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"version": 1, "call_id": "x", "duration_s": 1, "segments": [segment]}))
    with pytest.raises(TranscriptError) as err:
        load_transcript(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_not_json_and_wrong_version(tmp_path):
    path = tmp_path / "t.json"
    path.write_text("{not json")
    with pytest.raises(TranscriptError, match="not valid JSON"):
        load_transcript(path)
    path.write_text(json.dumps({"version": 2, "call_id": "x", "duration_s": 1, "segments": []}))
    with pytest.raises(TranscriptError, match="version 2 is not supported"):
        load_transcript(path)
