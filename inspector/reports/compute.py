"""Every section of a report from one list of evaluation records and their item losses, in one place: the
workstation's window, its CLI and exports, and the headquarters dashboard all show what this computes.
A caller that needs only some sections names them, and the others are left empty."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from datetime import date, timedelta

from inspector.reports.category_change import CategoryTally, category_periods, category_rows_from_tallies
from inspector.reports.filters import ReportFilter
from inspector.reports.model import (AgentRow, AgreementRow, Basis, Bin, BusinessRow, CentreRow, Distribution, InspectorDay,
                                     InspectorRow, ItemGroupRow, ItemRow, RedLineCase, RedLineSummary, Report,
                                     RuleCounts, RuleRow, RuleTrendRow, TeamRow, TrendPoint)
from inspector.reports.records import AutoRecord, EvaluationRecord, ItemLoss
from inspector.scoring.card import Scorecard

DEFAULT_THRESHOLD = 80.0        # 合格线 of the 10086 card: 80 of 100 points
BIN_WIDTH = 5.0
WORST_ITEMS = 3
MONTHLY_AFTER_DAYS = 183        # trends longer than about half a year are drawn per month, not per week
SECTIONS = ("agent", "team", "item", "rule", "inspector", "business", "distribution", "red_line", "agreement",
            "centre", "category")
AGREE_TOTAL = 3.0               # the card's calibration target: a total within ±3 points
AGREE_ITEM = 0.5
PARTS = (*SECTIONS, "item_groups")      # what build_report can compute: the sections, and items by team and agent


# the parts that read the evaluation records themselves (the others: rule counts, red lines, categories)
RECORD_PARTS = frozenset({"agent", "item_groups", "team", "business", "centre", "inspector", "item",
                          "distribution"})


def loss_levels(parts: Collection[str]) -> set[str]:
    """Which ItemLoss groups ("all", "team", "agent") these parts of a report read."""
    levels = {"all"} if "item" in parts else set()
    if "item_groups" in parts:
        levels |= {"team", "agent"}
    return levels | ({"agent"} if "agent" in parts else set())


def build_report(records: Sequence[EvaluationRecord], *, flt: ReportFilter = ReportFilter(),
                 card: Scorecard | None = None, threshold: float = DEFAULT_THRESHOLD, as_of: str | None = None,
                 losses: Sequence[ItemLoss] = (), rules: RuleCounts = RuleCounts(),
                 red_lines: Sequence[RedLineCase] = (), sections: Collection[str] | None = None,
                 auto: Sequence[AutoRecord] = (), categorised: Sequence[CategoryTally] = (),
                 counted: tuple[int, int] | None = None) -> Report:
    """``sections``: the PARTS to compute (default: all); ``losses`` must hold their loss_levels; ``auto``: the
    automatic scores of every call in scope (agents and teams with no evaluation get a row from them);
    ``categorised``: category_change.CategoryTally of the period and the one before; ``counted``: (calls,
    evaluations) in scope when the caller counted them instead of passing records (sections outside
    RECORD_PARTS need nothing else of them)."""
    wanted = set(PARTS if sections is None else sections)
    basis = flt.date_basis
    parts: dict = {}
    if wanted & {"agent", "item_groups"}:
        by_agent = _group(records, lambda r: (r.centre, r.agent_id))
    if "agent" in wanted:
        worst = _worst_items(losses)
        auto_by_agent = _group(auto, lambda a: (a.centre, a.agent_id))
        parts["agents"] = tuple(sorted((_agent(key, by_agent.get(key, []), threshold, worst.get(key, ()),
                                               auto_by_agent.get(key, [])) for key in {*by_agent, *auto_by_agent}),
                                       key=lambda a: (-_or(a.mean, -1), -_or(a.auto_mean, -1), a.centre_id,
                                                      a.agent_id)))
        parts["agent_trend"] = _trend({agent: rows for (_c, agent), rows in by_agent.items()}, basis, "week",
                                      flt.date_from)
    if "team" in wanted:
        by_team = _group(records, lambda r: (r.centre, r.team))
        auto_by_team = _group(auto, lambda a: (a.centre, a.team))
        parts["teams"] = tuple(
            TeamRow(centre_id=centre, team=team, agents=len({r.agent_id for r in (*by_team.get((centre, team), []),
                                                                                   *auto_by_team.get((centre, team), []))}),
                    **_stats(by_team.get((centre, team), []), threshold), **_auto_stats(auto_by_team.get((centre, team), [])))
            for centre, team in sorted({*by_team, *auto_by_team}))
    if "agreement" in wanted:
        parts["agreement"] = _agreement(auto, card)
    if "business" in wanted:
        parts["business"] = tuple(BusinessRow(business_type=kind, **_stats(rows, threshold))
                                  for kind, rows in sorted(_group(records, lambda r: r.business_type).items()))
    if "centre" in wanted:
        unit = _unit([r.day(basis) for r in records])
        parts["centres"] = _centres(records, threshold, red_lines)
        parts["centre_trend"] = _trend(_group(records, lambda r: r.centre), basis, unit, flt.date_from)
        parts["centre_trend_unit"] = unit
    if "inspector" in wanted:
        parts["inspectors"] = _inspectors(records)
        parts["inspector_days"] = tuple(InspectorDay(inspector, day, len(rows)) for (inspector, day), rows in sorted(
            _group(records, lambda r: (r.inspector, r.evaluated_date)).items()))
    if "item" in wanted:
        parts["items"] = _items(len(records), card, [x for x in losses if x.by == "all"])
    if "item_groups" in wanted:
        parts["item_groups"] = _item_groups(records, by_agent, losses)
    if "rule" in wanted:
        parts["rules"] = _rules(rules)
        parts["rule_trend"] = _rule_trend(rules, "week", flt.date_from if basis == "call" else None)
    if "distribution" in wanted:
        parts["distribution"] = _distribution(records, card, threshold)
    if "category" in wanted:
        periods = category_periods(flt.date_from, flt.date_to, as_of or date.today().isoformat())
        parts["categories"] = category_rows_from_tallies(categorised)
        parts["category_periods"] = periods
    if "red_line" in wanted:
        parts["red_lines"] = tuple(sorted(red_lines, key=lambda c: (c.status != "open", -c.age_days, c.call_ref)))
        parts["red_line_summary"] = _red_line_summary(red_lines)
    return Report(filter=flt, threshold=threshold, as_of=as_of or date.today().isoformat(),
                  basis=Basis(*(counted or (len({r.call for r in records}), len(records))), rules.calls), **parts)


# -- groups --------------------------------------------------------------------------------------
def _group(records: Iterable, key: Callable[[object], Hashable]) -> dict:
    groups: dict = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return groups


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


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


def _worst_items(losses: Sequence[ItemLoss]) -> dict[tuple[str, str], tuple[tuple[str, float], ...]]:
    per_agent: dict[tuple[str, str], list[ItemLoss]] = defaultdict(list)
    for loss in losses:
        if loss.by == "agent" and loss.kind == "item":
            per_agent[(loss.centre, loss.group)].append(loss)
    return {key: tuple((x.item, x.lost) for x in sorted(rows, key=lambda x: (-x.lost, x.item))[:WORST_ITEMS])
            for key, rows in per_agent.items()}


def _agent(key: tuple[str, str], rows: list[EvaluationRecord], threshold: float,
           worst: tuple[tuple[str, float], ...], auto: Sequence[AutoRecord]) -> AgentRow:
    if rows:
        latest = max(rows, key=lambda r: (r.call_date, r.evaluated_date))     # the name and team it has now
        name, team = latest.agent_name, latest.team
    else:
        name, team = auto[-1].agent_name, auto[-1].team
    return AgentRow(centre_id=key[0], agent_id=key[1], agent_name=name, team=team, worst_items=worst,
                    **_stats(rows, threshold), **_auto_stats(auto))


def _auto_stats(auto: Sequence[AutoRecord]) -> dict:
    diffs = [abs(a.total - a.reviewed_total) for a in auto if a.reviewed_total is not None]
    return {"auto_calls": len(auto), "auto_mean": _mean([a.total for a in auto]), "agreement_calls": len(diffs),
            "agreement_mad": _mean(diffs), "agreement_within_3": _share(sum(d <= AGREE_TOTAL for d in diffs), len(diffs))}


def _agreement(auto: Sequence[AutoRecord], card: Scorecard | None) -> tuple[AgreementRow, ...]:
    """Per item and for the total, on the calls both scored."""
    both = [a for a in auto if a.reviewed_total is not None and a.reviewed_kept is not None]

    def row(item: str, name: str, points: float | None, pairs: list[tuple[float, float]], within: float) -> AgreementRow:
        diffs = [x - y for x, y in pairs]
        return AgreementRow(item, name, points, len(pairs), _mean([abs(d) for d in diffs]),
                            _share(sum(abs(d) <= within for d in diffs), len(diffs)), _mean(diffs))

    rows = [row("total", "总分", None, [(a.total, a.reviewed_total) for a in both], AGREE_TOTAL)]
    for item in card.items if card else ():
        rows.append(row(item.id, item.name, item.points, [(a.kept[item.id], a.reviewed_kept[item.id]) for a in both
                                                          if item.id in a.kept and item.id in a.reviewed_kept],
                        AGREE_ITEM))
    return tuple(rows)


def _centres(records: Sequence[EvaluationRecord], threshold: float,
             red_lines: Sequence[RedLineCase]) -> tuple[CentreRow, ...]:
    open_cases: dict[str, int] = defaultdict(int)
    closed_cases: dict[str, int] = defaultdict(int)
    for case in red_lines:
        (open_cases if case.status == "open" else closed_cases)[case.centre] += 1
    rows = []
    for centre, group in sorted(_group(records, lambda r: r.centre).items()):
        stats = _stats(group, threshold)
        rows.append(CentreRow(centre_id=centre, agents=len({r.agent_id for r in group}),
                              fatal_rate=_share(stats["fatal"], stats["evaluations"]),
                              red_lines_open=open_cases.get(centre, 0),
                              red_lines_closed=closed_cases.get(centre, 0), **stats))
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
    known = [d for d in days if d]
    if not known:
        return "week"
    span = date.fromisoformat(max(known)) - date.fromisoformat(min(known))
    return "month" if span.days > MONTHLY_AFTER_DAYS else "week"


def periods_between(first: str, last: str, unit: str) -> list[str]:
    """Every period from the first to the last, so that a trend shows the weeks without evaluations too (the
    first may start mid-week or mid-month, where the report starts: period_of)."""
    periods, current = [first], date.fromisoformat(period_of(first, unit))
    while True:
        current = (current + timedelta(days=7) if unit == "week"
                   else date(current.year + current.month // 12, current.month % 12 + 1, 1))
        if current.isoformat() > last:
            return periods
        periods.append(current.isoformat())


def period_of(day: str, unit: str, first_day: str | None = None) -> str:
    """The first day of the week (Monday) or month that a YYYY-MM-DD day falls in; '' stays ''. With the
    report's first day, the first period starts there: a report from a Wednesday does not show its week
    as starting on the Monday before."""
    if not day:
        return ""
    if unit == "month":
        period = day[:8] + "01"
    else:
        start = date.fromisoformat(day)
        period = (start - timedelta(days=start.weekday())).isoformat()
    return max(period, first_day) if first_day else period


def _trend(groups: dict[str, list[EvaluationRecord]], basis: str, unit: str,
           first_day: str | None = None) -> tuple[TrendPoint, ...]:
    periods: dict[str, str] = {}          # day → period, each day worked out once
    points = []
    for group, rows in sorted(groups.items()):
        by_period: dict[str, list[EvaluationRecord]] = defaultdict(list)
        for r in rows:
            day = r.day(basis)
            if day not in periods:
                periods[day] = period_of(day, unit, first_day)
            by_period[periods[day]].append(r)
        for period, members in sorted(by_period.items()):
            if period:
                points.append(TrendPoint(group, period, len(members), _mean([r.total for r in members]),
                                         sum(1 for r in members if r.fatal)))
    return tuple(points)


# -- items ---------------------------------------------------------------------------------------
def _items(n: int, card: Scorecard | None, losses: Sequence[ItemLoss]) -> tuple[ItemRow, ...]:
    lost = {x.item: x for x in losses if x.kind == "item"}
    confirmed = {x.item: x.count for x in losses if x.kind == "fatal"}
    known = {i.id: (i.name, i.points) for i in card.items} if card else {}
    fatal_names = {f.id: f.name for f in card.fatal} if card else {}
    rows = []
    for item in sorted(set(known) | set(lost)):
        name, points = known.get(item, (item, None))
        count, total = (lost[item].count, lost[item].lost) if item in lost else (0, 0.0)
        rows.append(ItemRow(item, name, "item", points, n, count, _share(count, n),
                            round(total / n, 3) if n else None, round(total, 1)))
    rows.sort(key=lambda r: (-_or(r.mean_deduction, 0.0), r.item))
    fatal = [ItemRow(item, fatal_names.get(item, item), "fatal", None, n, confirmed.get(item, 0),
                     _share(confirmed.get(item, 0), n), None, 0.0)
             for item in sorted(set(fatal_names) | set(confirmed))]
    return tuple(rows + fatal)


def _item_groups(records: Sequence[EvaluationRecord], by_agent: dict,
                 losses: Sequence[ItemLoss]) -> tuple[ItemGroupRow, ...]:
    sizes = {("agent", *key): len(rows) for key, rows in by_agent.items()}
    sizes.update({("team", *key): len(rows) for key, rows in _group(records, lambda r: (r.centre, r.team)).items()})
    rows = [ItemGroupRow(x.by, x.centre, x.group, x.item, sizes[(x.by, x.centre, x.group)], x.count,
                         round(x.lost / sizes[(x.by, x.centre, x.group)], 3))
            for x in losses if x.by in ("team", "agent") and x.kind == "item" and (x.by, x.centre, x.group) in sizes]
    return tuple(sorted(rows, key=lambda g: (g.by != "team", g.centre, g.group, g.item)))


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


def _rule_trend(counts: RuleCounts, unit: str, first_day: str | None) -> tuple[RuleTrendRow, ...]:
    calls: dict[str, int] = defaultdict(int)
    for day, n in counts.calls_by_day:
        calls[period_of(day, unit, first_day)] += n
    hits: dict[tuple[str, str], int] = defaultdict(int)
    for rule, day, n in counts.by_day:
        hits[(rule, period_of(day, unit, first_day))] += n
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
