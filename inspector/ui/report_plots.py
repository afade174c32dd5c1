"""A report chart (reports.charts.Chart) drawn with pyqtgraph: horizontal bars, a histogram, or lines.
Hovering shows the value under the pointer, so a reader never has to estimate it from the axis."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from inspector.reports.charts import Chart

PALETTE = ("#3b6fb6", "#d9822b", "#3a9c5b", "#b33c3c", "#7b5aa6", "#8c6d3f", "#c75c9a", "#5f6b73")
REFERENCE = pg.mkPen("#b33c3c", width=1.5, style=Qt.DashLine)


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
        values = self._values()
        for i, value in enumerate(values):
            if value is not None:
                self.addItem(pg.BarGraphItem(x0=min(0.0, value), y=i, height=0.7, width=abs(value) or 0.001,
                                             brush=PALETTE[0] if value >= 0 else PALETTE[3], pen=None))
        self.getAxis("left").setTicks([[(i, label[:18]) for i, label in enumerate(self.chart.labels)]])
        self.invertY(True)
        if self.chart.reference is not None:
            self.addItem(pg.InfiniteLine(self.chart.reference, angle=90, pen=REFERENCE))
        known = [v for v in values if v is not None] + [0.0]
        self.setXRange(min(known), max(known + [self.chart.reference or 0.0]) or 1.0, padding=0.05)
        self.setYRange(-0.6, max(0, len(values) - 1) + 0.6, padding=0)

    def _columns(self) -> None:
        values = [v or 0.0 for v in self._values()]
        self.addItem(pg.BarGraphItem(x=list(range(len(values))), height=values, width=0.9, brush=PALETTE[0],
                                     pen=None))
        self.getAxis("bottom").setTicks([[(i, label.split("–")[0]) for i, label in enumerate(self.chart.labels)
                                          if i % 2 == 0]])
        if self.chart.reference is not None and self.chart.labels:
            low, high = (float(x) for x in self.chart.labels[0].split("–"))
            self.addItem(pg.InfiniteLine((self.chart.reference - low) / (high - low) - 0.5, angle=90, pen=REFERENCE))

    def _lines(self) -> None:
        self.addLegend(offset=(-10, 10))
        xs = list(range(len(self.chart.labels)))
        for k, series in enumerate(self.chart.series):
            points = [(x, v) for x, v in zip(xs, series.values) if v is not None]
            colour = PALETTE[k % len(PALETTE)]
            self.plot([p[0] for p in points], [p[1] for p in points], pen=pg.mkPen(colour, width=2), symbol="o",
                      symbolSize=6, symbolBrush=colour, name=series.name)
        step = max(1, len(xs) // 8)
        self.getAxis("bottom").setTicks([[(x, self.chart.labels[x][5:]) for x in xs[::step]]])

    # -- hover -------------------------------------------------------------------------------------
    def text_at(self, x: float, y: float) -> str:
        """What hovering at the view coordinates (x, y) shows: the value of the bar or period there."""
        unit = f" {self.chart.unit}" if self.chart.unit else ""
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
