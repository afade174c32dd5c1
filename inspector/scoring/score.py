"""Turning an evaluation into points, and pre-filling one from rule hits.

Deduction-based, as the 10086 card says: each item starts at its points and deductions take it down to
0 at the lowest (or to its cap); N/A counts as full marks; a confirmed fatal item makes the total 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.rules.hits import Hit, hit_key
from inspector.scoring.card import CardItem, Scorecard
from inspector.scoring.evaluation import Deduction, Evaluation, FatalState, ItemState
from inspector.domain.decisions import Decision


@dataclass(frozen=True)
class Score:
    total: float
    items: dict[str, float]
    fatal: bool
    pending_fatal: tuple[str, ...]


def kept_points(item: CardItem, deducted: float, na: bool) -> float:
    """What an item keeps of its points after ``deducted`` (the sum of its deductions), or when N/A."""
    if na and item.na_allowed:
        return item.points
    lost = deducted if item.cap is None else min(deducted, item.cap)
    return round(min(item.points, max(0.0, item.points - lost)), 1)   # adjustments may add back


def score(card: Scorecard, evaluation: Evaluation) -> Score:
    states = {state.item: state for state in evaluation.items}
    items: dict[str, float] = {}
    for item in card.items:
        state = states.get(item.id)
        items[item.id] = (item.points if state is None
                          else kept_points(item, sum(d.points for d in state.deductions), state.na))
    fatal = any(f.status == "confirmed" for f in evaluation.fatal)
    pending = tuple(f.item for f in evaluation.fatal if f.status == "pending")
    return Score(0.0 if fatal else round(sum(items.values()), 1), items, fatal, pending)


def prefill(card: Scorecard, evaluation: Evaluation, hits: list[Hit], decisions: dict[str, Decision],
            by: str) -> Evaluation:
    """Bring the evaluation in line with the hits: confirmed hits become deductions on the items they
    feed (a hit no longer confirmed loses its deduction), a hit of a fatal rule that nobody has rejected
    waits in "pending review"; rejected and undecided ordinary hits cost nothing, and a "listen to confirm"
    hit puts nothing on the card, not even a pending fatal item, until an inspector confirms it. Deductions
    the inspector made by hand are left alone."""
    fatal_of = {rule: f.id for f in card.fatal for rule in f.rules}
    item_ids = {i.id for i in card.items}
    confirmed = {key for key, d in decisions.items() if d.decision == "confirmed"}
    for state in evaluation.items:
        kept = tuple(d for d in state.deductions if d.hit_key is None or d.hit_key in confirmed)
        if kept != state.deductions:
            evaluation = evaluation.with_item(ItemState(state.item, kept, state.na))
    for hit in hits:
        key = hit_key(hit)
        decision = decisions.get(key)
        if hit.rule in fatal_of and (decision.decision == "confirmed" if decision is not None else not hit.listen):
            status = "confirmed" if decision is not None else "pending"
            evaluation = evaluation.with_fatal(FatalState(fatal_of[hit.rule], status, hit.evidence,
                                                          decision.decided_by if decision else by, key))
        if decision is None or decision.decision != "confirmed" or hit.flag_only or hit.item not in item_ids:
            continue
        state = evaluation.item(hit.item)
        if any(d.hit_key == key for d in state.deductions):
            continue
        evaluation = evaluation.with_item(ItemState(state.item, (*state.deductions, Deduction(
            hit.deduction, f"{hit.rule} {hit.name}: {hit.evidence}", decision.decided_by, key)), state.na))
    return evaluation
