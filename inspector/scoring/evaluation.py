"""An evaluation of one call against a scorecard: deductions per item, N/A, fatal items, comments.

Deductions made from rule hits keep the hit's key, so the scorecard can show which finding cost the
points and seek to it; deductions made by the inspector carry their reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

FATAL_STATES = ("pending", "confirmed", "rejected")
STATUSES = ("draft", "submitted", "reopened")


@dataclass(frozen=True)
class Deduction:
    points: float
    reason: str
    by: str
    hit_key: str | None = None


@dataclass(frozen=True)
class ItemState:
    item: str
    deductions: tuple[Deduction, ...] = ()
    na: bool = False


@dataclass(frozen=True)
class FatalState:
    item: str
    status: str            # pending (automatic, waiting for review), confirmed or rejected
    reason: str
    by: str
    hit_key: str | None = None


@dataclass(frozen=True)
class Comment:
    start_s: float
    end_s: float | None
    text: str
    by: str


@dataclass(frozen=True)
class Evaluation:
    uuid: str
    call_id: int
    inspector: str
    card_id: str
    card_version: str
    status: str = "draft"
    version: int = 1
    items: tuple[ItemState, ...] = ()
    fatal: tuple[FatalState, ...] = ()
    comments: tuple[Comment, ...] = field(default_factory=tuple)
    session_id: str | None = None      # a calibration session's evaluation; None: production scoring

    def item(self, item_id: str) -> ItemState:
        return next((i for i in self.items if i.item == item_id), ItemState(item_id))

    def with_item(self, state: ItemState) -> Evaluation:
        others = tuple(i for i in self.items if i.item != state.item)
        return replace(self, items=tuple(sorted((*others, state), key=lambda i: i.item)))

    def with_fatal(self, state: FatalState) -> Evaluation:
        if state.status not in FATAL_STATES:
            raise ValueError(f"a fatal item is {', '.join(FATAL_STATES)}, not {state.status!r}")
        others = tuple(f for f in self.fatal if f.item != state.item)
        return replace(self, fatal=tuple(sorted((*others, state), key=lambda f: f.item)))


def parts_from_dict(body: dict) -> tuple[tuple[ItemState, ...], tuple[FatalState, ...], tuple[Comment, ...]]:
    """Items, fatal items and comments from their stored or exchanged JSON form (asdict of each)."""
    items = tuple(ItemState(i["item"], tuple(Deduction(**d) for d in i["deductions"]), bool(i["na"]))
                  for i in body["items"])
    return items, tuple(FatalState(**f) for f in body["fatal"]), tuple(Comment(**c) for c in body["comments"])
