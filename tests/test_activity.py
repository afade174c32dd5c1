import numpy as np
import pytest

from inspector.audio.activity import FRAME_S, analyse, frame_energy_db, runs_of

RATE = 8000


def _signal(spans, seconds):
    out = np.zeros(int(seconds * RATE), dtype=np.int16)
    t = np.arange(out.size) / RATE
    for start, end in spans:
        sel = (t >= start) & (t < end)
        out[sel] = (np.sin(2 * np.pi * 300 * t[sel]) * 12000).astype(np.int16)
    return out


def test_full_scale_sine_energy_is_minus_three_dbfs():
    t = np.arange(RATE) / RATE
    sine = (np.sin(2 * np.pi * 400 * t) * 32767).astype(np.int16)
    energy = frame_energy_db(sine, RATE)
    assert energy.size == int(1 / FRAME_S)
    assert np.allclose(energy, -3.01, atol=0.05)


def test_runs_of_mask():
    mask = np.array([0, 1, 1, 0, 0, 1], dtype=bool)
    assert [(r.start, r.end) for r in runs_of(mask, 0.5)] == [(0.5, 1.5), (2.5, 3.0)]


def test_silence_and_overlap_bands():
    agent = _signal([(0.5, 3.0), (9.0, 10.0)], 11)
    customer = _signal([(2.0, 4.0)], 11)
    activity = analyse(np.stack([agent, customer]), RATE)
    assert [(o.start, o.end) for o in activity.overlaps] == [pytest.approx((2.0, 3.0), abs=0.03)]
    assert len(activity.silences) == 1
    assert activity.silences[0].start == pytest.approx(4.0, abs=0.03)
    assert activity.silences[0].end == pytest.approx(9.0, abs=0.03)


def test_short_pauses_inside_speech_are_bridged_and_clicks_dropped():
    agent = _signal([(1.0, 2.0), (2.2, 3.0), (5.0, 5.04)], 6)
    activity = analyse(agent[None, :], RATE)
    assert [(round(i.start, 2), round(i.end, 2)) for i in activity.speech[0]] == [(1.0, 3.0)]
    assert activity.overlaps == ()


def test_the_demo_calls_show_their_scripted_silences_and_talk_over():
    from inspector.audio.recording import decode
    from tests.conftest import DEMO
    s5 = decode(DEMO / "S5.flac")
    long_gaps = [i.duration for i in analyse(s5.samples, s5.sample_rate).silences if i.duration > 15]
    assert sorted(round(g) for g in long_gaps) == [20, 35]
    s6 = decode(DEMO / "S6.flac")
    overlaps = analyse(s6.samples, s6.sample_rate).overlaps
    assert [round(o.duration, 1) for o in overlaps] == [1.5, 1.5]
