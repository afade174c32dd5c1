"""Graphics items drawn inside the waveform lanes: time axis, silence/talk-over bands, hit markers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from inspector.audio.activity import Interval


class BandsItem(pg.GraphicsObject):
    """Full-height bands (silence or talk-over) of one lane; paints only those in view, in one call.

    An hour-long call has hundreds of silences, so per-band items or per-band draw calls would make
    every zoom step slow.
    """

    def __init__(self, kind: str, intervals: tuple[Interval, ...], brush: QColor) -> None:
        super().__init__()
        self.kind = kind
        self.intervals = intervals
        self._starts = np.array([i.start for i in intervals], dtype=np.float64)
        self._ends = np.array([i.end for i in intervals], dtype=np.float64)
        self._brush = QBrush(brush)
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        if not self.intervals:
            return QRectF()
        return QRectF(self._starts[0], -1.0, self._ends[-1] - self._starts[0], 2.0)

    def paint(self, painter: QPainter, *_args) -> None:
        view = self.getViewBox()
        if view is None or not self.intervals:
            return
        low, high = view.viewRange()[0]
        first = int(np.searchsorted(self._ends, low))
        last = int(np.searchsorted(self._starts, high, side="right"))
        painter.setPen(Qt.NoPen)
        painter.setBrush(self._brush)
        painter.drawRects([QRectF(start, -1.0, end - start, 2.0)
                           for start, end in zip(self._starts[first:last], self._ends[first:last])])


@dataclass(frozen=True)
class Marker:
    start: float
    end: float
    label: str
    colour: QColor


LABEL_ROWS = 3
LABEL_LINE_PX = 22       # a label row at the largest UI font the bounding rect allows for
LABEL_WIDTH_PX = 48      # the widest label ("R17") past the start of its strip
LABEL_BACKGROUND = QColor(255, 255, 255, 200)


class HitMarkersItem(pg.GraphicsObject):
    """Rule hits as labelled strips along the top of a lane; labels are drawn in device pixels."""

    TOP, BOTTOM = 1.0, 0.8

    def __init__(self) -> None:
        super().__init__()
        self.markers: list[Marker] = []
        self.setZValue(20)

    def set_markers(self, markers: list[Marker]) -> None:
        self.prepareGeometryChange()
        self.markers = markers
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The strips and the labels drawn below and beside them in pixels: what is outside this rect is not
        repainted, so labels beyond it stayed half-drawn on the waveform after the hits changed."""
        if not self.markers:
            return QRectF()
        low = min(m.start for m in self.markers)
        high = max(m.end for m in self.markers)
        try:
            pixel_w, pixel_h = abs(self.pixelWidth()), abs(self.pixelHeight())
        except (TypeError, ZeroDivisionError):     # not in a view yet
            pixel_w = pixel_h = 0.0
        labels_h = (LABEL_ROWS * LABEL_LINE_PX + 8) * pixel_h
        bottom = min(self.BOTTOM, self.TOP - labels_h)
        return QRectF(low - 2 * pixel_w, bottom, high - low + LABEL_WIDTH_PX * pixel_w + 1e-3, self.TOP - bottom)

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph API
        self.prepareGeometryChange()          # the labels' pixel size is another data size at another zoom

    def paint(self, painter: QPainter, *_args) -> None:
        view = self.getViewBox()
        if view is None:
            return
        low, high = view.viewRange()[0]
        transform = painter.transform()
        visible = [m for m in self.markers if not (m.end < low or m.start > high)]
        for marker in visible:
            painter.setPen(Qt.NoPen)
            painter.setBrush(QBrush(marker.colour))
            painter.drawRect(QRectF(marker.start, self.BOTTOM, max(marker.end - marker.start, 1e-3),
                                    self.TOP - self.BOTTOM))
        painter.save()
        painter.resetTransform()
        metrics = painter.fontMetrics()
        for (x, y), label in self.label_positions(
                [transform.map(QPointF(m.start, self.TOP)) for m in visible], [m.label for m in visible],
                metrics.horizontalAdvance, metrics.height(), ascent=metrics.ascent() + 2):
            painter.setPen(Qt.NoPen)
            painter.setBrush(LABEL_BACKGROUND)
            painter.drawRect(QRectF(x - 1, y - metrics.ascent(), metrics.horizontalAdvance(label) + 2,
                                    metrics.height()))
            painter.setPen(QColor("#000000"))
            painter.drawText(QPointF(x, y), label)
        painter.restore()

    @staticmethod
    def label_positions(corners: list[QPointF], labels: list[str], width, line: int,
                        rows: int = LABEL_ROWS, ascent: float = 12) -> list[tuple[tuple[float, float], str]]:
        """Each label on the first row where it does not run into the one before it (R01 beside, not under,
        R02); a label with no free row is left out rather than drawn over another."""
        ends = [float("-inf")] * rows
        placed = []
        for corner, label in sorted(zip(corners, labels), key=lambda pair: pair[0].x()):
            x = corner.x() + 2
            row = next((r for r in range(rows) if x >= ends[r] + 3), None)
            if row is None:
                continue
            ends[row] = x + width(label)
            placed.append(((x, corner.y() + ascent + row * line), label))   # the whole label inside the lane
        return placed


def format_time(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60.0)
    return f"{int(minutes):02d}:{rest:04.1f}"


class TimeAxis(pg.AxisItem):
    """mm:ss.s labels on major ticks only: minor labels cost text layout on every zoom step."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.setStyle(maxTickLevel=1, maxTextLevel=0)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph API
        """Ticks closer than a tenth of a second get hundredths, so no two labels read the same."""
        if spacing >= 0.1:
            return [format_time(v) for v in values]
        return [f"{int(max(0.0, v) // 60):02d}:{max(0.0, v) % 60:05.2f}" for v in values]
