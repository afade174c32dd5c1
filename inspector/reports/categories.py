"""The category filter, against the call categories of issue #17 (voice of the customer).

Assumed shape, the one boundary to adjust when that lands: a table ``call_categories`` with a row per
(call_id, category), ``category`` being the category's path joined by " › " (资费争议 › 扣费不明); a filter
on a parent (资费争议) keeps its children's calls too. A workspace without the table has no categories:
the window offers none and the CLI says so instead of silently ignoring the filter.
"""

from __future__ import annotations

import sqlite_utils

from inspector.reports.filters import ReportError

TABLE = "call_categories"
SEPARATOR = " › "


def categories_available(db: sqlite_utils.Database) -> bool:
    return db[TABLE].exists()


def category_names(db: sqlite_utils.Database) -> list[str]:
    if not categories_available(db):
        return []
    return [row[0] for row in db.execute(f"SELECT DISTINCT category FROM {TABLE} ORDER BY category")]


def category_clause(db: sqlite_utils.Database, category: str) -> tuple[str, list[object]]:
    """SQL over calls aliased ``c`` keeping the calls filed under the category (or one of its children)."""
    if not categories_available(db):
        raise ReportError("this workspace has no call categories yet, so reports cannot be filtered by category")
    prefix = f"{category}{SEPARATOR}"
    return (f"c.id IN (SELECT call_id FROM {TABLE} WHERE category = ? OR substr(category, 1, ?) = ?)",
            [category, len(prefix), prefix])
