"""Every section of a report from one list of evaluation records, in one place: the workstation's window,
its CLI and exports, and the headquarters dashboard all show what this computes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date, timedelta

from inspector.reports.filters import ReportFilter
from inspector.reports.model import (AgentRow, Basis, Bin, BusinessRow, CentreRow, Distribution, InspectorDay,
                                     InspectorRow, ItemGroupRow, ItemRow, RedLineCase, RedLineSummary, Report,
                                     RuleCounts, RuleRow, RuleTrendRow, TeamRow, TrendPoint)
from inspector.reports.records import EvaluationRecord
from inspector.scoring.card import Scorecard

DEFAULT_THRESHOLD = 80.0        # 合格线 of the 10086 card: 80 of 100 points
BIN_WIDTH = 5.0
WORST_ITEMS = 3
MONTHLY_AFTER_DAYS = 183        # trends longer than about half a year are drawn per month, not per week


def build_report(records: Sequence[EvaluationRecord], *, flt: ReportFilter = ReportFilter(),
                 card: Scorecard | None = None, threshold: float = DEFAULT_THRESHOLD, as_of: str | None = None,
                 rules: RuleCounts = RuleCounts(), red_lines: Sequence[RedLineCase] = ()) -> Report:
    basis = flt.date_basis
    by_agent = _group(records, lambda r: r.agent_id)
    agent_unit = "week"
    centre_unit = _unit([r.day(basis) for r in records])
    return Report(
        filter=flt, threshold=threshold, as_of=as_of or date.today().isoformat(),
        basis=Basis(len({r.call for r in records}), len(records), rules.calls),
        agents=tuple(sorted((_agent(agent, rows, threshold) for agent, rows in by_agent.items()),
                            key=lambda a: (-(a.mean if a.mean is not None else -1), a.agent_id))),
        agent_trend=_trend(by_agent, basis, agent_unit),
        teams=tuple(TeamRow(team=team, agents=len({r.agent_id for r in rows}), **_stats(rows, threshold))
                    for team, rows in sorted(_group(records, lambda r: r.team).items())),
        business=tuple(BusinessRow(business_type=kind, **_stats(rows, threshold))
                       for kind, rows in sorted(_group(records, lambda r: r.business_type).items())),
        centres=_centres(records, threshold, red_lines),
        centre_trend=_trend(_group(records, lambda r: r.centre), basis, centre_unit), centre_trend_unit=centre_unit,
        inspectors=_inspectors(records),
        inspector_days=tuple(InspectorDay(inspector, day, len(rows)) for (inspector, day), rows in sorted(
            _group(records, lambda r: (r.inspector, r.evaluated_date)).items())),
        items=_items(records, card),
        item_groups=_item_groups(records),
        rules=_rules(rules),
        rule_trend=_rule_trend(rules, agent_unit),
        distribution=_distribution(records, card, threshold),
        red_lines=tuple(sorted(red_lines, key=lambda c: (c.status != "open", -c.age_days, c.call_ref))),
        red_line_summary=_red_line_summary(red_lines))


# -- groups --------------------------------------------------------------------------------------
def _group(records: Iterable[EvaluationRecord], key: Callable[[EvaluationRecord], Hashable]) -> dict:
    groups: dict = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return groups


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _stats(rows: Sequence[EvaluationRecord], threshold: float) -> dict:
    totals = [r.total for r in rows]
    passed = sum(1 for r in rows if not r.fatal and r.total >= threshold)
    return {"calls": len({r.call for r in rows}), "evaluations": len(rows), "mean": _mean(totals),
            "min": min(totals) if totals else None, "fatal": sum(1 for r in rows if r.fatal),
            "pass_rate": _share(passed, len(rows))}


def _agent(agent_id: str, rows: list[EvaluationRecord], threshold: float) -> AgentRow:
    lost: dict[str, float] = defaultdict(float)
    for record in rows:
        for item, points in record.losses.items():
            lost[item] += points
    worst = sorted(lost.items(), key=lambda kv: (-kv[1], kv[0]))[:WORST_ITEMS]
    latest = max(rows, key=lambda r: (r.call_date, r.evaluated_date))     # the name and team it has now
    return AgentRow(agent_id=agent_id, agent_name=latest.agent_name, team=latest.team,
                    worst_items=tuple((item, round(points, 1)) for item, points in worst), **_stats(rows, threshold))


def _centres(records: Sequence[EvaluationRecord], threshold: float,
             red_lines: Sequence[RedLineCase]) -> tuple[CentreRow, ...]:
    open_cases: dict[str, int] = defaultdict(int)
    for case in red_lines:
        if case.status == "open":
            open_cases[case.centre] += 1
    rows = []
    for centre, group in sorted(_group(records, lambda r: r.centre).items()):
        stats = _stats(group, threshold)
        rows.append(CentreRow(centre_id=centre, agents=len({r.agent_id for r in group}),
                              fatal_rate=_share(stats["fatal"], stats["evaluations"]),
                              red_lines_open=open_cases.get(centre, 0), **stats))
    return tuple(rows)


def _inspectors(records: Sequence[EvaluationRecord]) -> tuple[InspectorRow, ...]:
    everyone = _mean([r.total for r in records])
    rows = []
    for inspector, group in sorted(_group(records, lambda r: r.inspector).items()):
        mean = _mean([r.total for r in group])
        days = len({r.evaluated_date for r in group})
        rows.append(InspectorRow(inspector, len(group), mean,
                                 None if mean is None or everyone is None else round(mean - everyone, 2),
                                 days, round(len(group) / days, 2) if days else 0.0))
    return tuple(rows)


# -- trends --------------------------------------------------------------------------------------
def _unit(days: Iterable[str]) -> str:
    known = sorted(d for d in days if d)
    if not known:
        return "week"
    span = date.fromisoformat(known[-1]) - date.fromisoformat(known[0])
    return "month" if span.days > MONTHLY_AFTER_DAYS else "week"


def periods_between(first: str, last: str, unit: str) -> list[str]:
    """Every period from the first to the last, so that a trend shows the weeks without evaluations too."""
    periods, current = [], date.fromisoformat(first)
    while current.isoformat() <= last:
        periods.append(current.isoformat())
        current = (current + timedelta(days=7) if unit == "week"
                   else date(current.year + current.month // 12, current.month % 12 + 1, 1))
    return periods


def period_of(day: str, unit: str) -> str:
    """The first day of the week (Monday) or month that a YYYY-MM-DD day falls in; '' stays ''."""
    if not day:
        return ""
    if unit == "month":
        return day[:8] + "01"
    start = date.fromisoformat(day)
    return (start - timedelta(days=start.weekday())).isoformat()


def _trend(groups: dict[str, list[EvaluationRecord]], basis: str, unit: str) -> tuple[TrendPoint, ...]:
    points = []
    for group, rows in sorted(groups.items()):
        for period, members in sorted(_group(rows, lambda r: period_of(r.day(basis), unit)).items()):
            if period:
                points.append(TrendPoint(group, period, len(members), _mean([r.total for r in members]),
                                         sum(1 for r in members if r.fatal)))
    return tuple(points)


# -- items ---------------------------------------------------------------------------------------
def _items(records: Sequence[EvaluationRecord], card: Scorecard | None) -> tuple[ItemRow, ...]:
    lost: dict[str, list[float]] = defaultdict(list)
    confirmed: dict[str, int] = defaultdict(int)
    for record in records:
        for item, points in record.losses.items():
            lost[item].append(points)
        for item in record.fatal_items:
            confirmed[item] += 1
    known = {i.id: (i.name, i.points) for i in card.items} if card else {}
    fatal_names = {f.id: f.name for f in card.fatal} if card else {}
    n = len(records)
    rows = [ItemRow(item, known.get(item, (item, None))[0], "item", known.get(item, (item, None))[1], n,
                    len(lost[item]), _share(len(lost[item]), n),
                    round(sum(lost[item]) / n, 3) if n else None, round(sum(lost[item]), 1))
            for item in sorted(set(known) | set(lost))]
    rows.sort(key=lambda r: (-(r.mean_deduction or 0.0), r.item))
    fatal = [ItemRow(item, fatal_names.get(item, item), "fatal", None, n, confirmed[item],
                     _share(confirmed[item], n), None, 0.0)
             for item in sorted(set(fatal_names) | set(confirmed))]
    return tuple(rows + fatal)


def _item_groups(records: Sequence[EvaluationRecord]) -> tuple[ItemGroupRow, ...]:
    rows = []
    for by, key in (("team", lambda r: r.team), ("agent", lambda r: r.agent_id)):
        for group, members in sorted(_group(records, key).items()):
            lost: dict[str, list[float]] = defaultdict(list)
            for record in members:
                for item, points in record.losses.items():
                    lost[item].append(points)
            rows.extend(ItemGroupRow(by, group, item, len(members), len(values),
                                     round(sum(values) / len(members), 3))
                        for item, values in sorted(lost.items()))
    return tuple(rows)


def _distribution(records: Sequence[EvaluationRecord], card: Scorecard | None, threshold: float) -> Distribution:
    top = max([sum(i.points for i in card.items) if card else 100.0, *(r.total for r in records)])
    count = max(1, int(-(-top // BIN_WIDTH)))
    bins = [0] * count
    for record in records:
        bins[min(count - 1, int(record.total // BIN_WIDTH))] += 1
    below = sum(1 for r in records if r.fatal or r.total < threshold)
    return Distribution(tuple(Bin(i * BIN_WIDTH, min(top, (i + 1) * BIN_WIDTH), n) for i, n in enumerate(bins)),
                        threshold, below, len(records))


# -- rules and red lines -------------------------------------------------------------------------
def _per_100(hits: int, calls: int) -> float | None:
    return round(100 * hits / calls, 2) if calls else None


def _rules(counts: RuleCounts) -> tuple[RuleRow, ...]:
    rows = []
    for c in counts.rules:
        decided = c.confirmed + (c.rejected or 0)
        precision = round(c.confirmed / decided, 4) if c.rejected is not None and decided else None
        rows.append(RuleRow(c.rule, c.name, c.red_line, c.hits, c.calls_with_hits, _per_100(c.hits, counts.calls),
                            c.confirmed, c.rejected, precision))
    return tuple(sorted(rows, key=lambda r: (r.red_line, -r.hits, r.rule)))


def _rule_trend(counts: RuleCounts, unit: str) -> tuple[RuleTrendRow, ...]:
    calls: dict[str, int] = defaultdict(int)
    for day, n in counts.calls_by_day:
        calls[period_of(day, unit)] += n
    hits: dict[tuple[str, str], int] = defaultdict(int)
    for rule, day, n in counts.by_day:
        hits[(rule, period_of(day, unit))] += n
    return tuple(RuleTrendRow(rule, period, n, calls[period], _per_100(n, calls[period]))
                 for (rule, period), n in sorted(hits.items()) if period)


def _red_line_summary(cases: Sequence[RedLineCase]) -> tuple[RedLineSummary, ...]:
    rows = []
    for by, key, name in (("rule", lambda c: c.rule, lambda c: c.name),
                          ("agent", lambda c: c.agent_id, lambda c: c.agent_name)):
        for group, members in sorted(_group(cases, key).items()):
            opened = [c.age_days for c in members if c.status == "open"]
            rows.append(RedLineSummary(by, group, name(members[0]), len(opened), len(members) - len(opened),
                                       max(opened) if opened else None))
    return tuple(rows)
