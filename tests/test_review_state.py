"""The review-state model alone, without any widget."""

import pytest

from inspector.audio.activity import Interval
from inspector.open_call.state import ReviewState
from inspector.domain.calls import Call


def _call(duration=60.0):
    return Call(content_hash="h", path="/x.wav", call_ref="C1", duration_s=duration, sample_rate=8000,
                channels=2, audio_format="WAV/PCM_16", id=1)


def test_opening_a_call_resets_everything_derived_from_the_previous_one():
    state = ReviewState()
    seen = []
    state.call_changed.connect(lambda c: seen.append(("call", c.call_ref if c else None)))
    state.transcript_changed.connect(lambda t: seen.append(("transcript", t)))
    state.open_call(_call())
    state.set_playhead(12.0)
    state.set_selection(3.0, 5.0)
    state.open_call(_call())
    assert state.playhead == 0.0 and state.selection is None
    assert seen.count(("call", "C1")) == 2
    assert ("transcript", None) in seen


def test_playhead_is_clamped_and_small_moves_are_not_announced():
    state = ReviewState()
    state.open_call(_call(duration=30.0))
    moves = []
    state.playhead_changed.connect(moves.append)
    state.set_playhead(45.0)
    state.set_playhead(30.001)
    state.set_playhead(-3.0)
    assert moves == [30.0, 0.0]


def test_selection_is_ordered_and_a_tiny_one_clears_it():
    state = ReviewState()
    changes = []
    state.selection_changed.connect(changes.append)
    state.set_selection(5.0, 2.0)
    assert state.selection == Interval(2.0, 5.0)
    state.set_selection(2.0, 2.01)
    assert state.selection is None
    assert changes == [Interval(2.0, 5.0), None]


def test_messages_reach_observers():
    state = ReviewState()
    said = []
    state.message_changed.connect(said.append)
    state.say("无法播放")
    assert said == ["无法播放"]


@pytest.mark.parametrize("content", ["{not json", "[]", '{"language": 5, "volume": "loud"}'])
def test_damaged_settings_fall_back_to_defaults(tmp_path, content):
    from inspector.settings import Settings, load_settings, save_settings, settings_file
    settings_file(tmp_path).parent.mkdir(parents=True, exist_ok=True)
    settings_file(tmp_path).write_text(content)
    assert load_settings(tmp_path) == Settings()
    save_settings(Settings(language="en", volume=0.5), tmp_path)
    assert load_settings(tmp_path) == Settings(language="en", volume=0.5)
