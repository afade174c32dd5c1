"""Small recordings written on the fly for tests of decoding and import."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf


def tone(seconds: float, rate: int = 8000, freq: float = 440.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def write_stereo(path: Path, left: np.ndarray, right: np.ndarray, rate: int = 8000, **kwargs) -> Path:
    sf.write(path, np.stack([left, right], axis=1), rate, **kwargs)
    return path


def write_call(path: Path, seconds: float = 1.0, rate: int = 8000, seed: int = 0, **kwargs) -> Path:
    """A distinct stereo call per seed (different content gives a different content hash)."""
    rng = np.random.default_rng(seed)
    left = tone(seconds, rate, 300 + seed) + rng.normal(0, 0.01, int(seconds * rate)).astype(np.float32)
    return write_stereo(path, left, tone(seconds, rate, 500 + seed), rate, **kwargs)


def spoken(path: Path, pinyin: str, gain_db: float = 0.0, pitch: int = 50, speed: int = 160) -> np.ndarray:
    """Mandarin said by espeak-ng (voice cmn-latn-pinyin: tone-numbered pinyin in), 8 kHz mono via sox."""
    import subprocess
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", "cmn-latn-pinyin", "-p", str(pitch), "-s", str(speed), "-w", str(raw),
                    pinyin], check=True, capture_output=True)
    subprocess.run(["sox", str(raw), "-r", "8000", "-c", "1", str(path), "gain", str(gain_db)], check=True,
                   capture_output=True)
    samples, _rate = sf.read(path, dtype="float32")
    return samples


def spoken_call(folder: Path, name: str, turns: list[tuple[str, str, str, float, int]], gap_s: float = 0.5,
                speed: int = 160):
    """A stereo call (agent left, customer right) from (speaker, pinyin, text, gain dB, espeak pitch) turns,
    and its transcript with each turn's true times: what a recogniser would have given."""
    from inspector.transcript.model import Segment, Transcript
    rate, cursor, pieces, segments = 8000, 0.3, [], []
    for index, (speaker, pinyin, text, gain, pitch) in enumerate(turns):
        voice = spoken(folder / f"{name}-{index}.wav", pinyin, gain, pitch, speed)
        pieces.append((speaker, int(cursor * rate), voice))
        segments.append(Segment(speaker, round(cursor, 3), round(cursor + voice.size / rate, 3), text))
        cursor += voice.size / rate + gap_s
    frames = int((cursor + 0.3) * rate)
    channels = {"agent": np.zeros(frames, np.float32), "customer": np.zeros(frames, np.float32)}
    for speaker, at, voice in pieces:
        channels[speaker][at: at + voice.size] += voice
    path = write_stereo(folder / f"{name}.wav", channels["agent"], channels["customer"], rate)
    return path, Transcript(name, round(frames / rate, 3), tuple(segments))
