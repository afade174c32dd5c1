"""The customer's voice by category for a period, each category with its change against the previous period
of the same length: one definition for the centre's report (`inspector report --by category`, the Reports
window) and headquarters' (`/api/v1/reports?by=category`, the dashboard's 客户之声).

A call counts once under each level-1 category it is filed under and once under each deeper category (as
the centre's top reasons always did); its day is the call's day. Shares are of the categorised calls of the
same centre and period. Rows per centre; with calls of more than one centre, national rows first (centre
'').
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from inspector.categories.pack import SEPARATOR

DEFAULT_DAYS = 28              # without --from: the four weeks up to --to (or the report's day)



@dataclass(frozen=True)
class CategoryCall:
    """A categorised call as both sides keep it."""

    centre: str
    call: str
    day: str                              # YYYY-MM-DD
    paths: tuple[str, ...]
    worsened: bool | None = None
    satisfaction: float | None = None
    resolved: bool | None = None


@dataclass(frozen=True)
class CategoryRow:
    centre_id: str
    category: str
    level: int                            # 1: a top category; 2 and more: below it
    calls: int
    share: float | None                   # of the categorised calls
    previous_calls: int
    change: int
    change_rate: float | None             # (calls − previous) / previous; None without previous calls
    worsened_rate: float | None           # calls whose customer left more upset than they came
    satisfaction: float | None            # mean survey score where there is one
    resolved_rate: float | None


@dataclass(frozen=True)
class CategoryPeriods:
    date_from: str
    date_to: str
    previous_from: str
    previous_to: str


def category_periods(date_from: str | None, date_to: str | None, as_of: str) -> CategoryPeriods:
    last = date.fromisoformat(date_to or as_of)
    first = date.fromisoformat(date_from) if date_from else last - timedelta(days=DEFAULT_DAYS - 1)
    length = (last - first).days + 1
    before = first - timedelta(days=1)
    return CategoryPeriods(first.isoformat(), last.isoformat(), (before - timedelta(days=length - 1)).isoformat(),
                           before.isoformat())


def categories_of(path: str) -> list[str]:
    """The categories a path counts under: its top, and itself when deeper."""
    top = path.split(SEPARATOR, 1)[0]
    return [top] if path == top else [top, path]


def category_rows(calls: Sequence[CategoryCall], periods: CategoryPeriods) -> tuple[CategoryRow, ...]:
    now: dict[str, list[CategoryCall]] = defaultdict(list)
    then: dict[str, list[CategoryCall]] = defaultdict(list)
    for call in calls:
        if periods.date_from <= call.day <= periods.date_to:
            now[call.centre].append(call)
        elif periods.previous_from <= call.day <= periods.previous_to:
            then[call.centre].append(call)
    centres = sorted(set(now) | set(then))
    if len(centres) > 1:                  # the nation first: every centre's calls together
        now[""] = [c for centre in centres for c in now.get(centre, [])]
        then[""] = [c for centre in centres for c in then.get(centre, [])]
        centres.insert(0, "")
    rows = []
    for centre in centres:
        by_now, by_then = _by_category(now.get(centre, [])), _by_category(then.get(centre, []))
        categorised = len(now.get(centre, []))
        made = [_row(centre, category, by_now.get(category, []), len(by_then.get(category, [])), categorised)
                for category in set(by_now) | set(by_then)]
        rows.extend(sorted(made, key=lambda r: (-r.calls, -r.previous_calls, r.category)))
    return tuple(rows)


def _by_category(calls: Sequence[CategoryCall]) -> dict[str, list[CategoryCall]]:
    found: dict[str, list[CategoryCall]] = defaultdict(list)
    for call in calls:
        for category in {category for path in call.paths for category in categories_of(path)}:
            found[category].append(call)          # once per call, however many of its paths fall under it
    return found


def _row(centre: str, category: str, members: list[CategoryCall], previous: int, categorised: int) -> CategoryRow:
    def rate(flags: list[bool]) -> float | None:
        return round(sum(flags) / len(flags), 4) if flags else None

    scores = [c.satisfaction for c in members if c.satisfaction is not None]
    return CategoryRow(
        centre_id=centre, category=category, level=category.count(SEPARATOR) + 1, calls=len(members),
        share=round(len(members) / categorised, 4) if categorised else None, previous_calls=previous,
        change=len(members) - previous, change_rate=round((len(members) - previous) / previous, 4) if previous else None,
        worsened_rate=rate([c.worsened for c in members if c.worsened is not None]),
        satisfaction=round(sum(scores) / len(scores), 2) if scores else None,
        resolved_rate=rate([c.resolved for c in members if c.resolved is not None]))
