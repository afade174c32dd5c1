"""A stand-in sound card for tests of player logic; real output is tested against a PulseAudio sink."""

import threading
import time

import numpy as np


class CapturingOutput:
    """Stands in for the sound card: keeps what was written and paces like a real device would."""

    def __init__(self, rate: int, speedup: float = 20.0) -> None:
        self.rate = rate
        self.speedup = speedup
        self.blocks: list[np.ndarray] = []
        self.flushes = 0
        self.lock = threading.Lock()

    def write(self, frames: np.ndarray) -> None:
        with self.lock:
            self.blocks.append(np.array(frames))
        time.sleep(frames.shape[0] / self.rate / self.speedup)

    def latency_s(self) -> float:
        return 0.0

    def flush(self) -> None:
        self.flushes += 1

    def drain(self) -> None:
        pass

    def close(self) -> None:
        pass

    def audio(self) -> np.ndarray:
        with self.lock:
            return np.concatenate(self.blocks) if self.blocks else np.zeros((0, 2), np.float32)
