"""Transcript domain objects: segments of one speaker, optionally with word timings."""

from __future__ import annotations

from dataclasses import dataclass, field

SPEAKERS = ("agent", "customer", "unknown")
STEREO = {"agent": 0, "customer": 1}       # telephone recordings: the agent left, the customer right
MONO = {"unknown": 0}                      # one channel: who speaks is assigned by the inspector


def channel_map(channels: int) -> dict[str, int]:
    """Which speaker each channel of a recording carries: the one place that decides it."""
    return dict(STEREO) if channels == 2 else dict(MONO)


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    conf: float | None = None


@dataclass(frozen=True)
class Segment:
    speaker: str
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    alternatives: tuple[str, ...] = ()     # the recogniser's next-best texts for the segment, best first

    @property
    def word_confidences(self) -> tuple[float, ...]:
        return tuple(w.conf for w in self.words if w.conf is not None)


@dataclass(frozen=True)
class Transcript:
    call_id: str
    duration_s: float
    segments: tuple[Segment, ...]
    channels: dict[str, int] = field(default_factory=lambda: dict(STEREO))
    version: int = 1

    def segment_at(self, seconds: float) -> int | None:
        """Index of the segment being spoken at ``seconds`` (the latest-starting one on overlap)."""
        found = None
        for index, segment in enumerate(self.segments):
            if segment.start > seconds:
                break
            if segment.end >= seconds:
                found = index
        return found
