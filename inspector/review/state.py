"""The review-state model that every pane observes.

Views never talk to each other: the waveform, the transcript and the transport read this model and
subscribe to its signals, and user actions change it. psygnal keeps it Qt-free and testable alone.
"""

from __future__ import annotations

from psygnal import Signal

from inspector.audio.activity import Interval
from inspector.audio.overview import Overview
from inspector.audio.recording import Recording
from inspector.store.calls import Call
from inspector.transcript.model import Transcript

PLAYHEAD_RESOLUTION_S = 0.005


class ReviewState:
    call_changed = Signal(object)
    overview_changed = Signal(object)
    recording_changed = Signal(object)
    transcript_changed = Signal(object)
    playhead_changed = Signal(float)
    selection_changed = Signal(object)
    message_changed = Signal(str)

    def __init__(self) -> None:
        self.call: Call | None = None
        self.overview: Overview | None = None
        self.recording: Recording | None = None
        self.transcript: Transcript | None = None
        self.playhead = 0.0
        self.selection: Interval | None = None

    @property
    def duration_s(self) -> float:
        if self.overview is not None:
            return self.overview.duration_s
        return self.call.duration_s if self.call is not None else 0.0

    def open_call(self, call: Call | None) -> None:
        """A new call clears everything derived from the previous one."""
        self.call = call
        self.overview = None
        self.recording = None
        self.transcript = None
        self.selection = None
        self.playhead = 0.0
        self.call_changed.emit(call)
        self.overview_changed.emit(None)
        self.recording_changed.emit(None)
        self.transcript_changed.emit(None)
        self.selection_changed.emit(None)
        self.playhead_changed.emit(0.0)

    def set_overview(self, overview: Overview | None) -> None:
        self.overview = overview
        self.overview_changed.emit(overview)

    def set_recording(self, recording: Recording | None) -> None:
        self.recording = recording
        self.recording_changed.emit(recording)

    def set_transcript(self, transcript: Transcript | None) -> None:
        self.transcript = transcript
        self.transcript_changed.emit(transcript)

    def set_playhead(self, seconds: float) -> None:
        seconds = max(0.0, min(seconds, self.duration_s)) if self.duration_s else max(0.0, seconds)
        if abs(seconds - self.playhead) < PLAYHEAD_RESOLUTION_S:
            return
        self.playhead = seconds
        self.playhead_changed.emit(seconds)

    def set_selection(self, start: float | None, end: float | None = None) -> None:
        """A selection is ordered and at least 50 ms long; anything else clears it."""
        if start is None or end is None or abs(end - start) < 0.05:
            selection = None
        else:
            selection = Interval(min(start, end), max(start, end))
        if selection != self.selection:
            self.selection = selection
            self.selection_changed.emit(selection)

    def say(self, message: str) -> None:
        """A status message for the user (e.g. why playback is unavailable)."""
        self.message_changed.emit(message)
