"""The category filter, over the call categories of issue #17 (voice of the customer).

``call_categories`` holds a row per (call, category) with the full ``path`` (资费争议 › 扣费不明) and its
level 1 (``top``); a filter on a level-1 name keeps its children's calls too. A workspace whose calls were
never categorised has no categories: the window offers none and the CLI says so instead of silently
ignoring the filter.
"""

from __future__ import annotations

import sqlite_utils

from inspector.reports.category_change import CategoryCall, CategoryPeriods
from inspector.reports.days import iso_day
from inspector.reports.filters import ReportError, ReportFilter

TABLE = "call_categories"


def categories_available(db: sqlite_utils.Database) -> bool:
    return db[TABLE].exists() and db.execute("SELECT 1 FROM categorizations LIMIT 1").fetchone() is not None


def category_names(db: sqlite_utils.Database) -> list[str]:
    if not categories_available(db):
        return []
    return [row[0] for row in db.execute(f"SELECT top FROM {TABLE} UNION SELECT path FROM {TABLE} ORDER BY 1")]


def category_clause(db: sqlite_utils.Database, category: str) -> tuple[str, list[object]]:
    """SQL over calls aliased ``c`` keeping the calls filed under the category (or one of its children)."""
    if not categories_available(db):
        raise ReportError("this workspace has no call categories yet (inspector categorize --database), so "
                          "reports cannot be filtered by category")
    return f"c.id IN (SELECT call_id FROM {TABLE} WHERE path = ? OR top = ?)", [category, category]


def category_calls(db: sqlite_utils.Database, flt: ReportFilter, periods: CategoryPeriods) -> list[CategoryCall]:
    """The categorised calls of the period and the one before it, under the filter's agent, team and business
    type, with how the customer felt and answered (reports/category_change.py counts them)."""
    if not categories_available(db):
        return []
    clauses, params = ["c.started_at >= ?", "c.started_at < ?"], [periods.previous_from, periods.date_to + "T99"]
    for sql, value in (("c.agent_id = ?", flt.agent_id), ("c.team = ?", flt.team),
                       ("c.business_type = ?", flt.business_type)):
        if value is not None:
            clauses.append(sql)
            params.append(value)
    calls: dict[int, dict] = {}
    for call_id, started, path, worsened, satisfaction, resolved in db.execute(
            f"SELECT c.id, c.started_at, k.path, e.worsened, c.satisfaction, c.resolved FROM calls c "
            f"JOIN {TABLE} k ON k.call_id = c.id LEFT JOIN call_emotion e ON e.call_id = c.id "
            f"WHERE {' AND '.join(clauses)}", params):
        call = calls.setdefault(call_id, {"day": iso_day(started), "paths": [], "worsened": worsened,
                                          "satisfaction": satisfaction, "resolved": resolved})
        call["paths"].append(path)
    return [CategoryCall("", str(call_id), c["day"], tuple(c["paths"]),
                         None if c["worsened"] is None else bool(c["worsened"]), c["satisfaction"],
                         None if c["resolved"] is None else bool(c["resolved"])) for call_id, c in calls.items()]
