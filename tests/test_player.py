"""The player's logic against a capturing output; test_playback_pulse.py proves it on a real sound server."""

import time
from pathlib import Path

import numpy as np
import pytest

from inspector.audio.output import PlaybackUnavailable
from inspector.audio.player import ChannelMode, Player, PlayerState, mix_block
from inspector.audio.recording import Recording
from tests.capturing_output import CapturingOutput

RATE = 8000


def _recording(seconds: float = 2.0) -> Recording:
    t = np.arange(int(seconds * RATE)) / RATE
    left = (np.sin(2 * np.pi * 300 * t) * 10000).astype(np.int16)
    right = (np.sin(2 * np.pi * 700 * t) * 10000).astype(np.int16)
    return Recording(Path("x.wav"), RATE, np.stack([left, right]))


def _play_to_end(player: Player, timeout: float = 300.0) -> None:     # the limit only ends a hang
    player.play()
    deadline = time.monotonic() + timeout
    while player.state is PlayerState.PLAYING and time.monotonic() < deadline:
        time.sleep(0.005)
    assert player.state is PlayerState.STOPPED


def _wait(condition, limit_s: float = 300.0) -> None:
    """Until the player has got that far, however slowly a loaded machine lets it; the limit ends a hang."""
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, "the player did not get there"
        time.sleep(0.005)


@pytest.fixture
def player_and_output():
    outputs: list[CapturingOutput] = []

    def factory(rate):
        outputs.append(CapturingOutput(rate))
        return outputs[-1]

    player = Player(factory)
    yield player, outputs
    player.close()


def test_mix_block_solo_modes_and_volume():
    block = np.array([[1000, -2000], [3000, 4000]], dtype=np.int16)
    both = mix_block(block, ChannelMode.BOTH, 1.0)
    assert np.allclose(both * 32768, block)
    agent = mix_block(block, ChannelMode.AGENT, 0.5)
    assert np.allclose(agent * 32768, [[500, -1000], [500, -1000]])
    customer = mix_block(block, ChannelMode.CUSTOMER, 1.0)
    assert np.allclose(customer * 32768, [[3000, 4000], [3000, 4000]])
    mono = mix_block(block[:1], ChannelMode.CUSTOMER, 1.0)
    assert np.allclose(mono * 32768, [[1000, -2000], [1000, -2000]])


def test_plays_every_sample_once_at_normal_speed(player_and_output):
    player, outputs = player_and_output
    rec = _recording(1.0)
    player.load(rec)
    _play_to_end(player)
    out = outputs[0].audio()
    assert out.shape == (rec.frames, 2)
    assert np.allclose(out[:, 0] * 32768, rec.samples[0])
    assert player.position == pytest.approx(rec.duration_s)


def test_double_speed_halves_duration_and_half_speed_doubles_it(player_and_output):
    player, outputs = player_and_output
    rec = _recording(2.0)
    player.load(rec)
    player.set_speed(2.0)
    _play_to_end(player)
    assert outputs[0].audio().shape[0] / RATE == pytest.approx(1.0, rel=0.06)
    outputs[0].blocks.clear()
    player.set_speed(0.5)
    _play_to_end(player)
    assert outputs[0].audio().shape[0] / RATE == pytest.approx(4.0, rel=0.06)


def test_speed_is_clamped():
    player = Player(lambda rate: CapturingOutput(rate))
    assert player.set_speed(5) == 2.0
    assert player.set_speed(0.1) == 0.5


def test_loop_repeats_the_selection(player_and_output):
    player, outputs = player_and_output
    rec = _recording(2.0)
    player.load(rec)
    player.set_loop(0.5, 0.75)
    player.seek(0.5)
    player.play()
    _wait(lambda: outputs and outputs[0].audio().shape[0] > 3 * 0.25 * RATE)   # round the loop several times
    position = player.position
    player.pause()
    out = outputs[0].audio()
    loop = rec.samples[0, 4000:6000] / 32768
    assert np.allclose(out[:2000, 0], loop, atol=1e-4)
    assert np.allclose(out[2000:4000, 0], loop, atol=1e-4)
    assert 0.5 <= position <= 0.75


def test_seek_pause_and_resume(player_and_output):
    player, outputs = player_and_output
    player.load(_recording(10.0))
    player.seek(1.5)
    assert player.position == pytest.approx(1.5)
    player.play()
    _wait(lambda: player.position > 1.5)
    player.pause()
    assert player.state is PlayerState.PAUSED
    paused_at = player.position
    assert 1.5 < paused_at < 10.0
    player.play()
    _wait(lambda: player.position > paused_at)
    player.pause()
    assert player.position > paused_at
    player.seek(0.25)
    assert player.position == pytest.approx(0.25)
    player.stop()
    assert player.position == 0.0


def test_no_device_raises_playback_unavailable_and_keeps_state():
    def no_device(rate):
        raise PlaybackUnavailable("no sound server could be reached")

    player = Player(no_device)
    player.load(_recording(0.5))
    with pytest.raises(PlaybackUnavailable):
        player.play()
    assert player.state is PlayerState.STOPPED


def test_speed_change_keeps_the_pitch(player_and_output):
    """WSOLA changes tempo, not pitch: a 440 Hz tone stays at 440 Hz at 2× and 0.5×."""
    player, outputs = player_and_output
    t = np.arange(RATE * 2) / RATE
    tone = (np.sin(2 * np.pi * 440 * t) * 12000).astype(np.int16)
    player.load(Recording(Path("tone.wav"), RATE, np.stack([tone, tone])))
    for speed in (2.0, 0.5):
        outputs and outputs[0].blocks.clear()
        player.set_speed(speed)
        _play_to_end(player)
        out = outputs[0].audio()[:, 0]
        spectrum = np.abs(np.fft.rfft(out * np.hanning(out.size)))
        peak_hz = np.argmax(spectrum) * RATE / out.size
        assert peak_hz == pytest.approx(440, abs=10)
