"""The review-state model that every pane observes.

Views never talk to each other: the waveform, the transcript and the transport read this model and
subscribe to its signals, and user actions change it. psygnal keeps it Qt-free and testable alone.
"""

from __future__ import annotations

from psygnal import Signal

from inspector.audio.activity import Interval
from inspector.audio.overview import Overview
from inspector.audio.recording import Recording
from inspector.rules.hits import Hit, hit_key
from inspector.domain.decisions import Decision
from inspector.domain.calls import Call
from inspector.transcript.model import Transcript

PLAYHEAD_RESOLUTION_S = 0.005


class ReviewState:
    call_changed = Signal(object)
    overview_changed = Signal(object)
    recording_changed = Signal(object)
    transcript_changed = Signal(object)
    playhead_changed = Signal(float)
    selection_changed = Signal(object)
    hits_changed = Signal(object)
    decision_changed = Signal(object)
    current_hit_changed = Signal(object)
    message_changed = Signal(str)

    def __init__(self) -> None:
        self.call: Call | None = None
        self.overview: Overview | None = None
        self.recording: Recording | None = None
        self.transcript: Transcript | None = None
        self.playhead = 0.0
        self.selection: Interval | None = None
        self.hits: list[Hit] | None = None          # None: not checked yet
        self.decisions: dict[str, Decision] = {}
        self.current_hit: int | None = None
        self.rule_names: dict[str, str] = {}        # rule id → name in the UI language (the UI fills it)

    def rule_name(self, hit: Hit) -> str:
        """A hit's rule name as the reader's language has it; the name stored with the hit otherwise."""
        return self.rule_names.get(hit.rule) or hit.name

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
        self.hits, self.decisions, self.current_hit = None, {}, None
        self.call_changed.emit(call)
        self.overview_changed.emit(None)
        self.recording_changed.emit(None)
        self.transcript_changed.emit(None)
        self.selection_changed.emit(None)
        self.hits_changed.emit(None)
        self.current_hit_changed.emit(None)
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

    def set_hits(self, hits: list[Hit] | None, decisions: dict[str, Decision] | None = None) -> None:
        self.hits = hits
        self.decisions = dict(decisions or {})
        self.current_hit = None
        self.hits_changed.emit(hits)
        self.current_hit_changed.emit(None)

    def set_decision(self, decision: Decision) -> None:
        self.decisions[decision.hit_key] = decision
        self.decision_changed.emit(decision)

    def decision_for(self, hit: Hit) -> Decision | None:
        return self.decisions.get(hit_key(hit))

    def select_hit(self, index: int | None) -> None:
        if self.hits is None or index is None or not 0 <= index < len(self.hits):
            index = None
        if index != self.current_hit:
            self.current_hit = index
            self.current_hit_changed.emit(index)

    def neighbour_hit(self, step: int) -> int | None:
        """The hit after (step 1) or before (step -1) the current one; without one, from the playhead."""
        if not self.hits:
            return None
        if self.current_hit is not None:
            index = self.current_hit + step
            return index if 0 <= index < len(self.hits) else None
        if step > 0:
            return next((i for i, h in enumerate(self.hits) if h.start >= self.playhead), None)
        return next((i for i in range(len(self.hits) - 1, -1, -1) if self.hits[i].start < self.playhead), None)

    def disconnect_all(self) -> None:
        """Called when the window closes: no late event may reach a deleted widget."""
        for name in ("call_changed", "overview_changed", "recording_changed", "transcript_changed",
                     "playhead_changed", "selection_changed", "hits_changed", "decision_changed",
                     "current_hit_changed", "message_changed"):
            getattr(self, name).disconnect()

    def say(self, message: str) -> None:
        """A status message for the user (e.g. why playback is unavailable)."""
        self.message_changed.emit(message)
