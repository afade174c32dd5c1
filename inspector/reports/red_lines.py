"""Red-line cases on a workstation, from the register (store/redlines.py): opened when a fatal hit is
confirmed, owned and closed by a lead. A case withdrawn because its hit was rejected on review was never a
red line and is left out."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from inspector.reports.days import days_between, local_day
from inspector.reports.model import RedLineCase
from inspector.reports.scope import Scope
from inspector.scoring.card import Scorecard
from inspector.store.redlines import WITHDRAWN


def red_line_cases(db: sqlite_utils.Database, scope: Scope, card: Scorecard, as_of: str) -> list[RedLineCase]:
    where, params = scope.call_where()
    sql = (f"SELECT r.rule, r.rule_name, r.opened_at, r.closed_at, r.status, c.call_ref, c.agent_id, c.agent_name, "
           f"c.team FROM redline_cases r JOIN calls c ON c.id = r.call_id"
           f"{where}{' AND' if where else ' WHERE'} coalesce(r.outcome, '') != ? ORDER BY r.opened_at")
    cases = []
    for row in db.query(sql, [*params, WITHDRAWN]):
        opened = local_day(row["opened_at"])
        closed = local_day(row["closed_at"]) if row["closed_at"] else None
        cases.append(RedLineCase(call_ref=row["call_ref"], agent_id=row["agent_id"] or "",
                                 agent_name=row["agent_name"] or "", team=row["team"] or "", rule=row["rule"],
                                 name=row["rule_name"] or row["rule"], opened_on=opened, closed_on=closed,
                                 status=row["status"], age_days=max(0, days_between(opened, closed or as_of))))
    return cases


def today() -> str:
    return date.today().isoformat()
