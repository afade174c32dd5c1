"""What the waveform pane needs to draw a call: peaks and speech activity, cached on disk.

The cache lets a call the inspector has opened before draw in a few milliseconds, before its audio is
decoded again for playback.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

import zipfile

import numpy as np

from inspector.jobs import Progress
from inspector.audio.activity import ActivityMap, activity_from_masks, analyse
from inspector.audio.peaks import PeakPyramid, build_pyramid, pyramid_arrays, pyramid_from_arrays
from inspector.audio.recording import Recording, decode

CACHE_FORMAT = 1


@dataclass(frozen=True)
class Overview:
    peaks: PeakPyramid
    activity: ActivityMap

    @property
    def duration_s(self) -> float:
        return self.peaks.frames / self.peaks.sample_rate


@dataclass(frozen=True)
class OpenedAudio:
    overview: Overview
    recording: Recording | None   # None when the overview came from the cache


def compute_overview(recording: Recording) -> Overview:
    return Overview(build_pyramid(recording.samples, recording.sample_rate),
                    analyse(recording.samples, recording.sample_rate))


def save_overview(overview: Overview, path: Path) -> None:
    """Atomic write: a crash never leaves a half cache that would draw a wrong waveform."""
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = pyramid_arrays(overview.peaks)
    arrays["format"] = np.array([CACHE_FORMAT], dtype=np.int64)
    arrays["activity"] = overview.activity.active
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        np.savez(handle, **arrays)
    tmp.replace(path)


def load_overview(path: Path) -> Overview | None:
    """None when there is no usable cache (missing, older format, damaged): the caller recomputes."""
    try:
        with np.load(path) as data:
            if int(data["format"][0]) != CACHE_FORMAT:
                return None
            peaks = pyramid_from_arrays(data)
            masks = data["activity"]
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return None
    return Overview(peaks, activity_from_masks(masks))


def open_audio(path: Path, cache_file: Path) -> Generator[Progress, None, OpenedAudio]:
    """Overview from the cache when possible; otherwise decode, analyse and fill the cache."""
    cached = load_overview(cache_file)
    if cached is not None:
        return OpenedAudio(cached, None)
    yield Progress(0, 0, "decoding")
    recording = decode(path)
    yield Progress(0, 0, "analysing")
    overview = compute_overview(recording)
    try:
        save_overview(overview, cache_file)
    except OSError:
        pass  # a full or read-only disk only costs a slower next open
    return OpenedAudio(overview, recording)
