"""Sampling plans: what inspectors listen to next, and who does it.

Every call is checked automatically; a plan turns the checks into the day's work. Strata are combined:
every call with a fatal-rule hit, every call with chosen rules' hits, and P % or N calls per agent at
random, all within the plan's filters (business type, duration, dates). Only calls nobody has yet been
given or scored are drawn, so running a plan twice never doubles anyone's work. The seed is recorded with
the sample, so the same draw can be explained later.
"""

from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta

import sqlite_utils

from inspector.domain.calendar import MAX_DUE_DAYS, day
from inspector.domain.people import Role
from inspector.store.assignments import AssignmentRepository
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.users import UserRepository

ASSIGN_MODES = ("round_robin", "by_load")


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
        if not (self.fatal or self.rules or self.per_agent or self.percent):
            raise PlanError("the plan picks nothing: choose fatal hits, rules, or a number or share per agent")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SamplingPlan:
        raw = json.loads(text)
        return cls(**{**raw, "rules": tuple(raw.get("rules", ())), "assignees": tuple(raw.get("assignees", ()))})


@dataclass(frozen=True)
class Pick:
    call_id: int
    call_ref: str
    agent_id: str | None
    assignee: str | None
    reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Sample:
    id: int
    seed: int
    picks: tuple[Pick, ...]


def draw(db: sqlite_utils.Database, plan: SamplingPlan, actor: str, plan_name: str | None = None) -> Sample:
    """Draws the sample, assigns it and stores both in one transaction."""
    _check_assignees(db, plan.assignees)
    seed = plan.seed if plan.seed is not None else random.SystemRandom().randrange(2 ** 31)
    pool = _pool(db, plan)
    reasons: dict[int, list[str]] = defaultdict(list)
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
    ordered = sorted(reasons, key=lambda c: (pool[c]["started_at"] or "", c))
    assignees = _assign(db, plan, len(ordered))
    picks = tuple(Pick(c, pool[c]["call_ref"], pool[c]["agent_id"], assignees[i], tuple(reasons[c]))
                  for i, c in enumerate(ordered))
    due = ((datetime.now(UTC) + timedelta(days=plan.due_days)).date().isoformat()
           if plan.due_days is not None else None)
    sample_id = AssignmentRepository(db).new_sample(
        plan_name, json.loads(plan.to_json()), seed, [(p.call_id, p.assignee, list(p.reasons)) for p in picks],
        actor, due)
    return Sample(sample_id, seed, picks)


def save_plan(db: sqlite_utils.Database, name: str, plan: SamplingPlan, actor: str) -> None:
    if not name.strip():
        raise PlanError("a saved plan needs a name")
    with storage_errors(db), db.atomic():
        db["sampling_plans"].upsert({"name": name.strip(), "definition": plan.to_json(), "created_by": actor,
                                     "updated_at": utc_now()}, pk="name")


def load_plan(db: sqlite_utils.Database, name: str) -> SamplingPlan:
    row = db.execute("SELECT definition FROM sampling_plans WHERE name = ?", [name]).fetchone()
    if row is None:
        raise PlanError(f"no sampling plan named {name!r}")
    return SamplingPlan.from_json(row[0])


def plan_names(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sampling_plans ORDER BY name")]


def _pool(db: sqlite_utils.Database, plan: SamplingPlan) -> dict[int, dict]:
    """Calls not yet assigned or scored, within the plan's filters."""
    clauses, params = ["status = 'new'"], []
    for clause, value in (("business_type = ?", plan.business), ("duration_s >= ?", plan.min_duration_s),
                          ("duration_s <= ?", plan.max_duration_s), ("started_at >= ?", plan.date_from)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if plan.date_to is not None:
        clauses.append("started_at < ?")
        params.append(plan.date_to + "T99")      # the whole last day
    sql = f"SELECT id, call_ref, agent_id, started_at FROM calls WHERE {' AND '.join(clauses)}"
    return {r["id"]: r for r in db.query(sql, params)}


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
