"""The customer-emotion lane under the waveform: one bar per customer turn, as high as the turn's distress
(0 calm … 1 upset) and coloured by its label, scrolled and zoomed with the waveform (its plot is a row of the
waveform's own canvas, so times line up). The caption says the start and end emotion, whether it worsened,
and what it rests on: a pointer for listening, not a verdict."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector.emotion.turns import CustomerEmotion

LABEL_COLOURS = {"calm": QColor("#8fbf8f"), "tense": QColor("#e0b040"), "upset": QColor("#d0503c")}


class EmotionLane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.emotion: CustomerEmotion | None = None
        self.caption = QLabel(self)
        self.plot = pg.PlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setYRange(0.0, 1.0, padding=0.05)
        self.plot.setMaximumHeight(30)
        self.bars: pg.BarGraphItem | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        self.set_emotion(None)

    def attach_to(self, canvas: pg.GraphicsLayoutWidget, row: int, lane: pg.PlotItem) -> None:
        """A row of the waveform's canvas, scrolled and zoomed with its lanes."""
        canvas.addLabel(self.tr("Emotion"), row=row, col=0, angle=-90, color="#555555")
        canvas.addItem(self.plot, row=row, col=1)
        self.plot.setXLink(lane)

    def label_text(self, label: str) -> str:
        return {"calm": self.tr("calm"), "tense": self.tr("tense"), "upset": self.tr("upset")}.get(label, label)

    def basis_text(self, basis: tuple[str, ...]) -> str:
        names = {"words": self.tr("words"), "loudness": self.tr("loudness"), "pitch": self.tr("pitch"),
                 "speech rate": self.tr("speech rate")}
        return self.tr(", ").join(names.get(b, b) for b in basis)

    def set_emotion(self, emotion: CustomerEmotion | None) -> None:
        self.emotion = emotion
        if self.bars is not None:
            self.plot.removeItem(self.bars)
            self.bars = None
        if emotion is None:
            self.caption.setText(self.tr("Customer emotion: not measured yet"))
            self.caption.setToolTip("")
            return
        turns = emotion.turns
        self.bars = pg.BarGraphItem(x0=[t.start for t in turns], x1=[t.end for t in turns],
                                    height=[max(t.distress, 0.03) for t in turns],
                                    brushes=[LABEL_COLOURS.get(t.label, QColor("#999999")) for t in turns],
                                    pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        arrow = self.tr(" (worsened)") if emotion.worsened else ""
        self.caption.setText(self.tr("Customer emotion: %1 → %2%3 · from %4 · a pointer for listening")
                             .replace("%1", self.label_text(emotion.start_label))
                             .replace("%2", self.label_text(emotion.end_label)).replace("%3", arrow)
                             .replace("%4", self.basis_text(emotion.basis)))
        self.caption.setToolTip("\n".join(
            f"{t.start:.1f}s {self.label_text(t.label)} {t.distress:.2f} «{t.text}» {' '.join(t.word_evidence)}"
            for t in turns))
