"""A report over a workstation's own database: the submitted production evaluations the filter keeps, the
rule hits of their calls, and the red-line cases."""

from __future__ import annotations

import json
import threading
from collections.abc import Collection, Generator, Iterator
from dataclasses import dataclass

import sqlite_utils

from inspector.jobs import Progress
from inspector.jobs import Cancelled, drain
from inspector.reports.answers import AnsweredEvaluation, AnswerRow, AppealState, answer_rows
from inspector.reports.categories import categories_available, category_calls, category_names
from inspector.reports.category_change import category_periods, category_tallies
from inspector.reports.compute import DEFAULT_THRESHOLD, PARTS, build_report, loss_levels
from inspector.reports.days import iso_day, local_day
from inspector.reports.filters import ReportFilter
from inspector.reports.model import Report, RuleCount, RuleCounts
from inspector.reports.records import AutoRecord, EvaluationRecord, LossTally, losses_of
from inspector.reports.red_lines import red_line_cases, today
from inspector.reports.scope import Scope, scope_of
from inspector.scoring.card import Scorecard


STEPS = ("evaluations", "rules", "red lines", "computing")


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
                       threshold: float = DEFAULT_THRESHOLD, as_of: str | None = None,
                       sections: Collection[str] | None = None) -> Report:
    """Raises ReportError for a filter that cannot be applied (a bad date, categories not available)."""
    return drain(report_job(db, flt, card, threshold, as_of, sections=sections))


def report_job(db: sqlite_utils.Database, flt: ReportFilter, card: Scorecard, threshold: float = DEFAULT_THRESHOLD,
               as_of: str | None = None, cancel: threading.Event | None = None,
               sections: Collection[str] | None = None) -> Generator[Progress, None, Report]:
    """The report (every section, or the ones named) as a job: yields progress, stops with Cancelled when
    ``cancel`` is set."""
    flt = flt.checked()
    wanted = set(PARTS if sections is None else sections)
    as_of = as_of or today()
    scope = scope_of(db, flt)
    records: list[EvaluationRecord] = []
    tally = LossTally()
    reviewed: dict[str, list[tuple[float, dict[str, float]]]] = {}     # call → (total, points lost per item)
    with_losses = bool(loss_levels(wanted)) or "agreement" in wanted
    for record, losses, fatal_items in evaluation_rows(db, scope, card, with_losses=with_losses):
        records.append(record)
        tally.add(record, losses, fatal_items)
        reviewed.setdefault(record.call, []).append((record.total, losses))
        if len(records) % 2000 == 0:
            _check(cancel)
            yield Progress(len(records), 0, "evaluations")    # text: one of STEPS
    _check(cancel)
    yield Progress(len(records), 0, "rules")
    rules = rule_counts(db, scope, card) if "rule" in wanted else RuleCounts()
    yield Progress(len(records), 0, "red lines")
    cases = red_line_cases(db, scope, card, as_of) if wanted & {"red_line", "centre"} else []
    _check(cancel)
    yield Progress(len(records), 0, "computing")
    auto = auto_records(db, scope, card, reviewed) if wanted & {"agent", "team", "agreement"} else []
    periods = category_periods(flt.date_from, flt.date_to, as_of)
    categorised = category_tallies(category_calls(db, flt, periods), periods) if "category" in wanted else []
    return build_report(records, flt=flt, card=card, threshold=threshold, as_of=as_of, losses=tally.rows(),
                        rules=rules, red_lines=cases, sections=wanted, auto=auto, categorised=categorised)


def auto_records(db: sqlite_utils.Database, scope: Scope, card: Scorecard,
                 reviewed: dict[str, list[tuple[float, dict[str, float]]]]) -> list[AutoRecord]:
    """The automatic score of every call in scope, with the call's mean reviewed score (total and points per
    item) where its evaluations are in the report."""
    where, params = scope.call_where()
    records = []
    for call_id, total, items, agent_id, agent_name, team in db.execute(
            "SELECT a.call_id, a.total, a.items, c.agent_id, c.agent_name, c.team FROM auto_scores a "
            f"JOIN calls c ON c.id = a.call_id{where}", params):
        scores = reviewed.get(str(call_id))
        suggested = {k: v["deduction"] for k, v in json.loads(items).items()}
        kept = {i.id: round(i.points - suggested.get(i.id, 0.0), 1) for i in card.items}
        reviewed_total = reviewed_kept = None
        if scores:
            reviewed_total = round(sum(t for t, _l in scores) / len(scores), 2)
            reviewed_kept = {i.id: round(i.points - sum(lost.get(i.id, 0.0) for _t, lost in scores) / len(scores), 2)
                             for i in card.items}
        records.append(AutoRecord(str(call_id), agent_id or "", agent_name or "", team or "", float(total), kept,
                                  reviewed_total, reviewed_kept))
    return records


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


def evaluation_rows(db: sqlite_utils.Database, scope: Scope, card: Scorecard, with_losses: bool = True
                    ) -> Iterator[tuple[EvaluationRecord, dict[str, float], tuple[str, ...]]]:
    """Each evaluation in scope with its points lost per item and confirmed fatal items (read from its body
    only when asked for: that is most of the work)."""
    where, params = scope.evaluation_where()
    sql = ("SELECT e.call_id, e.inspector, e.card_id, e.card_version, e.total, e.fatal, "
           f"{'e.body' if with_losses else 'NULL AS body'}, e.submitted_at, c.agent_id, c.agent_name, c.team, "
           f"c.business_type, c.started_at FROM evaluations e JOIN calls c ON c.id = e.call_id{where}")
    days: dict[str, str] = {}
    for row in db.execute(sql, params):
        (call_id, inspector, card_id, card_version, total, fatal, body, submitted_at, agent_id, agent_name, team,
         business_type, started_at) = row
        if submitted_at not in days:
            days[submitted_at] = local_day(submitted_at)
        record = EvaluationRecord(str(call_id), agent_id or "", agent_name or "", team or "", inspector,
                                  business_type or "", iso_day(started_at), days[submitted_at], float(total),
                                  bool(fatal))
        if body is None:
            yield record, {}, ()
            continue
        scored_on = card if (card_id, card_version) == (card.id, card.version) else None
        yield (record, *losses_of(json.loads(body), scored_on))


def rule_counts(db: sqlite_utils.Database, scope: Scope, card: Scorecard) -> RuleCounts:
    """Every automatic hit on the checked calls in scope, with the production decisions on it."""
    where, params = scope.call_where()
    rules = tuple(
        RuleCount(r["rule"], r["name"], card.is_red_line(r["rule"], r["item"], "fatal" if r["fatal"] else ""), r["hits"],
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


def workstation_answers(db: sqlite_utils.Database, flt: ReportFilter, as_of: str | None = None
                        ) -> tuple[AnswerRow, ...]:
    """The agents' answers (reports/answers.py) over this workstation's evaluations in the filter's scope:
    the rows headquarters computes from what this workstation uploaded."""
    flt = flt.checked()
    where, params = scope_of(db, flt).evaluation_where()
    evaluations = [AnsweredEvaluation("", r["submitted_at"], bool(r["ack"])) for r in db.query(
        "SELECT e.submitted_at, EXISTS (SELECT 1 FROM acknowledgements k WHERE k.uuid = e.uuid "
        f"AND k.version = e.version) AS ack FROM evaluations e JOIN calls c ON c.id = e.call_id{where}", params)]
    appeals = [AppealState("", r["status"]) for r in db.query(
        f"SELECT a.status FROM appeals a WHERE a.uuid IN (SELECT e.uuid FROM evaluations e "
        f"JOIN calls c ON c.id = e.call_id{where})", params)]
    clauses, session_params = [], []
    for sql, value in (("held_on >= ?", flt.date_from), ("held_on <= ?", flt.date_to), ("agent_id = ?", flt.agent_id)):
        if value is not None:
            clauses.append(sql)
            session_params.append(value)
    sessions = ["" for _ in db.query("SELECT id FROM coaching_sessions"
                                      + (f" WHERE {' AND '.join(clauses)}" if clauses else ""), session_params)]
    return answer_rows(evaluations, appeals, sessions, as_of or today())
