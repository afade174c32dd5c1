"""Sampling: N random calls per agent from the imported calls not yet reviewed, marked "in review"."""

from __future__ import annotations

import random
from collections import defaultdict

import sqlite_utils

from inspector.store.calls import Call, CallFilter, CallRepository


def sample_calls(db: sqlite_utils.Database, per_agent: int, seed: int | None = None) -> list[Call]:
    """Picks among each agent's ``new`` calls (all of them when an agent has fewer) and marks the picks
    ``in_review`` in one transaction, so the list can be filtered to exactly the sample."""
    calls = CallRepository(db)
    pool = calls.page(CallFilter(status="new"), sort="started_at", limit=max(1, calls.count()))
    by_agent: dict[str, list[Call]] = defaultdict(list)
    for call in pool:
        by_agent[call.agent_id or ""].append(call)
    rng = random.Random(seed)
    picked = [c for agent in sorted(by_agent) for c in rng.sample(by_agent[agent], min(per_agent, len(by_agent[agent])))]
    with db.atomic():
        for call in picked:
            calls.set_status(call.id, "in_review")
    return picked
