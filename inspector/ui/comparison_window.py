"""The comparison of a revealed calibration session: the grid, the heat map of deviations, each
inspector's bias and noise, agreement statistics, and the trend across sessions."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.ui.statistics_text import statistic_text
from inspector.scoring.auto import AUTO_RATER
from inspector.calibration.comparison import Comparison, trend
from inspector.calibration.report import deviation_colour, format_number, heat_limit, text_colour, write_report
from inspector.ui.item_names import named, names_in_ui_language
from inspector.scoring.defaults import default_card
from inspector.ui.tables import read_only_table

FLAG = QColor("#fff3cd")
OUTSIDE = QColor("#f8d0d0")


class ComparisonWindow(QDialog):
    def __init__(self, comparison: Comparison, history: list[Comparison], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.setWindowTitle(self.tr("Calibration comparison — %1").replace("%1", comparison.session.title))
        self.grid = self._build_grid()
        self.heat_plot = self._build_heat_map()
        self.summary = self._build_summary()
        self.trend_plot = self._build_trend(history)
        tabs = QTabWidget(self)
        tabs.addTab(self.grid, self.tr("Grid"))
        tabs.addTab(self.trend_plot, self.tr("Trend across sessions"))
        top = QSplitter(Qt.Horizontal, self)
        top.addWidget(self.heat_plot)
        top.addWidget(self.summary)
        top.setSizes([620, 520])
        body = QSplitter(Qt.Vertical, self)
        body.addWidget(top)
        body.addWidget(tabs)
        body.setSizes([330, 420])
        export = QPushButton(self.tr("Export report…"), self)
        export.clicked.connect(self.export_report)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(export, QDialogButtonBox.ActionRole)
        benchmark = comparison.session.benchmark or self.tr("none (deviation from the participants' mean)")
        header = QLabel(self.tr("Benchmark: %1 · tolerance: total ±3 points, item agreement ≥ 90 %, fatal items "
                                "100 %").replace("%1", benchmark), self)
        missing = QLabel(self.tr("Not submitted: %1").replace(
            "%1", ", ".join(f"{p} ({c})" for p, c in comparison.missing)), self)
        missing.setVisible(bool(comparison.missing))
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(missing)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        open_within_screen(self, "ComparisonWindow", QSize(1200, 820))

    # -- grid --------------------------------------------------------------------------------------
    def _build_grid(self) -> QTableWidget:
        people = self.comparison.participants
        headers = [self.tr("Call"), self.tr("Item"), *map(self.person, people), self.tr("Benchmark"), self.tr("Mean"), self.tr("SD"),
                   self.tr("Range"), self.tr("Agreement")]
        table = read_only_table(self, headers)
        table.setRowCount(len(self.comparison.rows))
        names = names_in_ui_language(default_card())     # the card's English names in the English UI
        for r, row in enumerate(self.comparison.rows):
            name = (names.get("total", row.item_name) if row.kind == "total"
                    else named(f"{row.item} {row.item_name}", names))
            values = [row.call_ref, name, *[format_number(row.scores[p], 1) for p in people],
                      format_number(row.benchmark, 1), format_number(row.mean, 2), format_number(row.sd, 2),
                      format_number(row.spread, 1),
                      "" if row.agreement is None else f"{100 * row.agreement:.0f}%"]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c >= 2:
                    cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if row.flagged:
                    cell.setBackground(QBrush(FLAG))
                if 2 <= c < 2 + len(people) and people[c - 2] in row.outside:
                    cell.setBackground(QBrush(OUTSIDE))
                    cell.setToolTip(self.tr("Deviation %1 from the reference").replace(
                        "%1", format_number(row.deviations.get(people[c - 2]), 2)))
                if row.kind == "total":
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(r, c, cell)
        table.horizontalHeader().setStretchLastSection(False)
        return table

    # -- heat map ----------------------------------------------------------------------------------
    def _build_heat_map(self) -> pg.PlotWidget:
        """Inspectors down, items across; red lenient, blue strict, the same colours as the HTML report."""
        heat = self.comparison.heat
        limit = heat_limit(heat)
        rgb = np.zeros((heat.shape[1], heat.shape[0], 3), dtype=np.ubyte)     # ImageItem is x-major
        for i in range(heat.shape[0]):
            for j in range(heat.shape[1]):
                colour = QColor(deviation_colour(float(heat[i, j]), limit))
                rgb[j, heat.shape[0] - 1 - i] = (colour.red(), colour.green(), colour.blue())
        plot = pg.PlotWidget(self, background="w")
        plot.setTitle(self.tr("Mean deviation by inspector × item (red: lenient, blue: strict)<br>"
                              "fatal items: the points of total their disagreement cost"), color="#222", size="9pt")
        plot.addItem(pg.ImageItem(rgb))
        for i in range(heat.shape[0]):
            for j in range(heat.shape[1]):
                if not math.isnan(heat[i, j]):
                    label = pg.TextItem(format_number(float(heat[i, j]), 1), color=text_colour(float(heat[i, j]), limit),
                                        anchor=(0.5, 0.5))
                    label.setPos(j + 0.5, heat.shape[0] - 1 - i + 0.5)
                    plot.addItem(label)
        people = [self.person(p) for p in self.comparison.participants]
        bottom, left = plot.getAxis("bottom"), plot.getAxis("left")
        bottom.setTicks([[(j + 0.5, item) for j, (item, _name) in enumerate(self.comparison.items)]])
        left.setTicks([[(heat.shape[0] - 1 - i + 0.5, person) for i, person in enumerate(people)]])
        left.setWidth(max(48, 9 * max((len(p) for p in people), default=4)))     # room for every job number
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setRange(xRange=(0, heat.shape[1]), yRange=(0, heat.shape[0]), padding=0.02)
        return plot

    def person(self, who: str) -> str:
        """A rater as the reader knows them: a job number, or the automatic score in the window's language
        (its stored id, AUTO_RATER, is an English code word)."""
        return self.tr("Auto score") if who == AUTO_RATER else who

    # -- bias, noise and statistics ------------------------------------------------------------------
    def _build_summary(self) -> QTableWidget:
        drift = self.comparison.drift
        rows = []
        for d in drift:
            tendency = (self.tr("lenient") if d.bias > 0.5 else self.tr("strict") if d.bias < -0.5
                        else self.tr("on target"))
            rows.append((self.person(d.inspector), f"{d.bias:+.2f}", f"{d.noise:.2f}", tendency))
        for s in self.comparison.statistics:
            interval = "" if s.low is None else f"[{s.low:.3f}, {s.high:.3f}]"
            rows.append((statistic_text(s.name), format_number(s.value, 3), interval, statistic_text(s.note)))
        table = read_only_table(self, [self.tr("Inspector / statistic"), self.tr("Bias / value"),
                                       self.tr("Noise / 95 % CI"), self.tr("Note")], rows)
        # the names and the notes wrap in the width the numbers leave: at 1280×800 the notes ran off the right
        # edge ("lenie…"), the longest statistic's name having taken the room
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(0, QHeaderView.Stretch)       # the names and the notes share what is left
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        table.setWordWrap(True)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        return table

    def _build_trend(self, history: list[Comparison]) -> pg.PlotWidget:
        plot = pg.PlotWidget(self, background="w")
        plot.setTitle(self.tr("Each inspector's bias, session by session"), color="#222")
        plot.addLegend()
        plot.addLine(y=0, pen=pg.mkPen("#888", style=Qt.DashLine))
        series = trend(history)
        titles = list(dict.fromkeys(title for points in series.values() for title, _ in points))
        for n, (person, points) in enumerate(sorted(series.items())):
            xs = [titles.index(title) for title, _ in points]
            colour = pg.intColor(n, max(3, len(series)))          # the dots in the line's (and legend's) colour
            plot.plot(xs, [bias for _, bias in points], pen=pg.mkPen(colour, width=2), symbol="o",
                      symbolBrush=colour, symbolPen=colour, name=self.person(person))
        plot.getAxis("bottom").setTicks([[(i, t) for i, t in enumerate(titles)]])
        return plot

    def export_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"),
                                              f"{self.comparison.session.title}.html", self.tr("HTML report (*.html)"))
        if not path:
            return
        html_path = Path(path)
        try:
            write_report(self.comparison, html_path, html_path.with_suffix(".csv"))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc.strerror}")
