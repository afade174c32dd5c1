"""The automatic score of a call: the card filled from the rule hits alone, for every call.

It is a suggestion, kept apart from the inspectors' evaluations: it never uses their decisions (so it can
be compared with them fairly) and is never submitted. Each item's suggested deduction is the sum of its
hits' deductions weighted by their confidence (a 0.6 hit of 4 points suggests 2.4: what the hit is worth if
its confidence is right 6 times in 10), capped as the card caps the item. A red-line hit (a fatal-severity
rule feeding a fatal item) sure enough and heard clearly makes the total 0 with its fatal item listed;
one less sure, or a fatal item fed by an ordinary rule (R03 → F2), is listed for review instead. An item
no rule of the pack feeds has no evidence at all: it is marked unknown (and counts as full points).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from inspector.rules.hits import Hit
from inspector.rules.pack import RulePack
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Deduction, Evaluation, FatalState, ItemState
from inspector.scoring.score import kept_points

METHOD = "1"                     # how hits become a score; a new method makes stored scores outdated
AUTO_RATER = "auto"              # who the automatic score is, where it stands beside inspectors
NO_HIT_CONFIDENCE = 0.9          # nothing found: about the rules' recall on recognised speech (docs/rules-asr.md)
DEFAULT_FATAL_CONFIDENCE = 0.8   # the card's [auto] fatal_confidence, when it gives none


@dataclass(frozen=True)
class AutoItem:
    deduction: float             # points suggested off the item
    confidence: float            # how sure: the hits' confidence weighted by their deductions
    rules: tuple[str, ...] = ()  # the rules whose hits suggest it


@dataclass(frozen=True)
class AutoScore:
    total: float
    items: dict[str, AutoItem]
    fatal: tuple[str, ...] = ()             # fatal items the red-line hits make: the total is 0
    review: tuple[str, ...] = ()            # fatal items with a hit an inspector must decide
    unknown: tuple[str, ...] = ()           # items with no rule to give evidence

    def kept(self, card: Scorecard) -> dict[str, float]:
        """Points each item keeps under the suggestion (what an inspector's score shows per item)."""
        return {i.id: round(i.points - self.items[i.id].deduction, 1) if i.id in self.items else i.points
                for i in card.items}

    def to_json(self, call: str) -> dict:
        """The `inspector autoscore` line: {"call", "score", "fatal", "items", "unknown"} (and "review")."""
        return {"call": call, "score": self.total, "fatal": list(self.fatal),
                "items": {k: {**asdict(v), "rules": list(v.rules)} for k, v in self.items.items()},
                "unknown": list(self.unknown), "review": list(self.review)}


def covered_items(card: Scorecard, pack: RulePack) -> set[str]:
    """Items some rule of the pack can give evidence for: named by the card, or fed by a rule's `item`."""
    rules = {r.id for r in pack.rules}
    named = {i.id for i in (*card.items, *card.fatal) if any(r in rules for r in i.rules)}
    return named | {r.item for r in pack.rules if r.item}


def auto_score(card: Scorecard, hits: list[Hit], covered: set[str]) -> AutoScore:
    fatal_of = {rule: f.id for f in card.fatal for rule in f.rules}
    fatal_ids = {f.id for f in card.fatal}
    threshold = card.auto_fatal_confidence if card.auto_fatal_confidence is not None else DEFAULT_FATAL_CONFIDENCE
    by_item: dict[str, list[Hit]] = {}
    fatal: set[str] = set()
    review: set[str] = set()
    for hit in hits:
        red = fatal_of.get(hit.rule) or (hit.item if hit.item in fatal_ids else None)
        if red is not None:
            sure = hit.severity == "fatal" and not hit.listen and hit.confidence >= threshold
            (fatal if sure else review).add(red)
        if not hit.flag_only and hit.item is not None and hit.item not in fatal_ids:
            by_item.setdefault(hit.item, []).append(hit)
    items: dict[str, AutoItem] = {}
    for item in card.items:
        found = by_item.get(item.id, [])
        weighted = sum(h.deduction * h.confidence for h in found)
        deducted = round(item.points - kept_points(item, weighted, na=False), 1)
        weight = sum(h.deduction for h in found)
        confidence = (sum(h.deduction * h.confidence for h in found) / weight if weight else NO_HIT_CONFIDENCE)
        items[item.id] = AutoItem(deducted, round(confidence, 2), tuple(dict.fromkeys(h.rule for h in found)))
    unknown = tuple(i.id for i in (*card.items, *card.fatal) if i.id not in covered)
    total = 0.0 if fatal else round(sum(i.points - items[i.id].deduction for i in card.items), 1)
    return AutoScore(total, items, tuple(sorted(fatal)), tuple(sorted(review - fatal)), unknown)


def as_evaluation(card: Scorecard, score: AutoScore, call_id: int) -> Evaluation:
    """The suggestion as a submitted evaluation by AUTO_RATER: how it takes part in a calibration session
    as one more rater (never stored as an evaluation)."""
    items = tuple(ItemState(item_id, (Deduction(found.deduction, "自动评分：" + "、".join(found.rules), AUTO_RATER),))
                  for item_id, found in score.items.items() if found.deduction)
    fatal = tuple(FatalState(item_id, "confirmed", "自动评分：红线命中", AUTO_RATER) for item_id in score.fatal)
    return Evaluation(f"auto-{call_id}", call_id, AUTO_RATER, card.id, card.version, "submitted", 1, items, fatal)
