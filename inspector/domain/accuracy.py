"""How often a rule's hits were confirmed on review, overall and by recognition confidence."""

from __future__ import annotations

from dataclasses import dataclass


def precision_of(confirmed: int, rejected: int) -> float | None:
    """Confirmed ÷ decided; None before anything is decided."""
    decided = confirmed + rejected
    return confirmed / decided if decided else None


@dataclass(frozen=True)
class RuleAccuracy:
    rule: str
    confirmed: int
    rejected: int

    @property
    def precision(self) -> float | None:
        return precision_of(self.confirmed, self.rejected)


@dataclass(frozen=True)
class BandAccuracy:
    """Decided hits whose confidence lies in [low, high): how often the inspectors confirmed them."""

    low: float
    high: float
    confirmed: int
    rejected: int

    @property
    def precision(self) -> float | None:
        return precision_of(self.confirmed, self.rejected)


CONFIDENCE_BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0)     # band edges; 1.0 hits go in the last band


def accuracy_by_band(rows: list[tuple[float, str]], edges: tuple[float, ...] = CONFIDENCE_BANDS) -> list[BandAccuracy]:
    """(confidence, decision) pairs counted per confidence band: whether a 0.9 hit is right 9 times in 10.
    A confidence equal to the top edge counts in the last band."""
    counts = [[0, 0] for _ in edges[:-1]]
    for confidence, decision in rows:
        band = next((i for i in range(len(edges) - 1) if confidence < edges[i + 1]), len(edges) - 2)
        counts[band][0 if decision == "confirmed" else 1] += 1
    return [BandAccuracy(edges[i], edges[i + 1], c, r) for i, (c, r) in enumerate(counts)]
