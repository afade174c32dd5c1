"""What each section plots, decided once: the Reports window draws these with pyqtgraph, the HTML export
as inline SVG, so a chart shows the same numbers wherever it is seen."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from inspector.reports.compute import periods_between
from inspector.reports.model import Report, TrendPoint

MOST_BARS = 25
MOST_LINES = 8


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    key: str                        # what it shows, for a window to title it in its own language
    kind: str                       # "bars" (horizontal, one per label), "columns" (histogram), "lines"
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    reference: float | None = None  # a threshold line (the pass mark)
    reference_label: str = ""


def _bars(key: str, title: str, pairs: list[tuple[str, float | None]], unit: str = "",
          reference: float | None = None, reference_label: str = "") -> Chart:
    pairs = pairs[:MOST_BARS]
    return Chart(key, "bars", title, tuple(p[0] for p in pairs), (Series(title, tuple(p[1] for p in pairs)),), unit,
                 reference, reference_label)


def _lines(key: str, title: str, points: tuple[TrendPoint, ...], names: dict[str, str], unit: str) -> Chart | None:
    seen = sorted({p.period for p in points})
    if len(seen) < 2:
        return None
    periods = periods_between(seen[0], seen[-1], unit)
    by_group: dict[str, dict[str, float | None]] = defaultdict(dict)
    counts: dict[str, int] = defaultdict(int)
    for p in points:
        by_group[p.group][p.period] = p.mean
        counts[p.group] += p.evaluations
    groups = sorted(by_group, key=lambda g: (-counts[g], g))[:MOST_LINES]
    return Chart(key, "lines", title, tuple(periods), tuple(Series(names.get(g, g) or "—", tuple(
        by_group[g].get(period) for period in periods)) for g in groups), "分")


def charts_for(report: Report, section: str) -> list[Chart]:
    mark = {"unit": "分", "reference": report.threshold, "reference_label": f"合格线 {report.threshold:g}"}
    if section == "agent":
        names = {a.agent_id: f"{a.agent_id} {a.agent_name}".strip() for a in report.agents}
        charts = [_bars("agent_mean", "坐席平均分", [(names[a.agent_id], a.mean) for a in report.agents], **mark)]
        trend = _lines("agent_trend", "坐席周平均分", report.agent_trend, names, "week")
        return charts + ([trend] if trend else [])
    if section == "team":
        return [_bars("team_mean", "班组平均分", [(t.team or "—", t.mean) for t in report.teams], **mark)]
    if section == "item":
        return [_bars("item_deduction", "评分项平均扣分", [(f"{i.item} {i.name}", i.mean_deduction)
                                                     for i in report.items if i.kind == "item" and i.mean_deduction],
                      "分")]
    if section == "rule":
        return [_bars("rule_rate", "每百通命中", [(f"{r.rule} {r.name}", r.per_100_calls) for r in report.rules], "次")]
    if section == "inspector":
        return [_bars("inspector_leniency", "宽严度（与整体均分差，正为偏松）",
                      [(i.inspector, i.leniency) for i in report.inspectors], "分")]
    if section == "business":
        return [_bars("business_mean", "业务类型平均分", [(b.business_type or "—", b.mean) for b in report.business],
                      **mark)]
    if section == "distribution":
        bins = report.distribution.bins
        return [Chart("distribution", "columns", "分数分布", tuple(f"{b.low:g}–{b.high:g}" for b in bins),
                      (Series("评估数", tuple(float(b.count) for b in bins)),), "份", report.threshold,
                      mark["reference_label"])]
    if section == "red_line":
        rules = [s for s in report.red_line_summary if s.by == "rule"]
        return [_bars("red_line_open", "未结红线（按规则）", [(f"{s.key} {s.name}", float(s.open)) for s in rules], "件")]
    if section == "agreement":
        return [_bars("agreement_mad", "自动评分与人工评分平均分差", [(f"{r.item} {r.name}", r.mad) for r in report.agreement
                                                          if r.mad is not None], "分")]
    if section == "centre":
        charts = [_bars("centre_mean", "中心平均分", [(c.centre_id, c.mean) for c in report.centres], **mark)]
        trend = _lines("centre_trend", "中心趋势（平均分）", report.centre_trend, {}, report.centre_trend_unit)
        return charts + ([trend] if trend else [])
    if section == "category":
        national = [r for r in report.categories if r.centre_id == ""] or list(report.categories)
        return [_bars("category_calls", "来电类别通话数（本期）", [(r.category, float(r.calls)) for r in national], "通")]
    raise ValueError(section)
