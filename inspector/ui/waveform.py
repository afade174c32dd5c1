"""The waveform pane: one lane per speaker drawn from the peak pyramid, an overview strip, the playhead,
silence and talk-over bands, click to seek and a selection for the A–B loop.

Only the visible blocks of one pyramid level are drawn (about two points per pixel), so zoom and pan
cost the same for a one-minute and a one-hour call.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from inspector.audio.activity import Interval
from inspector.audio.overview import Overview
from inspector.audio.peaks import BASE_BLOCK, PeakPyramid
from inspector.audio.recording import Recording
from inspector.open_call.state import ReviewState
from inspector.transcript.model import STEREO
from inspector.rules.hits import Hit
from inspector.ui.waveform_items import BandsItem, HitMarkersItem, Marker, TimeAxis

LANE_COLOURS = ("#1f6fb2", "#2e8b57")
# Bands are opaque (pre-blended onto the white background): translucent fills of hundreds of narrow
# rectangles cost the software rasteriser several times more per frame.
SILENCE_BRUSH = QColor("#e6e6e6")
OVERLAP_BRUSH = QColor("#f5c9c9")
SELECTION_BRUSH = QColor(255, 200, 0, 60)
HIT_COLOURS = {"fatal": QColor("#e74c3c"), "flag": QColor("#5dade2"), "hit": QColor("#f5b041"),
               "rejected": QColor("#d5d8dc"), "current": QColor("#8e44ad")}
PLAYHEAD_PEN = pg.mkPen("#d62728", width=2)
FULL_SCALE = 32768.0


MIN_AXIS_S = 1.0


def peak_polyline(pyramid: PeakPyramid, channel: int, start_s: float, end_s: float,
                  pixels: int) -> tuple[np.ndarray, np.ndarray]:
    """Vertical min–max bars (drawn with connect='pairs') for the visible part of one channel."""
    rate = pyramid.sample_rate
    span = max(1.0, (end_s - start_s) * rate)
    level = pyramid.level_for(span / max(1, pixels))
    blocks = level.mins.shape[1]
    first = max(0, int(start_s * rate) // level.block - 1)
    last = min(blocks, int(end_s * rate) // level.block + 2)
    if last <= first:
        return np.zeros(0), np.zeros(0)
    x = (np.arange(first, last, dtype=np.float64) + 0.5) * (level.block / rate)
    xs = np.repeat(x, 2)
    ys = np.empty(xs.size, dtype=np.float64)
    ys[0::2] = level.mins[channel, first:last] / FULL_SCALE
    ys[1::2] = level.maxs[channel, first:last] / FULL_SCALE
    return xs, ys


def sample_line(recording: Recording, channel: int, start_s: float,
                end_s: float) -> tuple[np.ndarray, np.ndarray]:
    rate = recording.sample_rate
    first = max(0, int(start_s * rate) - 1)
    last = min(recording.frames, int(end_s * rate) + 2)
    xs = np.arange(first, last, dtype=np.float64) / rate
    return xs, recording.samples[channel, first:last] / FULL_SCALE


class WaveformPane(QWidget):
    """Observes ReviewState; asks for seeks through ``seek_requested`` instead of moving the player."""

    seek_requested = Signal(float)

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._bands: list[tuple[pg.PlotItem, BandsItem]] = []
        self._updating_region = False
        self.canvas = pg.GraphicsLayoutWidget(self)
        self.canvas.setBackground("w")
        self.canvas.ci.setSpacing(0)
        self.lane_labels: list[pg.LabelItem] = []
        self.lanes = [self._make_lane(0, self.tr("Agent")), self._make_lane(1, self.tr("Customer"))]
        self.lanes[1].setXLink(self.lanes[0])
        self.overview_plot = self._make_overview()
        self.curves = [lane.plot([], [], pen=pg.mkPen(LANE_COLOURS[i]), connect="pairs")
                       for i, lane in enumerate(self.lanes)]
        self.playheads = [pg.InfiniteLine(0, angle=90, movable=False, pen=PLAYHEAD_PEN) for _ in range(3)]
        for plot, line in zip([*self.lanes, self.overview_plot], self.playheads):
            plot.addItem(line, ignoreBounds=True)
        self.selections = [pg.LinearRegionItem(brush=SELECTION_BRUSH, movable=True) for _ in self.lanes]
        for lane, region in zip(self.lanes, self.selections):
            lane.addItem(region, ignoreBounds=True)
            region.hide()
            region.sigRegionChangeFinished.connect(self._selection_dragged)
        self.hit_markers = [HitMarkersItem() for _ in self.lanes]
        for lane, markers in zip(self.lanes, self.hit_markers):
            lane.addItem(markers, ignoreBounds=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.canvas.scene().sigMouseClicked.connect(self._clicked)
        self.lanes[0].sigXRangeChanged.connect(self._view_moved)

        state.overview_changed.connect(self._show_overview)
        state.recording_changed.connect(lambda _rec: self.redraw())
        state.playhead_changed.connect(self._move_playhead)
        state.selection_changed.connect(self._show_selection)
        state.hits_changed.connect(lambda _h: self._show_hits())
        state.decision_changed.connect(lambda _d: self._show_hits())
        state.current_hit_changed.connect(lambda _i: self._show_hits())

    # -- construction ----------------------------------------------------------------------------
    def _make_lane(self, row: int, title: str) -> pg.PlotItem:
        label = self.canvas.addLabel(title, row=row, col=0, angle=-90, color="#555555")
        self.lane_labels.append(label)
        plot = self.canvas.addPlot(row=row, col=1, axisItems={"bottom": TimeAxis("bottom")})
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.setYRange(-1.0, 1.0, padding=0.02)
        plot.hideAxis("left")
        plot.showAxis("bottom", row == 1)
        return plot

    def _make_overview(self) -> pg.PlotItem:
        plot = self.canvas.addPlot(row=2, col=1)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.hideAxis("bottom")
        plot.hideAxis("left")
        plot.setYRange(-1.0, 1.0, padding=0)
        plot.setMaximumHeight(60)
        # both channels, agent above and customer below, so speech on either side shows in the strip
        self.overview_curves = [plot.plot([], [], pen=pg.mkPen(colour), connect="pairs")
                                for colour in ("#5b8fc7", "#5fa77a")]
        self.visible_region = pg.LinearRegionItem(brush=QColor(31, 111, 178, 40), movable=True)
        plot.addItem(self.visible_region, ignoreBounds=True)
        self.visible_region.sigRegionChanged.connect(self._overview_dragged)
        return plot

    # -- queries used by the window and tests ----------------------------------------------------
    def view_range(self) -> tuple[float, float]:
        low, high = self.lanes[0].viewRange()[0]
        return float(low), float(high)

    def lane_count(self) -> int:
        return sum(1 for lane in self.lanes if lane.isVisible())

    def band_intervals(self) -> list[tuple[str, Interval]]:
        return [(item.kind, interval) for lane, item in self._bands if lane is self.lanes[0]
                for interval in item.intervals]

    # -- commands --------------------------------------------------------------------------------
    def set_view(self, start: float, end: float) -> None:
        self.lanes[0].setXRange(start, end, padding=0)

    def zoom(self, factor: float) -> None:
        """factor < 1 zooms in, around the playhead when it is visible."""
        low, high = self.view_range()
        centre = self.state.playhead if low <= self.state.playhead <= high else (low + high) / 2
        half = (high - low) * factor / 2
        self.set_view(centre - half, centre + half)

    def pan(self, fraction: float) -> None:
        low, high = self.view_range()
        shift = (high - low) * fraction
        self.set_view(low + shift, high + shift)

    def fit(self) -> None:
        if self.state.duration_s:
            self.set_view(0.0, self.state.duration_s)

    def redraw(self) -> None:
        overview = self.state.overview
        if overview is None:
            for curve in self.curves:
                curve.setData([], [])
            return
        low, high = self.view_range()
        pixels = max(1, int(self.lanes[0].vb.width()))
        recording = self.state.recording
        for channel, curve in enumerate(self.curves[: overview.peaks.channels]):
            samples_per_pixel = (high - low) * overview.peaks.sample_rate / pixels
            if recording is not None and samples_per_pixel < BASE_BLOCK:
                curve.opts["connect"] = "all"
                curve.setData(*sample_line(recording, channel, low, high))
            else:
                curve.opts["connect"] = "pairs"
                curve.setData(*peak_polyline(overview.peaks, channel, low, high, pixels))

    # -- model observers -------------------------------------------------------------------------
    def _show_hits(self) -> None:
        """Each hit on its speaker's lane (both lanes for whole-call findings such as silence)."""
        per_lane: list[list[Marker]] = [[] for _ in self.lanes]
        for index, hit in enumerate(self.state.hits or []):
            marker = Marker(hit.start, hit.end, hit.rule, self._hit_colour(index, hit))
            lanes = {speaker: [lane] for speaker, lane in STEREO.items()}.get(hit.speaker, [0, 1])
            for lane in lanes:
                per_lane[lane].append(marker)
        for items, markers in zip(self.hit_markers, per_lane):
            items.set_markers(markers)

    def _hit_colour(self, index: int, hit: Hit) -> QColor:
        decision = self.state.decision_for(hit)
        if index == self.state.current_hit:
            return HIT_COLOURS["current"]
        if decision is not None and decision.decision == "rejected":
            return HIT_COLOURS["rejected"]
        return HIT_COLOURS["fatal" if hit.severity == "fatal" else "flag" if hit.flag_only else "hit"]

    def hit_marker_labels(self, lane: int) -> list[str]:
        return [m.label for m in self.hit_markers[lane].markers]

    def _show_overview(self, overview: Overview | None) -> None:
        for lane, item in self._bands:
            lane.removeItem(item)
        self._bands.clear()
        if overview is None:
            self.redraw()
            for curve in self.overview_curves:
                curve.setData([], [])
            return
        # a cut-short file may hold a few milliseconds: the axis still spans a readable second
        duration = max(overview.duration_s, MIN_AXIS_S)
        mono = overview.peaks.channels == 1
        self.lanes[1].setVisible(not mono)
        self.lanes[0].showAxis("bottom", mono)
        self.lane_labels[0].setText(self.tr("Unknown") if mono else self.tr("Agent"))
        self.lane_labels[1].setVisible(not mono)
        for lane in self.lanes:
            lane.setLimits(xMin=0.0, xMax=duration, minXRange=0.02, maxXRange=duration)
        self.overview_plot.setLimits(xMin=0.0, xMax=duration)
        self.overview_plot.setXRange(0.0, duration, padding=0)
        self.visible_region.setBounds((0.0, duration))
        self._draw_overview(overview, duration, mono)
        for kind, intervals, brush in (("silence", overview.activity.silences, SILENCE_BRUSH),
                                       ("overlap", overview.activity.overlaps, OVERLAP_BRUSH)):
            for lane in self.lanes:
                item = BandsItem(kind, tuple(intervals), brush)
                lane.addItem(item, ignoreBounds=True)
                self._bands.append((lane, item))
        self.set_view(0.0, duration)
        self.redraw()

    def _draw_overview(self, overview: Overview, duration: float, mono: bool) -> None:
        for channel, curve in enumerate(self.overview_curves):
            if channel >= overview.peaks.channels:
                curve.setData([], [])
                continue
            xs, ys = peak_polyline(overview.peaks, channel, 0.0, duration, 800)
            # a mono call fills the strip; a stereo one gives each channel its half
            curve.setData(xs, ys if mono else ys * 0.5 + (0.5 if channel == 0 else -0.5))

    def overview_channels_drawn(self) -> int:
        return sum(1 for curve in self.overview_curves if curve.getData()[0] is not None
                   and len(curve.getData()[0]))

    def _move_playhead(self, seconds: float) -> None:
        for line in self.playheads:
            line.setValue(seconds)
        low, high = self.view_range()
        if not low <= seconds <= high and self.state.overview is not None:
            width = high - low
            self.set_view(seconds - width * 0.1, seconds + width * 0.9)

    def _show_selection(self, selection: Interval | None) -> None:
        for region in self.selections:
            region.blockSignals(True)
            region.setVisible(selection is not None)
            if selection is not None:
                region.setRegion((selection.start, selection.end))
            region.blockSignals(False)

    # -- user input ------------------------------------------------------------------------------
    def _view_moved(self, *_args) -> None:
        low, high = self.view_range()
        self._updating_region = True
        self.visible_region.setRegion((low, high))
        self._updating_region = False
        self.redraw()

    def _overview_dragged(self) -> None:
        if self._updating_region:
            return
        low, high = self.visible_region.getRegion()
        self.lanes[0].setXRange(low, high, padding=0)

    def _selection_dragged(self, region: pg.LinearRegionItem) -> None:
        start, end = region.getRegion()
        self.state.set_selection(start, end)

    def _clicked(self, event) -> None:
        if event.button() != Qt.LeftButton or self.state.overview is None:
            return
        for plot in [*self.lanes, self.overview_plot]:
            if plot.isVisible() and plot.vb.sceneBoundingRect().contains(event.scenePos()):
                seconds = float(plot.vb.mapSceneToView(event.scenePos()).x())
                seconds = min(max(0.0, seconds), self.state.duration_s)
                if event.modifiers() & Qt.ShiftModifier:
                    self.state.set_selection(self.state.playhead, seconds)
                else:
                    self.seek_requested.emit(seconds)
                event.accept()
                return
