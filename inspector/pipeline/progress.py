"""How a batch is going, in the units a centre plans with: calls, and hours of audio per hour of wall time.

The ETA counts audio seconds, not calls: a queue of long complaints takes longer than one of balance
checks, and the audio left is known from the start.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class BatchProgress:
    total: int
    audio_total_s: float
    done: int = 0
    failed: int = 0
    audio_done_s: float = 0.0
    started: float = field(default_factory=time.monotonic)

    def finished(self, audio_s: float, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        self.audio_done_s += audio_s

    @property
    def elapsed_s(self) -> float:
        return time.monotonic() - self.started

    @property
    def audio_hours_per_hour(self) -> float:
        return self.audio_done_s / max(self.elapsed_s, 1e-9)

    @property
    def eta_s(self) -> float | None:
        """None until the first call is done."""
        if not self.audio_done_s:
            return None
        return self.elapsed_s / self.audio_done_s * max(0.0, self.audio_total_s - self.audio_done_s)
