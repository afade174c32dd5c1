"""The customer's voice by category for a period, each category with its change against the previous period
of the same length: one definition for the centre's report (`inspector report --by category`, the Reports
window) and headquarters' (`/api/v1/reports?by=category`, the dashboard's 客户之声).

A call counts once under each level-1 category it is filed under and once under each deeper category (as
the centre's top reasons always did); its day is the call's day. Shares are of the categorised calls of the
same centre and period. Rows per centre; with calls of more than one centre, national rows first (centre
'').

The rows are made in one place (category_rows_from_tallies) from tallies: per centre, category and period,
the calls and the sums and counts their figures need. A workstation tallies its calls here
(category_tallies); headquarters has its database add the same tallies up (hub/reports.py, GROUP BY on
SQLite and PostgreSQL), since a year of 31 centres is too many calls to bring into Python; the contract test
checks that both give the same rows.
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
    """The rows from the calls themselves (a centre's workstation): tallied here, then made into rows as
    headquarters makes them from the tallies its database adds up (category_rows_from_tallies)."""
    return category_rows_from_tallies(category_tallies(calls, periods))


@dataclass(frozen=True)
class CategoryTally:
    """What one centre's categorised calls add up to under one category (or, with category None, all of
    them: the share's denominator) in the period (current) or the one before: sums and counts only, so that
    centres add up to the nation and a database can compute them with GROUP BY (hub/reports.py)."""

    centre: str
    category: str | None
    current: bool
    calls: int
    worsened: int = 0                     # calls whose customer left more upset than they came
    worsened_known: int = 0               # calls where that is known
    satisfaction_sum: float = 0.0
    satisfaction_known: int = 0
    resolved: int = 0
    resolved_known: int = 0


def category_tallies(calls: Sequence[CategoryCall], periods: CategoryPeriods) -> list[CategoryTally]:
    """Each call of either period counted once under each category it falls under (categories_of its
    paths), and once under None."""
    found: dict[tuple[str, str | None, bool], list[CategoryCall]] = defaultdict(list)
    for call in calls:
        if periods.date_from <= call.day <= periods.date_to:
            current = True
        elif periods.previous_from <= call.day <= periods.previous_to:
            current = False
        else:
            continue
        for category in {None} | {category for path in call.paths for category in categories_of(path)}:
            found[(call.centre, category, current)].append(call)
    return [_tally(key, members) for key, members in found.items()]


def _tally(key: tuple[str, str | None, bool], members: list[CategoryCall]) -> CategoryTally:
    worsened = [c.worsened for c in members if c.worsened is not None]
    scores = [c.satisfaction for c in members if c.satisfaction is not None]
    resolved = [c.resolved for c in members if c.resolved is not None]
    return CategoryTally(*key, calls=len(members), worsened=sum(worsened), worsened_known=len(worsened),
                         satisfaction_sum=sum(scores), satisfaction_known=len(scores), resolved=sum(resolved),
                         resolved_known=len(resolved))


def category_rows_from_tallies(tallies: Sequence[CategoryTally]) -> tuple[CategoryRow, ...]:
    """The one definition of the rows: per centre (with more than one centre, the nation first: every
    centre's tallies added up), each category of either period with its share of the period's categorised
    calls, the previous period's calls, the change and the customer's figures."""
    by_centre: dict[str, dict[tuple[str | None, bool], CategoryTally]] = defaultdict(dict)
    for tally in tallies:
        by_centre[tally.centre][(tally.category, tally.current)] = tally
    centres = sorted(by_centre)
    if len(centres) > 1:
        nation: dict[tuple[str | None, bool], list[CategoryTally]] = defaultdict(list)
        for centre in centres:
            for key, tally in by_centre[centre].items():
                nation[key].append(tally)
        by_centre[""] = {key: _added(key, found) for key, found in nation.items()}
        centres.insert(0, "")
    rows = []
    for centre in centres:
        held = by_centre[centre]
        total = held.get((None, True))
        categorised = total.calls if total else 0
        made = [_row(centre, category, held.get((category, True)), held.get((category, False)), categorised)
                for category in sorted({category for category, _current in held if category is not None})]
        rows.extend(sorted(made, key=lambda r: (-r.calls, -r.previous_calls, r.category)))
    return tuple(rows)


def _added(key: tuple[str | None, bool], tallies: list[CategoryTally]) -> CategoryTally:
    return CategoryTally("", *key, calls=sum(t.calls for t in tallies), worsened=sum(t.worsened for t in tallies),
                         worsened_known=sum(t.worsened_known for t in tallies),
                         satisfaction_sum=sum(t.satisfaction_sum for t in tallies),
                         satisfaction_known=sum(t.satisfaction_known for t in tallies),
                         resolved=sum(t.resolved for t in tallies),
                         resolved_known=sum(t.resolved_known for t in tallies))


def _row(centre: str, category: str, now: CategoryTally | None, then: CategoryTally | None,
         categorised: int) -> CategoryRow:
    def rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    calls = now.calls if now else 0
    previous = then.calls if then else 0
    return CategoryRow(
        centre_id=centre, category=category, level=category.count(SEPARATOR) + 1, calls=calls,
        share=rate(calls, categorised), previous_calls=previous, change=calls - previous,
        change_rate=round((calls - previous) / previous, 4) if previous else None,
        worsened_rate=rate(now.worsened, now.worsened_known) if now else None,
        satisfaction=round(now.satisfaction_sum / now.satisfaction_known, 2) if now and now.satisfaction_known
        else None,
        resolved_rate=rate(now.resolved, now.resolved_known) if now else None)
