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
