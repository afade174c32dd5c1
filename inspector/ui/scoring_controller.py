"""Connects the scorecard pane to the stored evaluation of the open call by the current inspector."""

from __future__ import annotations

import getpass
import uuid

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.review.state import ReviewState
from inspector.rules.hits import hit_key
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation
from inspector.scoring.score import prefill
from inspector.settings import Settings
from inspector.store.evaluations import EvaluationLocked, EvaluationRepository, NotAllowed
from inspector.store.database import StorageError
from inspector.ui.scorecard_pane import ScorecardPane


class ScoringController(QObject):
    def __init__(self, window: QWidget, state: ReviewState, pane: ScorecardPane, repo: EvaluationRepository,
                 card: Scorecard, settings: Settings, is_lead: bool = False) -> None:
        super().__init__(window)
        self.is_lead = is_lead
        self.window, self.state, self.pane, self.repo, self.card = window, state, pane, repo, card
        self.user = settings.inspector_id or getpass.getuser()
        pane.user = self.user
        pane.changed.connect(self.save)
        pane.submit_requested.connect(self.submit)
        pane.reopen_requested.connect(self.reopen)
        pane.reopen_button.setVisible(is_lead)
        pane.resolve_button.setVisible(is_lead)
        pane.appeal_requested.connect(self.appeal)
        pane.resolve_requested.connect(self.resolve)
        state.call_changed.connect(lambda _c: self.show(None))
        state.hits_changed.connect(lambda _h: self.sync())
        state.decision_changed.connect(lambda _d: self.sync())
        state.playhead_changed.connect(lambda t: setattr(pane, "playhead", t))
        state.selection_changed.connect(
            lambda s: setattr(pane, "selection", None if s is None else (s.start, s.end)))

    def sync(self) -> None:
        """Load (or start) the evaluation and bring it in line with the hits and decisions."""
        call = self.state.call
        if call is None or self.state.hits is None:
            self.show(None)
            return
        self.pane.hit_times = {hit_key(h): h.start for h in self.state.hits}
        evaluation = self.repo.for_call(call.id, self.user) or Evaluation(
            str(uuid.uuid4()), call.id, self.user, self.card.id, self.card.version)
        if evaluation.status == "submitted":
            self.show(evaluation)
            return
        updated = prefill(self.card, evaluation, self.state.hits, self.state.decisions, self.user)
        if updated != evaluation or self.repo.get(evaluation.uuid) is None:
            self.save(updated)
        else:
            self.show(evaluation)

    def save(self, evaluation: Evaluation) -> None:
        try:
            self.show(self.repo.save(evaluation, self.user))
        except (EvaluationLocked, NotAllowed) as exc:
            QMessageBox.information(self.window, self.tr("Not saved"), str(exc))
        except StorageError as exc:
            QMessageBox.critical(self.window, self.tr("Not saved"), str(exc))

    def show(self, evaluation: Evaluation | None) -> None:
        self.pane.appeals = self.repo.appeals(evaluation.uuid) if evaluation is not None else []
        self.pane.show_evaluation(evaluation)

    def appeal(self, text: str) -> None:
        evaluation, call = self.pane.evaluation, self.state.call
        if evaluation is None or call is None:
            return
        try:
            self.repo.appeal(evaluation.uuid, call.agent_id or "", text)
        except NotAllowed as exc:
            QMessageBox.information(self.window, self.tr("Not recorded"), str(exc))
        self.show(self.repo.get(evaluation.uuid))

    def resolve(self, appeal_id: int, upheld: bool, resolution: str) -> None:
        try:
            self.repo.resolve_appeal(appeal_id, self.user, upheld, resolution, self.is_lead)
        except NotAllowed as exc:
            QMessageBox.information(self.window, self.tr("Not resolved"), str(exc))
        self.show(self.pane.evaluation)

    def reopen(self, reason: str) -> None:
        evaluation = self.pane.evaluation
        if evaluation is None:
            return
        try:
            self.show(self.repo.reopen(evaluation.uuid, self.user, reason, self.is_lead))
        except NotAllowed as exc:
            QMessageBox.information(self.window, self.tr("Not reopened"), str(exc))

    def submit(self) -> None:
        evaluation = self.pane.evaluation
        if evaluation is None:
            return
        try:
            self.show(self.repo.submit(evaluation.uuid, self.user))
            self.state.say(self.tr("Evaluation submitted"))
        except (EvaluationLocked, NotAllowed) as exc:
            QMessageBox.information(self.window, self.tr("Not submitted"), str(exc))
