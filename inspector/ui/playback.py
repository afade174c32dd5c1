"""Connects the core Player to the review state: polls the playhead, turns failures into messages.

The player lives in the core and has no Qt; this controller is the only place the GUI touches it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector.audio.output import PlaybackUnavailable
from inspector.ui.core_messages import error_text
from inspector.audio.player import ChannelMode, Player, PlayerState
from inspector.audio.recording import Recording
from inspector.open_call.state import ReviewState

POLL_MS = 30
SPEED_STEP = 0.1


class PlaybackController(QObject):
    state_changed = Signal(object)      # PlayerState
    settings_changed = Signal()         # speed, volume, channel mode or loop

    def __init__(self, state: ReviewState, player: Player | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review = state
        self.player = player or Player()
        self.unavailable_reason: str | None = None
        self._last_state = PlayerState.STOPPED
        self._loop_a: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        state.recording_changed.connect(self._recording_changed)
        state.selection_changed.connect(self._selection_changed)

    @property
    def playing(self) -> bool:
        return self.player.state is PlayerState.PLAYING

    # -- transport -------------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.review.recording is None:
            self.review.say(self.tr("The call's audio is still loading") if self.review.call
                            else self.tr("Open a call first"))
            return
        try:
            self.player.toggle()
            self.unavailable_reason = None
        except PlaybackUnavailable as exc:
            self.unavailable_reason = error_text(exc)        # the sound server's trouble in the UI language
            self.review.say(self.tr("Playback unavailable: %1").replace("%1", self.unavailable_reason))
        self._poll()

    def stop(self) -> None:
        self.player.stop()
        self.review.set_playhead(0.0)
        self._poll()

    def seek(self, seconds: float) -> None:
        self.player.seek(seconds)
        self.review.set_playhead(seconds)

    def skip(self, delta_s: float) -> None:
        self.seek(self.review.playhead + delta_s)

    def to_start(self) -> None:
        self.seek(0.0)

    def to_end(self) -> None:
        self.seek(self.review.duration_s)

    # -- settings --------------------------------------------------------------------------------
    def change_speed(self, delta: float) -> float:
        return self.set_speed(self.player.speed + delta)

    def set_speed(self, speed: float) -> float:
        applied = self.player.set_speed(speed)
        self.settings_changed.emit()
        return applied

    def set_volume(self, volume: float) -> None:
        self.player.set_volume(volume)
        self.settings_changed.emit()

    def set_channel_mode(self, mode: ChannelMode) -> None:
        self.player.set_channel_mode(mode)
        self.settings_changed.emit()

    def mark_loop_start(self) -> None:
        self._loop_a = self.review.playhead
        self.review.say(self.tr("Loop start set at %1").replace("%1", f"{self._loop_a:.1f} s"))

    def mark_loop_end(self) -> None:
        start = self._loop_a if self._loop_a is not None else 0.0
        self.review.set_selection(start, self.review.playhead)
        if self.review.selection is None:
            self.review.say(self.tr("Set the loop start (A) before the loop end (B)"))

    def clear_loop(self) -> None:
        self._loop_a = None
        self.review.set_selection(None)

    # -- observers -------------------------------------------------------------------------------
    def _recording_changed(self, recording: Recording | None) -> None:
        self.player.load(recording)
        self._loop_a = None
        self._poll()

    def _selection_changed(self, selection) -> None:
        if selection is None:
            self.player.clear_loop()
        else:
            self.player.set_loop(selection.start, selection.end)
            if not selection.start <= self.review.playhead <= selection.end:
                self.seek(selection.start)
        self.settings_changed.emit()

    def _poll(self) -> None:
        if self.player.recording is not None and self.player.state is PlayerState.PLAYING:
            self.review.set_playhead(self.player.position)
        state = self.player.state
        if state is not self._last_state:
            if state is PlayerState.STOPPED and self._last_state is PlayerState.PLAYING:
                self.review.set_playhead(self.player.position)
            self._last_state = state
            self.state_changed.emit(state)

    def shutdown(self) -> None:
        self._timer.stop()
        self.player.close()
