"""Real-time call playback: transport, speed with pitch preserved, channel solo, volume and A–B loop.

One worker thread owns the output stream (the PulseAudio simple API is not thread-safe); commands from the
GUI thread only change fields under a lock, and the worker applies them between 20 ms blocks. The UI polls
``position`` and ``state`` on a timer, so no callback ever runs on the audio thread's behalf in a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np
from audiotsm import wsola
from audiotsm.io.array import ArrayReader, ArrayWriter

from inspector.audio.output import AudioOutput, pulse_output
from inspector.audio.recording import Recording

SPEED_MIN = 0.5
SPEED_MAX = 2.0
BLOCK_S = 0.02
WSOLA_FRAME_S = 0.05


class PlayerState(Enum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


class ChannelMode(Enum):
    BOTH = "both"
    AGENT = "agent"
    CUSTOMER = "customer"


@dataclass(frozen=True)
class Loop:
    start_s: float
    end_s: float


class Player:
    def __init__(self, output_factory: Callable[[int], AudioOutput] = pulse_output) -> None:
        self._output_factory = output_factory
        self._output: AudioOutput | None = None
        self._output_rate = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._recording: Recording | None = None
        self._state = PlayerState.STOPPED
        self._cursor = 0            # next source frame to feed
        self._heard = 0.0           # source frame now coming out of the speaker
        self._pending_seek: int | None = None
        self._speed = 1.0
        self._volume = 1.0
        self._mode = ChannelMode.BOTH
        self._loop: Loop | None = None
        self._stretcher = None

    # -- queries ---------------------------------------------------------------------------------
    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def recording(self) -> Recording | None:
        return self._recording

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def channel_mode(self) -> ChannelMode:
        return self._mode

    @property
    def loop(self) -> Loop | None:
        return self._loop

    @property
    def position(self) -> float:
        """Seconds into the call of the sample the listener hears now."""
        rec = self._recording
        if rec is None:
            return 0.0
        with self._lock:
            if self._pending_seek is not None:
                frame = float(self._pending_seek)
            elif self._state is PlayerState.PLAYING:
                frame = self._heard
            else:
                frame = float(self._cursor)
        return max(0.0, min(frame, rec.frames)) / rec.sample_rate

    # -- commands --------------------------------------------------------------------------------
    def load(self, recording: Recording | None) -> None:
        self.stop()
        with self._lock:
            self._recording = recording
            self._cursor = 0
            self._heard = 0.0
            self._loop = None

    def play(self) -> None:
        """Start or resume; raises PlaybackUnavailable when there is no sound device."""
        rec = self._recording
        if rec is None or self._state is PlayerState.PLAYING:
            return
        self._ensure_output(rec.sample_rate)
        with self._lock:
            if self._cursor >= rec.frames:
                self._cursor = self._loop_start_frame() if self._loop else 0
            self._heard = float(self._cursor)
            self._state = PlayerState.PLAYING
            self._stretcher = None
        self._thread = threading.Thread(target=self._run, name="inspector-playback", daemon=True)
        self._thread.start()

    def pause(self) -> None:
        self._halt(PlayerState.PAUSED)

    def stop(self) -> None:
        self._halt(PlayerState.STOPPED)
        with self._lock:
            self._cursor = 0
            self._heard = 0.0

    def toggle(self) -> None:
        if self._state is PlayerState.PLAYING:
            self.pause()
        else:
            self.play()

    def seek(self, seconds: float) -> None:
        rec = self._recording
        if rec is None:
            return
        frame = int(round(max(0.0, min(seconds, rec.duration_s)) * rec.sample_rate))
        with self._lock:
            if self._state is PlayerState.PLAYING:
                self._pending_seek = frame
            else:
                self._cursor = frame

    def skip(self, delta_s: float) -> None:
        self.seek(self.position + delta_s)

    def set_speed(self, speed: float) -> float:
        speed = round(min(SPEED_MAX, max(SPEED_MIN, speed)), 2)
        with self._lock:
            self._speed = speed
            if self._stretcher is not None:
                self._stretcher.set_speed(speed)
        return speed

    def set_volume(self, volume: float) -> float:
        self._volume = min(1.0, max(0.0, volume))
        return self._volume

    def set_channel_mode(self, mode: ChannelMode) -> None:
        self._mode = mode

    def set_loop(self, start_s: float, end_s: float) -> None:
        if end_s - start_s < 0.05:
            raise ValueError("a loop must be at least 50 ms long")
        with self._lock:
            self._loop = Loop(start_s, end_s)

    def clear_loop(self) -> None:
        with self._lock:
            self._loop = None

    def close(self) -> None:
        self.stop()
        if self._output is not None:
            self._output.close()
            self._output = None

    # -- worker ----------------------------------------------------------------------------------
    def _halt(self, state: PlayerState) -> None:
        with self._lock:
            if self._state is PlayerState.PLAYING:
                self._state = state
            elif state is PlayerState.STOPPED:
                self._state = state
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)
        self._thread = None

    def _ensure_output(self, rate: int) -> None:
        if self._output is not None and self._output_rate == rate:
            return
        if self._output is not None:
            self._output.close()
            self._output = None
        self._output = self._output_factory(rate)
        self._output_rate = rate

    def _loop_start_frame(self) -> int:
        assert self._recording is not None and self._loop is not None
        return int(self._loop.start_s * self._recording.sample_rate)

    def _run(self) -> None:
        output = self._output
        rec = self._recording
        assert output is not None and rec is not None
        block = max(1, int(BLOCK_S * rec.sample_rate))
        while True:
            with self._lock:
                if self._state is not PlayerState.PLAYING:
                    self._cursor = int(self._heard)
                    output.flush()
                    return
                if self._pending_seek is not None:
                    self._cursor = self._pending_seek
                    self._heard = float(self._pending_seek)
                    self._pending_seek = None
                    self._stretcher = None
                    output.flush()
                chunk, finished = self._next_chunk(rec, block)
            if chunk.shape[1]:
                output.write(chunk.T)
            with self._lock:
                latency_frames = output.latency_s() * rec.sample_rate * self._speed
                self._heard = max(0.0, self._cursor - latency_frames)
            if finished:
                output.drain()
                with self._lock:
                    if self._state is PlayerState.PLAYING and self._pending_seek is None:
                        self._state = PlayerState.STOPPED
                        self._cursor = rec.frames
                        return

    def _next_chunk(self, rec: Recording, block: int) -> tuple[np.ndarray, bool]:
        """The next block of output (2, n) float32 and whether the call has ended; called under the lock."""
        end = rec.frames
        if self._loop is not None:
            loop_end = int(self._loop.end_s * rec.sample_rate)
            if self._cursor >= loop_end:
                self._cursor = self._loop_start_frame()
                self._stretcher = None
            end = min(end, loop_end)
        take = max(1, int(round(block * self._speed)))
        start = self._cursor
        stop = min(end, start + take)
        source = mix_block(rec.samples[:, start:stop], self._mode, self._volume)
        self._cursor = stop
        finished = self._loop is None and stop >= rec.frames
        if self._speed == 1.0:
            return source, finished
        return self._stretch(rec.sample_rate, source, finished), finished

    def _stretch(self, rate: int, source: np.ndarray, flush: bool) -> np.ndarray:
        if self._stretcher is None:
            frame = int(WSOLA_FRAME_S * rate) // 2 * 2
            self._stretcher = wsola(2, speed=self._speed, frame_length=frame)
        reader = ArrayReader(source)
        writer = ArrayWriter(2)
        while not reader.empty:
            self._stretcher.read_from(reader)
            self._stretcher.write_to(writer)
        if flush:
            self._stretcher.flush_to(writer)
        return writer.data.astype(np.float32, copy=False)


def mix_block(samples: np.ndarray, mode: ChannelMode, volume: float) -> np.ndarray:
    """int16 (channels, n) → float32 stereo (2, n): solo modes put one speaker in both ears."""
    data = samples.astype(np.float32) * (volume / 32768.0)
    if data.shape[0] == 1:
        return np.repeat(data, 2, axis=0)
    if mode is ChannelMode.AGENT:
        return np.repeat(data[0:1], 2, axis=0)
    if mode is ChannelMode.CUSTOMER:
        return np.repeat(data[1:2], 2, axis=0)
    return data[:2]
