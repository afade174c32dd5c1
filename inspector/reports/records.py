"""One submitted evaluation as the reports see it: flat and the same whether it was read from a
workstation's database or from what headquarters received, so both are computed by one code path."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation, parts_from_dict
from inspector.scoring.score import score


@dataclass(frozen=True)
class EvaluationRecord:
    uuid: str
    call: str                       # the call's identity: its id on a workstation, its content hash at HQ
    call_ref: str
    agent_id: str
    agent_name: str
    team: str
    inspector: str
    business_type: str
    call_date: str                  # YYYY-MM-DD ('' when the sidecar gave no time)
    evaluated_date: str             # YYYY-MM-DD of the submission
    card_version: str
    total: float
    fatal: bool
    losses: Mapping[str, float] = field(default_factory=dict)   # item → points lost; items that lost none absent
    fatal_items: tuple[str, ...] = ()                              # confirmed fatal items
    centre: str = ""

    def day(self, basis: str) -> str:
        return self.call_date if basis == "call" else self.evaluated_date


def losses_of(body: Mapping, card: Scorecard | None) -> tuple[dict[str, float], tuple[str, ...]]:
    """Points lost per item and the confirmed fatal items of an evaluation body (as stored and uploaded).

    With the card the evaluation was scored on, the card's own arithmetic decides (caps, N/A, the floor at
    zero); without it (an unknown card version at headquarters) an item loses the sum of its deductions."""
    items, fatal, _comments = parts_from_dict(dict(body))
    if card is not None:
        result = score(card, Evaluation("", 0, "", card.id, card.version, items=items, fatal=fatal))
        full = {i.id: i.points for i in card.items}
        losses = {item: round(full[item] - kept, 1) for item, kept in result.items.items() if kept < full[item]}
    else:
        losses = {}
        for state in items:
            lost = round(sum(d.points for d in state.deductions), 1)
            if not state.na and lost > 0:
                losses[state.item] = lost
    return losses, tuple(f.item for f in fatal if f.status == "confirmed")


def hit_rule(hit_key: str) -> str:
    """The rule of a hit key (``R05@12.3-14.5``), which is how deductions name the hit they came from."""
    return hit_key.split("@", 1)[0]
