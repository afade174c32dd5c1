"""A report over a workstation's own database: the submitted production evaluations the filter keeps, the
rule hits of their calls, and the red-line cases."""

from __future__ import annotations

import json
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass

import sqlite_utils

from inspector.jobs import Cancelled, drain
from inspector.reports.categories import categories_available, category_names
from inspector.reports.compute import DEFAULT_THRESHOLD, build_report
from inspector.reports.days import iso_day, local_day
from inspector.reports.filters import ReportFilter
from inspector.reports.model import Report, RuleCount, RuleCounts
from inspector.reports.records import EvaluationRecord, losses_of
from inspector.reports.red_lines import red_line_cases, red_line_rules, today
from inspector.reports.scope import Scope, scope_of
from inspector.scoring.card import Scorecard


STEPS = ("evaluations", "rules", "red lines", "computing")


@dataclass(frozen=True)
class ReportProgress:
    step: str                   # one of STEPS
    done: int                   # evaluations read so far (step "evaluations")


@dataclass(frozen=True)
class FilterChoices:
    """What the window's filter boxes offer: the values present in this workspace."""

    agents: list[tuple[str, str]]
    teams: list[str]
    inspectors: list[str]
    business_types: list[str]
    card_versions: list[str]
    categories: list[str]
    has_categories: bool


def workstation_report(db: sqlite_utils.Database, flt: ReportFilter, card: Scorecard,
                       threshold: float = DEFAULT_THRESHOLD, as_of: str | None = None) -> Report:
    """Raises ReportError for a filter that cannot be applied (a bad date, categories not available)."""
    return drain(report_job(db, flt, card, threshold, as_of))


def report_job(db: sqlite_utils.Database, flt: ReportFilter, card: Scorecard, threshold: float = DEFAULT_THRESHOLD,
               as_of: str | None = None, cancel: threading.Event | None = None
               ) -> Generator[ReportProgress, None, Report]:
    """The report as a job: yields progress, stops with Cancelled when ``cancel`` is set."""
    flt = flt.checked()
    as_of = as_of or today()
    scope = scope_of(db, flt)
    records: list[EvaluationRecord] = []
    for record in evaluation_records(db, scope, card):
        records.append(record)
        if len(records) % 2000 == 0:
            _check(cancel)
            yield ReportProgress("evaluations", len(records))
    _check(cancel)
    yield ReportProgress("rules", len(records))
    rules = rule_counts(db, scope, card)
    yield ReportProgress("red lines", len(records))
    cases = red_line_cases(db, scope, card, as_of)
    _check(cancel)
    yield ReportProgress("computing", len(records))
    return build_report(records, flt=flt, card=card, threshold=threshold, as_of=as_of, rules=rules, red_lines=cases)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def filter_choices(db: sqlite_utils.Database) -> FilterChoices:
    def values(sql: str) -> list[str]:
        return [row[0] for row in db.execute(sql) if row[0]]
    agents = [(r[0], r[1] or "") for r in db.execute(
        "SELECT agent_id, max(agent_name) FROM calls WHERE agent_id IS NOT NULL GROUP BY agent_id ORDER BY agent_id")]
    return FilterChoices(
        agents, values("SELECT DISTINCT team FROM calls ORDER BY team"),
        values("SELECT DISTINCT inspector FROM evaluations WHERE session_id IS NULL ORDER BY inspector"),
        values("SELECT DISTINCT business_type FROM calls ORDER BY business_type"),
        values("SELECT DISTINCT card_version FROM evaluations ORDER BY card_version"),
        category_names(db), categories_available(db))


def evaluation_records(db: sqlite_utils.Database, scope: Scope, card: Scorecard) -> Iterator[EvaluationRecord]:
    where, params = scope.evaluation_where()
    sql = ("SELECT e.uuid, e.call_id, e.inspector, e.card_id, e.card_version, e.total, e.fatal, e.body, "
           "e.submitted_at, c.call_ref, c.agent_id, c.agent_name, c.team, c.business_type, c.started_at "
           f"FROM evaluations e JOIN calls c ON c.id = e.call_id{where}")
    for row in db.query(sql, params):
        scored_on = card if (row["card_id"], row["card_version"]) == (card.id, card.version) else None
        losses, fatal_items = losses_of(json.loads(row["body"]), scored_on)
        yield EvaluationRecord(
            uuid=row["uuid"], call=str(row["call_id"]), call_ref=row["call_ref"], agent_id=row["agent_id"] or "",
            agent_name=row["agent_name"] or "", team=row["team"] or "", inspector=row["inspector"],
            business_type=row["business_type"] or "", call_date=iso_day(row["started_at"]),
            evaluated_date=local_day(row["submitted_at"]), card_version=row["card_version"],
            total=float(row["total"]), fatal=bool(row["fatal"]), losses=losses, fatal_items=fatal_items)


def rule_counts(db: sqlite_utils.Database, scope: Scope, card: Scorecard) -> RuleCounts:
    """Every automatic hit on the checked calls in scope, with the production decisions on it."""
    where, params = scope.call_where()
    red = red_line_rules(card) | {f.id for f in card.fatal}
    rules = tuple(
        RuleCount(r["rule"], r["name"], r["rule"] in red or r["item"] in red or bool(r["fatal"]), r["hits"],
                  r["calls"], r["confirmed"] or 0, r["rejected"] or 0)
        for r in db.query(
            "SELECT h.rule, max(h.name) AS name, max(h.item) AS item, max(h.severity = 'fatal') AS fatal, "
            "count(*) AS hits, count(DISTINCT h.call_id) AS calls, sum(d.decision = 'confirmed') AS confirmed, "
            "sum(d.decision = 'rejected') AS rejected FROM hits h JOIN calls c ON c.id = h.call_id "
            "LEFT JOIN hit_decisions d ON d.call_id = h.call_id AND d.hit_key = h.hit_key AND d.scope = ''"
            f"{where} GROUP BY h.rule", params))
    by_day = tuple((r["rule"], iso_day(r["day"]), r["n"]) for r in db.query(
        "SELECT h.rule, substr(c.started_at, 1, 10) AS day, count(*) AS n FROM hits h "
        f"JOIN calls c ON c.id = h.call_id{where} GROUP BY 1, 2", params))
    calls_by_day = tuple((iso_day(r["day"]), r["n"]) for r in db.query(
        "SELECT substr(c.started_at, 1, 10) AS day, count(*) AS n FROM checks k "
        f"JOIN calls c ON c.id = k.call_id{where} GROUP BY 1", params))
    return RuleCounts(rules, by_day, calls_by_day, sum(n for _day, n in calls_by_day))
