"""Opening a call: what is cached shows at once, the audio is decoded in the background, and a newer choice
cancels the older. The header above the waveform names the call and why the customer called; the customer's
emotion is measured again once the voice is at hand (and whenever the transcript changes).

Given the Workbench and the panes it fills, not the main window (tests/test_ui_boundary.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector.audio.overview import OpenedAudio, open_audio
from inspector.audio.recording import decode
from inspector.categories.pack import SEPARATOR
from inspector.emotion.turns import CustomerEmotion, customer_emotion
from inspector.jobs import immediate
from inspector.open_call.state import ReviewState
from inspector.desk.desk import Desk, on_own_desk
from inspector.domain.calls import Call
from inspector.ui.call_list import CallListPane
from inspector.ui.category_names import category_text
from inspector.ui.emotion_lane import EmotionLane
from inspector.ui.evidence_text import why_text
from inspector.ui.playback import PlaybackController
from inspector.ui.rules_controller import RulesController
from inspector.ui.tasks import TaskHandle, TaskRunner
from inspector.ui.workbench import Workbench
from inspector.workspace import Workspace


class CallHeader(QWidget):
    """The open call's line (reference, agent, business, format) and its categories with their evidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Choose a call from the list"), self)
        self.categories = QLabel(self)
        for label in (self.title, self.categories):
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            column.addWidget(label)

    def show_call(self, call: Call) -> None:
        agent = self.tr("Agent")
        parts = [call.call_ref, call.agent_id and f"{agent} {call.agent_id} {call.agent_name or ''}",
                 call.business_type, call.title, f"{call.sample_rate} Hz",
                 self.tr("stereo") if call.channels == 2 else self.tr("mono")]
        self.title.setText(" · ".join(p.strip() for p in parts if p))

    def show_failure(self, error: Exception) -> None:
        self.title.setText(self.tr("Cannot open this call: %1").replace("%1", str(error)))

    def show_categories(self, found) -> None:
        """Why the customer called, each category with its confidence; the evidence in the tooltip."""
        if not found:
            self.categories.setText(self.tr("Categories: not yet found") if found is None
                                    else self.tr("Categories: none"))
            self.categories.setToolTip("")
            return
        self.categories.setText(self.tr("Categories: %1").replace(
            "%1", "；".join(f"{category_text(SEPARATOR.join(c.path))} {c.confidence:.0%}" for c in found)))
        self.categories.setToolTip("\n".join(
            f"{category_text(SEPARATOR.join(c.path))}: "
            + " / ".join(f"{e.start:.1f}s «{e.matched}» {why_text(e.why)}" for e in c.evidence) for c in found))


class CallOpener(QObject):
    def __init__(self, bench: Workbench, state: ReviewState, tasks: TaskRunner, desk: Desk,
                 workspace: Workspace, panes: tuple[CallHeader, EmotionLane,
                 CallListPane], rules: RulesController, playback: PlaybackController) -> None:
        super().__init__(bench)
        self.bench, self.state, self.tasks, self.calls, self.transcripts = bench, state, tasks, desk.calls, desk.transcripts
        self.workspace, self.rules, self.playback = workspace, rules, playback
        self.header, self.emotion_lane, self.call_list = panes
        self.categories, self.emotions = desk.categories, desk.emotions
        self._seek_when_ready: tuple[int, float] | None = None
        self._opening: TaskHandle | None = None
        state.transcript_changed.connect(self._transcript_changed)

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
        self.header.show_call(call)
        self.show_categories(call.id)
        self.emotion_lane.set_emotion(self.emotions.for_call(call.id))
        stored = self.transcripts.latest(call.id)
        self.state.set_transcript(stored[1] if stored else None)
        self.bench.show_versions()
        self.rules.show_call(call)
        path, cache = Path(call.path), self.workspace.peak_file(call.content_hash)
        self._opening = self.tasks.submit(
            f"open:{call.id}", lambda _cancel: open_audio(path, cache),
            lambda opened: self._audio_opened(call, opened),
            on_progress=self.bench.progress_view.follow({"decoding": self.tr("Decoding audio…"),
                                                         "analysing": self.tr("Drawing waveform…")}),
            on_error=self._open_failed)

    def show_categories(self, call_id: int) -> None:
        self.header.show_categories(self.categories.for_call(call_id))

    def open_call_at(self, call_id: int, seconds: float) -> None:
        """Open a call (from search) at a moment: the playhead goes there once the recording is loaded."""
        self._seek_when_ready = (call_id, seconds)
        if self.state.call is not None and self.state.call.id == call_id and self.state.recording is not None:
            self._recording_ready(self.state.call, self.state.recording)
        else:
            self.open_call_by_id(call_id)

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
            self.bench.idle()

    def _open_failed(self, error: Exception) -> None:
        self.bench.idle()
        self.state.say(str(error))
        self.header.show_failure(error)

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

        def measure(desk, _cancel):
            """Measured and stored on the job's own connection: the GUI thread only shows it."""
            emotion = customer_emotion(transcript, recording)
            if emotion is not None:
                desk.emotions.replace(call.id, emotion, source)
            return immediate(emotion)

        self.tasks.submit(f"emotion:{call.id}", on_own_desk(self.workspace.database, measure),
                          lambda emotion: self._emotion_measured(call, emotion),
                          on_error=lambda error: self.state.say(str(error)))

    def _emotion_measured(self, call: Call, emotion: CustomerEmotion | None) -> None:
        if emotion is None:
            return
        if self.state.call is not None and self.state.call.id == call.id:
            self.emotion_lane.set_emotion(emotion)
        self.bench.call_changed(call.id)
