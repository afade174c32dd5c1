"""A drawn-out speaker heard again at an ordinary pace (asr/tempo.py)."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
import soundfile as sf

from inspector.asr import recognizer
from inspector.asr.pool import ModelPool
from inspector.asr.recognizer import Stretches, transcribe, voiced_stretches
from inspector.asr.tempo import MAX_SPEED, SLOW_CPM, TARGET_CPM, heard_pace, mean_confidence, speed_to_normal, stretched
from inspector.audio.recording import decode
from inspector.transcript.model import Segment, Word
from tests.speech_models import MANDARIN

RATE = 8000
MODELS = ModelPool()


def _segment(start: float, end: float, text: str, conf: float = 1.0) -> Segment:
    step = (end - start) / len(text)
    words = tuple(Word(c, start + i * step, start + (i + 1) * step, conf) for i, c in enumerate(text))
    return Segment("agent", start, end, " ".join(text), words)


def test_only_a_speaker_heard_slower_than_ordinary_is_played_faster():
    ordinary = [_segment(0.0, 6.0, "您好很高兴为您服务请问有什么可以帮您")]          # 18 characters in 6 s
    ordinary.append(_segment(7.0, 9.0, "好的我来帮您查一下"))                         # 27 in 8 s: 202 a minute
    assert heard_pace(ordinary) == pytest.approx(27 / 8 * 60)
    assert speed_to_normal(ordinary) is None
    slow = [_segment(0.0, 15.0, "您好很高兴为您服务请问有什么可以帮您的吗")]         # 20 in 15 s: 80 a minute
    assert heard_pace(slow) < SLOW_CPM
    assert speed_to_normal(slow) == MAX_SPEED                                       # 260 / 80 is more than twice
    slowish = [_segment(0.0, 7.5, "您好很高兴为您服务请问有什么可以帮您的吗")]       # 160 a minute
    assert speed_to_normal(slowish) == pytest.approx(TARGET_CPM / 160) and TARGET_CPM / 160 < MAX_SPEED
    assert speed_to_normal([_segment(0.0, 9.0, "您好")]) is None                     # too little to measure a pace on


def test_played_faster_keeps_the_pitch():
    tone = (np.sin(2 * np.pi * 440 * np.arange(4 * RATE) / RATE) * 12000).astype(np.int16)
    faster = stretched(tone, 1.6)
    assert faster.dtype == np.int16
    assert faster.size == pytest.approx(tone.size / 1.6, rel=0.03)
    spectrum = np.abs(np.fft.rfft(faster[RATE // 4: -RATE // 4]))
    peak_hz = np.fft.rfftfreq(faster.size - RATE // 2, 1 / RATE)[int(np.argmax(spectrum))]
    assert peak_hz == pytest.approx(440, abs=5)          # resampling would have moved it to 704 Hz


@pytest.fixture(scope="module")
def drawn_out(tmp_path_factory):
    """A Mandarin sentence said at about half an ordinary pace: espeak-ng, then played at 0.55 speed."""
    folder = tmp_path_factory.mktemp("drawn")
    raw, clip = folder / "raw.wav", folder / "clip.wav"
    subprocess.run(["espeak-ng", "-v", "cmn-latn-pinyin", "-s", "150", "-w", str(raw),
                    "您好很高兴为您服务，请问有什么可以帮您，感谢您的来电，祝您生活愉快，再见"], check=True)
    subprocess.run(["sox", "-v", "0.8", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(clip)], check=True,
                   capture_output=True)
    ordinary = decode(clip)
    sf.write(folder / "drawn.wav", stretched(ordinary.samples[0], 0.55), RATE, subtype="PCM_16")
    return decode(folder / "drawn.wav")


def _heard(recording, speed: float) -> list[Segment]:
    import vosk
    loaded = MODELS.get(MANDARIN)
    samples = recording.samples[0]
    heard = recognizer._hear(Stretches(vosk.KaldiRecognizer(loaded.model, float(RATE)), RATE), samples,
                             voiced_stretches(samples, RATE), "unknown", speed, None)
    return recognizer._flat(heard)


@pytest.fixture(scope="module")
def hearings(drawn_out):
    """The drawn-out sentence heard as recorded, and heard on the copy played at the speed chosen for it."""
    plain = _heard(drawn_out, 1.0)
    speed = speed_to_normal(plain)
    return plain, speed, (_heard(drawn_out, speed) if speed is not None else [])


@pytest.mark.slow
@pytest.mark.mandarin
def test_a_hearing_of_the_faster_copy_lies_on_the_recordings_own_times(drawn_out, hearings):
    plain, speed, faster = hearings
    assert speed is not None and speed > 1.5                  # the recogniser hears it as drawn out
    # the faster copy lasts 20 s / speed; its words are put back where they were said on the recording
    assert faster[0].start == pytest.approx(plain[0].start, abs=0.5)
    assert faster[-1].end == pytest.approx(plain[-1].end, abs=0.6)
    assert faster[-1].end <= drawn_out.duration_s
    assert all(w.start <= w.end for s in faster for w in s.words)


@pytest.mark.slow
@pytest.mark.mandarin
def test_a_drawn_out_speaker_keeps_whichever_hearing_the_recogniser_is_surer_of(drawn_out, hearings, monkeypatch):
    plain, speed, faster = hearings
    speeds = []
    monkeypatch.setattr(recognizer, "stretched", lambda samples, at: speeds.append(at) or stretched(samples, at))
    kept = list(transcribe(MODELS.get(MANDARIN), drawn_out).segments)
    assert speeds and set(speeds) == {speed}            # heard again, every stretch at the one speed
    surer = max((plain, faster), key=mean_confidence)
    assert [(w.text, w.start) for s in kept for w in s.words] == [(w.text, w.start) for s in surer for w in s.words]
