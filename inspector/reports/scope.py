"""The SQL a report filter becomes on a workstation's database: which calls (aliased ``c``) and which
submitted production evaluations (aliased ``e``) a report counts."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from inspector.reports.categories import category_clause
from inspector.reports.days import utc_bounds
from inspector.reports.filters import ReportFilter


@dataclass(frozen=True)
class Scope:
    calls: tuple[str, ...]              # clauses over c
    call_params: tuple[object, ...]
    evaluations: tuple[str, ...]        # clauses over e (the calls' clauses apply too)
    evaluation_params: tuple[object, ...]
    narrows_calls: bool                 # evaluation-level filters that also decide which calls count

    def evaluation_where(self) -> tuple[str, list[object]]:
        return (" WHERE " + " AND ".join((*self.evaluations, *self.calls)),
                [*self.evaluation_params, *self.call_params])

    def call_where(self) -> tuple[str, list[object]]:
        """Calls for rule rates and red lines: those the call filters keep and, when the filter is about
        evaluations (inspector, card version, evaluation date), only calls with such an evaluation."""
        clauses, params = list(self.calls), list(self.call_params)
        if self.narrows_calls:
            clauses.append(f"c.id IN (SELECT e.call_id FROM evaluations e WHERE {' AND '.join(self.evaluations)})")
            params.extend(self.evaluation_params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def scope_of(db: sqlite_utils.Database, flt: ReportFilter) -> Scope:
    calls: list[str] = []
    call_params: list[object] = []
    # production scores, as submitted; the unary + keeps SQLite off the session index, which every row matches
    evaluations = ["+e.session_id IS NULL", "e.status = 'submitted'"]
    evaluation_params: list[object] = []

    def add(clauses: list[str], params: list[object], sql: str, value: object) -> None:
        if value is not None:
            clauses.append(sql)
            params.append(value)

    if flt.date_basis == "call":
        add(calls, call_params, "c.started_at >= ?", flt.date_from)
        add(calls, call_params, "c.started_at < ?", flt.date_to and flt.date_to + "T99")   # the whole last day
    else:
        start, end = utc_bounds(flt.date_from, flt.date_to)
        add(evaluations, evaluation_params, "e.submitted_at >= ?", start)
        add(evaluations, evaluation_params, "e.submitted_at < ?", end)
    add(calls, call_params, "c.agent_id = ?", flt.agent_id)
    add(calls, call_params, "c.team = ?", flt.team)
    add(calls, call_params, "c.business_type = ?", flt.business_type)
    add(evaluations, evaluation_params, "e.inspector = ?", flt.inspector)
    add(evaluations, evaluation_params, "e.card_version = ?", flt.card_version)
    if flt.category is not None:
        sql, params = category_clause(db, flt.category)
        calls.append(sql)
        call_params.extend(params)
    return Scope(tuple(calls), tuple(call_params), tuple(evaluations), tuple(evaluation_params),
                 len(evaluations) > 2)
