"""Reports at headquarters: the rows hub.report_rows kept of every received evaluation, read under a
report filter and computed by the same code as on a workstation (reports.compute), on SQLite or
PostgreSQL alike. The points lost per item are added up by the database (GROUP BY), the rest from one row
per evaluation. Rules and red lines are counted per call (report_calls: a call scored twice is one call)
under the same scope as the centre's (reports/scope.py): the call filters, and, when the filter is about
evaluations, only calls with such an evaluation. Rule rates are hits per 100 checked calls, as at the centre,
over the checked calls that reached headquarters."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection
from datetime import date

from sqlalchemy import Text, and_, case, exists, func, literal, null, or_, select, union_all
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.engine import Connection, Engine

from inspector.hub.tables import centres, evaluations as received, report_evaluations as e, report_items as i
from inspector.hub.tables import report_call_red_lines as rl, report_call_rules as rr, report_calls as c
from inspector.hub.tables import report_call_categories as cc
from inspector.hub.tables import report_acknowledgements as ack, report_appeals as ap, report_coaching as co
from inspector.reports.answers import AnsweredEvaluation, AnswerRow, AppealState, answer_rows
from inspector.categories.pack import SEPARATOR
from inspector.reports.category_change import CategoryPeriods, CategoryTally, category_periods
from inspector.reports.compute import DEFAULT_THRESHOLD, PARTS, RECORD_PARTS, build_report, loss_levels
from inspector.reports.days import days_between
from inspector.reports.filters import ReportFilter
from inspector.reports.model import RedLineCase, Report, RuleCount, RuleCounts
from inspector.reports.records import EvaluationRecord, ItemLoss
from inspector.scoring.defaults import default_card


def hub_report(engine: Engine, flt: ReportFilter, threshold: float = DEFAULT_THRESHOLD, as_of: str | None = None,
               sections: Collection[str] | None = None) -> Report:
    flt = flt.checked()
    wanted = set(PARTS if sections is None else sections)
    as_of = as_of or date.today().isoformat()
    where = _where(flt)
    calls = _call_where(flt)
    with engine.connect() as conn:
        if wanted & RECORD_PARTS:
            records, counted = _records(conn, where), None
        else:                 # rules, red lines, categories: only the basis' counts of the evaluations
            records, counted = [], _counted(conn, where)
        losses = _losses(conn, where, loss_levels(wanted))
        rules = _rule_counts(conn, calls) if "rule" in wanted else RuleCounts()
        cases = _red_lines(conn, calls, as_of) if wanted & {"red_line", "centre"} else []
        categorised = (_category_tallies(conn, flt, category_periods(flt.date_from, flt.date_to, as_of))
                       if "category" in wanted else [])
    return build_report(records, flt=flt, card=default_card(), threshold=threshold, as_of=as_of, losses=losses,
                        rules=rules, red_lines=cases, sections=wanted, categorised=categorised,
                        counted=counted)


def hub_answers(engine: Engine, flt: ReportFilter, as_of: str | None = None) -> tuple[AnswerRow, ...]:
    """The agents' answers per centre (reports/answers.py) from what the centres uploaded, over the
    evaluations the filter keeps, as a centre computes them over its own."""
    flt = flt.checked()
    where = _where(flt)
    acknowledged = exists().where(ack.c.uuid == e.c.uuid, ack.c.version == e.c.version)
    sessions = [co.c.centre_id == value for value in (flt.centre_id,) if value is not None]
    sessions += [column == value for column, value in ((co.c.agent_id, flt.agent_id),) if value is not None]
    sessions += [co.c.held_on >= flt.date_from] if flt.date_from else []
    sessions += [co.c.held_on <= flt.date_to] if flt.date_to else []
    with engine.connect() as conn:
        evaluations = [AnsweredEvaluation(r.centre_id, r.evaluated_at, bool(r.acknowledged)) for r in conn.execute(
            select(e.c.centre_id, e.c.evaluated_at, acknowledged.label("acknowledged")).where(where))]
        appeals = [AppealState(r.centre_id, r.status) for r in conn.execute(
            select(ap.c.centre_id, ap.c.status).join_from(ap, e, ap.c.uuid == e.c.uuid).where(where))]
        coached = list(conn.execute(select(co.c.centre_id).where(and_(True, *sessions))).scalars())
    return answer_rows(evaluations, appeals, coached, as_of or date.today().isoformat())


def centre_names(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        return {r.id: r.name for r in conn.execute(select(centres.c.id, centres.c.name))}


def _where(flt: ReportFilter):
    day = e.c.call_date if flt.date_basis == "call" else e.c.evaluated_date
    conditions = []
    if flt.date_from:
        conditions.append(day >= flt.date_from)
    if flt.date_to:
        conditions.append(day <= flt.date_to)
    for column, value in ((e.c.centre_id, flt.centre_id), (e.c.agent_id, flt.agent_id), (e.c.team, flt.team),
                          (e.c.inspector, flt.inspector), (e.c.business_type, flt.business_type),
                          (e.c.card_version, flt.card_version)):
        if value is not None:
            conditions.append(column == value)
    if flt.category is not None:
        conditions.append(_in_category(flt, e.c.centre_id, e.c.call_hash))
    return and_(True, *conditions)


def _records(conn: Connection, where) -> list[EvaluationRecord]:
    rows = conn.execute(select(e.c.call_hash, e.c.agent_id, e.c.agent_name, e.c.team, e.c.inspector,
                               e.c.business_type, e.c.call_date, e.c.evaluated_date, e.c.total, e.c.fatal,
                               e.c.centre_id).where(where))
    # a call is its centre's: two centres never share one, even a recording sent to both
    return [EvaluationRecord(f"{r[10]}:{r[0]}", *r[1:9], bool(r[9]), r[10]) for r in rows]



def _counted(conn: Connection, where) -> tuple[int, int]:
    """(calls, evaluations) as build_report counts them from _records: a call is its centre's."""
    calls = select(e.c.centre_id, e.c.call_hash).where(where).distinct().subquery()
    evaluations = conn.execute(select(func.count()).select_from(e).where(where)).scalar_one()
    return conn.execute(select(func.count()).select_from(calls)).scalar_one(), evaluations


def _losses(conn: Connection, where, levels: set[str]) -> list[ItemLoss]:
    """Points lost per item for everyone, per team and per agent (within their centre), summed in SQL."""
    counted = or_(and_(i.c.kind == "item", i.c.lost > 0), i.c.fatal_status == "confirmed")
    found = []
    for by, keys in (("all", (literal(""), literal(""))), ("team", (e.c.centre_id, e.c.team)),
                     ("agent", (e.c.centre_id, e.c.agent_id))):
        if by not in levels:
            continue
        statement = (select(*keys, i.c.item, i.c.kind, func.count(), func.sum(i.c.lost))
                     .join_from(i, e, i.c.uuid == e.c.uuid).where(where, counted)
                     .group_by(*(k for k in keys if by != "all"), i.c.item, i.c.kind))
        found.extend(ItemLoss(by, centre, group, item, kind, int(count), round(float(lost or 0.0), 1))
                     for centre, group, item, kind, count, lost in conn.execute(statement))
    return found


def _in_category(flt: ReportFilter, centre, call_hash):
    """Calls filed under the category or below it (the workstation: path = ? OR top = ?)."""
    return exists().where(cc.c.centre_id == centre, cc.c.call_hash == call_hash,
                          or_(cc.c.path == flt.category, cc.c.path.startswith(flt.category + SEPARATOR, autoescape=True)))


def _category_tallies(conn: Connection, flt: ReportFilter, periods: CategoryPeriods) -> list[CategoryTally]:
    """reports/category_change.category_tallies added up by the database: each call of either period once
    under each category its paths fall under (a path's top, and the path itself when deeper; DISTINCT keeps
    one row per call and category), and once under None (the period's categorised calls). Like the
    centre's, it ignores the filter's category: the rows are about every category."""
    conditions = [c.c.call_date >= periods.previous_from, c.c.call_date <= periods.date_to]
    for column, value in ((c.c.centre_id, flt.centre_id), (c.c.agent_id, flt.agent_id), (c.c.team, flt.team),
                          (c.c.business_type, flt.business_type)):
        if value is not None:
            conditions.append(column == value)
    filed_calls = (select(c.c.centre_id, c.c.call_hash, (c.c.call_date >= periods.date_from).label("current"),
                          c.c.emotion_worsened, c.c.satisfaction, c.c.resolved, cc.c.path)
                   .join_from(c, cc, and_(cc.c.centre_id == c.c.centre_id, cc.c.call_hash == c.c.call_hash))
                   .where(*conditions).cte("filed_calls"))
    call = [filed_calls.c[name] for name in ("centre_id", "call_hash", "current", "emotion_worsened", "satisfaction",
                                             "resolved")]
    top = _PathTop(filed_calls.c.path)
    filed = union_all(select(*call, top.label("category")).distinct(),         # a call's tops once each
                      select(*call, filed_calls.c.path).where(filed_calls.c.path != top),   # its paths are unique
                      select(*call, null()).distinct()).subquery()
    statement = (select(filed.c.centre_id, filed.c.category, filed.c.current, func.count().label("calls"),
                        func.sum(case((filed.c.emotion_worsened, 1), else_=0)).label("worsened"),
                        func.count(filed.c.emotion_worsened).label("worsened_known"),
                        func.sum(filed.c.satisfaction).label("satisfaction_sum"),
                        func.count(filed.c.satisfaction).label("satisfaction_known"),
                        func.sum(case((filed.c.resolved, 1), else_=0)).label("resolved"),
                        func.count(filed.c.resolved).label("resolved_known"))
                 .group_by(filed.c.centre_id, filed.c.category, filed.c.current))
    return [CategoryTally(r.centre_id, r.category, bool(r.current), int(r.calls), int(r.worsened or 0),
                          int(r.worsened_known), float(r.satisfaction_sum or 0.0), int(r.satisfaction_known),
                          int(r.resolved or 0), int(r.resolved_known)) for r in conn.execute(statement)]


class _PathTop(FunctionElement):
    """A category path's level 1 (categories_of): the text before the first separator, or all of it."""

    type = Text()
    inherit_cache = True


@compiles(_PathTop)
def _path_top_sqlite(element, compiler, **kw):
    path = compiler.process(element.clauses, **kw)
    mark = compiler.process(literal(SEPARATOR), **kw)
    return (f"CASE WHEN instr({path}, {mark}) > 0 THEN substr({path}, 1, instr({path}, {mark}) - 1) "
            f"ELSE {path} END")


@compiles(_PathTop, "postgresql")
def _path_top_postgresql(element, compiler, **kw):
    return f"split_part({compiler.process(element.clauses, **kw)}, {compiler.process(literal(SEPARATOR), **kw)}, 1)"


def _call_where(flt: ReportFilter):
    """Calls for rule rates and red lines, as Scope.call_where on a workstation."""
    conditions = []
    if flt.date_basis == "call":
        if flt.date_from:
            conditions.append(c.c.call_date >= flt.date_from)
        if flt.date_to:
            conditions.append(c.c.call_date <= flt.date_to)
    for column, value in ((c.c.centre_id, flt.centre_id), (c.c.agent_id, flt.agent_id), (c.c.team, flt.team),
                          (c.c.business_type, flt.business_type)):
        if value is not None:
            conditions.append(column == value)
    about_evaluations = [condition for condition, wanted in (
        (e.c.evaluated_date >= (flt.date_from or ""), flt.date_basis != "call" and flt.date_from),
        (e.c.evaluated_date <= (flt.date_to or ""), flt.date_basis != "call" and flt.date_to),
        (e.c.inspector == flt.inspector, flt.inspector is not None),
        (e.c.card_version == flt.card_version, flt.card_version is not None)) if wanted]
    if flt.category is not None:
        conditions.append(_in_category(flt, c.c.centre_id, c.c.call_hash))
    if about_evaluations:
        conditions.append(exists().where(e.c.centre_id == c.c.centre_id, e.c.call_hash == c.c.call_hash,
                                         *about_evaluations))
    return and_(True, *conditions)


def _rule_counts(conn: Connection, where) -> RuleCounts:
    """The same counts as reports.workstation.rule_counts: every automatic hit on the checked calls in scope."""
    joined = select().join_from(rr, c, and_(rr.c.centre_id == c.c.centre_id, rr.c.call_hash == c.c.call_hash))
    rules = tuple(RuleCount(r.rule, r.name, bool(r.red_line), int(r.hits), int(r.calls), int(r.confirmed),
                            None if r.rejected is None else int(r.rejected))
                  for r in conn.execute(joined.add_columns(
                      rr.c.rule, func.max(rr.c.name).label("name"),
                      func.max(case((rr.c.red_line, 1), else_=0)).label("red_line"),
                      func.sum(rr.c.hits).label("hits"), func.count().label("calls"),
                      func.sum(rr.c.confirmed).label("confirmed"), func.sum(rr.c.rejected).label("rejected"))
                      .where(where, c.c.checked).group_by(rr.c.rule)))
    by_day = tuple((r.rule, r.call_date, int(r.hits)) for r in conn.execute(joined.add_columns(
        rr.c.rule, c.c.call_date, func.sum(rr.c.hits).label("hits")).where(where, c.c.checked)
        .group_by(rr.c.rule, c.c.call_date)))
    calls_by_day = tuple((r.call_date, int(r.calls)) for r in conn.execute(
        select(c.c.call_date, func.count().label("calls")).where(where, c.c.checked).group_by(c.c.call_date)))
    return RuleCounts(rules, by_day, calls_by_day, sum(n for _day, n in calls_by_day))


def _red_lines(conn: Connection, where, as_of: str) -> list[RedLineCase]:
    latest = e.alias("latest")      # the call's reference, agent's name and team from the evaluation that described it
    rows = conn.execute(select(rl.c.rule, rl.c.name, rl.c.status, rl.c.opened_on, rl.c.closed_on, latest.c.call_ref,
                               c.c.agent_id, latest.c.agent_name, c.c.team, c.c.centre_id)
                        .join_from(rl, c, and_(rl.c.centre_id == c.c.centre_id, rl.c.call_hash == c.c.call_hash))
                        .join(latest, latest.c.uuid == c.c.uuid).where(where))
    return [RedLineCase(call_ref=r.call_ref, agent_id=r.agent_id, agent_name=r.agent_name, team=r.team, rule=r.rule,
                        name=r.name, opened_on=r.opened_on, closed_on=r.closed_on, status=r.status,
                        age_days=max(0, days_between(r.opened_on, r.closed_on or as_of)) if r.opened_on else 0,
                        centre=r.centre_id) for r in rows]


class ReportCache:
    """The dashboard asks for several reports over one filter at once (centres and their trend are one
    computation): a report over data that has not changed since is computed once. The key holds a stamp of
    the data (how many receipts, the latest), so anything received makes it new."""

    def __init__(self, engine: Engine, size: int = 16) -> None:
        self.engine, self.size = engine, size
        self._reports: OrderedDict[tuple, Report] = OrderedDict()
        self._lock = threading.Lock()

    def report(self, flt: ReportFilter, sections: Collection[str]) -> Report:
        with self.engine.connect() as conn:
            # every receipt, a register change too, is a row of `evaluations`
            stamp = tuple(conn.execute(select(func.count(), func.max(received.c.received_at))).one())
        key = (flt, frozenset(sections), date.today().isoformat(), stamp)
        with self._lock:
            if key in self._reports:
                self._reports.move_to_end(key)
                return self._reports[key]
        report = hub_report(self.engine, flt, sections=sections)
        with self._lock:
            self._reports[key] = report
            while len(self._reports) > self.size:
                self._reports.popitem(last=False)
        return report
