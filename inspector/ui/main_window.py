"""The main window: call list on the left; waveform, transport and transcript of the open call on the right.

The window wires panes to the review state and runs every slow step (import, decoding, analysis) through
the TaskRunner; it holds no review logic of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)

from inspector import __version__
from inspector.ui.evidence_text import why_text
from inspector.ui.category_names import category_text
from inspector.audio.output import playback_problem
from inspector.audio.overview import OpenedAudio, open_audio
from inspector.audio.player import ChannelMode, Player
from inspector.audio.recording import decode
from inspector.intake.batch_findings import BatchFindings
from inspector.intake.importer import ImportProgress, ImportReport, import_folder
from inspector.jobs import immediate
from inspector.review.checking import CheckProgress
from inspector.review.state import ReviewState
from inspector.settings import Settings, save_settings
from inspector.categories.pack import SEPARATOR
from inspector.store.autoscores import AutoScoreRepository
from inspector.review.coaching import CoachingService
from inspector.store.calls import Call, CallRepository
from inspector.store.categories import CategoryRepository
from inspector.emotion.turns import CustomerEmotion, customer_emotion
from inspector.store.emotion import EmotionRepository
from inspector.store.database import on_own_connection, open_database
from inspector.store.hits import HitRepository
from inspector.store.redlines import RedLineRepository
from inspector.domain.people import User
from inspector.store.transcripts import EDITED, TranscriptRepository
from inspector.transcript.edits import edit_speaker, edit_text, edit_word
from inspector.transcript.io import TranscriptError, load_transcript, save_transcript
from inspector.privacy.visibility import Visibility
from inspector.ui.account_texts import role_name
from inspector.ui.core_messages import translated
from inspector.ui.actions import build_actions
from inspector.calibration.sessions import CalibrationService
from inspector.store.calibration import CalibrationRepository, CalibrationSession
from inspector.store.users import UserRepository
from inspector.ui.calibration_dialog import CalibrationDialog
from inspector.ui.call_list import CallListPane
from inspector.ui.comparison_window import ComparisonWindow
from inspector.ui.sync_dialog import SyncDialog
from inspector.ui.dialogs import ImportReportDialog, SettingsDialog, ShortcutsDialog
from inspector.ui.evaluations_dialog import EvaluationsDialog
from inspector.ui.hits_pane import HitsPane
from inspector.ui.playback import SPEED_STEP, PlaybackController
from inspector.ui.reports_window import ReportsWindow
from inspector.scoring.defaults import default_card
from inspector.store.evaluations import EvaluationRepository
from inspector.ui.review_controller import ReviewController
from inspector.ui.rules_controller import RulesController
from inspector.ui.scorecard_pane import ScorecardPane
from inspector.ui.scoring_controller import ScoringController
from inspector.ui.speech_controller import SpeechController
from inspector.ui.tasks import TaskHandle, TaskRunner
from inspector.ui.transcript_pane import TranscriptPane
from inspector.intake.callers import caller_key
from inspector.ui.emotion_lane import EmotionLane
from inspector.ui.search_window import SearchWindow
from inspector.ui.voc_window import VocWindow
from inspector.ui.transport import TransportBar
from inspector.ui.users_dialog import UsersDialog
from inspector.users.policy import Action, allowed
from inspector.ui.waveform import WaveformPane
from inspector.ui.layout_memory import restore_sizes, saved_sizes
from inspector.ui.window_sizes import open_within_screen, remember
from inspector.workspace import Workspace

VOLUME_STEP = 0.1


class MainWindow(QMainWindow):
    sign_out_requested = Signal(bool)        # True: log out; False: switch user (see ui.session)

    def __init__(self, workspace: Workspace, settings: Settings, player: Player | None = None,
                 check_playback: bool = True, *, user: User) -> None:
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.user = user                         # who is signed in: this session's actor, never a setting
        self.db = open_database(workspace.database)
        self.calls = CallRepository(self.db)
        self.transcripts = TranscriptRepository(self.db)
        self.state = ReviewState()
        self.tasks = TaskRunner(self)
        self.playback = PlaybackController(self.state, player, self)
        self.speech = SpeechController(self, self.state, self.tasks, self.calls, self.transcripts, workspace,
                                       settings)
        self.rules = RulesController(self, self.state, self.tasks, self.playback, HitRepository(self.db),
                                     self.transcripts, workspace, settings, user)
        self.rules.listening_model = self.speech.listening_loader     # a recognised call is heard again
        self.last_import: ImportReport | None = None
        self.reports_window: ReportsWindow | None = None
        self.search_window: SearchWindow | None = None
        self.voc_window: VocWindow | None = None
        self._seek_when_ready: tuple[int, float] | None = None
        self._opening: TaskHandle | None = None

        self.review = ReviewController(self, self.db, default_card(), user, self.open_call_by_id,
                                       lambda status: self.call_list.model.status_text(status),
                                       lambda: self.call_list.reload())
        self.setWindowTitle(self.tr("Inspector — call quality inspection"))
        self.actions_by_key = build_actions(self, self._handlers())
        self.actions_by_key["users"].setVisible(allowed(user, Action.MANAGE_USERS))
        self._build_menus()
        self.categories = CategoryRepository(self.db)
        self.emotions = EmotionRepository(self.db)
        self.call_list = CallListPane(self.calls, self, self.categories, self.emotions)
        self.waveform = WaveformPane(self.state, self)
        self.emotion_lane = EmotionLane(self)
        self.emotion_lane.attach_to(self.waveform.canvas, 3, self.waveform.lanes[0])
        self.transport = TransportBar(self.state, self.playback, self.actions_by_key, self)
        self.transcript = TranscriptPane(self.state, self)
        self.transcript.shown = lambda t: Visibility(self.db, self.user).transcript(self.state.call.id, t) \
            if self.state.call is not None else t
        self.hits_pane = HitsPane(self.state, self)
        self.scorecard = ScorecardPane(default_card(), self)
        self.scoring = ScoringController(self, self.state, self.scorecard,
                                         EvaluationRepository(self.db, default_card()), default_card(), user)
        self.rules.scope_for = self.scoring.decision_scope
        self.scoring.autoscores = AutoScoreRepository(self.db)
        self.scoring.redlines = RedLineRepository(self.db)
        self.scoring.coaching = CoachingService(self.db, default_card())
        self._build_layout()
        self._build_status_bar()

        self.call_list.call_activated.connect(self.open_call)
        self.waveform.seek_requested.connect(self.playback.seek)
        self.transcript.seek_requested.connect(self.playback.seek)
        self.hits_pane.seek_requested.connect(self.playback.seek)
        self.scorecard.seek_requested.connect(self.playback.seek)
        self.hits_pane.decided.connect(self.rules.decide)
        self.transcript.edit_requested.connect(self.correct_transcript)
        self.transcript.replay_requested.connect(self._replay)
        self.transcript.version_chosen.connect(self.choose_transcript)
        self.transcript.planned_model = lambda: (self.speech.planned_model() or (None,))[0]
        self.transcript.transcribe_requested.connect(self._transcribe_or_install)
        self.hits_pane.basis_for = self._hits_basis
        self.state.message_changed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.state.transcript_changed.connect(self._transcript_changed)
        self._focus_left: QWidget | None = None      # the window the keyboard focus was in before none had it
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self.playback.set_volume(settings.volume)
        if check_playback:
            self.tasks.submit("playback-check", lambda _cancel: immediate(playback_problem()),
                              self._show_playback_problem)
        open_within_screen(self, "main", QSize(1360, 860), settings.window_sizes)
        self._layout_restored = False

    # -- layout ----------------------------------------------------------------------------------
    def _handlers(self) -> dict:
        p = self.playback
        return {
            "import": self.choose_import_folder, "settings": self.edit_settings, "quit": self.close,
            "users": self.show_users, "switch_user": lambda: self.sign_out_requested.emit(False),
            "log_out": lambda: self.sign_out_requested.emit(True),
            "evaluations": self.show_evaluations, "reports": self.show_reports, "search": self.show_search,
            "voc": self.show_voc,
            **self.review.handlers(),
            "calibration": self.show_calibration, "stop_calibration": self.stop_calibration,
            "upload": self.show_upload,
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
            "transcribe_all": self.speech.transcribe_all, "export_transcript": self.export_transcript,
            "import_transcript": self.import_transcript, "correct_sentence": self.correct_sentence,
            "shortcuts": self.show_shortcuts, "about": self.show_about,
        }

    def _build_menus(self) -> None:
        titles = {"file": self.tr("&File"), "playback": self.tr("&Playback"), "view": self.tr("&View"),
                  "review": self.tr("Re&view"), "rules": self.tr("&Rules"), "speech": self.tr("&Speech"),
                  "help": self.tr("&Help")}
        menus = {key: self.menuBar().addMenu(title) for key, title in titles.items()}
        for action in self.actions_by_key.values():
            menus[action.property("menu")].addAction(action)

    def _build_layout(self) -> None:
        right = QSplitter(Qt.Vertical, self)
        top = QWidget(right)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        self.call_title = QLabel(self.tr("Choose a call from the list"), top)
        self.call_title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        column.addWidget(self.call_title)
        self.call_categories = QLabel(top)
        self.call_categories.setTextInteractionFlags(Qt.TextSelectableByMouse)
        column.addWidget(self.call_categories)
        column.addWidget(self.waveform, 1)
        column.addWidget(self.emotion_lane)
        column.addWidget(self.transport)
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
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.hide()
        self.cancel_button.setFocusPolicy(Qt.NoFocus)
        self.cancel_button.clicked.connect(self.tasks.cancel_all)
        self.playback_label = QLabel(self)
        self.calibration_label = QLabel(self)
        self.user_label = QLabel(self.tr("Signed in: %1 (%2) · %3").replace("%1", self.user.name)
                                 .replace("%2", self.user.id).replace("%3", role_name(self.user.role)), self)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.calibration_label)
        self.statusBar().addPermanentWidget(self.playback_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Back from a dialog (My queue, a message), Qt would give the focus to the search box that had it
        before: the next Y or N would be typed there and empty the list. The review area takes it instead;
        a click into a search box still types there."""
        came_from = old.window() if old is not None else self._focus_left
        if new is None:
            self._focus_left = came_from
        elif new is self.call_list.search and came_from is not self:
            self.call_list.table.setFocus(Qt.OtherFocusReason)

    # -- calls -----------------------------------------------------------------------------------
    def open_call_by_id(self, call_id: int) -> None:
        call = self.calls.get(call_id)
        if call is not None:
            self.open_call(call)

    def open_first_call(self) -> None:
        """The day starts on a call, not on an empty view: the first of the list when none is open."""
        if self.state.call is None and self.call_list.model.rowCount():
            self.call_list.select_row(0)
            if self.state.call is None:                   # row 0 was current already: no change signalled
                self.open_call(self.call_list.model.call_at(0))

    def open_call(self, call: Call) -> None:
        """Show what is cached at once, decode in the background; a newer choice cancels the older."""
        if self._opening is not None:
            self._opening.cancel()
        self.state.open_call(call)
        self.call_title.setText(self._call_title(call))
        self.show_categories(call.id)
        self.emotion_lane.set_emotion(self.emotions.for_call(call.id))
        stored = self.transcripts.latest(call.id)
        self.state.set_transcript(stored[1] if stored else None)
        self.show_versions()
        self.rules.show_call(call)
        path, cache = Path(call.path), self.workspace.peak_file(call.content_hash)
        self._opening = self.tasks.submit(
            f"open:{call.id}", lambda _cancel: open_audio(path, cache),
            lambda opened: self._audio_opened(call, opened),
            on_progress=self.show_progress, on_error=self._open_failed)

    def _audio_opened(self, call: Call, opened: OpenedAudio) -> None:
        self.state.set_overview(opened.overview)
        self.rules.overview_ready(call)
        if opened.recording is not None:
            self._recording_ready(call, opened.recording)
            return
        self._opening = self.tasks.submit(
            f"decode:{call.id}", lambda _cancel: immediate(decode(Path(call.path))),
            lambda recording: self._recording_ready(call, recording), on_error=self._open_failed)

    def _recording_ready(self, call: Call, recording) -> None:
        if self.state.call is not None and self.state.call.id == call.id:
            self.state.set_recording(recording)
            self._measure_emotion(call, recording)
            if self._seek_when_ready is not None and self._seek_when_ready[0] == call.id:
                self.playback.seek(self._seek_when_ready[1])
                self._seek_when_ready = None
            self.idle()

    def _transcript_changed(self, transcript) -> None:
        """A new transcript of the open call (transcribed, corrected, another version): its emotion is measured
        again now, not only when the call is next opened."""
        if transcript is not None and self.state.call is not None and self.state.recording is not None:
            self._measure_emotion(self.state.call, self.state.recording)

    def _measure_emotion(self, call: Call, recording) -> None:
        """With the voice now at hand, measure the customer's emotion again in the background and store it."""
        transcript = self.state.transcript
        if transcript is None:
            return
        source = self.transcripts.latest(call.id)[0]
        self.tasks.submit(f"emotion:{call.id}", lambda _cancel: immediate(customer_emotion(transcript, recording)),
                          lambda emotion: self._emotion_measured(call, source, emotion),
                          on_error=lambda error: self.state.say(str(error)))

    def _emotion_measured(self, call: Call, source: str, emotion: CustomerEmotion | None) -> None:
        if emotion is None:
            return
        self.emotions.replace(call.id, emotion, source)
        if self.state.call is not None and self.state.call.id == call.id:
            self.emotion_lane.set_emotion(emotion)
        self.call_list.refresh_call(call.id)

    def open_call_at(self, call_id: int, seconds: float) -> None:
        """Open a call (from search) at a moment: the playhead goes there once the recording is loaded."""
        self._seek_when_ready = (call_id, seconds)
        if self.state.call is not None and self.state.call.id == call_id and self.state.recording is not None:
            self._recording_ready(self.state.call, self.state.recording)
        else:
            self.open_call_by_id(call_id)
        self.raise_()
        self.activateWindow()

    def _open_failed(self, error: Exception) -> None:
        self.idle()
        self.state.say(str(error))
        self.call_title.setText(self.tr("Cannot open this call: %1").replace("%1", str(error)))

    def show_categories(self, call_id: int) -> None:
        """Why the customer called, each category with its confidence; the evidence in the tooltip."""
        found = self.categories.for_call(call_id)
        if not found:
            self.call_categories.setText(self.tr("Categories: not yet found") if found is None
                                         else self.tr("Categories: none"))
            self.call_categories.setToolTip("")
            return
        self.call_categories.setText(self.tr("Categories: %1").replace(
            "%1", "；".join(f"{category_text(SEPARATOR.join(c.path))} {c.confidence:.0%}" for c in found)))
        self.call_categories.setToolTip("\n".join(
            f"{category_text(SEPARATOR.join(c.path))}: " + " / ".join(f"{e.start:.1f}s «{e.matched}» {why_text(e.why)}" for e in c.evidence)
            for c in found))

    def _call_title(self, call: Call) -> str:
        agent = self.tr("Agent")
        parts = [call.call_ref, call.agent_id and f"{agent} {call.agent_id} {call.agent_name or ''}",
                 call.business_type, call.title, f"{call.sample_rate} Hz",
                 self.tr("stereo") if call.channels == 2 else self.tr("mono")]
        return " · ".join(p.strip() for p in parts if p)

    # -- import ----------------------------------------------------------------------------------
    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of recordings"),
                                                  self.settings.last_import_folder or str(Path.home()))
        if folder:
            self.settings.last_import_folder = folder
            save_settings(self.settings)
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path, show_report: bool = True) -> TaskHandle:
        key = caller_key(self.workspace.root)
        job = on_own_connection(self.workspace.database, lambda db, cancel: import_folder(
            folder, CallRepository(db), TranscriptRepository(db), cancel, BatchFindings(db), key))
        return self.tasks.submit(f"import:{folder}", job, lambda report: self._imported(report, show_report),
                                 on_progress=self.show_progress, on_error=self._import_failed)

    def _imported(self, report: ImportReport, show_report: bool) -> None:
        self.idle()
        self.last_import = report
        self.call_list.reload()
        self.state.say(self.tr("Imported %1 new call(s)").replace("%1", str(len(report.added))))
        if report.added:
            self.rules.check_all(only_outdated=True)
        self.open_first_call()
        if show_report:                          # what came in, what did not, and what happens next
            untranscribed = sum(1 for call in report.added if self.transcripts.latest(call.id) is None)
            ImportReportDialog(report, self, untranscribed).exec()

    def _import_failed(self, error: Exception) -> None:
        self.idle()
        QMessageBox.warning(self, self.tr("Import failed"), str(error))

    # -- status ----------------------------------------------------------------------------------
    def show_progress(self, item) -> None:
        if isinstance(item, ImportProgress):
            self.progress.setRange(0, max(1, item.total))
            self.progress.setValue(item.done)
            self.statusBar().showMessage(self.tr("Importing %1").replace("%1", item.current))
        elif isinstance(item, CheckProgress):
            self.progress.setRange(0, max(1, item.total))
            self.progress.setValue(item.done)
            self.statusBar().showMessage(self.tr("Checking %1").replace("%1", item.current))
        else:
            self.progress.setRange(0, 0)
            self.statusBar().showMessage({"decoding": self.tr("Decoding audio…"),
                                          "analysing": self.tr("Drawing waveform…")}.get(str(item), str(item)))
        self.progress.show()
        self.cancel_button.show()

    def show_busy(self, text: str) -> None:
        """Work under way that cannot say how far it is (loading a model): a moving bar and what it is."""
        self.progress.setRange(0, 0)
        self.statusBar().showMessage(text)
        self.progress.show()
        self.cancel_button.show()

    def show_progress_of(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.statusBar().showMessage(text)
        self.progress.show()
        self.cancel_button.show()

    def idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().clearMessage()

    def _show_playback_problem(self, problem: str | None) -> None:
        if problem:
            problem = translated(problem)
            self.playback.unavailable_reason = problem
            self.playback_label.setText(self.tr("Playback unavailable"))
            self.playback_label.setToolTip(problem)
            self.state.say(self.tr("Playback unavailable: %1").replace("%1", problem))
        else:
            self.playback_label.setText("")

    # -- transcripts -----------------------------------------------------------------------------
    def export_transcript(self) -> None:
        call, transcript = self.state.call, self.state.transcript
        if call is None or transcript is None:
            self.state.say(self.tr("This call has no transcript"))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export transcript"), f"{call.call_ref}.transcript.json",
                                              self.tr("Transcript v1 (*.json)"))
        if path:
            try:
                save_transcript(transcript, Path(path))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc.strerror}")

    def import_transcript(self) -> None:
        call = self.state.call
        if call is None:
            self.state.say(self.tr("Open a call first"))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import transcript"), "", self.tr("Transcript v1 (*.json)"))
        if path:
            self.attach_transcript(Path(path))

    def correct_sentence(self) -> None:
        """F2 wherever the focus is: playback pauses and the sentence being played (or last clicked) opens."""
        if self.state.call is None or self.state.transcript is None:
            self.state.say(self.tr("This call has no transcript"))
            return
        if self.playback.playing:
            self.playback.toggle()
        self.transcript.correct_current()

    def _replay(self, start: float) -> None:
        """The correction dialog's Replay: the sentence again from its start."""
        self.playback.seek(start)
        if not self.playback.playing and self.state.recording is not None:
            self.playback.toggle()

    def correct_transcript(self, request) -> None:
        """Store the corrected transcript (the original source stays) and log who changed what."""
        kind, segment, word, value = request
        call, transcript = self.state.call, self.state.transcript
        if call is None or transcript is None:
            return
        if kind == "word":
            corrected, edit = edit_word(transcript, segment, word, value)
        elif kind == "text":
            corrected, edit = edit_text(transcript, segment, value)
        else:
            corrected, edit = edit_speaker(transcript, segment, value)
        based_on = self.transcripts.latest(call.id)[0]
        self.transcripts.record_edit(call.id, based_on, corrected, edit, self.user.id)
        self.state.set_transcript(corrected)
        self.show_versions()
        self.rules.check_current()

    def attach_transcript(self, path: Path) -> bool:
        """A central platform's transcript for the open call; a malformed file changes nothing."""
        try:
            transcript = load_transcript(path)
        except TranscriptError as exc:
            QMessageBox.warning(self, self.tr("Transcript not imported"), str(exc))
            return False
        self.transcripts.save(self.state.call.id, "imported", transcript)
        self.transcripts.choose(self.state.call.id, "imported")
        self.state.set_transcript(transcript)
        self.show_versions()
        self.rules.check_current()
        return True

    def _transcribe_or_install(self) -> None:
        if self.speech.planned_model() is None:
            self.speech.show_models()
        else:
            self.speech.transcribe_current()

    def show_versions(self) -> None:
        call = self.state.call
        if call is not None:
            shown = self.transcripts.latest(call.id)
            self.transcript.show_versions(self.transcripts.versions(call.id), shown[0] if shown else None)
            edited = shown is not None and shown[0] == EDITED
            self.transcript.mark_edited({e["segment"] for e in self.transcripts.edits(call.id)} if edited else set())

    def _hits_basis(self) -> str:
        """The hits (and the scorecard prefilled from them) say which transcript version they rest on."""
        call = self.state.call
        source = self.rules.hits.checked_on(call.id) if call is not None else None
        created = dict(self.transcripts.versions(call.id)) if source is not None else {}
        return (self.tr("on %1").replace("%1", self.transcript.version_label(source, created[source]))
                if source in created else "")

    def choose_transcript(self, source: str) -> None:
        """Show another version; its hits come back as computed on it, or wait for an explicit re-check."""
        call = self.state.call
        if call is None:
            return
        self.transcripts.choose(call.id, source)
        self.state.set_transcript(self.transcripts.latest(call.id)[1])
        hits = self.rules.hits.show_version(call.id, source, self.rules.pack)
        self.state.set_hits(hits, self.rules.hits.decisions(call.id, self.rules.scope_for(call)))
        self.call_list.refresh_call(call.id)
        if hits is None:
            self.state.say(self.tr("This version was not checked yet: Rules → Check this call again (F5)"))

    # -- scoring ---------------------------------------------------------------------------------
    def evaluations_dialog(self) -> EvaluationsDialog:
        dialog = EvaluationsDialog(self.scoring.repo, self.user, self)
        dialog.evaluation_chosen.connect(self.open_evaluation)
        return dialog

    def show_evaluations(self) -> None:
        self.evaluations_dialog().exec()

    def open_evaluation(self, uuid: str) -> None:
        """Open the evaluation's call and show that evaluation (read-only when it is someone else's)."""
        evaluation = self.scoring.repo.get(uuid)
        if evaluation is None:
            return
        self.open_call_by_id(evaluation.call_id)
        self.side_tabs.setCurrentWidget(self.scorecard)
        self.scoring.view("" if evaluation.inspector == self.user.id else uuid)

    def show_reports(self) -> ReportsWindow:
        """One Reports window beside the main window (not modal), so an agent's calls can be opened from it."""
        if self.reports_window is None:
            self.reports_window = ReportsWindow(self.workspace.database, self.db, default_card(), self)
            self.reports_window.agent_chosen.connect(self.show_agent_calls)
        self.reports_window.show()
        self.reports_window.raise_()
        return self.reports_window

    def show_voc(self) -> VocWindow:
        if self.voc_window is None:
            self.voc_window = VocWindow(self.workspace.database, self.tasks, self)
        self.voc_window.show()
        self.voc_window.raise_()
        self.voc_window.refresh()
        return self.voc_window

    def show_search(self) -> SearchWindow:
        if self.search_window is None:
            self.search_window = SearchWindow(self.db, self, Visibility(self.db, self.user).found)
            self.search_window.open_at.connect(self.open_call_at)
        self.search_window.reload_choices()
        self.search_window.show()
        self.search_window.raise_()
        return self.search_window

    def show_agent_calls(self, agent_id: str) -> None:
        self.call_list.reload()
        self.call_list.agent.setCurrentIndex(max(0, self.call_list.agent.findData(agent_id)))
        self.raise_()
        self.activateWindow()

    # -- calibration and upload ------------------------------------------------------------------------
    def calibration_dialog(self) -> CalibrationDialog:
        service = CalibrationService(CalibrationRepository(self.db), self.scoring.repo)
        dialog = CalibrationDialog(service, self.calls, UserRepository(self.db), default_card(), self.user,
                                   self.db, self.workspace.root / "calibration", self,
                                   show_comparison=lambda c, h: ComparisonWindow(c, h, self).exec())
        dialog.score_requested.connect(lambda session: self.start_calibration(service, session))
        dialog.finished.connect(lambda _code: self.call_list.reload())
        return dialog

    def show_calibration(self) -> None:
        self.calibration_dialog().exec()

    def start_calibration(self, service: CalibrationService, session: CalibrationSession) -> None:
        """Scores of the session's calls now go to the session, blind, until the user leaves this mode."""
        self.scoring.start_calibration(service, session)
        refs = self.calls.refs(session.call_ids)
        self.calibration_label.setText(self.tr("Calibration: %1").replace("%1", session.title))
        self.state.say(self.tr("Calibration scoring for %1: %2").replace("%1", session.title)
                       .replace("%2", ", ".join(refs[i] for i in session.call_ids)))
        first = self.calls.get(session.call_ids[0])
        if first is not None:
            self.open_call(first)

    def stop_calibration(self) -> None:
        self.scoring.stop_calibration()
        self.calibration_label.setText("")
        if self.state.call is not None:
            self.rules.show_call(self.state.call)      # back to the production decisions of the open call

    def upload_dialog(self) -> SyncDialog:
        return SyncDialog(self.db, self.workspace.database, self.tasks, self.user, self)

    def show_upload(self) -> None:
        self.upload_dialog().exec()

    # -- dialogs ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions_by_key, self).exec()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Inspector"),
                          self.tr("Inspector %1 — call quality-inspection workstation.\nData folder: %2")
                          .replace("%1", __version__).replace("%2", str(self.workspace.root)))

    def show_users(self) -> None:
        UsersDialog(UserRepository(self.db), self.user, self).exec()

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.settings.language = dialog.chosen_language()
            save_settings(self.settings)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The saved splitter sizes once the window has its real size: they are shared out over it."""
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            restore_sizes(self.splitters, self.settings.splitters)
            self.open_first_call()

    def close_tool_windows(self) -> None:
        """The Reports, Search and VoC windows belong to this user's session and read through its database:
        they go with it (Log out, Switch user, closing), never left open for the next person."""
        for window in (self.reports_window, self.search_window, self.voc_window):
            if window is not None:
                window.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.close_tool_windows()
        self.tasks.shutdown()
        self.playback.shutdown()
        self.state.disconnect_all()
        self.settings.volume = self.playback.player.volume
        self.settings.splitters = saved_sizes(self.splitters)
        remember(self, "main", self.settings.window_sizes)
        try:
            save_settings(self.settings)
        except OSError:
            pass
        self.db.close()
        super().closeEvent(event)
