"""Who is speaking when, from the energy of each channel: the basis for silence and talk-over bands.

Telephone channels carry line noise, so the threshold adapts to each channel's own noise floor but never
drops below an absolute floor, which keeps digital silence and faint hiss from counting as speech.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FRAME_S = 0.02
ABSOLUTE_FLOOR_DBFS = -50.0
ABOVE_NOISE_DB = 12.0
BRIDGE_GAP_S = 0.3
MIN_SPEECH_S = 0.1
MIN_SILENCE_S = 2.0
MIN_OVERLAP_S = 0.3
ENERGY_CHUNK_FRAMES = 4096


@dataclass(frozen=True)
class Interval:
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class ActivityMap:
    """``active`` has shape (channels, frames) with one flag per FRAME_S of audio."""

    frame_s: float
    active: np.ndarray
    speech: tuple[tuple[Interval, ...], ...]
    silences: tuple[Interval, ...]
    overlaps: tuple[Interval, ...]


def frame_energy_db(channel: np.ndarray, sample_rate: int, frame_s: float = FRAME_S) -> np.ndarray:
    """Mean power per frame in dBFS (int16 full scale = 0 dB); a short tail frame is dropped.

    Converted to float a few thousand frames at a time, so an hour-long call never holds a second,
    float copy of itself.
    """
    size = max(1, int(round(sample_rate * frame_s)))
    count = channel.shape[0] // size
    power = np.empty(count, dtype=np.float64)
    step = ENERGY_CHUNK_FRAMES
    for first in range(0, count, step):
        last = min(count, first + step)
        frames = channel[first * size: last * size].reshape(last - first, size).astype(np.float32)
        power[first:last] = np.einsum("ij,ij->i", frames, frames)
    power *= 1.0 / (size * 32768.0 * 32768.0)
    return 10.0 * np.log10(power + 1e-12)


def speech_mask(energy_db: np.ndarray, frame_s: float = FRAME_S) -> np.ndarray:
    if energy_db.size == 0:
        return np.zeros(0, dtype=bool)
    noise_floor = float(np.percentile(energy_db, 10))
    threshold = max(ABSOLUTE_FLOOR_DBFS, noise_floor + ABOVE_NOISE_DB)
    mask = energy_db > threshold
    mask = _fill_short_runs(mask, False, int(round(BRIDGE_GAP_S / frame_s)))
    return _fill_short_runs(mask, True, int(round(MIN_SPEECH_S / frame_s)))


def analyse(samples: np.ndarray, sample_rate: int) -> ActivityMap:
    """Speech per channel, stretches where nobody speaks, and stretches where both speak at once."""
    return activity_from_masks(np.stack([speech_mask(frame_energy_db(row, sample_rate)) for row in samples]))


def activity_from_masks(masks: np.ndarray) -> ActivityMap:
    """Bands from per-channel speech masks; cheap, so the cache stores only the masks."""
    speech = tuple(tuple(runs_of(mask, FRAME_S)) for mask in masks)
    anyone = masks.any(axis=0)
    silences = tuple(i for i in runs_of(~anyone, FRAME_S) if i.duration >= MIN_SILENCE_S)
    overlaps: tuple[Interval, ...] = ()
    if masks.shape[0] >= 2:
        both = masks[0] & masks[1]
        overlaps = tuple(i for i in runs_of(both, FRAME_S) if i.duration >= MIN_OVERLAP_S)
    return ActivityMap(FRAME_S, masks, speech, silences, overlaps)


def runs_of(mask: np.ndarray, frame_s: float) -> list[Interval]:
    """The True runs of a frame mask as time intervals."""
    if mask.size == 0:
        return []
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [Interval(round(float(s) * frame_s, 6), round(float(e) * frame_s, 6))
            for s, e in zip(edges[::2], edges[1::2])]


def _fill_short_runs(mask: np.ndarray, value: bool, max_len: int) -> np.ndarray:
    """Flip runs of ``value`` shorter than ``max_len`` frames.

    Pauses (False) are bridged only between two stretches of speech, so a call's leading and trailing
    silence stays silence; short bursts (True) are removed anywhere because they are clicks, not words.
    """
    out = mask.copy()
    target = mask == value
    for run in runs_of(target, 1.0):
        start, end = int(run.start), int(run.end)
        interior = start > 0 and end < mask.size
        if end - start < max_len and (interior or value):
            out[start:end] = not value
    return out
