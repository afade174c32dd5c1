"""The rules of a calibration session: who may create, score, reveal and see what.

Blindness is the point of calibration: an inspector who sees a colleague's score anchors on it. So until
the lead reveals, everyone (the lead included) sees only their own scores, and after the reveal the
participants' scores are frozen, or the comparison would measure the discussion, not the inspectors.
A consensus benchmark is the exception: the lead scores it after the reveal, from the discussion.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from inspector.scoring.auto import as_evaluation
from inspector.scoring.card import Scorecard
from inspector.store.autoscores import AutoScoreRepository
from inspector.scoring.evaluation import Evaluation
from inspector.store.calibration import CalibrationRepository
from inspector.domain.calibration import CalibrationSession
from inspector.domain.people import User
from inspector.store.evaluations import EvaluationRepository
from inspector.users.policy import Action, NotAllowed, allowed, require

MIN_CALLS, MAX_CALLS = 2, 10
MIN_PARTICIPANTS, MAX_PARTICIPANTS = 2, 10


class CalibrationError(ValueError):
    """The session cannot be set up or used like this; the message says why."""


def new_session(title: str, call_ids: list[int], participants: list[str], card: Scorecard, lead: User,
                benchmark: str | None = None, consensus: bool = False) -> CalibrationSession:
    require(lead, Action.RUN_CALIBRATION)
    if not MIN_CALLS <= len(set(call_ids)) <= MAX_CALLS:
        raise CalibrationError(f"a session has {MIN_CALLS}–{MAX_CALLS} calls, not {len(set(call_ids))}")
    if not MIN_PARTICIPANTS <= len(set(participants)) <= MAX_PARTICIPANTS:
        raise CalibrationError(f"a session has {MIN_PARTICIPANTS}–{MAX_PARTICIPANTS} participants, "
                               f"not {len(set(participants))}")
    if consensus and benchmark not in (None, lead.id):
        raise CalibrationError("a consensus benchmark is scored by the lead after the discussion")
    kind = "consensus" if consensus else ("scorer" if benchmark else None)
    return CalibrationSession(str(uuid.uuid4()), title.strip() or "校准", card.id, card.version, lead.id,
                              tuple(dict.fromkeys(call_ids)), tuple(sorted(set(participants))),
                              lead.id if consensus else benchmark, kind)


class CalibrationService:
    def __init__(self, sessions: CalibrationRepository, evaluations: EvaluationRepository) -> None:
        self.sessions = sessions
        self.evaluations = evaluations

    def on(self, db) -> CalibrationService:
        """The same service on another connection (the desktop's database lane)."""
        return CalibrationService(CalibrationRepository(db), EvaluationRepository(db, self.evaluations.card))

    def automatic_rater(self, session: CalibrationSession, card: Scorecard,
                        scores: AutoScoreRepository) -> dict[int, Evaluation]:
        """The session's calls' automatic scores as evaluations of one more rater (calibration.comparison)."""
        return {call_id: as_evaluation(card, found, call_id) for call_id, found in scores.all(list(session.call_ids))}

    def sessions_for(self, user: User) -> list[CalibrationSession]:
        """A lead sees every session; an inspector the ones they score."""
        return [s for s in self.sessions.all() if allowed(user, Action.SEE_ALL_CALIBRATION) or user.id in s.scorers]

    def visible_evaluations(self, session: CalibrationSession, viewer: str) -> list[Evaluation]:
        every = self.evaluations.in_session(session.id)
        return every if session.revealed else [e for e in every if e.inspector == viewer]

    def progress(self, session: CalibrationSession) -> dict[str, int]:
        """How many calls each scorer has submitted: what a lead may know before the reveal."""
        done = dict.fromkeys(session.scorers, 0)
        for evaluation in self.evaluations.in_session(session.id):
            if evaluation.status == "submitted" and evaluation.inspector in done:
                done[evaluation.inspector] += 1
        return done

    def may_score(self, session: CalibrationSession, actor: str) -> None:
        """Raises NotAllowed with the reason when `actor` may not change their score in this session."""
        consensus = session.benchmark_kind == "consensus" and actor == session.benchmark
        if actor not in session.scorers:
            raise NotAllowed(f"{actor} does not take part in calibration session {session.title!r}")
        if consensus and not session.revealed:
            raise NotAllowed("the consensus benchmark is scored after the reveal")
        if session.revealed and not consensus:
            raise NotAllowed(f"calibration session {session.title!r} is revealed: its scores are final")

    def evaluation_for(self, session: CalibrationSession, call_id: int, actor: str) -> Evaluation:
        existing = self.evaluations.for_call(call_id, actor, session.id)
        if existing is not None:
            return existing
        if call_id not in session.call_ids:
            raise CalibrationError(f"call {call_id} is not part of calibration session {session.title!r}")
        return Evaluation(str(uuid.uuid4()), call_id, actor, session.card_id, session.card_version,
                          session_id=session.id)

    def save(self, session: CalibrationSession, evaluation: Evaluation, actor: str) -> Evaluation:
        self.may_score(session, actor)
        return self.evaluations.save(replace(evaluation, session_id=session.id), actor)

    def submit(self, session: CalibrationSession, evaluation_uuid: str, actor: str) -> Evaluation:
        self.may_score(session, actor)
        return self.evaluations.submit(evaluation_uuid, actor)

    def reveal(self, session: CalibrationSession, actor: User) -> CalibrationSession:
        if actor.id != session.lead:
            raise NotAllowed(f"only the session's lead ({session.lead}) reveals it")
        return self.sessions.reveal(session.id)
