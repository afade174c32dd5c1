"""The sound device: a PulseAudio (or PipeWire-pulse) playback stream.

Kept behind a tiny interface so the player can be driven without a device and the app can say
"playback unavailable" instead of crashing on machines with no sound server.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from inspector.domain.messages import Message


class PlaybackUnavailable(Exception):
    """No sound server or device; the message says why, for the status bar."""


class AudioOutput(Protocol):
    def write(self, frames: np.ndarray) -> None: ...
    def latency_s(self) -> float: ...
    def flush(self) -> None: ...
    def drain(self) -> None: ...
    def close(self) -> None: ...


class PulseOutput:
    """A stereo float32 stream; ``write`` blocks while the server buffer is full, which paces the player."""

    BUFFER_S = 0.1

    def __init__(self, sample_rate: int, app_name: str = "Inspector", device: str | None = None) -> None:
        try:
            import pasimple
        except ImportError as exc:  # the package is a dependency; missing means a broken install
            raise PlaybackUnavailable(Message("PulseAudio client library missing: {detail}", detail=str(exc))) from exc
        self._pasimple = pasimple
        bytes_per_second = sample_rate * 2 * 4
        target = int(bytes_per_second * self.BUFFER_S)
        try:
            self._stream = pasimple.PaSimple(
                pasimple.PA_STREAM_PLAYBACK, pasimple.PA_SAMPLE_FLOAT32LE, 2, sample_rate,
                app_name=app_name, stream_name="call playback", device_name=device,
                tlength=target, prebuf=target // 4, minreq=target // 4)
        except pasimple.PaSimpleError as exc:
            raise PlaybackUnavailable(Message("no sound server could be reached ({detail})", detail=str(exc))) from exc

    def write(self, frames: np.ndarray) -> None:
        self._stream.write(np.ascontiguousarray(frames, dtype="<f4").tobytes())

    def latency_s(self) -> float:
        try:
            return self._stream.get_latency() / 1e6
        except self._pasimple.PaSimpleError:
            return 0.0

    def flush(self) -> None:
        self._stream.flush()

    def drain(self) -> None:
        self._stream.drain()

    def close(self) -> None:
        self._stream.close()


def pulse_output(sample_rate: int) -> AudioOutput:
    return PulseOutput(sample_rate)


def playback_problem(sample_rate: int = 8000) -> str | None:
    """Why playback will not work here, or None; opens and closes a stream to find out."""
    try:
        pulse_output(sample_rate).close()
    except PlaybackUnavailable as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)   # a Message: translatable
    return None
