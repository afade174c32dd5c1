"""Red-line cases on a workstation.

The register of red-line cases (owner, deadline, outcome, closed by a lead) is issue #15's and does not
exist yet. Until it does, a case is a confirmed hit of a red-line rule (one feeding a fatal item of the
card, or of severity "fatal"): opened on the day it was confirmed, open, and as old as the days since.
``red_line_cases`` is the one function the register will replace; its RedLineCase rows (status, closed_on)
already carry what the register adds.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils

from inspector.reports.days import days_between, local_day
from inspector.reports.model import RedLineCase
from inspector.reports.scope import Scope
from inspector.scoring.card import Scorecard


def red_line_rules(card: Scorecard) -> set[str]:
    return {rule for fatal in card.fatal for rule in fatal.rules}


def red_line_cases(db: sqlite_utils.Database, scope: Scope, card: Scorecard, as_of: str) -> list[RedLineCase]:
    where, params = scope.call_where()
    rules = sorted(red_line_rules(card))
    fatal_items = sorted(f.id for f in card.fatal)
    marks = lambda values: ", ".join("?" for _ in values) or "NULL"   # noqa: E731 - two IN lists below
    sql = (f"SELECT d.rule, d.decided_at, h.name, c.call_ref, c.agent_id, c.agent_name, c.team "
           f"FROM hit_decisions d JOIN calls c ON c.id = d.call_id "
           f"LEFT JOIN hits h ON h.call_id = d.call_id AND h.hit_key = d.hit_key"
           f"{where}{' AND' if where else ' WHERE'} +d.scope = '' AND d.decision = 'confirmed' "   # + : calls first
           f"AND (d.rule IN ({marks(rules)}) OR h.item IN ({marks(fatal_items)}) OR h.severity = 'fatal') "
           f"ORDER BY d.decided_at")
    cases = []
    for row in db.query(sql, [*params, *rules, *fatal_items]):
        opened = local_day(row["decided_at"])
        cases.append(RedLineCase(call_ref=row["call_ref"], agent_id=row["agent_id"] or "",
                                 agent_name=row["agent_name"] or "", team=row["team"] or "", rule=row["rule"],
                                 name=row["name"] or row["rule"], opened_on=opened, closed_on=None, status="open",
                                 age_days=max(0, days_between(opened, as_of))))
    return cases


def today() -> str:
    return date.today().isoformat()
