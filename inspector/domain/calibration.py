"""A calibration session: the calls, who scores them blind, and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CalibrationSession:
    id: str
    title: str
    card_id: str
    card_version: str
    lead: str
    call_ids: tuple[int, ...]
    participants: tuple[str, ...]
    benchmark: str | None = None          # 工号 of the benchmark scorer (the lead when kind is consensus)
    benchmark_kind: str | None = None     # "scorer" or "consensus"
    status: str = "open"
    created_at: str = ""
    revealed_at: str | None = None
    results_key: str | None = None        # hex: the session key (lead), or one participant's key (key_holder)
    key_holder: str | None = None         # None on the lead's workstation; the participant whose key this is

    @property
    def revealed(self) -> bool:
        return self.status == "revealed"

    @property
    def scorers(self) -> tuple[str, ...]:
        """Everyone whose evaluations belong to the session: participants, then the benchmark scorer."""
        extra = (self.benchmark,) if self.benchmark and self.benchmark not in self.participants else ()
        return (*self.participants, *extra)
