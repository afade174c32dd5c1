"""Real playback through a PulseAudio null sink, recorded from its monitor with parec.

What comes out is compared with the recording by content, not by one alignment: on a loaded machine the
sound server or the player can fall behind, and the sink then plays silence and skips a few samples where
it caught up (stopping the PulseAudio daemon for 0.4 s mid-call reproduces it: one alignment over the whole
capture fell to 0.73). The sink passes the player's samples through unchanged, so each short stretch of
sound heard is found, sample for sample, in the channel it came from; a glitch spoils only the stretches it
cuts, while the wrong channel matches none.
"""

import time

import numpy as np
import pytest

from inspector.audio.output import playback_problem
from inspector.audio.player import ChannelMode, Player, PlayerState
from inspector.audio.recording import Recording, decode
from inspector.transcript.io import load_transcript
from tests.conftest import DEMO

pytestmark = pytest.mark.audio
SOUND = 0.02            # the floor under which a sample is silence
STRETCH = 32            # samples (4 ms): long enough to occur once in a call, short enough that a glitch spoils few
SAME, OTHER = 0.9, 0.1  # the share of stretches found: the right channel gives ~1, the wrong one ~0
MARGIN_S = 0.25         # around the playhead: the output's buffer, and where pausing cut a stretch


@pytest.fixture(scope="module")
def first_exchange():
    """S2's first agent turn and first customer turn, cut from the demo recording."""
    rec = decode(DEMO / "S2.flac")
    segments = load_transcript(DEMO / "S2.transcript.json").segments
    end = int((segments[1].end + 0.3) * rec.sample_rate)
    return Recording(rec.path, rec.sample_rate, np.ascontiguousarray(rec.samples[:, :end]))


def _play(sink, recording, mode=ChannelMode.BOTH, speed=1.0) -> np.ndarray:
    player = Player()
    player.load(recording)
    player.set_channel_mode(mode)
    player.set_speed(speed)
    recorder = sink.start_recording()
    try:
        player.play()
        deadline = time.monotonic() + recording.duration_s / speed + 120     # only ends a hang
        while player.state is PlayerState.PLAYING and time.monotonic() < deadline:
            time.sleep(0.02)
        assert player.state is PlayerState.STOPPED
    finally:
        player.close()
        captured = sink.stop_recording(recorder)
    return captured


def _found_at(heard: np.ndarray, source: np.ndarray) -> list[int | None]:
    """For each stretch of STRETCH samples of sound in ``heard`` (float, as recorded), where it starts in
    ``source`` (int16 samples of one channel), or None when the channel has no such stretch."""
    samples = np.round(heard * 32768).astype("<i2")
    haystack = np.ascontiguousarray(source, dtype="<i2").tobytes()
    found = []
    for start in range(0, samples.size - STRETCH + 1, STRETCH):
        stretch = samples[start: start + STRETCH]
        if np.abs(stretch).max() <= SOUND * 32768:
            continue                                   # silence matches anything
        at = haystack.find(stretch.tobytes())
        while at != -1 and at % 2:                     # a match must start on a sample, not inside one
            at = haystack.find(stretch.tobytes(), at + 1)
        found.append(None if at == -1 else at // 2)
    return found


def _share_of(heard: np.ndarray, source: np.ndarray) -> float:
    """The share of the sound heard that is, sample for sample, a stretch of ``source``."""
    found = _found_at(heard, source)
    assert len(found) > 50, "hardly any sound came out of the sink"
    return sum(at is not None for at in found) / len(found)


def _loud_samples(samples: np.ndarray) -> int:
    """How much sound: samples above the floor, which a stall's silence does not add to."""
    return int(np.count_nonzero(np.abs(samples).max(axis=-1 if samples.ndim == 2 else 0) > SOUND))


def test_agent_only_playback_carries_the_left_channel_not_the_right(null_sink, first_exchange):
    captured = _play(null_sink, first_exchange, ChannelMode.AGENT)
    left, right = first_exchange.samples
    assert np.array_equal(captured[:, 0], captured[:, 1])          # the agent in both ears
    assert _share_of(captured[:, 0], left) > SAME
    assert _share_of(captured[:, 0], right) < OTHER


@pytest.fixture(scope="module")
def stereo_capture(null_sink, first_exchange):
    """Normal playback of both channels, shared by the tests that need it (each play takes real time)."""
    return _play(null_sink, first_exchange, ChannelMode.BOTH)


def test_both_channels_keep_agent_left_and_customer_right(stereo_capture, first_exchange):
    left, right = first_exchange.samples
    assert _share_of(stereo_capture[:, 0], left) > SAME and _share_of(stereo_capture[:, 0], right) < OTHER
    assert _share_of(stereo_capture[:, 1], right) > SAME and _share_of(stereo_capture[:, 1], left) < OTHER


def test_double_speed_halves_the_duration(null_sink, first_exchange, stereo_capture):
    """Measured as how much sound came out, not from first to last sound, which a stall would lengthen."""
    source = _loud_samples(first_exchange.samples.T / 32768.0)
    normal = _loud_samples(stereo_capture)
    fast = _loud_samples(_play(null_sink, first_exchange, speed=2.0))
    assert normal == pytest.approx(source, rel=0.01)
    assert fast / normal == pytest.approx(0.5, abs=0.05)


def test_no_sound_server_is_reported_not_raised(monkeypatch, tmp_path):
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nothing-here")
    problem = playback_problem()
    assert problem is not None and "no sound server" in problem


def test_space_in_the_main_window_plays_the_call_out_loud(qtbot, tmp_path, null_sink, demo_copy):
    from PySide6.QtCore import Qt

    from inspector.settings import Settings
    from inspector.ui.main_window import MainWindow
    from inspector.workspace import Workspace
    from tests.ui_windows import INSPECTOR

    window = MainWindow(Workspace(tmp_path / "ws"), Settings(language="en"), user=INSPECTOR)
    qtbot.addWidget(window)
    window.show()
    window.importer.import_folder(demo_copy, show_report=False)
    qtbot.waitUntil(lambda: window.call_list.model.total == 6, timeout=10_000)
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(6) if model.call_at(r).call_ref == "S2"))
    qtbot.waitUntil(lambda: window.state.recording is not None, timeout=10_000)
    assert window.playback_label.text() == ""      # the sound server was found
    recorder = null_sink.start_recording()
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.state.playhead > 2.0, timeout=60_000)
    qtbot.keyClick(window, Qt.Key_Space)
    captured = null_sink.stop_recording(recorder)
    window.close()
    playhead, left = window.state.playhead, window.state.recording.samples[0]
    found = _found_at(captured[:, 0], left)
    assert sum(at is not None for at in found) / len(found) > SAME        # the agent's channel came out
    heard = {at // STRETCH for at in found if at is not None}
    spoken = [start // STRETCH for start in range(0, left.size - STRETCH, STRETCH)
              if np.abs(left[start: start + STRETCH]).max() > SOUND * 32768]
    before = [s for s in spoken if (s + 1) * STRETCH < (playhead - MARGIN_S) * 8000]
    after = [s for s in spoken if s * STRETCH > (playhead + MARGIN_S) * 8000]
    assert before and len(heard & set(before)) / len(before) > SAME        # what is behind the playhead was heard
    assert not heard & set(after)                                          # and nothing beyond it
