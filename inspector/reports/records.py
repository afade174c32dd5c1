"""One submitted evaluation as the reports see it — flat, the same whether it was read from a workstation's
database or from what headquarters received — and the points lost per item, tallied per group, so that both
sides are computed by one code path (reports.compute) whatever counted the losses (Python on a
workstation, SQL at headquarters)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from inspector.scoring.card import Scorecard
from inspector.scoring.score import kept_points

@dataclass(frozen=True, slots=True)
class EvaluationRecord:
    call: str                       # the call's identity: its id on a workstation, its content hash at HQ
    agent_id: str
    agent_name: str
    team: str
    inspector: str
    business_type: str
    call_date: str                  # YYYY-MM-DD ('' when the sidecar gave no time)
    evaluated_date: str             # YYYY-MM-DD of the submission
    total: float
    fatal: bool
    centre: str = ""

    def day(self, basis: str) -> str:
        return self.call_date if basis == "call" else self.evaluated_date


@dataclass(frozen=True, slots=True)
class AutoRecord:
    """One call's automatic score (scoring.auto) as the reports see it, with the call's reviewed score beside
    it where inspectors submitted one (their mean, when several did): what "reports on 100 %" count."""

    call: str
    agent_id: str
    agent_name: str
    team: str
    total: float
    kept: Mapping[str, float]                # points each card item keeps under the suggestion
    reviewed_total: float | None = None
    reviewed_kept: Mapping[str, float] | None = None
    centre: str = ""


@dataclass(frozen=True)
class ItemLoss:
    """Points lost on an item by a group of evaluations: everyone's ("all"), a team's or an agent's (teams
    and agents within their centre)."""

    by: str                         # "all", "team" or "agent"
    centre: str
    group: str                      # team or agent id; '' for "all"
    item: str
    kind: str                       # "item", or "fatal" for a confirmed fatal item
    count: int                      # evaluations that lost points on it (fatal: where it was confirmed)
    lost: float                     # points lost in all (0 for fatal items)


class LossTally:
    """Adds up each evaluation's losses per item for everyone, its team and its agent."""

    def __init__(self) -> None:
        self._sums: dict[tuple[str, str, str, str, str], list] = {}

    def add(self, record: EvaluationRecord, losses: Mapping[str, float], fatal_items: tuple[str, ...]) -> None:
        groups = (("all", "", ""), ("team", record.centre, record.team), ("agent", record.centre, record.agent_id))
        sums = self._sums
        for kind, found in (("item", losses.items()), ("fatal", ((item, 0.0) for item in fatal_items))):
            for item, lost in found:
                for by, centre, group in groups:
                    key = (by, centre, group, item, kind)
                    tally = sums.get(key)
                    if tally is None:
                        sums[key] = [1, lost]
                    else:
                        tally[0] += 1
                        tally[1] += lost

    def rows(self) -> list[ItemLoss]:
        return [ItemLoss(by, centre, group, item, kind, count, round(lost, 1))
                for (by, centre, group, item, kind), (count, lost) in self._sums.items()]


def losses_of(body: Mapping, card: Scorecard | None) -> tuple[dict[str, float], tuple[str, ...]]:
    """Points lost per item and the confirmed fatal items of an evaluation body (as stored and uploaded).

    With the card the evaluation was scored on, the card's own arithmetic decides (caps, N/A, the floor at
    zero: scoring.score.kept_points); without it (an unknown card version at headquarters) an item loses the
    sum of its deductions. Read straight from the JSON: reports do this for every evaluation they count."""
    items = {i.id: i for i in card.items} if card is not None else {}
    losses: dict[str, float] = {}
    for state in body["items"]:
        if not state["deductions"]:
            continue                # untouched or N/A: nothing lost
        deducted = sum(d["points"] for d in state["deductions"])
        item = items.get(state["item"])
        if item is not None:
            lost = round(item.points - kept_points(item, deducted, bool(state["na"])), 1)
        else:
            lost = 0.0 if state["na"] or card is not None else round(deducted, 1)
        if lost > 0:
            losses[state["item"]] = lost
    return losses, tuple(f["item"] for f in body["fatal"] if f["status"] == "confirmed")


def hit_rule(hit_key: str) -> str:
    """The rule of a hit key (``R05@12.3-14.5``), which is how deductions name the hit they came from."""
    return hit_key.split("@", 1)[0]
