"""The Rules side of the window: which pack is in use, checking calls, hit navigation and decisions.

Checks run on the TaskRunner; the GUI thread only stores results and updates the review state.
"""

from __future__ import annotations

from collections.abc import Callable

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector.categories.pack import default_category_pack
from inspector.domain.people import User
from inspector.jobs import immediate
from inspector.findings.autoscoring import autoscore_all, score_stored
from inspector.findings.checking import compare_pack
from inspector.findings.runner import CATEGORIES, RULES, ModelLoader, Packs, run_findings, update_findings
from inspector.open_call.state import ReviewState
from inspector.scoring.defaults import default_card, default_pack, load_checked_pack
from inspector.rules.hits import Hit
from inspector.rules.pack import PackError, RulePack
from inspector.settings import Settings, save_settings
from inspector.domain.calls import Call
from inspector.desk.desk import Desk, on_own_desk
from inspector.domain.accuracy import accuracy_by_band
from inspector.ui.core_messages import error_text
from inspector.ui.operations import OpChanges
from inspector.ui.playback import PlaybackController
from inspector.ui.rules_dialogs import AccuracyDialog, CompareDialog
from inspector.ui.tasks import TaskRunner
from inspector.ui.workbench import Workbench
from inspector.workspace import Workspace
from inspector.ui.i18n import english_ui

NAVIGATION_LEAD_S = 1.0


class RulesController(QObject):
    def __init__(self, window: Workbench, state: ReviewState, tasks: TaskRunner, playback: PlaybackController,
                 desk: Desk, workspace: Workspace,
                 settings: Settings, actor: User) -> None:
        super().__init__(window)
        self.actor = actor
        # which decisions the open call shows and records: "" in production review; the window points this
        # at the scoring controller so a blind calibration participant sees and writes only their own
        self.scope_for: Callable[[Call], str] = lambda _call: ""
        self.window = window
        self.state = state
        self.tasks = tasks
        self.playback = playback
        self.hits = desk.hits
        self.transcripts = desk.transcripts
        self.workspace = workspace
        self.settings = settings
        self.pack = self._initial_pack()
        self.last_batch = None
        self.last_diffs = None
        # gives a loader of the model to hear a recognised call's doubtful phrases again with (the window
        # points it at the Speech side's); a loader of nothing checks on the words alone
        self.listening_model: Callable[[], ModelLoader] = lambda: (lambda: None)

    # -- pack ------------------------------------------------------------------------------------
    @property
    def pack(self) -> RulePack:
        return self._pack

    @pack.setter
    def pack(self, pack: RulePack) -> None:
        """Hits show the rule names of the pack in use, in English in the English UI when the pack has them."""
        self._pack = pack
        english = english_ui()
        self.state.rule_names = {rule.id: (rule.name_en if english and rule.name_en else rule.name)
                                 for rule in pack.rules}

    def _initial_pack(self) -> RulePack:
        if self.settings.rule_pack:
            try:
                return load_checked_pack(Path(self.settings.rule_pack))
            except PackError as exc:
                self.state.say(self.tr("Using the default rule pack: %1").replace("%1", str(exc)))
        return default_pack()

    def choose_pack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Rule pack to compare"), "",
                                              self.tr("Rule packs (*.toml)"))
        if path:
            self.compare_with(Path(path))

    def compare_with(self, path: Path, show: bool = True):
        """Validate the pack, then show what it would change; a broken pack leaves the current one in use."""
        try:
            pack = load_checked_pack(path)
        except PackError as exc:
            QMessageBox.warning(self.window, self.tr("Rule pack not loaded"), str(exc))
            return None
        workspace = self.workspace
        job = on_own_desk(workspace.database, lambda desk, cancel: compare_pack(desk.db, workspace, pack, cancel))
        return self.tasks.submit("compare-pack", job, lambda diffs: self._compared(pack, diffs, show),
                                 on_progress=self.window.progress_view.follow(self.tr("Checking %1")),
                                 on_error=self._failed)

    def _compared(self, pack: RulePack, diffs, show: bool) -> None:
        self.window.idle()
        self.last_diffs = diffs
        if show and CompareDialog(diffs, pack, self.window).exec():
            self.use_pack(pack)

    def use_pack(self, pack: RulePack) -> None:
        self.pack = pack
        self.settings.rule_pack = str(pack.source) if pack.source else ""
        save_settings(self.settings)
        self.check_all()

    # -- checking --------------------------------------------------------------------------------
    def show_call(self, call: Call) -> None:
        """Stored hits at once; a call never checked is checked as soon as its audio overview is ready."""
        stored = self.hits.for_call(call.id)
        self.state.set_hits(stored, self.hits.decisions(call.id, self.scope_for(call)))

    def overview_ready(self, call: Call) -> None:
        if self.state.hits is None:
            self.check_current()

    def check_current(self) -> None:
        call, transcript = self.state.call, self.state.transcript
        if call is None:
            return
        if transcript is None:
            self.state.say(self.tr("This call has no transcript to check"))
            return
        workspace, packs, card = self.workspace, Packs(self.pack, default_category_pack()), default_card()
        load = self.listening_model()

        def check_one(desk, _cancel):
            """The findings runner's rules and categories for this call, and its automatic score, stored on the
            job's own connection: the GUI thread only shows the hits."""
            update_findings(desk.db, workspace, call, packs, (RULES, CATEGORIES), load_for_listening=load)
            score_stored(desk.db, call.id, card, packs.rules)
            return immediate(desk.hits.for_call(call.id) or [])

        self.tasks.submit(f"check:{call.id}", on_own_desk(workspace.database, check_one),
                          lambda hits: self._checked(call, hits), on_error=self._failed)

    def _checked(self, call: Call, hits: list[Hit]) -> None:
        if self.state.call is not None and self.state.call.id == call.id:
            self.state.set_hits(hits, self.hits.decisions(call.id, self.scope_for(call)))
            self.window.show_categories(call.id)
        self.window.call_changed(call.id)

    def check_all(self, only_outdated: bool = False):
        """`only_outdated`: checking ahead after an import or a transcription, so hit counts and fatal flags
        are known before anyone opens a call."""
        workspace, pack, categories = self.workspace, self.pack, default_category_pack()
        load = self.listening_model()

        def check_categorize_measure(desk, cancel):
            """Categories and the automatic score rest on rule hits, so they follow the check in the same job;
            the customer's emotion too, so the call list can show and filter them before anyone opens a call.
            One pass of the findings runner: each call's transcript read once, its recording decoded once."""
            result = yield from run_findings(desk.db, workspace, Packs(pack, categories), cancel=cancel,
                                             only_outdated=True, redo=() if only_outdated else (RULES,),
                                             load_for_listening=load)
            yield from autoscore_all(desk.db, default_card(), pack, cancel)
            return result

        job = on_own_desk(workspace.database, check_categorize_measure)
        return self.tasks.submit("check-all", job, self._all_checked,
                                 on_progress=self.window.progress_view.follow(self.tr("Checking %1")),
                                 on_error=self._failed, on_cancelled=self.window.idle)

    def _all_checked(self, result) -> None:
        self.window.idle()
        self.last_batch = result
        self.window.calls_changed()
        if self.state.call is not None:
            self.show_call(self.state.call)
            self.window.show_categories(self.state.call.id)
        self.state.say(self.tr("Checked %1 call(s) with %2").replace("%1", str(result.checked))
                       .replace("%2", self.pack.name))

    def _failed(self, error: Exception) -> None:
        self.window.idle()
        self.state.say(str(error))

    # -- navigation and decisions ----------------------------------------------------------------
    def jump(self, step: int) -> None:
        index = self.state.neighbour_hit(step)
        if index is None:
            self.state.say(self.tr("No further hit"))
            return
        self.state.select_hit(index)
        self.playback.seek(max(0.0, self.state.hits[index].start - NAVIGATION_LEAD_S))
        if not self.playback.playing and self.state.recording is not None:
            self.playback.toggle()

    def decide(self, hit: Hit, decision: str, note: str = "") -> None:
        """Stored by an operation on the database lane (with the red-line case a fatal hit opens or withdraws);
        the open call's state takes the decision when it is stored, and the call's row follows the change."""
        call = self.state.call
        if call is None:
            return
        actor, scope = self.actor.id, self.scope_for(call)

        def store(db):
            return (Desk(db).hits.decide(call.id, hit, decision, note, actor, scope),
                    OpChanges(frozenset({call.id}), hits=True))

        self.window.lane.run(store, lambda stored: self._decided(call, stored),
                             on_error=lambda error: self.state.say(error_text(error)))

    def _decided(self, call: Call, decision) -> None:
        if self.state.call is not None and self.state.call.id == call.id:
            self.state.set_decision(decision)

    def decide_current(self, decision: str) -> None:
        if self.state.hits and self.state.current_hit is not None:
            self.decide(self.state.hits[self.state.current_hit], decision)

    def show_accuracy(self) -> None:
        AccuracyDialog(self.hits.accuracy(), self.pack, self.window,
                       accuracy_by_band(self.hits.decided_confidences())).exec()
