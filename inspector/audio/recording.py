"""Decoding a call recording into per-channel sample arrays.

Samples are kept as int16, one C-contiguous row per channel: an hour of 8 kHz stereo is 115 MB instead
of 460 MB as float64, and peak and energy code walks each channel without striding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from inspector.audio.errors import AudioError
from inspector.domain.messages import Message

MAX_SAMPLE_RATE = 192_000
MAX_CHANNELS = 2
DECODE_BLOCK = 1 << 18


@dataclass(frozen=True)
class AudioInfo:
    """What the file header says, read without decoding the samples."""

    path: Path
    sample_rate: int
    channels: int
    frames: int
    format: str
    subtype: str

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


@dataclass(frozen=True)
class Recording:
    """A decoded call: ``samples`` has shape (channels, frames); channel 0 is the agent in stereo calls."""

    path: Path
    sample_rate: int
    samples: np.ndarray

    @property
    def channels(self) -> int:
        return int(self.samples.shape[0])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


def probe(path: Path | str) -> AudioInfo:
    """Read and check the header, so an import can refuse a bad file without decoding it."""
    path = Path(path)
    if not path.is_file():
        raise AudioError(path, Message("the file does not exist"))
    if path.stat().st_size == 0:
        raise AudioError(path, Message("the file is empty (0 bytes)"))
    try:
        info = sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioError(path, Message("not a readable audio file ({detail})", detail=_reason(exc))) from exc
    result = AudioInfo(path, int(info.samplerate), int(info.channels), int(info.frames),
                       str(info.format), str(info.subtype))
    _check_usable(result)
    return result


def decode(path: Path | str) -> Recording:
    """Decode the whole file; raises AudioError naming the file for anything that cannot be reviewed.

    Blocks are copied straight into per-channel rows, so decoding never holds the interleaved and the
    de-interleaved hour of audio at the same time.
    """
    info = probe(path)
    channels = np.empty((info.channels, info.frames), dtype=np.int16)
    filled = 0
    try:
        with sf.SoundFile(str(info.path)) as source:
            for block in source.blocks(blocksize=DECODE_BLOCK, dtype="int16", always_2d=True):
                if filled + block.shape[0] > channels.shape[1]:   # header under-counted (e.g. MP3)
                    channels = np.concatenate(
                        [channels, np.empty((info.channels, block.shape[0]), np.int16)], axis=1)
                channels[:, filled: filled + block.shape[0]] = block.T
                filled += block.shape[0]
    except (sf.LibsndfileError, RuntimeError, ValueError) as exc:
        raise AudioError(info.path, Message("the audio data is damaged ({detail})", detail=_reason(exc))) from exc
    if filled == 0:
        raise AudioError(info.path, Message("the recording has no samples (0 s)"))
    if filled < channels.shape[1]:
        channels = np.ascontiguousarray(channels[:, :filled])
    return Recording(info.path, info.sample_rate, channels)


def _check_usable(info: AudioInfo) -> None:
    if info.frames == 0:
        raise AudioError(info.path, Message("the recording has no samples (0 s)"))
    if info.sample_rate > MAX_SAMPLE_RATE:
        raise AudioError(info.path, Message("sample rate {rate} Hz is above the supported maximum of {maximum} Hz",
                                            rate=info.sample_rate, maximum=MAX_SAMPLE_RATE))
    if info.sample_rate < 1000:
        raise AudioError(info.path, Message("sample rate {rate} Hz is too low for speech", rate=info.sample_rate))
    if info.channels > MAX_CHANNELS:
        raise AudioError(info.path, Message("{channels} channels; calls must be mono or stereo (agent left, "
                                            "customer right)", channels=info.channels))


# libsndfile's words for "this is not a format I know", which mean nothing to an inspector
_UNRECOGNISED = ("System error", "possibly a pipe", "Format not recognised", "unknown format")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    if any(words in text for words in _UNRECOGNISED):
        return "an unknown or damaged format: not WAV, FLAC, OGG or MP3 audio that can be decoded"
    return text.split(": ", 1)[-1] if text else type(exc).__name__
