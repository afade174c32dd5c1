"""Connects the scorecard pane to the stored evaluation of the open call by the current inspector.

Nothing is stored until the inspector changes something (a deduction, a hit decision): opening a call only
shows the prefilled card. A lead also sees the other inspectors' evaluations of the call, read-only, and
reopens or answers an appeal from there; with no evaluation of their own, the most recent one is shown.

In calibration mode (a session chosen in the calibration dialog) the session's calls are scored into the
session's own evaluations, through the session's rules, and prefilled from the inspector's own hit
decisions, kept in their own scope: on a shared workstation a colleague's decisions must neither leak into
nor overwrite a blind score.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from inspector.calibration.sessions import CalibrationService
from inspector.review.scoring import ScoringSession
from inspector.open_call.state import ReviewState
from inspector.rules.hits import hit_key
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation
from inspector.scoring.score import prefill, score
from inspector.domain.calibration import CalibrationSession
from inspector.review.coaching import CoachingService
from inspector.desk.desk import Desk
from inspector.domain.calls import Call
from inspector.ui.evidence_text import evidence_text
from inspector.ui.waveform_items import format_time
from inspector.domain.evaluations import EvaluationLocked
from inspector.domain.people import User
from inspector.users.policy import Action, NotAllowed, allowed
from inspector.ui.operations import OpChanges
from inspector.ui.scorecard_pane import ScorecardPane
from inspector.ui.workbench import Workbench
from inspector.ui.core_messages import error_text


class ScoringController(QObject):
    hit_decided = Signal(object, str)           # a fatal item decided on the card decides the hit that raised it

    def __init__(self, window: Workbench, state: ReviewState, pane: ScorecardPane, desk: Desk,
                 card: Scorecard, actor: User) -> None:
        super().__init__(window)
        self.actor = actor
        repo = desk.evaluations(card)
        self.window, self.state, self.pane, self.repo, self.card = window, state, pane, repo, card
        self.user = actor.id
        self.session = ScoringSession(repo, card, actor)     # production, or a calibration session's scope
        self.viewing: str | None = None       # None: the default choice; "": one's own; else another's uuid
        self._writing = 0                     # evaluation writes queued on the database lane, not yet stored
        self.coaching = CoachingService(desk.db, card)   # marks items or hits for coaching
        self.autoscores = desk.autoscores                  # the call's automatic score, shown as a suggestion
        self.redlines = desk.redlines                      # the cases a submit question names
        pane.user = self.user
        pane.changed.connect(self.changed_on_card)
        pane.submit_requested.connect(self.confirm_and_submit)
        pane.reopen_requested.connect(self.reopen)
        pane.reopen_button.setVisible(allowed(actor, Action.REOPEN_EVALUATION))
        pane.resolve_button.setVisible(allowed(actor, Action.RESOLVE_APPEAL))
        pane.appeal_requested.connect(self.appeal)
        pane.coaching_requested.connect(self.mark_for_coaching)
        pane.resolve_requested.connect(self.resolve)
        pane.whose_chosen.connect(self.view)
        state.call_changed.connect(self._call_changed)
        state.hits_changed.connect(lambda _h: self.sync())
        state.transcript_changed.connect(lambda _t: self.sync())
        state.decision_changed.connect(lambda _d: self.sync(persist=True))
        state.playhead_changed.connect(lambda t: setattr(pane, "playhead", t))
        state.selection_changed.connect(
            lambda s: setattr(pane, "selection", None if s is None else (s.start, s.end)))

    def start_calibration(self, service: CalibrationService, session: CalibrationSession) -> None:
        self.session = ScoringSession(self.repo, self.card, self.actor, (service, session))
        self.sync()

    def stop_calibration(self) -> None:
        self.session = ScoringSession(self.repo, self.card, self.actor)
        self.sync()

    def decision_scope(self, call: Call) -> str:
        return self.session.decision_scope(call.id)

    def _call_changed(self, _call: Call | None) -> None:
        self.viewing = None
        self.show(None)

    def view(self, uuid: str) -> None:
        """Show this evaluation of the open call ("" for one's own), e.g. chosen in File → Evaluations."""
        self.viewing = uuid
        self.sync()

    def sync(self, persist: bool = False) -> None:
        """Load (or prepare) the evaluation and bring it in line with the hits and decisions; ``persist`` when a
        change of the user's own (a hit decision) is what asks, so that a draft starts there and not before."""
        call = self.state.call
        # a call without a transcript is scored by listening alone: no hit will ever come to wait for
        hits = self.state.hits if self.state.hits is not None or self.state.transcript is not None else []
        if call is None or hits is None:
            self.show(None)
            return
        self.pane.hit_times = {hit_key(h): h.start for h in hits}
        self.pane.hit_labels = {hit_key(h): f"{h.rule} {self.state.rule_name(h)}: {evidence_text(h.evidence)}"
                                for h in hits}
        evaluation, stored = self.session.evaluation_for(call.id)
        shown = self.pane.evaluation
        if self._writing and shown is not None and shown.call_id == call.id and shown.inspector == self.user:
            # saves of it are still on the lane: the pane shows what they store, the database an older version
            # (or none yet, and a second blank card would become a second evaluation of the call)
            evaluation, stored = shown, True
        if self.session.calibrating(call.id):
            self.pane.offer([], "")
            try:
                self.session.may_change(call.id)
            except NotAllowed:
                self.show(evaluation if stored else None)
                return
        else:
            other = self._offer_others(evaluation if stored else None)
            if other is not None:
                self.show(other, read_only=True)
                return
        if evaluation.status == "submitted":
            self.show(evaluation)
            return
        updated = prefill(self.card, evaluation, hits, self.state.decisions, self.user)
        if (stored and updated != evaluation) or (not stored and persist):
            self.save(updated)
        else:
            self.show(updated, stored=stored)

    def _offer_others(self, own: Evaluation | None) -> Evaluation | None:
        """Fill the chooser (leads only) and return the other inspector's evaluation to show, if that is it."""
        others = self.session.others(self.state.call.id)
        chosen = self.viewing
        if chosen is None:
            chosen = "" if own is not None or not others else min(others, key=self._urgency).uuid
        labels = {"draft": self.tr("draft"), "submitted": self.tr("submitted"), "reopened": self.tr("reopened")}
        choices = [(self.tr("%1 · %2 · %3").replace("%1", e.inspector).replace("%2", labels.get(e.status, e.status))
                    .replace("%3", f"{score(self.card, e).total:g}"), e.uuid) for e in others]
        choices.append((self.tr("My evaluation"), ""))
        self.pane.offer(choices, chosen)
        return next((e for e in others if e.uuid == chosen), None)

    def _urgency(self, evaluation: Evaluation) -> int:
        """What a lead opening the call must see first: an evaluation with an open appeal, then finished
        work, then someone's draft still in progress (``min`` keeps the most recently changed of a rank)."""
        if any(a["status"] == "open" for a in self.repo.appeals(evaluation.uuid)):
            return 0
        return 2 if evaluation.status == "draft" else 1

    def _write(self, change: Callable[[ScoringSession], Evaluation | None], refused: str,
               then: Callable[[Evaluation | None], None] | None = None) -> None:
        """An operation on the database lane in this user's scope; the open call's pane shows its result
        (``then`` instead, when given) and the call's row follows the published change."""
        session = self.session
        self._writing += 1

        def operation(db):
            result = change(session.on(db))
            return result, OpChanges(frozenset({result.call_id}) if result is not None else frozenset(),
                                     evaluation=True)

        def done(result) -> None:
            self._writing -= 1
            (then or self._stored)(result)

        def failed(exc: Exception) -> None:
            self._writing -= 1
            self._refused(refused, exc)

        self.window.lane.run(operation, done, on_error=failed)

    def _stored(self, evaluation: Evaluation | None) -> None:
        """The stored evaluation replaces what the pane shows, unless more changes are on their way (the pane
        already shows those, and the last one stored will show)."""
        if (evaluation is not None and not self._writing and self.state.call is not None
                and self.state.call.id == evaluation.call_id):
            self.show(evaluation, read_only=self.pane.read_only and evaluation.inspector != self.user)

    def _refused(self, title: str, exc: Exception) -> None:
        if isinstance(exc, (EvaluationLocked, NotAllowed, ValueError)):
            QMessageBox.information(self.window, title, error_text(exc))
        else:
            QMessageBox.critical(self.window, title, error_text(exc))
        if self.pane.evaluation is not None:              # what is stored, not what was refused
            self._show_again(self.pane.evaluation.uuid)

    def changed_on_card(self, evaluation: Evaluation) -> None:
        """A fatal item confirmed or rejected on the card is the inspector's decision on the hit that raised it:
        the hit list and the red-line register follow, and the next check of the call keeps it (the card alone
        would be put back to "pending review" by the undecided hit)."""
        before = {f.item: f.status for f in self.pane.evaluation.fatal} if self.pane.evaluation is not None else {}
        hits = {hit_key(hit): hit for hit in self.state.hits or []}
        self.save(evaluation)
        for fatal in evaluation.fatal:
            hit = hits.get(fatal.hit_key)
            if hit is None or fatal.status not in ("confirmed", "rejected") or before.get(fatal.item) == fatal.status:
                continue                        # only what this change decided on the card
            decided = self.state.decision_for(hit)
            if decided is None or decided.decision != fatal.status:
                self.hit_decided.emit(hit, fatal.status)

    def save(self, evaluation: Evaluation) -> None:
        """Shown at once, so the next change builds on this one; stored by an operation on the lane."""
        self.pane.show_evaluation(evaluation)
        self._write(lambda session: session.save(evaluation), self.tr("Not saved"))

    def show(self, evaluation: Evaluation | None, stored: bool = True, read_only: bool = False) -> None:
        self.pane.stored, self.pane.read_only = stored, read_only
        call = self.state.call
        self.pane.suggestion = (self.autoscores.for_call(call.id) if self.autoscores is not None and call is not None
                                and evaluation is not None else None)
        self.pane.appeals = self.repo.appeals(evaluation.uuid) if evaluation is not None and stored else []
        self.pane.show_evaluation(evaluation)
        if evaluation is not None and stored:
            self.window.call_changed(evaluation.call_id)      # its status follows at once

    def appeal(self, text: str, item_id: str = "") -> None:
        evaluation, call = self.pane.evaluation, self.state.call
        if evaluation is None or call is None:
            return
        agent, uuid = call.agent_id or "", evaluation.uuid

        def appeal(session: ScoringSession) -> Evaluation | None:
            session.appeal(uuid, agent, text, item_id or None)
            return session.evaluations.get(uuid)

        self._write(appeal, self.tr("Not recorded"))

    def mark_for_coaching(self, item_id: str, hit_key: str, note: str) -> None:
        evaluation = self.pane.evaluation
        if evaluation is None or self.coaching is None:
            return
        actor, uuid, card = self.actor, evaluation.uuid, self.card

        def mark(db):                                     # the evaluation itself is unchanged
            return CoachingService(db, card).mark(actor, uuid, item_id, hit_key or None, note), OpChanges()

        self.window.lane.run(mark, lambda _id: self.state.say(self.tr("%1 marked for coaching").replace("%1", item_id)),
                             on_error=lambda exc: self._refused(self.tr("Not marked"), exc))

    def resolve(self, appeal_id: int, upheld: bool, resolution: str) -> None:
        self._write(lambda session: session.resolve(appeal_id, upheld, resolution), self.tr("Not resolved"),
                    lambda after: self._show_again(after.uuid))      # an upheld appeal made a new version

    def reopen(self, reason: str) -> None:
        evaluation = self.pane.evaluation
        if evaluation is None:
            return
        self._write(lambda session: session.reopen(evaluation.uuid, reason), self.tr("Not reopened"),
                    lambda after: self._show_again(after.uuid))

    def _show_again(self, uuid: str) -> None:
        """After a lead's reopen or answer: the same evaluation as it is now, and the chooser's labels with it."""
        evaluation = self.repo.get(uuid)
        if evaluation is not None and evaluation.inspector != self.user and not self.session.calibrating(
                evaluation.call_id):
            self.view(uuid)
        else:
            self.show(evaluation, read_only=self.pane.read_only)

    def confirm_and_submit(self) -> bool:
        """The Submit button: explains what blocks it, or says what will be locked and asks."""
        evaluation, call = self.pane.evaluation, self.state.call
        if evaluation is None or call is None:
            return False
        result = score(self.card, evaluation)
        if result.pending_fatal:
            QMessageBox.information(self.window, self.tr("Not submitted"), self.tr(
                "Fatal item(s) %1 still wait for review: confirm or reject them before submitting.")
                .replace("%1", ", ".join(result.pending_fatal)))
            return False
        undecided = [i for i, hit in enumerate(self.state.hits or []) if self.state.decision_for(hit) is None]
        question = self.tr("Submit the evaluation of %1 with a total of %2 (version %3)?\n\nIt will be locked: "
                           "only a team lead can reopen it, and it is queued for upload to headquarters.") \
            .replace("%1", call.call_ref).replace("%2", f"{result.total:g}").replace("%3", str(evaluation.version))
        question += "".join("\n\n" + paragraph for paragraph in
                            (self._undecided_text(undecided), self._red_line_text(evaluation, call)) if paragraph)
        if undecided:
            question += "\n\n" + self.tr("Submit anyway? (No: back to the first undecided hit)")
        answer = QMessageBox.question(self.window, self.tr("Submit evaluation"), question,
                                      QMessageBox.Yes | QMessageBox.No,
                                      QMessageBox.No if undecided else QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            if undecided:                        # back to the first hit nobody looked at
                self.state.select_hit(undecided[0])
            return False
        self.submit()
        return True

    def _undecided_text(self, undecided: list[int]) -> str:
        """Hits nobody confirmed or rejected: submitting now leaves them unread on a locked evaluation."""
        if not undecided:
            return ""
        hits = self.state.hits
        listed = ", ".join(f"{hits[i].rule} {format_time(hits[i].start)}" for i in undecided[:8])
        return (self.tr("%n of %1 hit(s) were never confirmed or rejected:", "", len(undecided))
                .replace("%1", str(len(hits))) + f" {listed}" + ("…" if len(undecided) > 8 else ""))

    def _red_line_text(self, evaluation: Evaluation, call: Call) -> str:
        """A confirmed fatal item makes the total 0; its red-line case stands against the agent in the register."""
        confirmed = [f.item for f in evaluation.fatal if f.status == "confirmed"]
        if not confirmed:
            return ""
        names = {f.id: f.name for f in self.card.fatal}
        text = self.tr("Confirmed fatal item(s): %1. The total is 0.").replace(
            "%1", "; ".join(f"{item} {names.get(item, '')}".strip() for item in confirmed))
        cases = self.redlines.cases(status="open", call_id=call.id) if self.redlines and not self.session.calibrating(call.id) \
            else []
        if cases:
            agent = " ".join(p for p in (call.agent_id, call.agent_name) if p) or self.tr("unknown agent")
            text += " " + self.tr("Red-line case(s) %1 are open against agent %2 in the red-line register; a "
                                  "team lead follows them up.").replace(
                "%1", ", ".join(c.rule for c in cases)).replace("%2", agent)
        return text

    def submit(self) -> None:
        evaluation = self.pane.evaluation
        if evaluation is None:
            return
        first = not self.pane.stored        # submitting the prefilled card as it stands is its first change

        def submit(session: ScoringSession) -> Evaluation:
            return session.submit(session.save(evaluation) if first else evaluation)

        self._write(submit, self.tr("Not submitted"), self._submitted)

    def _submitted(self, evaluation: Evaluation) -> None:
        self._stored(evaluation)
        self.state.say(self.tr("Evaluation submitted"))
