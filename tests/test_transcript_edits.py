import pytest

from inspector.transcript.edits import edit_speaker, edit_text, edit_word
from inspector.transcript.model import Segment, Transcript, Word

T = Transcript("t", 5.0, (Segment("agent", 0.0, 1.0, "您好 很 高兴", (Word("您好", 0.0, 0.4, 0.9),
                                                                   Word("很", 0.4, 0.6, 0.3),
                                                                   Word("高兴", 0.6, 1.0, 0.9))),
                          Segment("unknown", 2.0, 3.0, "好的")))


def test_a_word_keeps_its_timing_and_becomes_certain():
    corrected, edit = edit_word(T, 0, 1, "非常")
    assert corrected.segments[0].text == "您好 非常 高兴"
    assert corrected.segments[0].words[1] == Word("非常", 0.4, 0.6, 1.0)
    assert (edit.field, edit.old, edit.new, edit.word) == ("word", "很", "非常", 1)
    assert T.segments[0].words[1].text == "很"          # the original is untouched


def test_new_segment_text_drops_word_timings_that_no_longer_fit():
    corrected, edit = edit_text(T, 0, "您好，非常高兴为您服务")
    assert corrected.segments[0].words == ()
    assert edit.old == "您好 很 高兴"


def test_reassigning_the_speaker_of_a_mono_segment():
    corrected, edit = edit_speaker(T, 1, "customer")
    assert corrected.segments[1].speaker == "customer" and edit.old == "unknown"
    with pytest.raises(ValueError):
        edit_speaker(T, 1, "boss")
