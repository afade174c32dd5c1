"""A report chart (reports.charts.Chart) drawn with pyqtgraph: horizontal bars, a histogram, or lines.
Hovering shows the value under the pointer, so a reader never has to estimate it from the axis."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from inspector.reports.charts import Chart

PALETTE = ("#3b6fb6", "#d9822b", "#3a9c5b", "#b33c3c", "#7b5aa6", "#8c6d3f", "#c75c9a", "#5f6b73")
REFERENCE = pg.mkPen("#b33c3c", width=1.5, style=Qt.DashLine)
LABEL_WIDTH = 230                          # pixels a bar's name may take beside the chart


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class ChartView(pg.PlotWidget):
    def __init__(self, chart: Chart, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.chart = chart
        self.hover_text = ""
        self.setTitle(title, color="#222")
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.tip = pg.TextItem("", color="#111", fill=pg.mkBrush(255, 255, 224, 230), anchor=(0, 1))
        self.tip.setZValue(10)
        self.tip.hide()
        {"bars": self._bars, "columns": self._columns, "lines": self._lines}[chart.kind]()
        self.addItem(self.tip, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._moved)

    # -- drawing -----------------------------------------------------------------------------------
    def _values(self) -> tuple[float | None, ...]:
        return self.chart.series[0].values if self.chart.series else ()

    def _bars(self) -> None:
        """One bar per label with its value written at its end; a bar at 0 is a visible sliver labelled 0."""
        values = self._values()
        known = [v for v in values if v is not None] + [0.0]
        span = (max(known + [self.chart.reference or 0.0]) - min(known)) or 1.0
        for i, value in enumerate(values):
            if value is not None:
                self.addItem(pg.BarGraphItem(x0=min(0.0, value), y=i, height=0.7,
                                             width=abs(value) or span * 0.004,
                                             brush=PALETTE[0] if value >= 0 else PALETTE[3], pen=None))
                label = pg.TextItem(_number(value), color="#222", anchor=(0 if value >= 0 else 1, 0.5))
                label.setPos(value, i)
                self.addItem(label)
        # an English item name ("C2 Accurate, complete answers") is elided with "…" in the room a name may take,
        # never cut mid-word without a mark (18 characters kept "C2 Accurate, compl")
        metrics = self.fontMetrics()
        names = [metrics.elidedText(label, Qt.ElideRight, LABEL_WIDTH) for label in self.chart.labels]
        self.getAxis("left").setTicks([list(enumerate(names))])
        if names:                                # wide enough for the longest name, whatever the font
            self.getAxis("left").setWidth(max(self.fontMetrics().horizontalAdvance(n) for n in names) + 16)
        self.invertY(True)
        if self.chart.reference is not None:
            self.addItem(pg.InfiniteLine(self.chart.reference, angle=90, pen=REFERENCE))
        self.setXRange(min(known), max(known + [self.chart.reference or 0.0]) + span * 0.08 or 1.0, padding=0.05)
        self.setYRange(-0.6, max(0, len(values) - 1) + 0.6, padding=0)
        if not self.chart.labels:
            self._say_empty()

    def bins(self) -> list[tuple[float, float]]:
        """The histogram's bins in score units, from labels like "75–80"."""
        return [(float(low), float(high)) for low, high in (label.split("–") for label in self.chart.labels)]

    def _columns(self) -> None:
        """Drawn on the score axis itself: a bin's column spans its scores, so the pass line at 80 sits at 80."""
        values = [v or 0.0 for v in self._values()]
        bins = self.bins()
        if not bins:
            self._say_empty()
            return
        self.addItem(pg.BarGraphItem(x0=[low for low, _ in bins], x1=[high for _, high in bins], y0=0,
                                     height=values, brush=PALETTE[0], pen=pg.mkPen("w", width=1)))
        edges = sorted({low for low, _ in bins} | {high for _, high in bins})
        step = max(1, len(edges) // 11)
        self.getAxis("bottom").setTicks([[(edge, _number(edge)) for edge in edges[::step]]])
        if self.chart.reference is not None:
            self.addItem(pg.InfiniteLine(self.chart.reference, angle=90, pen=REFERENCE))
        self.setXRange(edges[0], edges[-1], padding=0.02)
        self.setYRange(0, max(values + [1.0]) * 1.1, padding=0)

    def _lines(self) -> None:
        """The legend sits in a band kept free above the highest point, never over a line."""
        xs = list(range(len(self.chart.labels)))
        legend = self.addLegend(offset=(10, 5), colCount=min(4, max(1, len(self.chart.series))))
        known = []
        for k, series in enumerate(self.chart.series):
            points = [(x, v) for x, v in zip(xs, series.values) if v is not None]
            known += [v for _, v in points]
            colour = PALETTE[k % len(PALETTE)]
            self.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen(colour, width=2), symbol="o",
                      symbolSize=6, symbolBrush=colour, name=series.name)
        step = max(1, len(xs) // 8)
        self.getAxis("bottom").setTicks([[(x, self.chart.labels[x][5:]) for x in xs[::step]]])
        if known:
            low, high = min(known), max(known)
            span = (high - low) or max(1.0, abs(high) * 0.1)
            rows = -(-len(self.chart.series) // legend.columnCount)
            self.setYRange(low - span * 0.1, high + span * (0.15 + 0.18 * rows), padding=0)
        self.setXRange(-0.3, max(0, len(xs) - 1) + 0.3, padding=0)

    def _say_empty(self) -> None:
        """No bars at all: say so instead of a bare axis."""
        note = pg.TextItem(self.tr("No data for these filters"), color="#666", anchor=(0.5, 0.5))
        note.setPos(0.5, 0.5)
        self.getPlotItem().vb.addItem(note, ignoreBounds=True)
        self.setXRange(0, 1, padding=0)
        self.setYRange(0, 1, padding=0)
        self.empty_note = note

    # -- hover -------------------------------------------------------------------------------------
    def text_at(self, x: float, y: float) -> str:
        """What hovering at the view coordinates (x, y) shows: the value of the bar or period there."""
        unit = f" {self.chart.unit}" if self.chart.unit else ""
        if self.chart.kind == "columns":
            index = next((i for i, (low, high) in enumerate(self.bins()) if low <= x < high), -1)
        else:
            index = round(y if self.chart.kind == "bars" else x)
        if not 0 <= index < len(self.chart.labels):
            return ""
        label = self.chart.labels[index]
        if self.chart.kind == "lines":
            values = [f"{s.name}: {_number(s.values[index])}{unit}" for s in self.chart.series
                      if s.values[index] is not None]
            return "\n".join([label, *values]) if values else ""
        value = self._values()[index]
        return "" if value is None else f"{label}: {_number(value)}{unit}"

    def _moved(self, position: QPointF) -> None:
        point = self.getPlotItem().vb.mapSceneToView(position)
        self.hover_text = self.text_at(point.x(), point.y())
        self.tip.setText(self.hover_text)
        self.tip.setPos(point)
        self.tip.setVisible(bool(self.hover_text))
        self.setToolTip(self.hover_text)
