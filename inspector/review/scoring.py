"""A scoring session: one user scoring in one scope, production or a calibration session.

The scorecard pane and the command line both go through it, so the rules of a scope hold whoever asks: in
production an inspector edits and submits only their own evaluation and a lead reopens or answers appeals;
in a calibration session the session's calls are scored into the session's own evaluations, only by its
participants and only until the reveal, with hit decisions kept in the participant's own scope.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Protocol

from inspector.domain.people import User
from inspector.review import appeals
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation
from inspector.domain.calibration import CalibrationSession
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import calibration_scope


class SessionRules(Protocol):
    """What a calibration session decides about its scores (calibration.sessions.CalibrationService)."""
    def may_score(self, session: CalibrationSession, actor: str) -> None: ...
    def evaluation_for(self, session: CalibrationSession, call_id: int, actor: str) -> Evaluation: ...
    def save(self, session: CalibrationSession, evaluation: Evaluation, actor: str) -> Evaluation: ...
    def submit(self, session: CalibrationSession, evaluation_uuid: str, actor: str) -> Evaluation: ...
    def on(self, db) -> SessionRules: ...


class ScoringSession:
    def __init__(self, evaluations: EvaluationRepository, card: Scorecard, actor: User,
                 calibration: tuple[SessionRules, CalibrationSession] | None = None) -> None:
        self.evaluations, self.card, self.actor, self.calibration = evaluations, card, actor, calibration

    def on(self, db) -> ScoringSession:
        """The same user in the same scope on another connection (the desktop's database lane)."""
        calibration = None
        if self.calibration is not None:
            rules, session = self.calibration
            calibration = (rules.on(db), session)
        return ScoringSession(EvaluationRepository(db, self.card), self.card, self.actor, calibration)

    def calibrating(self, call_id: int) -> bool:
        """Whether the call is scored in the calibration session (a call outside it is scored as usual)."""
        return self.calibration is not None and call_id in self.calibration[1].call_ids

    def decision_scope(self, call_id: int) -> str:
        """Hit decisions of a calibration call are the participant's own (see HitRepository.decide)."""
        return calibration_scope(self.calibration[1].id, self.actor.id) if self.calibrating(call_id) else ""

    def evaluation_for(self, call_id: int) -> tuple[Evaluation, bool]:
        """The user's evaluation of the call in this scope, and whether it is stored (else a new blank one)."""
        if self.calibrating(call_id):
            rules, session = self.calibration
            found = rules.evaluation_for(session, call_id, self.actor.id)
            return found, self.evaluations.get(found.uuid) is not None
        own = self.evaluations.for_call(call_id, self.actor.id)
        if own is not None:
            return own, True
        return Evaluation(str(uuid.uuid4()), call_id, self.actor.id, self.card.id, self.card.version), False

    def may_change(self, call_id: int) -> None:
        """Raises NotAllowed with the reason when the user may not change their score of the call here."""
        if self.calibrating(call_id):
            rules, session = self.calibration
            rules.may_score(session, self.actor.id)

    def others(self, call_id: int) -> list[Evaluation]:
        """The other inspectors' production evaluations of the call the user may open (a lead: all)."""
        if self.calibrating(call_id):
            return []
        return [e for e in self.evaluations.of_call(call_id, self.actor) if e.inspector != self.actor.id]

    def save(self, evaluation: Evaluation) -> Evaluation:
        if self.calibrating(evaluation.call_id):
            rules, session = self.calibration
            return rules.save(session, evaluation, self.actor.id)
        return self.evaluations.save(evaluation, self.actor.id)

    def submit(self, evaluation: Evaluation) -> Evaluation:
        if self.calibrating(evaluation.call_id):
            rules, session = self.calibration
            return rules.submit(session, evaluation.uuid, self.actor.id)
        return self.evaluations.submit(evaluation.uuid, self.actor.id)

    def reopen(self, evaluation_uuid: str, reason: str) -> Evaluation:
        """A lead's (NotAllowed otherwise): the evaluation can be changed again as its next version."""
        return self.evaluations.reopen(evaluation_uuid, self.actor, reason)

    def appeal(self, evaluation_uuid: str, agent_id: str, reason: str, item_id: str | None = None) -> int:
        return appeals.file_appeal(self.evaluations, evaluation_uuid, agent_id, reason, item_id)

    def resolve(self, appeal_id: int, upheld: bool, answer: str, items: Sequence[str] | None = None) -> Evaluation:
        """A lead's answer to an appeal (NotAllowed otherwise); upholding gives the appealed items their points
        back (``items`` narrows a whole-evaluation appeal upheld in part)."""
        return appeals.resolve(self.evaluations, appeal_id, self.actor, upheld, answer, items)
