"""The category filter, over the call categories of issue #17 (voice of the customer).

``call_categories`` holds a row per (call, category) with the full ``path`` (资费争议 › 扣费不明) and its
level 1 (``top``); a filter on a level-1 name keeps its children's calls too. A workspace whose calls were
never categorised has no categories: the window offers none and the CLI says so instead of silently
ignoring the filter.
"""

from __future__ import annotations

import sqlite_utils

from inspector.reports.filters import ReportError

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
