"""Real playback through a PulseAudio null sink, recorded from its monitor with parec."""

import time

import numpy as np
import pytest

from inspector.audio.output import playback_problem
from inspector.audio.player import ChannelMode, Player, PlayerState
from inspector.audio.recording import Recording, decode
from inspector.transcript.io import load_transcript
from tests.conftest import DEMO

pytestmark = pytest.mark.audio
SOUND = 0.02


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
        deadline = time.monotonic() + recording.duration_s / speed + 5
        while player.state is PlayerState.PLAYING and time.monotonic() < deadline:
            time.sleep(0.02)
        assert player.state is PlayerState.STOPPED
    finally:
        player.close()
        captured = sink.stop_recording(recorder)
    return captured


def _best_correlation(captured: np.ndarray, source: np.ndarray) -> float:
    """Peak normalised cross-correlation over all lags (the sink adds an unknown delay)."""
    n = captured.size + source.size
    spectrum = np.fft.rfft(captured, n) * np.conj(np.fft.rfft(source, n))
    xcorr = np.fft.irfft(spectrum, n)
    return float(np.max(np.abs(xcorr)) / (np.linalg.norm(captured) * np.linalg.norm(source) + 1e-12))


def _sounding_span(captured: np.ndarray) -> float:
    loud = np.flatnonzero(np.abs(captured).max(axis=1) > SOUND)
    return (loud[-1] - loud[0]) / 8000 if loud.size else 0.0


def test_agent_only_playback_carries_the_left_channel_not_the_right(null_sink, first_exchange):
    captured = _play(null_sink, first_exchange, ChannelMode.AGENT)
    assert np.abs(captured).max() > 0.1, "no sound came out of the sink"
    left = first_exchange.samples[0] / 32768.0
    right = first_exchange.samples[1] / 32768.0
    heard = captured[:, 0]
    assert np.allclose(captured[:, 0], captured[:, 1], atol=1e-3)  # the agent in both ears
    assert _best_correlation(heard, left) > 0.95
    assert _best_correlation(heard, right) < 0.3


@pytest.fixture(scope="module")
def stereo_capture(null_sink, first_exchange):
    """Normal playback of both channels, shared by the tests that need it (each play takes real time)."""
    return _play(null_sink, first_exchange, ChannelMode.BOTH)


def test_both_channels_keep_agent_left_and_customer_right(stereo_capture, first_exchange):
    captured = stereo_capture
    assert _best_correlation(captured[:, 0], first_exchange.samples[0] / 32768.0) > 0.95
    assert _best_correlation(captured[:, 1], first_exchange.samples[1] / 32768.0) > 0.95


def test_double_speed_halves_the_duration(null_sink, first_exchange, stereo_capture):
    normal = _sounding_span(stereo_capture)
    fast = _sounding_span(_play(null_sink, first_exchange, speed=2.0))
    assert normal == pytest.approx(first_exchange.duration_s - 0.8, abs=0.5)
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
    window.import_folder(demo_copy, show_report=False)
    qtbot.waitUntil(lambda: window.call_list.model.total == 6, timeout=10_000)
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(6) if model.call_at(r).call_ref == "S2"))
    qtbot.waitUntil(lambda: window.state.recording is not None, timeout=10_000)
    assert window.playback_label.text() == ""      # the sound server was found
    recorder = null_sink.start_recording()
    qtbot.keyClick(window, Qt.Key_Space)
    qtbot.wait(2500)
    qtbot.keyClick(window, Qt.Key_Space)
    captured = null_sink.stop_recording(recorder)
    window.close()
    heard = window.state.recording.samples[0, : int(window.state.playhead * 8000)] / 32768.0
    assert np.abs(captured).max() > 0.1
    assert _best_correlation(captured[:, 0], heard) > 0.9
    assert 2.2 < window.state.playhead < 2.8
