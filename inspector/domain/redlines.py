"""A red-line case in the register: a confirmed fatal hit followed up against the agent."""

from __future__ import annotations

from dataclasses import dataclass


CASE_STATES = ("open", "closed")


@dataclass(frozen=True)
class RedLineCase:
    id: int
    call_id: int
    call_ref: str
    hit_key: str
    rule: str
    rule_name: str
    agent_id: str | None
    evidence: str
    start: float
    confirmed_by: str
    opened_at: str
    owner: str | None
    due_at: str | None
    status: str
    outcome: str | None
    notes: str
    closed_by: str | None
    closed_at: str | None
    appeal_id: int | None = None      # the upheld appeal that withdrew it
