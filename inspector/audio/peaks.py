"""Min/max peak pyramid for drawing waveforms at any zoom, the way Audacity and audiowaveform do it.

Level 0 holds min/max over BASE_BLOCK samples; each next level merges FACTOR blocks of the previous one.
A view picks the coarsest level that still gives at least one block per pixel, so drawing costs
O(pixels) whatever the call length.
"""

from __future__ import annotations

from dataclasses import dataclass
import numpy as np

BASE_BLOCK = 16     # powers of two: see _reduce
FACTOR = 4


@dataclass(frozen=True)
class PeakLevel:
    """mins/maxs have shape (channels, blocks); block ``i`` covers samples [i*block, (i+1)*block)."""

    block: int
    mins: np.ndarray
    maxs: np.ndarray


@dataclass(frozen=True)
class PeakPyramid:
    sample_rate: int
    frames: int
    levels: tuple[PeakLevel, ...]

    @property
    def channels(self) -> int:
        return int(self.levels[0].mins.shape[0])

    def level_for(self, samples_per_pixel: float) -> PeakLevel:
        """The coarsest level whose block is not wider than one pixel."""
        chosen = self.levels[0]
        for level in self.levels:
            if level.block <= samples_per_pixel:
                chosen = level
        return chosen


def build_pyramid(samples: np.ndarray, sample_rate: int) -> PeakPyramid:
    """``samples``: (channels, frames) int16, each row contiguous."""
    frames = int(samples.shape[1])
    mins, maxs = _reduce(samples, BASE_BLOCK)
    levels = [PeakLevel(BASE_BLOCK, mins, maxs)]
    while levels[-1].mins.shape[1] > 1024:
        prev = levels[-1]
        lo, _ = _reduce(prev.mins, FACTOR)
        _, hi = _reduce(prev.maxs, FACTOR)
        levels.append(PeakLevel(prev.block * FACTOR, lo, hi))
    return PeakPyramid(sample_rate, frames, tuple(levels))


def _reduce(data: np.ndarray, block: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-row min and max over consecutive blocks; a short tail block is reduced on its own.

    ``block`` is a power of two, so the reduction halves the row ``log2(block)`` times with whole-array
    minimum/maximum: about three times faster than ``reshape(-1, block).min(axis=1)``, whose inner
    axis is too short to vectorise.
    """
    channels, length = data.shape
    whole = length // block
    blocks = whole + (1 if length % block else 0)
    mins = np.empty((channels, blocks), dtype=data.dtype)
    maxs = np.empty((channels, blocks), dtype=data.dtype)
    halvings = block.bit_length() - 1
    for row in range(channels):
        lo = hi = data[row, : whole * block]
        for _ in range(halvings):
            lo = np.minimum(lo[0::2], lo[1::2])
            hi = np.maximum(hi[0::2], hi[1::2])
        mins[row, :whole] = lo
        maxs[row, :whole] = hi
        if blocks > whole:
            tail = data[row, whole * block:]
            mins[row, whole] = tail.min()
            maxs[row, whole] = tail.max()
    return mins, maxs


def pyramid_arrays(pyramid: PeakPyramid) -> dict[str, np.ndarray]:
    """The pyramid as named arrays, for the on-disk overview cache."""
    arrays: dict[str, np.ndarray] = {
        "peaks_meta": np.array([pyramid.sample_rate, pyramid.frames, len(pyramid.levels)], dtype=np.int64)}
    for index, level in enumerate(pyramid.levels):
        arrays[f"peaks_block{index}"] = np.array([level.block], dtype=np.int64)
        arrays[f"peaks_min{index}"] = level.mins
        arrays[f"peaks_max{index}"] = level.maxs
    return arrays


def pyramid_from_arrays(arrays) -> PeakPyramid:
    rate, frames, count = (int(v) for v in arrays["peaks_meta"])
    levels = tuple(PeakLevel(int(arrays[f"peaks_block{i}"][0]), arrays[f"peaks_min{i}"],
                             arrays[f"peaks_max{i}"]) for i in range(count))
    return PeakPyramid(rate, frames, levels)
