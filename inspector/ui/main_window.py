"""The main window: call list on the left; waveform, transport and transcript of the open call on the right.

The window only assembles panes, menus and the status bar and connects them; what happens on a call is the
controllers' (opening, transcripts, rules, speech, scoring, import, the tool windows), each given the
declared Workbench (ui/workbench.py) and the panes it fills, never the window itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from inspector.audio.output import playback_problem
from inspector.audio.player import ChannelMode, Player
from inspector.desk.desk import Desk
from inspector.domain.people import User
from inspector.jobs import immediate
from inspector.privacy.visibility import Visibility
from inspector.open_call.state import ReviewState
from inspector.scoring.defaults import default_card
from inspector.settings import Settings, save_settings
from inspector.ui.account_texts import role_name
from inspector.ui.actions import build_actions
from inspector.ui.call_list import CallListPane
from inspector.ui.call_opener import CallHeader, CallOpener
from inspector.ui.core_messages import translated
from inspector.ui.emotion_lane import EmotionLane
from inspector.ui.hits_pane import HitsPane
from inspector.ui.import_controller import ImportController
from inspector.ui.layout_memory import restore_sizes, saved_sizes
from inspector.ui.operations import DatabaseLane
from inspector.ui.playback import SPEED_STEP, PlaybackController
from inspector.ui.progress import ProgressView
from inspector.ui.review_controller import ReviewController
from inspector.ui.rules_controller import RulesController
from inspector.ui.scorecard_pane import ScorecardPane
from inspector.ui.scoring_controller import ScoringController
from inspector.ui.speech_controller import SpeechController
from inspector.ui.tasks import TaskRunner
from inspector.ui.tool_windows import ToolWindows
from inspector.ui.transcript_controller import TranscriptController
from inspector.ui.transcript_pane import TranscriptPane
from inspector.ui.transport import TransportBar
from inspector.ui.waveform import WaveformPane
from inspector.ui.window_sizes import available_area, open_within_screen, remember
from inspector.users.policy import Action, allowed
from inspector.workspace import Workspace

VOLUME_STEP = 0.1


class MainWindow(QMainWindow):
    sign_out_requested = Signal(bool)        # True: log out; False: switch user (see ui.session)

    def __init__(self, workspace: Workspace, settings: Settings, player: Player | None = None,
                 check_playback: bool = True, *, user: User) -> None:
        super().__init__()
        self.workspace, self.settings = workspace, settings
        self.user = user                         # who is signed in: this session's actor, never a setting
        self.desk = Desk.open(workspace.database)     # the GUI thread's reads; writes go on the lane
        self.db, self.calls, self.transcripts = self.desk.db, self.desk.calls, self.desk.transcripts
        self.state = ReviewState()
        self.tasks = TaskRunner(self)
        self.lane = DatabaseLane(workspace.database, self)       # the UI's writes, off the GUI thread
        self.playback = PlaybackController(self.state, player, self)
        self.progress_view = ProgressView(self.statusBar(), self.tasks.cancel_all)
        self.speech = SpeechController(self, self.state, self.tasks, self.desk, workspace, settings)
        self.rules = RulesController(self, self.state, self.tasks, self.playback, self.desk, workspace, settings,
                                     user)
        self.rules.listening_model = self.speech.listening_loader     # a recognised call is heard again
        self.review = ReviewController(self, self.desk, default_card(), user, lambda i: self.opener.open_call_by_id(i),
                                       lambda status: self.call_list.model.status_text(status),
                                       lambda: self.call_list.reload(), self.lane)
        self.setWindowTitle(self.tr("Inspector — call quality inspection"))
        self.call_list = CallListPane(self.desk, self)
        self.lane.changed.connect(self.call_list.follow)
        self.waveform = WaveformPane(self.state, self)
        self.emotion_lane = EmotionLane(self)
        self.emotion_lane.attach_to(self.waveform.canvas, 3, self.waveform.lanes[0])
        self.header = CallHeader(self)
        self.transcript = TranscriptPane(self.state, self)
        self.transcript.shown = lambda t: Visibility(self.db, self.user).transcript(self.state.call.id, t) \
            if self.state.call is not None else t
        self.hits_pane = HitsPane(self.state, self)
        self.scorecard = ScorecardPane(default_card(), self)
        self.scoring = ScoringController(self, self.state, self.scorecard, self.desk, default_card(), user)
        self.rules.scope_for = self.scoring.decision_scope
        self.scoring.hit_decided.connect(self.rules.decide)
        self.opener = CallOpener(self, self.state, self.tasks, self.desk, workspace,
                                 (self.header, self.emotion_lane, self.call_list), self.rules, self.playback)
        self.transcripts_control = TranscriptController(self, self.state, self.lane, self.desk,
                                                        self.transcript, self.rules, self.speech, self.playback,
                                                        user.id)
        self.importer = ImportController(self, self, self.state, self.tasks, workspace, settings, self.desk,
                                         self.opener.open_first_call)
        self.calibration_label = QLabel(self)
        self.tools = ToolWindows(self, self.desk, workspace, settings, user, self.tasks, self.state, self.opener,
                                 self.scoring, self.rules, self.call_list,
                                 lambda: self.side_tabs.setCurrentWidget(self.scorecard),
                                 self.calibration_label.setText, self.lane)
        self.transport = TransportBar(self.state, self.playback, self._build_menus(), self)
        self._build_layout()
        self._build_status_bar()

        self.call_list.call_activated.connect(self.opener.open_call)
        for pane in (self.waveform, self.transcript, self.hits_pane, self.scorecard):
            pane.seek_requested.connect(self.playback.seek)
        self.hits_pane.decided.connect(self.rules.decide)
        self.hits_pane.basis_for = self.transcripts_control.hits_basis
        self.state.message_changed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._focus_left: QWidget | None = None      # the window the keyboard focus was in before none had it
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self.playback.set_volume(settings.volume)
        if check_playback:
            self.tasks.submit("playback-check", lambda _cancel: immediate(playback_problem()),
                              self._show_playback_problem)
        open_within_screen(self, "main", available_area(self).size(), settings.window_sizes)  # a workstation: the whole screen
        self._layout_restored = False

    # -- layout ----------------------------------------------------------------------------------
    def _handlers(self) -> dict:
        p, t, x = self.playback, self.tools, self.transcripts_control
        return {
            "import": self.importer.choose_import_folder, "settings": t.edit_settings, "quit": self.close,
            "users": t.show_users, "switch_user": lambda: self.sign_out_requested.emit(False),
            "log_out": lambda: self.sign_out_requested.emit(True),
            "evaluations": t.show_evaluations, "reports": t.show_reports, "search": t.show_search,
            "voc": t.show_voc,
            **self.review.handlers(),
            "calibration": t.show_calibration, "stop_calibration": t.stop_calibration,
            "upload": t.show_upload,
            "play": p.toggle, "stop": p.stop,
            "back1": lambda: p.skip(-1.0), "forward1": lambda: p.skip(1.0),
            "back5": lambda: p.skip(-5.0), "forward5": lambda: p.skip(5.0),
            "start": p.to_start, "end": p.to_end,
            "slower": lambda: p.change_speed(-SPEED_STEP), "faster": lambda: p.change_speed(SPEED_STEP),
            "loop_a": p.mark_loop_start, "loop_b": p.mark_loop_end, "loop_clear": p.clear_loop,
            "both": lambda: p.set_channel_mode(ChannelMode.BOTH),
            "agent": lambda: p.set_channel_mode(ChannelMode.AGENT),
            "customer": lambda: p.set_channel_mode(ChannelMode.CUSTOMER),
            "louder": lambda: p.set_volume(min(1.0, p.player.volume + VOLUME_STEP)),
            "quieter": lambda: p.set_volume(max(0.0, p.player.volume - VOLUME_STEP)),
            "zoom_in": lambda: self.waveform.zoom(0.5), "zoom_out": lambda: self.waveform.zoom(2.0),
            "zoom_fit": lambda: self.waveform.fit(),
            "pan_left": lambda: self.waveform.pan(-0.25), "pan_right": lambda: self.waveform.pan(0.25),
            "next_hit": lambda: self.rules.jump(1), "prev_hit": lambda: self.rules.jump(-1),
            "confirm_hit": lambda: self.rules.decide_current("confirmed"),
            "reject_hit": lambda: self.rules.decide_current("rejected"),
            "check_call": self.rules.check_current, "check_all": lambda: self.rules.check_all(),
            "compare_pack": self.rules.choose_pack, "accuracy": self.rules.show_accuracy,
            "speech_models": self.speech.show_models, "transcribe_call": self.speech.transcribe_current,
            "transcribe_all": self.speech.transcribe_all, "export_transcript": x.export_transcript,
            "import_transcript": x.import_transcript, "correct_sentence": x.correct_sentence,
            "shortcuts": lambda: t.show_shortcuts(self.actions_by_key), "about": t.show_about,
        }

    def _build_menus(self) -> dict:
        self.actions_by_key = build_actions(self, self._handlers())
        self.actions_by_key["users"].setVisible(allowed(self.user, Action.MANAGE_USERS))
        titles = {"file": self.tr("&File"), "playback": self.tr("&Playback"), "view": self.tr("&View"),
                  "review": self.tr("Re&view"), "rules": self.tr("&Rules"), "speech": self.tr("&Speech"),
                  "help": self.tr("&Help")}
        menus = {key: self.menuBar().addMenu(title) for key, title in titles.items()}
        for action in self.actions_by_key.values():
            menus[action.property("menu")].addAction(action)
        return self.actions_by_key

    def _build_layout(self) -> None:
        right = QSplitter(Qt.Vertical, self)
        top = QWidget(right)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.header, 0), (self.waveform, 1), (self.emotion_lane, 0), (self.transport, 0)):
            column.addWidget(widget, stretch)
        right.addWidget(top)
        bottom = QSplitter(Qt.Horizontal, right)
        bottom.addWidget(self.transcript)
        tabs = QTabWidget(bottom)
        tabs.addTab(self.hits_pane, self.tr("Hits"))
        tabs.addTab(self.scorecard, self.tr("Scorecard"))
        self.side_tabs = tabs
        bottom.addWidget(tabs)
        bottom.setSizes([400, 480])          # the hit list's five columns need the wider half
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        main = QSplitter(Qt.Horizontal, self)
        main.addWidget(self.call_list)
        main.addWidget(right)
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 5)
        main.setSizes([560, 800])
        self.setCentralWidget(main)
        self.splitters = {"main": main, "right": right, "bottom": bottom}

    def _build_status_bar(self) -> None:
        self.playback_label = QLabel(self)
        self.user_label = QLabel(self.tr("Signed in: %1 (%2) · %3").replace("%1", self.user.name)
                                 .replace("%2", self.user.id).replace("%3", role_name(self.user.role)), self)
        for widget in (self.user_label, self.calibration_label, self.playback_label, self.progress_view.bar,
                       self.progress_view.cancel_button):
            self.statusBar().addPermanentWidget(widget)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Back from a dialog (My queue, a message), Qt would give the focus to the search box that had it
        before: the next Y or N would be typed there and empty the list. The review area takes it instead;
        a click into a search box still types there."""
        came_from = old.window() if old is not None else self._focus_left
        if new is None:
            self._focus_left = came_from
        elif new is self.call_list.search and came_from is not self:
            self.call_list.table.setFocus(Qt.OtherFocusReason)

    def _show_playback_problem(self, problem: str | None) -> None:
        if problem:
            problem = translated(problem)
            self.playback.unavailable_reason = problem
            self.playback_label.setText(self.tr("Playback unavailable"))
            self.playback_label.setToolTip(problem)
            self.state.say(self.tr("Playback unavailable: %1").replace("%1", problem))
        else:
            self.playback_label.setText("")

    # -- the Workbench the controllers are given (ui/workbench.py) --------------------------------
    def idle(self) -> None:
        self.progress_view.idle()

    def call_changed(self, call_id: int) -> None:
        self.call_list.refresh_call(call_id)

    def calls_changed(self) -> None:
        self.call_list.reload()

    def check_open_call(self) -> None:
        self.rules.check_current()

    def check_ahead(self) -> None:
        self.rules.check_all(only_outdated=True)

    def show_categories(self, call_id: int) -> None:
        self.opener.show_categories(call_id)

    def show_versions(self) -> None:
        self.transcripts_control.show_versions()

    def version_label(self, source: str, created_at: str) -> str:
        return self.transcript.version_label(source, created_at)

    # -- the window's own life -------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The saved splitter sizes once the window has its real size: they are shared out over it."""
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            restore_sizes(self.splitters, self.settings.splitters)
            self.opener.open_first_call()

    def close_tool_windows(self) -> None:
        self.tools.close_tool_windows()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.close_tool_windows()
        self.tasks.shutdown()
        self.lane.shutdown()
        self.playback.shutdown()
        self.state.disconnect_all()
        self.settings.volume = self.playback.player.volume
        self.settings.splitters = saved_sizes(self.splitters)
        remember(self, "main", self.settings.window_sizes)
        try:
            save_settings(self.settings)
        except OSError:
            pass
        self.desk.close()
        super().closeEvent(event)
