"""The Review menu: an inspector's queue, and for team leads sampling plans, appeals, agents'
acknowledgements, coaching and the red-line register. The dialogs talk to the core; this controller opens them and opens the calls they point at."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.domain.people import User
from inspector.scoring.card import Scorecard
from inspector.desk.desk import Desk
from inspector.review.coaching import CoachingService
from inspector.review.feedback import FeedbackService
from inspector.ui.coaching_dialog import CoachingDialog
from inspector.ui.acknowledgements_dialog import AcknowledgementsDialog
from inspector.ui.appeals_dialog import AppealsDialog
from inspector.ui.operations import DatabaseLane
from inspector.ui.queue_dialog import QueueDialog
from inspector.ui.redlines_dialog import RedLinesDialog
from inspector.ui.sampling_dialog import SamplingDialog
from inspector.users.policy import Action, allowed


class ReviewController(QObject):
    def __init__(self, window: QWidget, desk: Desk, card: Scorecard, actor: User,
                 open_call: Callable[[int], None], status_text: Callable[[str], str],
                 changed: Callable[[], None], lane: DatabaseLane) -> None:
        super().__init__(window)
        self.window, self.desk, self.card, self.actor, self.lane = window, desk, card, actor, lane
        self.open_call, self.status_text, self.changed = open_call, status_text, changed

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {"my_queue": self.show_queue, "sample": self.show_sampling, "appeals": self.show_appeals,
                "acknowledgements": self.show_acknowledgements, "coaching": self.show_coaching,
                "redlines": self.show_redlines}

    def reason_text(self, reason: str) -> str:
        if reason == "fatal":
            return self.tr("fatal hit")
        if reason == "random":
            return self.tr("at random")
        if reason.startswith("rule "):
            return self.tr("rule %1").replace("%1", reason[5:])
        if reason.startswith("auto below "):
            return self.tr("automatic score below %1").replace("%1", reason[len("auto below "):])
        if reason.startswith("survey below "):
            return self.tr("survey score below %1").replace("%1", reason[len("survey below "):])
        if reason.startswith("category "):
            return self.tr("category %1").replace("%1", reason[len("category "):])
        return {"worsened": self.tr("emotion worsened"), "unresolved": self.tr("not resolved"),
                "repeat caller": self.tr("repeat caller"), "listen": self.tr("listen to confirm"),
                "must review": self.tr("must review (listed)")}.get(reason, reason)

    def queue_dialog(self) -> QueueDialog:
        dialog = QueueDialog(self.desk, self.actor.id, self.status_text, self.reason_text,
                             self.window)
        dialog.call_requested.connect(self.open_call)
        return dialog

    def sampling_dialog(self) -> SamplingDialog:
        dialog = SamplingDialog(self.desk, self.actor, self.reason_text, self.window, lane=self.lane)
        dialog.finished.connect(lambda _result: self.changed())
        return dialog

    def appeals_dialog(self) -> AppealsDialog:
        dialog = AppealsDialog(self.desk, self.card, self.actor, self.lane, self.window)
        dialog.call_requested.connect(self.open_call)
        dialog.finished.connect(lambda _result: self.changed())
        return dialog

    def acknowledgements_dialog(self) -> AcknowledgementsDialog:
        dialog = AcknowledgementsDialog(FeedbackService(self.desk.db, self.card), self.actor, self.window)
        dialog.call_requested.connect(self.open_call)
        return dialog

    def coaching_dialog(self) -> CoachingDialog:
        return CoachingDialog(CoachingService(self.desk.db, self.card), self.actor, self.lane, self.window)

    def redlines_dialog(self) -> RedLinesDialog:
        dialog = RedLinesDialog(self.desk, self.actor, self.lane, self.window)
        dialog.case_requested.connect(lambda call_id, _start: self.open_call(call_id))
        return dialog

    def show_queue(self) -> None:
        self.queue_dialog().exec()

    def show_sampling(self) -> None:
        if self._lead_only(Action.ASSIGN_REVIEWS):
            self.sampling_dialog().exec()

    def show_appeals(self) -> None:
        if self._lead_only(Action.RESOLVE_APPEAL):
            self.appeals_dialog().exec()

    def show_acknowledgements(self) -> None:
        if self._lead_only(Action.SEE_ALL_EVALUATIONS):
            self.acknowledgements_dialog().exec()

    def show_coaching(self) -> None:
        if self._lead_only(Action.COACH_AGENTS):
            self.coaching_dialog().exec()

    def show_redlines(self) -> None:
        if self._lead_only(Action.MANAGE_REDLINES):
            self.redlines_dialog().exec()

    def _lead_only(self, action: Action) -> bool:
        if allowed(self.actor, action):
            return True
        QMessageBox.information(self.window, self.tr("Team leads only"),
                                self.tr("Only a team lead can open this."))
        return False
