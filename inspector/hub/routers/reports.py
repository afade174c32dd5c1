"""``GET /api/v1/reports``: the headquarters reports as JSON, for headquarters users only — the numbers
the dashboard shows, and what scripts read."""

# no `from __future__ import annotations`: FastAPI reads the dependencies' annotations, which name locals

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field

from inspector.hub.accounts import Accounts, HqUser
from inspector.hub.reports import ReportCache, centre_names, hub_answers
from inspector.hub.routers.session import signed_in
from inspector.hub.store import HubStore
from inspector.reports.answers import answer_json
from inspector.reports.compute import DEFAULT_THRESHOLD
from inspector.reports.filters import ReportError, ReportFilter
from inspector.reports.tables import section_json


class Basis(BaseModel):
    calls: int
    evaluations: int


class ReportAnswer(BaseModel):
    by: str
    date_from: str | None = Field(None, serialization_alias="from")
    date_to: str | None = Field(None, serialization_alias="to")
    basis: Basis
    threshold: float
    periods: dict[str, str] | None = Field(None, description="by=category: the period (date_from, date_to) and "
                                                             "the previous one of the same length it is compared with")
    rows: list[dict[str, Any]] = Field(description="centre: centre_id, name, evaluations, mean, fatal_rate, "
                                                   "red_lines_open …; agent: agent_id, calls, evaluations, mean, min, "
                                                   "fatal …; item: item, mean_deduction, loss_rate …; rule: rule, "
                                                   "hits, per_100_calls …; trend: group (centre), period, mean; "
                                                   "category: centre_id ('' nationally), category, calls, share, "
                                                   "previous_calls, change, change_rate …; answers: centre_id, "
                                                   "evaluations, due, acknowledged, acknowledgement_rate, "
                                                   "appeals_filed, appeals_upheld, appeals_rejected, appeals_open, "
                                                   "coaching_sessions")


def router(store: HubStore, accounts: Accounts) -> APIRouter:
    api = APIRouter(tags=["headquarters"])
    cache = ReportCache(store.engine)

    @api.get("/api/v1/reports", response_model=ReportAnswer, response_model_by_alias=True)
    def reports(user: Annotated[HqUser, Depends(signed_in(accounts))],
                by: Annotated[Literal["centre", "agent", "item", "rule", "trend", "category", "answers"], Query()],
                date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
                date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
                basis: Annotated[Literal["call", "evaluation"], Query()] = "call",
                centre: Annotated[str | None, Query()] = None,
                agent: Annotated[str | None, Query()] = None,
                category: Annotated[str | None, Query(description="calls filed under this category or below it")]
                = None) -> ReportAnswer:
        flt = ReportFilter(date_from or None, date_to or None, basis, agent_id=agent, centre_id=centre,
                           category=category or None)
        try:
            if by == "answers":
                return _answers(flt)
            report = cache.report(flt, ["centre" if by == "trend" else by])
        except ReportError as exc:
            raise HTTPException(400, str(exc)) from exc
        if by == "trend":
            rows = [{"group": p.group, "period": p.period, "evaluations": p.evaluations, "mean": p.mean,
                     "fatal": p.fatal} for p in report.centre_trend]
        else:
            rows = section_json(report, by)
        if by == "centre":
            names = centre_names(store.engine)
            rows = [row | {"name": names.get(row["centre_id"], "")} for row in rows]
        periods = asdict(report.category_periods) if by == "category" else None
        return ReportAnswer(by=by, date_from=flt.date_from, date_to=flt.date_to, threshold=DEFAULT_THRESHOLD,
                            periods=periods,
                            basis=Basis(calls=report.basis.calls, evaluations=report.basis.evaluations), rows=rows)

    def _answers(flt: ReportFilter) -> ReportAnswer:
        """The agents' answers per centre: small tables, computed on each request."""
        rows = answer_json(hub_answers(store.engine, flt))
        names = centre_names(store.engine)
        evaluations = sum(row["evaluations"] for row in rows)
        return ReportAnswer(by="answers", date_from=flt.date_from, date_to=flt.date_to, threshold=DEFAULT_THRESHOLD,
                            basis=Basis(calls=0, evaluations=evaluations),
                            rows=[row | {"name": names.get(row["centre_id"], "")} for row in rows])

    return api
