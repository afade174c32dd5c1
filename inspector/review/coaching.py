"""Coaching that is measured: an item or a hit is marked for coaching, a lead holds a session with the agent
on some items (agreed actions, a follow-up date), and the session's effect is read from the same items in
the agent's evaluations: how often they lost points on each item before the session and after it, with
Wilson intervals for both shares and Newcombe's interval for the difference, so a lead sees whether the
coaching worked or whether it is too early to tell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from inspector.domain.people import User
from inspector.scoring.card import Scorecard
from inspector.scoring.score import score
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.evaluations import EvaluationRepository
from inspector.store.outbox import enqueue_coaching
from inspector.users.passwords import id_is_valid
from inspector.users.policy import Action, require

BEFORE_DAYS = 90         # how far back "before" reaches: the agent's recent habits, not last year's
Z95 = 1.959964


class CoachingError(ValueError):
    """A session or mark that cannot be recorded as given; the message says which field and why."""


@dataclass(frozen=True)
class CoachingSession:
    id: int
    agent_id: str
    coach: str
    held_on: str
    items: tuple[str, ...]
    actions: str
    follow_up: str | None
    created_at: str


@dataclass(frozen=True)
class Share:
    """Evaluations that lost points on an item, of all evaluations in a period, with a 95 % Wilson interval."""

    lost: int
    evaluations: int
    points_lost: float           # mean points lost per evaluation

    @property
    def rate(self) -> float | None:
        return self.lost / self.evaluations if self.evaluations else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.lost, self.evaluations)


@dataclass(frozen=True)
class ItemEffect:
    session: CoachingSession
    item: str
    name: str
    before: Share
    after: Share
    difference: tuple[float, float] | None     # 95 % interval of (before rate − after rate): > 0 is better
    verdict: str                               # improved, worse, unclear, no data yet


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    if n == 0:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(before: Share, after: Share) -> tuple[float, float] | None:
    """Newcombe's hybrid score interval for the difference of two independent shares (method 10)."""
    a, b = before.interval, after.interval
    if a is None or b is None:
        return None
    p1, p2 = before.rate, after.rate
    diff = p1 - p2
    return (diff - math.sqrt((p1 - a[0]) ** 2 + (b[1] - p2) ** 2),
            diff + math.sqrt((a[1] - p1) ** 2 + (p2 - b[0]) ** 2))


def _verdict(before: Share, after: Share, difference: tuple[float, float] | None) -> str:
    if difference is None:
        return "no data yet"
    if difference[0] > 0:
        return "improved"
    if difference[1] < 0:
        return "worse"
    return "unclear"


def _day(text: str | None, field: str) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise CoachingError(f"{field} must be a date YYYY-MM-DD, not {text!r}") from None


class CoachingService:
    def __init__(self, db: sqlite_utils.Database, card: Scorecard) -> None:
        self._db = db
        self._card = card
        self._names = {i.id: i.name for i in card.items} | {f.id: f.name for f in card.fatal}

    @property
    def card(self) -> Scorecard:
        return self._card

    def item_name(self, item_id: str, english: bool = False) -> str:
        """The card's name of an item, in English when asked (the English UI shows the card's name_en)."""
        return self._card.name_of(item_id, english)

    def mark(self, actor: User, uuid: str, item_id: str, hit_key: str | None = None, note: str = "") -> int:
        """"Mark for coaching" on an item or a hit of a production evaluation."""
        require(actor, Action.REVIEW_CALLS)
        evaluation = EvaluationRepository(self._db, self._card).get(uuid)
        if evaluation is None or evaluation.session_id is not None:
            raise CoachingError(f"no production evaluation {uuid}")
        if item_id not in self._names:
            raise CoachingError(f"the scorecard has no item {item_id}")
        agent = self._db.execute("SELECT agent_id FROM calls WHERE id = ?", [evaluation.call_id]).fetchone()
        if not agent or not agent[0]:
            raise CoachingError("the call has no agent to coach")
        with storage_errors(self._db), self._db.atomic():
            return self._db["coaching_marks"].insert({
                "uuid": uuid, "item_id": item_id, "hit_key": hit_key, "agent_id": agent[0], "note": note.strip(),
                "marked_by": actor.id, "marked_at": utc_now(precise=True), "session_id": None}).last_pk

    def marks(self, agent_id: str | None = None, waiting: bool = True) -> list[dict]:
        clauses = (["m.session_id IS NULL"] if waiting else []) + (["m.agent_id = ?"] if agent_id else [])
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return list(self._db.query(
            "SELECT m.*, c.call_ref FROM coaching_marks m JOIN evaluations e ON e.uuid = m.uuid "
            f"JOIN calls c ON c.id = e.call_id{where} ORDER BY m.id", [agent_id] if agent_id else []))

    def add(self, actor: User, agent_id: str, items: list[str], actions: str, follow_up: str | None,
            held_on: str | None = None) -> int:
        """A session held (today unless ``held_on``); the agent's marks waiting on its items are taken up."""
        require(actor, Action.COACH_AGENTS)
        if not id_is_valid(agent_id):
            raise CoachingError(f"{agent_id!r} is not a job number (工号)")
        items = [i.strip() for i in items if i.strip()]
        if not items:
            raise CoachingError("a coaching session needs the items it is about (--items C2,B3)")
        unknown = [i for i in items if i not in self._names]
        if unknown:
            raise CoachingError(f"the scorecard has no item {unknown[0]}")
        if not actions.strip():
            raise CoachingError("a coaching session needs the agreed actions")
        held = _day(held_on, "the session date") or date.today().isoformat()
        follow = _day(follow_up, "the follow-up date")
        if follow is not None and follow < held:
            raise CoachingError(f"the follow-up date {follow} is before the session ({held})")
        with storage_errors(self._db), self._db.atomic():
            session_id = self._db["coaching_sessions"].insert({
                "agent_id": agent_id, "coach": actor.id, "held_on": held, "items": ",".join(dict.fromkeys(items)),
                "actions": actions.strip(), "follow_up": follow, "created_at": utc_now(precise=True)}).last_pk
            marks = ",".join("?" * len(items))
            self._db.execute(f"UPDATE coaching_marks SET session_id = ? WHERE agent_id = ? AND session_id IS NULL "
                             f"AND item_id IN ({marks})", [session_id, agent_id, *items])
            enqueue_coaching(self._db, session_id)
        return session_id

    def sessions(self, agent_id: str | None = None) -> list[CoachingSession]:
        where, params = (" WHERE agent_id = ?", [agent_id]) if agent_id else ("", [])
        return [CoachingSession(r["id"], r["agent_id"], r["coach"], r["held_on"], tuple(r["items"].split(",")),
                                r["actions"], r["follow_up"], r["created_at"])
                for r in self._db.query(f"SELECT * FROM coaching_sessions{where} ORDER BY held_on, id", params)]

    def effects(self, agent_id: str | None = None, before_days: int = BEFORE_DAYS) -> list[ItemEffect]:
        """Per session and item: the agent's losses on the item in the ``before_days`` before the session
        against those from the session day on (by call date; production evaluations as submitted now)."""
        return [effect for session in self.sessions(agent_id) for effect in self._effects(session, before_days)]

    def _effects(self, session: CoachingSession, before_days: int) -> list[ItemEffect]:
        start = (date.fromisoformat(session.held_on) - timedelta(days=before_days)).isoformat()
        repo = EvaluationRepository(self._db, self._card)
        before, after = [], []
        for row in self._db.query(
                "SELECT e.uuid, c.started_at FROM evaluations e JOIN calls c ON c.id = e.call_id "
                "WHERE c.agent_id = ? AND e.session_id IS NULL AND e.status = 'submitted' AND c.started_at >= ?",
                [session.agent_id, start]):
            (after if row["started_at"][:10] >= session.held_on else before).append(repo.get(row["uuid"]))
        effects = []
        for item in session.items:
            shares = [self._share(evaluations, item) for evaluations in (before, after)]
            difference = newcombe(*shares)
            effects.append(ItemEffect(session, item, self._names.get(item, item), *shares, difference,
                                      _verdict(*shares, difference)))
        return effects

    def _share(self, evaluations: list, item: str) -> Share:
        lost_points = [self._lost(evaluation, item) for evaluation in evaluations]
        return Share(sum(1 for p in lost_points if p > 0), len(lost_points),
                     round(sum(lost_points) / len(lost_points), 2) if lost_points else 0.0)

    def _lost(self, evaluation, item: str) -> float:
        """Points the item cost: its deductions as scored; a confirmed fatal item costs what the rest kept."""
        result = score(self._card, evaluation)
        if any(f.item == item and f.status == "confirmed" for f in evaluation.fatal):
            return round(sum(result.items.values()), 1)
        card_item = next((i for i in self._card.items if i.id == item), None)
        return 0.0 if card_item is None else round(card_item.points - result.items[item], 1)


def effect_json(effect: ItemEffect) -> dict:
    """One row of ``inspector report --by coaching``."""
    def share(s: Share) -> dict:
        return {"evaluations": s.evaluations, "lost": s.lost, "rate": s.rate, "interval": s.interval,
                "points_lost": s.points_lost}
    return {"session": effect.session.id, "agent_id": effect.session.agent_id, "coach": effect.session.coach,
            "held_on": effect.session.held_on, "follow_up": effect.session.follow_up,
            "actions": effect.session.actions, "item": effect.item, "name": effect.name,
            "before": share(effect.before), "after": share(effect.after), "difference": effect.difference,
            "verdict": effect.verdict}
