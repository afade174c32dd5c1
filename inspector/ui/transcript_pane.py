"""The transcript beside the waveform: one row per segment, the spoken one highlighted as audio plays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from inspector.review.state import ReviewState
from inspector.transcript.model import Transcript
from inspector.ui.waveform_items import format_time

CURRENT_BRUSH = QBrush(QColor(255, 236, 153))
HIT_TEXT = QBrush(QColor("#b03a2e"))


class TranscriptPane(QWidget):
    seek_requested = Signal(float)

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._current: int | None = None
        self.header = QLabel(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setFocusPolicy(Qt.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._clicked)
        state.transcript_changed.connect(self._show)
        state.playhead_changed.connect(self._follow)
        state.hits_changed.connect(lambda _h: self._show(state.transcript))
        self._show(None)

    def speaker_name(self, speaker: str) -> str:
        return {"agent": self.tr("Agent"), "customer": self.tr("Customer")}.get(speaker, self.tr("Unknown"))

    def current_row(self) -> int | None:
        return self._current

    def _show(self, transcript: Transcript | None) -> None:
        self.list.clear()
        self._current = None
        if transcript is None:
            self.header.setText(self.tr("No transcript for this call") if self.state.call else "")
            return
        self.header.setText(self.tr("Transcript: %n segment(s)", "", len(transcript.segments)))
        hits = self.state.hits or []
        for segment in transcript.segments:
            own = [h for h in hits if segment.start - 0.05 <= h.start <= segment.end
                   and h.speaker in (segment.speaker, "both")]
            flags = "".join(f" ⚑{h.rule}" for h in own)
            item = QListWidgetItem(f"[{format_time(segment.start)}] {self.speaker_name(segment.speaker)}："
                                   f"{segment.text}{flags}")
            item.setData(Qt.UserRole, segment.start)
            if own:
                item.setForeground(HIT_TEXT)
                item.setToolTip("\n".join(f"{h.rule} {h.name}: {h.evidence}" for h in own))
            if segment.speaker == "customer":
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.list.addItem(item)

    def _follow(self, seconds: float) -> None:
        transcript = self.state.transcript
        if transcript is None:
            return
        index = transcript.segment_at(seconds)
        if index == self._current:
            return
        if self._current is not None and self.list.item(self._current):
            self.list.item(self._current).setBackground(QBrush())
        self._current = index
        if index is not None:
            item = self.list.item(index)
            item.setBackground(CURRENT_BRUSH)
            self.list.scrollToItem(item)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.seek_requested.emit(float(item.data(Qt.UserRole)))
