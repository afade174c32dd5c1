"""A rule hit: what was found, where, by which rule, with the evidence an inspector needs to judge it."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Hit:
    rule: str
    name: str
    start: float
    end: float
    speaker: str
    evidence: str
    confidence: float
    item: str | None
    deduction: float
    severity: str
    flag_only: bool
    why: str
    listen: bool = False      # "listen to confirm": the words were heard too unsurely to assert it

    def to_dict(self) -> dict:
        return asdict(self)


def hit_key(hit: Hit) -> str:
    """Stable across re-checks of the same text: rule and span to a tenth of a second."""
    return f"{hit.rule}@{hit.start:.1f}-{hit.end:.1f}"
