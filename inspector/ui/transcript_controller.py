"""The open call's transcript: its versions, choosing one, correcting a word or a sentence, importing a
platform's transcript and exporting the one shown.

Every change is an operation on the database lane (ui/operations.py): it runs on the lane's connection and
its result comes back to the review state, which the panes follow; the rules then check the call on what
was stored. Given the Workbench and its panes, not the main window (tests/test_ui_boundary.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from inspector.open_call.state import ReviewState
from inspector.domain.calls import Call
from inspector.desk.desk import Desk
from inspector.asr.sources import EDITED
from inspector.transcript.edits import edit_speaker, edit_text, edit_word
from inspector.transcript.io import TranscriptError, load_transcript, save_transcript
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.playback import PlaybackController
from inspector.ui.rules_controller import RulesController
from inspector.ui.speech_controller import SpeechController
from inspector.ui.transcript_pane import TranscriptPane
from inspector.ui.workbench import Workbench


class TranscriptController(QObject):
    def __init__(self, bench: Workbench, state: ReviewState, lane: DatabaseLane, desk: Desk,
                 pane: TranscriptPane, rules: RulesController, speech: SpeechController,
                 playback: PlaybackController, user_id: str) -> None:
        super().__init__(bench)
        self.bench, self.state, self.lane, self.transcripts, self.pane = bench, state, lane, desk.transcripts, pane
        self.rules, self.speech, self.playback, self.user_id = rules, speech, playback, user_id
        pane.edit_requested.connect(self.correct_transcript)
        pane.replay_requested.connect(self._replay)
        pane.version_chosen.connect(self.choose_transcript)
        pane.planned_model = lambda: (speech.planned_model() or (None,))[0]
        pane.transcribe_requested.connect(self._transcribe_or_install)

    @property
    def parent_widget(self) -> QWidget:
        return self.pane.window()

    def show_versions(self) -> None:
        call = self.state.call
        if call is not None:
            shown = self.transcripts.latest(call.id)
            self.pane.show_versions(self.transcripts.versions(call.id), shown[0] if shown else None)
            edited = shown is not None and shown[0] == EDITED
            self.pane.mark_edited({e["segment"] for e in self.transcripts.edits(call.id)} if edited else set())

    def hits_basis(self) -> str:
        """The hits (and the scorecard prefilled from them) say which transcript version they rest on."""
        call = self.state.call
        source = self.rules.hits.checked_on(call.id) if call is not None else None
        created = dict(self.transcripts.versions(call.id)) if source is not None else {}
        return (self.tr("on %1").replace("%1", self.pane.version_label(source, created[source]))
                if source in created else "")

    def export_transcript(self) -> None:
        call, transcript = self.state.call, self.state.transcript
        if call is None or transcript is None:
            self.state.say(self.tr("This call has no transcript"))
            return
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export transcript"),
                                              f"{call.call_ref}.transcript.json", self.tr("Transcript v1 (*.json)"))
        if path:
            try:
                save_transcript(transcript, Path(path))
            except OSError as exc:
                QMessageBox.warning(self.parent_widget, self.tr("Export failed"), f"{path}: {exc.strerror}")

    def import_transcript(self) -> None:
        if self.state.call is None:
            self.state.say(self.tr("Open a call first"))
            return
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import transcript"), "",
                                              self.tr("Transcript v1 (*.json)"))
        if path:
            self.attach_transcript(Path(path))

    def attach_transcript(self, path: Path) -> bool:
        """A central platform's transcript for the open call, stored and shown; a malformed file changes
        nothing. True when the file was read and its storing queued on the lane."""
        try:
            transcript = load_transcript(path)
        except TranscriptError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("Transcript not imported"), str(exc))
            return False
        call = self.state.call

        def attach(db):
            transcripts = Desk(db).transcripts
            transcripts.save(call.id, "imported", transcript)
            transcripts.choose(call.id, "imported")
            return transcript, OpChanges(frozenset({call.id}), transcript=True)

        self.lane.run(attach, lambda stored: self._stored(call, stored), on_error=self._failed)
        return True

    def correct_sentence(self) -> None:
        """F2 wherever the focus is: playback pauses and the sentence being played (or last clicked) opens."""
        if self.state.call is None or self.state.transcript is None:
            self.state.say(self.tr("This call has no transcript"))
            return
        if self.playback.playing:
            self.playback.toggle()
        self.pane.correct_current()

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
        user_id = self.user_id
        self.state.set_transcript(corrected)      # shown at once: the next correction builds on this one

        def record(db):
            transcripts = Desk(db).transcripts
            transcripts.record_edit(call.id, transcripts.latest(call.id)[0], corrected, edit, user_id)
            return corrected, OpChanges(frozenset({call.id}), transcript=True)

        self.lane.run(record, lambda stored: self._stored(call, stored), on_error=self._failed)

    def choose_transcript(self, source: str) -> None:
        """Show another version; its hits come back as computed on it, or wait for an explicit re-check."""
        call = self.state.call
        if call is None:
            return
        pack, scope = self.rules.pack, self.rules.scope_for(call)

        def choose(db):
            desk = Desk(db)
            transcripts, hits = desk.transcripts, desk.hits
            transcripts.choose(call.id, source)
            shown = hits.show_version(call.id, source, pack)
            return ((transcripts.latest(call.id)[1], shown, hits.decisions(call.id, scope)),
                    OpChanges(frozenset({call.id}), hits=True, transcript=True))

        self.lane.run(choose, lambda chosen: self._chosen(call, *chosen), on_error=self._failed)

    def _stored(self, call: Call, transcript) -> None:
        """A new version of the open call is stored: shown, and checked on what was stored."""
        if self.state.call is None or self.state.call.id != call.id:
            return
        if self.state.transcript is not transcript:
            self.state.set_transcript(transcript)
        self.show_versions()
        self.bench.check_open_call()

    def _chosen(self, call: Call, transcript, hits, decisions) -> None:
        if self.state.call is None or self.state.call.id != call.id:
            return
        self.state.set_transcript(transcript)
        self.state.set_hits(hits, decisions)
        if hits is None:
            self.state.say(self.tr("This version was not checked yet: Rules → Check this call again (F5)"))

    def _failed(self, error: Exception) -> None:
        self.state.say(str(error))

    def _replay(self, start: float) -> None:
        """The correction dialog's Replay: the sentence again from its start."""
        self.playback.seek(start)
        if not self.playback.playing and self.state.recording is not None:
            self.playback.toggle()

    def _transcribe_or_install(self) -> None:
        if self.speech.planned_model() is None:
            self.speech.show_models()
        else:
            self.speech.transcribe_current()
