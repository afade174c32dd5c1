"""A transcript search: what it is narrowed to, and a sentence found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchFilter:
    speaker: str | None = None        # agent | customer
    agent_id: str | None = None
    date_from: str | None = None      # inclusive ISO date
    date_to: str | None = None        # inclusive ISO date
    category: str | None = None       # level-1 name or full path
    rule: str | None = None           # calls with a hit of this rule


@dataclass(frozen=True)
class Found:
    call_id: int
    call: str              # call_ref
    source: str            # the transcript version
    start: float
    end: float
    speaker: str
    text: str
    by_sound: bool         # matched only as a homophone

    def to_dict(self) -> dict:
        return {"call": self.call, "start": self.start, "end": self.end, "speaker": self.speaker,
                "text": self.text}
