"""An inspector's verdict on one automatic rule hit."""

from __future__ import annotations

from dataclasses import dataclass

DECISIONS = ("confirmed", "rejected")


@dataclass(frozen=True)
class Decision:
    hit_key: str
    rule: str
    decision: str
    note: str
    decided_by: str
    decided_at: str
