"""What the customer got: repeat callers and repeat complaints counted from hashed numbers, and the QA
score set beside the customer's own satisfaction score and whether the matter was resolved.

A repeat call is a call by a caller who already called within N days (the number is only known as a keyed
hash, intake.callers); a repeat complaint is a repeat call about a level-1 category the earlier call was
also filed under (categories from inspector categorize). QA score: submitted production evaluations.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass

import sqlite_utils

DEFAULT_DAYS = 7


@dataclass(frozen=True)
class RepeatCall:
    call: str
    previous: str
    days_after: float
    categories: tuple[str, ...]       # level-1 categories both calls share: a repeat complaint when any


@dataclass(frozen=True)
class AgentOutcome:
    agent_id: str
    evaluations: int
    qa_mean: float | None
    surveyed: int
    satisfaction_mean: float | None
    resolved_rate: float | None


@dataclass(frozen=True)
class Outcome:
    days: int
    calls_with_caller: int
    repeat_callers: int                # distinct callers with a repeat call
    repeat_calls: tuple[RepeatCall, ...]
    repeat_complaints: int
    agents: tuple[AgentOutcome, ...]
    qa_satisfaction_pairs: int         # calls with both a QA score and a survey score
    qa_satisfaction_correlation: float | None   # Pearson r over those calls (None under 3 pairs or no spread)

    def to_dict(self) -> dict:
        return asdict(self)


def outcome(db: sqlite_utils.Database, days: int = DEFAULT_DAYS) -> Outcome:
    repeats = _repeat_calls(db, days)
    with_caller = db.execute("SELECT count(*) FROM calls WHERE caller_hash IS NOT NULL").fetchone()[0]
    callers = {r[0] for r in db.execute(
        "SELECT DISTINCT c.caller_hash FROM calls c JOIN calls p ON p.caller_hash = c.caller_hash "
        "AND p.started_at < c.started_at AND julianday(c.started_at) - julianday(p.started_at) <= ?", [days])}
    pairs = [(r[0], r[1]) for r in db.execute(
        "SELECT avg(e.total), c.satisfaction FROM evaluations e JOIN calls c ON c.id = e.call_id "
        "WHERE e.status = 'submitted' AND e.session_id IS NULL AND c.satisfaction IS NOT NULL GROUP BY c.id")]
    return Outcome(days, with_caller, len(callers), tuple(repeats), sum(1 for r in repeats if r.categories),
                   tuple(_agents(db)), len(pairs), _correlation(pairs))


def _repeat_calls(db: sqlite_utils.Database, days: int) -> list[RepeatCall]:
    """Each repeat call once, against the latest earlier call of the same caller within the window."""
    rows = db.execute(
        "SELECT c.id, c.call_ref, p.id, p.call_ref, julianday(c.started_at) - julianday(p.started_at) AS gap "
        "FROM calls c JOIN calls p ON p.caller_hash = c.caller_hash AND p.started_at < c.started_at "
        "AND julianday(c.started_at) - julianday(p.started_at) <= ? "
        "WHERE c.caller_hash IS NOT NULL ORDER BY c.started_at, gap", [days]).fetchall()
    found, seen = [], set()
    for call_id, ref, previous_id, previous_ref, gap in rows:
        if call_id in seen:
            continue
        seen.add(call_id)
        shared = tuple(r[0] for r in db.execute(
            "SELECT DISTINCT a.top FROM call_categories a JOIN call_categories b ON a.top = b.top "
            "WHERE a.call_id = ? AND b.call_id = ? ORDER BY a.top", [call_id, previous_id]))
        found.append(RepeatCall(ref, previous_ref, round(gap, 2), shared))
    return found


def _agents(db: sqlite_utils.Database) -> list[AgentOutcome]:
    sql = ("SELECT c.agent_id, count(e.uuid), avg(e.total), "
           "  (SELECT count(*) FROM calls s WHERE s.agent_id = c.agent_id AND s.satisfaction IS NOT NULL), "
           "  (SELECT avg(s.satisfaction) FROM calls s WHERE s.agent_id = c.agent_id), "
           "  (SELECT avg(s.resolved) FROM calls s WHERE s.agent_id = c.agent_id) "
           "FROM calls c LEFT JOIN evaluations e ON e.call_id = c.id AND e.status = 'submitted' "
           "  AND e.session_id IS NULL "
           "WHERE c.agent_id IS NOT NULL GROUP BY c.agent_id ORDER BY c.agent_id")
    return [AgentOutcome(agent, n, _round(qa), surveyed, _round(sat), _round(resolved))
            for agent, n, qa, surveyed, sat, resolved in db.execute(sql)]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _correlation(pairs: list[tuple[float, float]]) -> float | None:
    if len(pairs) < 3:
        return None
    try:
        return round(statistics.correlation([p[0] for p in pairs], [p[1] for p in pairs]), 3)
    except statistics.StatisticsError:      # every score the same: no spread, no correlation
        return None
