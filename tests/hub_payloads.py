"""Evaluation payloads as a workstation's outbox freezes them (inspector/store/outbox.py), made up for the
receiver's tests without a workstation."""

from __future__ import annotations

from inspector.scoring.defaults import default_card
from inspector.sync.protocol import canonical_json


def payload(uuid: str, version: int = 1, *, agent: str = "1001", total: float = 100.0, deductions=None,
            fatal: str | None = None, started_at: str = "2026-11-02 09:00", submitted_at: str =
            "2026-11-02T02:00:00+00:00", inspector: str = "i1", team: str = "一组",
            business_type: str = "套餐", call: str | None = None) -> str:
    """``deductions``: {item: (points, hit key or None)}; ``fatal``: a confirmed fatal item."""
    card = default_card()
    items = [{"item": item, "na": False, "deductions": [
        {"points": points, "reason": f"{key.split('@')[0]} 规则名: 证据" if key else "扣分", "by": inspector,
         "hit_key": key}]} for item, (points, key) in (deductions or {}).items()]
    fatal_states = [{"item": fatal, "status": "confirmed", "reason": "R04 二次确认: 证据", "by": inspector,
                     "hit_key": "R04@1.0-2.0"}] if fatal else []
    return canonical_json({
        "uuid": uuid, "version": version, "inspector": inspector, "card_id": card.id, "card_version": card.version,
        "total": 0.0 if fatal else total, "fatal": bool(fatal),
        "body": {"items": items, "fatal": fatal_states, "comments": []}, "submitted_at": submitted_at,
        "call": {"content_hash": call or f"hash-{uuid}", "call_ref": f"ref-{uuid}", "agent_id": agent,
                 "agent_name": f"坐席{agent}", "team": team, "business_type": business_type,
                 "started_at": started_at}, "audit": []})
