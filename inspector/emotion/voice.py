"""The customer's voice per turn: loudness, pitch and speech rate, measured on the customer's channel.

Voices differ, so nothing is judged in absolute terms: each turn is compared with the same caller's first
turns (their own calm, or at least their own start). Pitch is the median of per-frame autocorrelation
estimates over the voiced frames, enough to see a voice rise; it is not a pitch tracker for phonetics.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inspector.audio.recording import Recording
from inspector.rules.text import spoken_length

FRAME_S = 0.04
PITCH_RANGE_HZ = (70.0, 400.0)
VOICED_BELOW_PEAK_DB = 30.0     # frames quieter than this under the turn's loudest are pauses, not voice
VOICED_CORRELATION = 0.3
FULL_SCALE = 32768.0            # recordings are kept as int16
RATE_MIN_CHARS = 6              # "好的" in two seconds says nothing about how fast someone talks


@dataclass(frozen=True)
class VoiceTurn:
    loudness_db: float | None      # RMS of the voiced frames, dBFS
    pitch_hz: float | None
    rate_cps: float | None         # spoken characters per second (None for a turn too short to tell)


def measure(recording: Recording | None, channel: int | None, start: float, end: float, text: str) -> VoiceTurn:
    chars = spoken_length(text)
    rate = chars / max(end - start, 0.2) if chars >= RATE_MIN_CHARS else None
    if recording is None or channel is None or channel >= recording.channels:
        return VoiceTurn(None, None, rate)
    sr = recording.sample_rate
    samples = np.asarray(recording.samples[channel, int(start * sr): int(end * sr)], dtype=np.float64) / FULL_SCALE
    frame = int(FRAME_S * sr)
    if samples.size < frame:
        return VoiceTurn(None, None, rate)
    frames = samples[: samples.size // frame * frame].reshape(-1, frame)
    rms = np.sqrt(np.mean(frames ** 2, axis=1)) + 1e-12
    levels = 20 * np.log10(rms)
    voiced = frames[levels > levels.max() - VOICED_BELOW_PEAK_DB]
    loudness = float(20 * np.log10(np.sqrt(np.mean(voiced ** 2)) + 1e-12))
    return VoiceTurn(loudness, _pitch(voiced, sr), rate)


def _pitch(frames: np.ndarray, sr: int) -> float | None:
    low, high = int(sr / PITCH_RANGE_HZ[1]), int(sr / PITCH_RANGE_HZ[0])
    estimates = []
    for frame in frames:
        frame = frame - frame.mean()
        spectrum = np.fft.rfft(frame, n=2 * frame.size)
        corr = np.fft.irfft(spectrum * np.conj(spectrum))[: frame.size]
        if corr[0] <= 0 or high >= frame.size:
            continue
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] / corr[0] > VOICED_CORRELATION:
            estimates.append(sr / lag)
    return float(np.median(estimates)) if estimates else None
