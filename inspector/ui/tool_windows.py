"""The windows and dialogs the menus open beside the review: evaluations, reports, voice of the customer,
search, calibration, upload, users, settings, shortcuts and About. The tool windows (Reports, Search, VoC)
are one each per session and close with it.

Given the pieces each needs (the scoring and call-opening controllers, the call list), not the main window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector import __version__
from inspector.calibration.sessions import CalibrationService
from inspector.domain.people import User
from inspector.privacy.visibility import Visibility
from inspector.open_call.state import ReviewState
from inspector.scoring.defaults import default_card
from inspector.settings import Settings, save_settings
from inspector.domain.calibration import CalibrationSession
from inspector.ui.calibration_dialog import CalibrationDialog
from inspector.ui.call_list import CallListPane
from inspector.ui.call_opener import CallOpener
from inspector.ui.comparison_window import ComparisonWindow
from inspector.ui.dialogs import SettingsDialog, ShortcutsDialog
from inspector.ui.evaluations_dialog import EvaluationsDialog
from inspector.ui.operations import DatabaseLane
from inspector.ui.reports_window import ReportsWindow
from inspector.ui.rules_controller import RulesController
from inspector.ui.scoring_controller import ScoringController
from inspector.ui.search_window import SearchWindow
from inspector.ui.sync_dialog import SyncDialog
from inspector.ui.tasks import TaskRunner
from inspector.ui.users_dialog import UsersDialog
from inspector.ui.voc_window import VocWindow
from inspector.workspace import Workspace


class ToolWindows(QObject):
    def __init__(self, parent: QWidget, desk: Desk, workspace: Workspace, settings: Settings, user: User,
                 tasks: TaskRunner, state: ReviewState, opener: CallOpener, scoring: ScoringController,
                 rules: RulesController, call_list: CallListPane, show_scorecard: Callable[[], None],
                 calibration_shown: Callable[[str], None], lane: DatabaseLane) -> None:
        super().__init__(parent)
        self.lane = lane
        self.parent_widget, self.desk, self.workspace, self.settings, self.user = parent, desk, workspace, settings, user
        self.db = desk.db
        self.tasks, self.state, self.opener, self.scoring, self.rules = tasks, state, opener, scoring, rules
        self.call_list, self.show_scorecard, self.calibration_shown = call_list, show_scorecard, calibration_shown
        self.calls = desk.calls
        self.reports_window: ReportsWindow | None = None
        self.search_window: SearchWindow | None = None
        self.voc_window: VocWindow | None = None

    def _front(self) -> None:
        self.parent_widget.raise_()
        self.parent_widget.activateWindow()

    # -- scoring ---------------------------------------------------------------------------------
    def evaluations_dialog(self) -> EvaluationsDialog:
        dialog = EvaluationsDialog(self.desk, default_card(), self.user, self.parent_widget)
        dialog.evaluation_chosen.connect(self.open_evaluation)
        return dialog

    def show_evaluations(self) -> None:
        self.evaluations_dialog().exec()

    def open_evaluation(self, uuid: str) -> None:
        """Open the evaluation's call and show that evaluation (read-only when it is someone else's)."""
        evaluation = self.scoring.repo.get(uuid)
        if evaluation is None:
            return
        self.opener.open_call_by_id(evaluation.call_id)
        self.show_scorecard()
        self.scoring.view("" if evaluation.inspector == self.user.id else uuid)

    # -- tool windows ----------------------------------------------------------------------------
    def show_reports(self) -> ReportsWindow:
        """One Reports window beside the main window (not modal), so an agent's calls can be opened from it."""
        if self.reports_window is None:
            self.reports_window = ReportsWindow(self.workspace.database, self.db, default_card(), self.parent_widget)
            self.reports_window.agent_chosen.connect(self.show_agent_calls)
        self.reports_window.show()
        self.reports_window.raise_()
        return self.reports_window

    def show_voc(self) -> VocWindow:
        if self.voc_window is None:
            self.voc_window = VocWindow(self.workspace.database, self.tasks, self.parent_widget)
        self.voc_window.show()
        self.voc_window.raise_()
        self.voc_window.refresh()
        return self.voc_window

    def show_search(self) -> SearchWindow:
        if self.search_window is None:
            self.search_window = SearchWindow(self.desk, self.parent_widget, Visibility(self.db, self.user).found)
            self.search_window.open_at.connect(self.open_call_at)
        self.search_window.reload_choices()
        self.search_window.show()
        self.search_window.raise_()
        return self.search_window

    def open_call_at(self, call_id: int, seconds: float) -> None:
        self.opener.open_call_at(call_id, seconds)
        self._front()

    def show_agent_calls(self, agent_id: str) -> None:
        self.call_list.reload()
        self.call_list.agent.setCurrentIndex(max(0, self.call_list.agent.findData(agent_id)))
        self._front()

    def close_tool_windows(self) -> None:
        """The Reports, Search and VoC windows belong to this user's session and read through its database:
        they go with it (Log out, Switch user, closing), never left open for the next person."""
        for window in (self.reports_window, self.search_window, self.voc_window):
            if window is not None:
                window.close()

    # -- calibration and upload ------------------------------------------------------------------
    def calibration_dialog(self) -> CalibrationDialog:
        service = CalibrationService(self.desk.calibration, self.scoring.repo)
        dialog = CalibrationDialog(service, self.desk, default_card(), self.user, self.workspace.root / "calibration",
                                   self.parent_widget,
                                   show_comparison=lambda c, h: ComparisonWindow(c, h, self.parent_widget).exec(),
                                   lane=self.lane)
        dialog.score_requested.connect(lambda session: self.start_calibration(service, session))
        dialog.finished.connect(lambda _code: self.call_list.reload())
        return dialog

    def show_calibration(self) -> None:
        self.calibration_dialog().exec()

    def start_calibration(self, service: CalibrationService, session: CalibrationSession) -> None:
        """Scores of the session's calls now go to the session, blind, until the user leaves this mode."""
        self.scoring.start_calibration(service, session)
        refs = self.calls.refs(session.call_ids)
        self.calibration_shown(self.tr("Calibration: %1").replace("%1", session.title))
        self.state.say(self.tr("Calibration scoring for %1: %2").replace("%1", session.title)
                       .replace("%2", ", ".join(refs[i] for i in session.call_ids)))
        first = self.calls.get(session.call_ids[0])
        if first is not None:
            self.opener.open_call(first)

    def stop_calibration(self) -> None:
        self.scoring.stop_calibration()
        self.calibration_shown("")
        if self.state.call is not None:
            self.rules.show_call(self.state.call)      # back to the production decisions of the open call

    def upload_dialog(self) -> SyncDialog:
        return SyncDialog(self.desk, self.workspace.database, self.tasks, self.user, self.parent_widget, lane=self.lane)

    def show_upload(self) -> None:
        self.upload_dialog().exec()

    # -- dialogs ---------------------------------------------------------------------------------
    def show_shortcuts(self, actions_by_key: dict) -> None:
        ShortcutsDialog(actions_by_key, self.parent_widget).exec()

    def show_about(self) -> None:
        QMessageBox.about(self.parent_widget, self.tr("About Inspector"),
                          self.tr("Inspector %1 — call quality-inspection workstation.\nData folder: %2")
                          .replace("%1", __version__).replace("%2", str(self.workspace.root)))

    def show_users(self) -> None:
        UsersDialog(self.desk, self.user, self.parent_widget, lane=self.lane).exec()

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.parent_widget)
        if dialog.exec():
            self.settings.language = dialog.chosen_language()
            save_settings(self.settings)
