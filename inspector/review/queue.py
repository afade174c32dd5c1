"""Sampling plans: what inspectors listen to next, and who does it.

Every call is checked and scored automatically; a plan turns those signals into the day's work. Strata are
combined: every call with a fatal-rule hit, with chosen rules' hits, with a "listen to confirm" hit, with an
automatic score below a mark, in a category, where the customer's emotion worsened, with a survey score below
a mark or not resolved, from a repeat caller; and P % or N calls per agent at random; all within the plan's
filters (business type, duration, dates). An imported list of call ids (complaints from 10080, tickets) is a
must-review stratum with a due date of its own, assigned first. Only calls nobody has yet been given or
scored are drawn, so running a plan twice never doubles anyone's work; listed calls already in someone's
hands are reported, not taken from them. The seed is recorded with the sample, so the same draw can be
explained later.
"""

from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta

import sqlite_utils

from inspector.domain.calendar import MAX_DUE_DAYS, day
from inspector.domain.people import Role, User
from inspector.store.assignments import AssignmentRepository
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.users import UserRepository
from inspector.users.policy import Action, require

ASSIGN_MODES = ("round_robin", "by_load")
REPEAT_DAYS = 7                 # as the outcome report counts repeat callers (reports.outcome.DEFAULT_DAYS)
REPEAT_CALLS_SQL = (            # calls whose caller already called within N days before
    "SELECT DISTINCT c.id FROM calls c JOIN calls p ON p.caller_hash = c.caller_hash AND p.started_at < c.started_at "
    "AND julianday(c.started_at) - julianday(p.started_at) <= ? WHERE c.caller_hash IS NOT NULL")


class PlanError(ValueError):
    """The plan cannot be drawn like this; the message says why."""


@dataclass(frozen=True)
class SamplingPlan:
    fatal: bool = False                       # every call with a hit of a fatal-severity rule
    rules: tuple[str, ...] = ()               # every call with a hit of one of these rules
    per_agent: int | None = None              # N random calls per agent …
    percent: float | None = None              # … or P % of each agent's calls
    business: str | None = None               # filters, applied to every stratum
    min_duration_s: float | None = None
    max_duration_s: float | None = None
    date_from: str | None = None              # call date, inclusive (ISO)
    date_to: str | None = None
    assignees: tuple[str, ...] = ()           # none: the sample is drawn but left unassigned
    assign_mode: str = "round_robin"
    due_days: int | None = None
    seed: int | None = None                   # none: one is made and recorded
    auto_below: float | None = None           # every call whose automatic score is below this mark
    category: str | None = None               # every call in this category (level 1 or a full path)
    worsened: bool = False                    # every call where the customer's emotion worsened
    survey_below: float | None = None         # every call whose survey score (满意度) is below this mark
    unresolved: bool = False                  # every call the customer's matter was not resolved in
    repeat_callers: bool = False              # every call by a caller who already called within repeat_days
    repeat_days: int = REPEAT_DAYS
    listen: bool = False                      # every call with a "listen to confirm" hit
    must_review: tuple[str, ...] = ()         # call ids (call_ref) that must be reviewed: an imported list
    must_review_due_days: int | None = None   # their due date (default: the plan's)

    def __post_init__(self) -> None:
        if self.per_agent is not None and self.percent is not None:
            raise PlanError("choose N calls per agent or a percentage, not both")
        if self.per_agent is not None and self.per_agent < 0:
            raise PlanError("calls per agent cannot be negative")
        if self.percent is not None and not (math.isfinite(self.percent) and 0 <= self.percent <= 100):
            raise PlanError("a percentage is between 0 and 100")
        for duration in (self.min_duration_s, self.max_duration_s):
            if duration is not None and not (math.isfinite(duration) and duration >= 0):
                raise PlanError(f"a duration is a number of seconds, not {duration}")
        if self.due_days is not None and not 0 <= self.due_days <= MAX_DUE_DAYS:
            raise PlanError(f"assignments are due in 0 to {MAX_DUE_DAYS} days, not {self.due_days}")
        for value in (self.date_from, self.date_to):
            if value is not None:
                try:
                    day(value)
                except ValueError as exc:
                    raise PlanError(str(exc)) from None
        if self.assign_mode not in ASSIGN_MODES:
            raise PlanError(f"assignment is {' or '.join(ASSIGN_MODES)}, not {self.assign_mode!r}")
        if self.auto_below is not None and not 0 <= self.auto_below <= 100:
            raise PlanError("an automatic score mark is between 0 and 100")
        if self.survey_below is not None and self.survey_below < 0:
            raise PlanError("a survey score mark cannot be negative")
        if not 1 <= self.repeat_days <= 366:
            raise PlanError("repeat callers are counted within 1 to 366 days")
        for days in (self.due_days, self.must_review_due_days):
            if days is not None and not 0 <= days <= 366:
                raise PlanError("a due date is 0 to 366 days away")
        if not (self.fatal or self.rules or self.per_agent or self.percent or self.signals() or self.must_review):
            raise PlanError("the plan picks nothing: choose fatal hits, rules, a signal (automatic score, category, "
                            "emotion, survey, repeat callers, listen-to-confirm), a list of calls, or a number or "
                            "share per agent")

    def signals(self) -> list[tuple[str, str, list]]:
        """(reason, SQL selecting call ids, parameters) for each signal stratum the plan draws."""
        chosen = []
        if self.auto_below is not None:
            chosen.append((f"auto below {self.auto_below:g}", "SELECT id FROM calls WHERE auto_score < ?",
                           [self.auto_below]))
        if self.category:
            chosen.append((f"category {self.category}", "SELECT call_id FROM call_categories WHERE top = ? OR path = ?",
                           [self.category, self.category]))
        if self.worsened:
            chosen.append(("worsened", "SELECT call_id FROM call_emotion WHERE worsened = 1", []))
        if self.survey_below is not None:
            chosen.append((f"survey below {self.survey_below:g}", "SELECT id FROM calls WHERE satisfaction < ?",
                           [self.survey_below]))
        if self.unresolved:
            chosen.append(("unresolved", "SELECT id FROM calls WHERE resolved = 0", []))
        if self.repeat_callers:
            chosen.append(("repeat caller", REPEAT_CALLS_SQL, [self.repeat_days]))
        if self.listen:
            chosen.append(("listen", "SELECT DISTINCT call_id FROM hits WHERE listen = 1", []))
        return chosen

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SamplingPlan:
        raw = json.loads(text)
        return cls(**{**raw, "rules": tuple(raw.get("rules", ())), "assignees": tuple(raw.get("assignees", ())),
                      "must_review": tuple(raw.get("must_review", ()))})


@dataclass(frozen=True)
class Pick:
    call_id: int
    call_ref: str
    agent_id: str | None
    assignee: str | None
    reasons: tuple[str, ...] = field(default_factory=tuple)
    due_at: str | None = None


@dataclass(frozen=True)
class Sample:
    id: int
    seed: int
    picks: tuple[Pick, ...]
    already: tuple[tuple[str, str], ...] = ()     # listed calls someone already has: (call_ref, status)
    unknown: tuple[str, ...] = ()                 # listed call ids this workspace does not have


def draw(db: sqlite_utils.Database, plan: SamplingPlan, actor: User, plan_name: str | None = None,
         store: bool = True) -> Sample:
    """Draws the sample, assigns it and stores both in one transaction; ``store=False`` only says what the
    draw would pick and give to whom (a preview: id 0, nothing written; the same seed draws the same).
    Raises NotAllowed unless `actor` may assign reviews."""
    require(actor, Action.ASSIGN_REVIEWS)
    _check_assignees(db, plan.assignees)
    seed = plan.seed if plan.seed is not None else random.SystemRandom().randrange(2 ** 31)
    pool = _pool(db, plan)
    reasons: dict[int, list[str]] = defaultdict(list)
    listed, already, unknown = _listed(db, plan.must_review)
    outside = [c for c in listed if c not in pool]        # listed calls are due whatever the filters say
    if outside:
        marks = ", ".join("?" for _ in outside)
        pool.update({r["id"]: r for r in db.query("SELECT id, call_ref, agent_id, started_at FROM calls "
                                                   f"WHERE status = 'new' AND id IN ({marks})", outside)})
    for call_id in listed:
        if call_id in pool:
            reasons[call_id].append("must review")
    for reason, sql, params in plan.signals():
        for call_id in sorted({r[0] for r in db.execute(sql, params)} & pool.keys()):
            reasons[call_id].append(reason)
    if plan.fatal:
        for call_id in _with_hits(db, pool, "severity = 'fatal'", []):
            reasons[call_id].append("fatal")
    for rule in plan.rules:
        for call_id in _with_hits(db, pool, "rule = ?", [rule]):
            reasons[call_id].append(f"rule {rule}")
    if plan.per_agent or plan.percent:
        rng = random.Random(seed)
        by_agent: dict[str, list[int]] = defaultdict(list)
        for call_id, row in pool.items():
            by_agent[row["agent_id"] or ""].append(call_id)
        for agent in sorted(by_agent):
            calls = by_agent[agent]
            wanted = plan.per_agent if plan.per_agent is not None else math.ceil(len(calls) * plan.percent / 100)
            rest = [c for c in calls if c not in reasons]       # besides the calls picked for their hits
            for call_id in rng.sample(rest, min(wanted, len(rest))):
                reasons[call_id].append("random")
    ordered = sorted(reasons, key=lambda c: ("must review" not in reasons[c], pool[c]["started_at"] or "", c))
    assignees = _assign(db, plan, len(ordered))
    due, listed_due = _due(plan.due_days), _due(plan.must_review_due_days if plan.must_review_due_days is not None
                                                else plan.due_days)
    picks = tuple(Pick(c, pool[c]["call_ref"], pool[c]["agent_id"], assignees[i], tuple(reasons[c]),
                       listed_due if "must review" in reasons[c] else due)
                  for i, c in enumerate(ordered))
    if not store:
        return Sample(0, seed, picks, already, unknown)
    sample_id = AssignmentRepository(db).new_sample(
        plan_name, json.loads(plan.to_json()), seed,
        [(p.call_id, p.assignee, list(p.reasons), p.due_at) for p in picks], actor.id)
    return Sample(sample_id, seed, picks, already, unknown)


def _due(days: int | None) -> str | None:
    return (datetime.now(UTC) + timedelta(days=days)).date().isoformat() if days is not None else None


def _listed(db: sqlite_utils.Database, refs: tuple[str, ...]) -> tuple[list[int], tuple, tuple]:
    """The listed calls' ids; those someone already has (call_ref, status); the ids this workspace lacks."""
    if not refs:
        return [], (), ()
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(refs), 500):
        chunk = list(refs[start: start + 500])
        marks = ", ".join("?" for _ in chunk)
        for row in db.execute(f"SELECT call_ref, id, status FROM calls WHERE call_ref IN ({marks})", chunk):
            found[row[0]] = (row[1], row[2])
    already = tuple((ref, found[ref][1]) for ref in refs if ref in found and found[ref][1] != "new")
    return ([found[ref][0] for ref in refs if ref in found], already,
            tuple(ref for ref in refs if ref not in found))


def save_plan(db: sqlite_utils.Database, name: str, plan: SamplingPlan, actor: User) -> None:
    """A list of calls belongs to one draw, not to the plan: it is not saved with it. A plan decides who
    reviews what, so saving one is assigning reviews too."""
    require(actor, Action.ASSIGN_REVIEWS)
    if not name.strip():
        raise PlanError("a saved plan needs a name")
    plan = replace(plan, must_review=())
    with storage_errors(db), db.atomic():
        db["sampling_plans"].upsert({"name": name.strip(), "definition": plan.to_json(), "created_by": actor.id,
                                     "updated_at": utc_now()}, pk="name")


def load_plan(db: sqlite_utils.Database, name: str) -> SamplingPlan:
    row = db.execute("SELECT definition FROM sampling_plans WHERE name = ?", [name]).fetchone()
    if row is None:
        raise PlanError(f"no sampling plan named {name!r}")
    return SamplingPlan.from_json(row[0])


def plan_names(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sampling_plans ORDER BY name")]


def filtered_counts(db: sqlite_utils.Database, plan: SamplingPlan) -> tuple[int, int]:
    """(calls within the plan's filters, of which not yet assigned or scored): why a draw found nothing."""
    clauses, params = _filters(plan)
    where = " AND ".join(clauses) or "1"
    row = db.execute(f"SELECT count(*), coalesce(sum(status = 'new'), 0) FROM calls WHERE {where}", params).fetchone()
    return row[0], row[1]


def _pool(db: sqlite_utils.Database, plan: SamplingPlan) -> dict[int, dict]:
    """Calls not yet assigned or scored, within the plan's filters."""
    clauses, params = _filters(plan)
    clauses.insert(0, "status = 'new'")
    sql = f"SELECT id, call_ref, agent_id, started_at FROM calls WHERE {' AND '.join(clauses)}"
    return {r["id"]: r for r in db.query(sql, params)}


def _filters(plan: SamplingPlan) -> tuple[list[str], list]:
    clauses, params = [], []
    for clause, value in (("business_type = ?", plan.business), ("duration_s >= ?", plan.min_duration_s),
                          ("duration_s <= ?", plan.max_duration_s), ("started_at >= ?", plan.date_from)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if plan.date_to is not None:
        clauses.append("started_at < ?")
        params.append(plan.date_to + "T99")      # the whole last day
    return clauses, params


def _with_hits(db: sqlite_utils.Database, pool: dict[int, dict], condition: str, params: list) -> list[int]:
    found = {r[0] for r in db.execute(f"SELECT DISTINCT call_id FROM hits WHERE {condition}", params)}
    return sorted(found & pool.keys())


REVIEWERS = (Role.INSPECTOR, Role.LEAD, Role.ADMIN)


def _check_assignees(db: sqlite_utils.Database, assignees: tuple[str, ...]) -> None:
    """Work goes only to accounts that can log in and review: a call given to a mistyped or disabled id would
    sit in a queue nobody opens, and a drawn call is never drawn again."""
    accounts = UserRepository(db)
    for assignee in assignees:
        account = accounts.account(assignee)
        if account is None:
            raise PlanError(f"no user {assignee!r} to assign calls to")
        if not account.active:
            raise PlanError(f"user {assignee} is disabled: calls cannot be assigned to them")
        if account.role not in REVIEWERS:
            raise PlanError(f"user {assignee} does not review calls")


def _assign(db: sqlite_utils.Database, plan: SamplingPlan, count: int) -> list[str | None]:
    if not plan.assignees:
        return [None] * count
    if plan.assign_mode == "round_robin":
        return [plan.assignees[i % len(plan.assignees)] for i in range(count)]
    load = AssignmentRepository(db).open_counts(list(plan.assignees))
    chosen = []
    for _ in range(count):
        least = min(plan.assignees, key=lambda a: (load[a], plan.assignees.index(a)))
        chosen.append(least)
        load[least] += 1
    return chosen
