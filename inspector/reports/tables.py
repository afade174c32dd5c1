"""A report's sections as plain tables (named columns, raw values), the one shape every export writes:
XLSX sheets, CSV files, HTML tables and the window's grids show the same rows with the same numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from inspector.reports.compute import SECTIONS
from inspector.reports.model import Report


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"      # text, code (shown by its Chinese name), int, number, percent (0.25 is 25 %)


@dataclass(frozen=True)
class Table:
    key: str                # a file-name stem: agents, agent_trend, …
    title: str              # the sheet name and heading, in Chinese
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]

    def dicts(self) -> list[dict]:
        return [dict(zip((c.key for c in self.columns), row)) for row in self.rows]


CODE_NAMES = {"item": "评分项", "fatal": "致命项", "open": "未结", "closed": "已结", "rule": "规则", "agent": "坐席",
              "team": "班组"}


def shown(column: Column, value):
    """A cell as exports write it: codes by their Chinese names, everything else as it is."""
    return CODE_NAMES.get(value, value) if column.kind == "code" else value


def _table(key: str, title: str, columns: list[tuple[str, str, str]], items, value: Callable = getattr) -> Table:
    cols = tuple(Column(*c) for c in columns)
    return Table(key, title, cols, tuple(tuple(value(item, c.key) for c in cols) for item in items))


SCORES = [("calls", "通话数", "int"), ("evaluations", "评估数", "int"), ("mean", "平均分", "number"),
          ("min", "最低分", "number"), ("fatal", "致命项", "int"), ("pass_rate", "合格率", "percent")]
AUTO = [("auto_calls", "自动评分通话数", "int"), ("auto_mean", "自动评分均分", "number"),
        ("agreement_calls", "双评通话数", "int"), ("agreement_mad", "平均分差", "number"),
        ("agreement_within_3", "±3分内一致率", "percent")]


def _worst(row, key: str):
    if key == "worst_items":
        return "、".join(f"{item} −{lost:g}" for item, lost in row.worst_items)
    return getattr(row, key)


def _section_tables(report: Report) -> dict[str, list[Table]]:
    groups = lambda by: [g for g in report.item_groups if g.by == by]    # noqa: E731
    item_group_cols = [("centre", "中心", "text"), ("group", "分组", "text"), ("item", "评分项", "text"), ("evaluations", "评估数", "int"),
                       ("losing", "扣分次数", "int"), ("mean_deduction", "平均扣分", "number")]
    rules = [("rule", "规则", "text"), ("name", "名称", "text"), ("hits", "命中数", "int"),
             ("calls_with_hits", "命中通话数", "int"), ("per_100_calls", "每百通命中", "number"),
             ("confirmed", "已确认", "int"), ("rejected", "已驳回", "int"), ("precision", "准确率", "percent")]
    trend = [("group", "分组", "text"), ("period", "周期起始", "text"), ("evaluations", "评估数", "int"),
             ("mean", "平均分", "number"), ("fatal", "致命项", "int")]
    return {
        "agent": [
            _table("agents", "坐席排名", [("centre_id", "中心", "text"), ("agent_id", "工号", "text"), ("agent_name", "姓名", "text"),
                                       ("team", "班组", "text"), *SCORES, ("worst_items", "主要失分项", "text"), *AUTO],
                   report.agents, _worst),
            _table("agent_trend", "坐席周趋势", trend, report.agent_trend),
            _table("agent_items", "坐席失分项", item_group_cols, groups("agent"))],
        "team": [
            _table("teams", "班组", [("centre_id", "中心", "text"), ("team", "班组", "text"), ("agents", "坐席数", "int"), *SCORES,
                                   *AUTO], report.teams),
            _table("team_items", "班组失分项", item_group_cols, groups("team"))],
        "item": [
            _table("items", "评分项", [("item", "评分项", "text"), ("name", "名称", "text"), ("kind", "类型", "code"),
                                    ("points", "分值", "number"), ("evaluations", "评估数", "int"),
                                    ("losing", "扣分次数", "int"), ("loss_rate", "扣分率", "percent"),
                                    ("mean_deduction", "平均扣分", "number"), ("total_lost", "累计扣分", "number")],
                   report.items),
            _table("team_items", "班组失分项", item_group_cols, groups("team")),
            _table("agent_items", "坐席失分项", item_group_cols, groups("agent"))],
        "rule": [
            _table("rules", "规则命中", rules, [r for r in report.rules if not r.red_line]),
            _table("red_line_rules", "红线规则", rules, [r for r in report.rules if r.red_line]),
            _table("rule_trend", "规则周趋势", [("rule", "规则", "text"), ("period", "周期起始", "text"),
                                            ("hits", "命中数", "int"), ("calls", "通话数", "int"),
                                            ("per_100_calls", "每百通命中", "number")], report.rule_trend)],
        "inspector": [
            _table("inspectors", "质检员", [("inspector", "质检员", "text"), ("evaluations", "评估数", "int"),
                                         ("mean", "平均分", "number"), ("leniency", "宽严度（与整体均分差）", "number"),
                                         ("days", "工作天数", "int"), ("per_day", "日均评估", "number")],
                   report.inspectors),
            _table("inspector_days", "质检员每日", [("inspector", "质检员", "text"), ("day", "日期", "text"),
                                                ("evaluations", "评估数", "int")], report.inspector_days)],
        "category": [
            _table("categories", _category_title(report), [
                ("centre_id", "中心", "text"), ("category", "类别", "text"), ("level", "层级", "int"),
                ("calls", "通话数", "int"), ("share", "占比", "percent"), ("previous_calls", "上期通话数", "int"),
                ("change", "变化", "int"), ("change_rate", "环比", "percent"), ("worsened_rate", "情绪变差率", "percent"),
                ("satisfaction", "满意度", "number"), ("resolved_rate", "解决率", "percent")], report.categories)],
        "business": [_table("business", "业务类型", [("business_type", "业务类型", "text"), *SCORES], report.business)],
        "distribution": [_table("distribution", "分数分布", [("low", "下限", "number"), ("high", "上限", "number"),
                                                          ("count", "评估数", "int")], report.distribution.bins)],
        "red_line": [
            _table("red_line_summary", "红线汇总", [("by", "维度", "code"), ("key", "规则/工号", "text"),
                                                ("name", "名称", "text"), ("open", "未结", "int"),
                                                ("closed", "已结", "int"), ("oldest_open_days", "最长未结天数", "int")],
                   report.red_line_summary),
            _table("red_lines", "红线案例", [("call_ref", "通话", "text"), ("agent_id", "工号", "text"),
                                         ("agent_name", "姓名", "text"), ("team", "班组", "text"),
                                         ("rule", "规则", "text"), ("name", "名称", "text"),
                                         ("opened_on", "立案日期", "text"), ("closed_on", "结案日期", "text"),
                                         ("status", "状态", "code"), ("age_days", "天数", "int")], report.red_lines)],
        "agreement": [
            _table("agreement", "自动评分与人工评分一致性", [("item", "评分项", "text"), ("name", "名称", "text"),
                                                   ("points", "分值", "number"), ("calls", "双评通话数", "int"),
                                                   ("mad", "平均分差", "number"), ("agree", "一致率", "percent"),
                                                   ("bias", "偏差（自动−人工）", "number")], report.agreement)],
        "centre": [
            _table("centres", "中心对比", [("centre_id", "中心", "text"), ("agents", "坐席数", "int"), *SCORES,
                                        ("fatal_rate", "致命率", "percent"), ("red_lines_open", "未结红线", "int"),
                                        ("red_lines_closed", "已结红线", "int")],
                   report.centres),
            _table("centre_trend", "中心趋势", trend, report.centre_trend)],
    }


CENTRE_COLUMNS = ("centre_id", "centre")
SHOWS_ITEM_GROUPS = ("agent", "team", "item")    # their tables include the points lost per item by agent or team


def _category_title(report: Report) -> str:
    p = report.category_periods
    return "客户之声：来电类别" if p is None else (f"客户之声：来电类别 {p.date_from} 至 {p.date_to}"
                                                f"（对比 {p.previous_from} 至 {p.previous_to}）")


def computed_for(section: str) -> set[str]:
    """The parts build_report must compute for this section's tables."""
    return {section, "item_groups"} if section in SHOWS_ITEM_GROUPS else {section}


def _without_centres(table: Table) -> Table:
    keep = [n for n, c in enumerate(table.columns) if c.key not in CENTRE_COLUMNS]
    return Table(table.key, table.title, tuple(table.columns[n] for n in keep),
                 tuple(tuple(row[n] for n in keep) for row in table.rows))


def has_centres(report: Report) -> bool:
    """Headquarters' reports name centres; a workstation's are all its own centre's."""
    return any(c.centre_id for c in report.centres) or any(a.centre_id for a in report.agents) or any(
        t.centre_id for t in report.teams)


def tables_for(report: Report, section: str | None = None) -> list[Table]:
    """One section's tables, or every section's (the centre section and columns only where there are centres)."""
    every = _section_tables(report)
    if not has_centres(report):
        every = {key: [_without_centres(t) for t in tables] for key, tables in every.items()}
    if section is not None:
        return every[section]
    chosen = [t for key in SECTIONS if key != "centre" or has_centres(report) for t in every[key]]
    unique: dict[str, Table] = {}
    for table in chosen:
        unique.setdefault(table.key, table)
    return list(unique.values())


def section_json(report: Report, section: str) -> list[dict]:
    """The section's main rows as JSON objects (the CLI's and the API's contract)."""
    rows = {"agent": report.agents, "team": report.teams, "item": report.items, "rule": report.rules,
            "inspector": report.inspectors, "business": report.business, "distribution": report.distribution.bins,
            "red_line": report.red_lines, "agreement": report.agreement, "centre": report.centres,
            "category": report.categories}[section]
    out = []
    for row in rows:
        data = asdict(row)
        if "worst_items" in data:
            data["worst_items"] = [{"item": item, "lost": lost} for item, lost in data["worst_items"]]
        out.append(data)
    return out
