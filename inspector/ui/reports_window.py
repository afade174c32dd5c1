"""File → Reports (Ctrl+R): the reports of the weekly quality meeting over this workstation's submitted
evaluations — agents, teams, items, rules, score distribution, inspectors, business types, red lines —
filtered, plotted (hover shows values) and exported as HTML, XLSX or CSV. The report is computed in the
background (reports.workstation.report_job); double-clicking an agent opens their calls in the main window."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSize, QT_TRANSLATE_NOOP, QTimer, QUrl, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDoubleSpinBox, QFileDialog, QHBoxLayout,
                               QLabel, QMenu, QMessageBox, QProgressBar, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from inspector.jobs import Progress
from inspector.ui.category_names import category_text
from inspector.ui.item_names import named, names_in_ui_language
from inspector.ui.window_sizes import open_within_screen
from inspector.reports.charts import charts_for
from inspector.reports.compute import DEFAULT_THRESHOLD
from inspector.reports.export import write_report
from inspector.reports.filters import ReportFilter
from inspector.reports.model import Report
from inspector.reports.tables import Column, Table, tables_for
from inspector.reports.workstation import filter_choices, report_job
from inspector.scoring.card import Scorecard
from inspector.desk.desk import on_own_desk
from inspector.ui.report_plots import ChartView
from inspector.ui.tables import read_only_table
from inspector.ui.tasks import TaskHandle, TaskRunner

CONTEXT = "ReportsWindow"      # QT_TRANSLATE_NOOP below spells it out: lupdate reads literals only
SECTIONS = (
    ("agent", QT_TRANSLATE_NOOP("ReportsWindow", "Agents")),
    ("team", QT_TRANSLATE_NOOP("ReportsWindow", "Teams")),
    ("item", QT_TRANSLATE_NOOP("ReportsWindow", "Items")),
    ("rule", QT_TRANSLATE_NOOP("ReportsWindow", "Rules")),
    ("distribution", QT_TRANSLATE_NOOP("ReportsWindow", "Distribution")),
    ("inspector", QT_TRANSLATE_NOOP("ReportsWindow", "Inspectors")),
    ("business", QT_TRANSLATE_NOOP("ReportsWindow", "Business types")),
    ("red_line", QT_TRANSLATE_NOOP("ReportsWindow", "Red lines")),
    ("agreement", QT_TRANSLATE_NOOP("ReportsWindow", "Automatic score")),
    ("category", QT_TRANSLATE_NOOP("ReportsWindow", "Voice of the customer")),
)
TABLE_TITLES = {
    "categories": QT_TRANSLATE_NOOP("ReportsWindow", "Call categories against the previous period"),
    "agents": QT_TRANSLATE_NOOP("ReportsWindow", "Agent ranking"),
    "agent_trend": QT_TRANSLATE_NOOP("ReportsWindow", "Weekly trend"),
    "agent_items": QT_TRANSLATE_NOOP("ReportsWindow", "Points lost by agent"),
    "teams": QT_TRANSLATE_NOOP("ReportsWindow", "Teams"),
    "team_items": QT_TRANSLATE_NOOP("ReportsWindow", "Points lost by team"),
    "items": QT_TRANSLATE_NOOP("ReportsWindow", "Items"),
    "rules": QT_TRANSLATE_NOOP("ReportsWindow", "Rule hits"),
    "red_line_rules": QT_TRANSLATE_NOOP("ReportsWindow", "Red-line rules"),
    "rule_trend": QT_TRANSLATE_NOOP("ReportsWindow", "Rules by week"),
    "inspectors": QT_TRANSLATE_NOOP("ReportsWindow", "Inspectors"),
    "inspector_days": QT_TRANSLATE_NOOP("ReportsWindow", "Evaluations per day"),
    "business": QT_TRANSLATE_NOOP("ReportsWindow", "Business types"),
    "distribution": QT_TRANSLATE_NOOP("ReportsWindow", "Score distribution"),
    "red_line_summary": QT_TRANSLATE_NOOP("ReportsWindow", "Red lines by rule and agent"),
    "red_lines": QT_TRANSLATE_NOOP("ReportsWindow", "Red-line cases"),
    "agreement": QT_TRANSLATE_NOOP("ReportsWindow", "Automatic score against the reviewed score"),
}
CHART_TITLES = {
    "category_calls": QT_TRANSLATE_NOOP("ReportsWindow", "Calls per category this period"),
    "agent_mean": QT_TRANSLATE_NOOP("ReportsWindow", "Mean score per agent"),
    "agent_trend": QT_TRANSLATE_NOOP("ReportsWindow", "Mean score per agent and week"),
    "team_mean": QT_TRANSLATE_NOOP("ReportsWindow", "Mean score per team"),
    "item_deduction": QT_TRANSLATE_NOOP("ReportsWindow", "Mean points lost per item"),
    "rule_rate": QT_TRANSLATE_NOOP("ReportsWindow", "Hits per 100 calls"),
    "inspector_leniency": QT_TRANSLATE_NOOP("ReportsWindow", "Leniency: inspector's mean minus everyone's (+ lenient)"),
    "business_mean": QT_TRANSLATE_NOOP("ReportsWindow", "Mean score per business type"),
    "distribution": QT_TRANSLATE_NOOP("ReportsWindow", "Scores"),
    "red_line_open": QT_TRANSLATE_NOOP("ReportsWindow", "Open red-line cases per rule"),
    "agreement_mad": QT_TRANSLATE_NOOP("ReportsWindow", "Mean difference, automatic against reviewed"),
}
COLUMN_TITLES = {
    "category": QT_TRANSLATE_NOOP("ReportsWindow", "Category"),
    "level": QT_TRANSLATE_NOOP("ReportsWindow", "Level"),
    "share": QT_TRANSLATE_NOOP("ReportsWindow", "Share"),
    "previous_calls": QT_TRANSLATE_NOOP("ReportsWindow", "Previous period"),
    "change": QT_TRANSLATE_NOOP("ReportsWindow", "Change"),
    "change_rate": QT_TRANSLATE_NOOP("ReportsWindow", "Change (%)"),
    "worsened_rate": QT_TRANSLATE_NOOP("ReportsWindow", "Emotion worsened"),
    "satisfaction": QT_TRANSLATE_NOOP("ReportsWindow", "Satisfaction"),
    "resolved_rate": QT_TRANSLATE_NOOP("ReportsWindow", "Resolved"),
    "agent_id": QT_TRANSLATE_NOOP("ReportsWindow", "Agent ID"),
    "agent_name": QT_TRANSLATE_NOOP("ReportsWindow", "Name"),
    "team": QT_TRANSLATE_NOOP("ReportsWindow", "Team"),
    "calls": QT_TRANSLATE_NOOP("ReportsWindow", "Calls"),
    "evaluations": QT_TRANSLATE_NOOP("ReportsWindow", "Evaluations"),
    "mean": QT_TRANSLATE_NOOP("ReportsWindow", "Mean"),
    "min": QT_TRANSLATE_NOOP("ReportsWindow", "Lowest"),
    "fatal": QT_TRANSLATE_NOOP("ReportsWindow", "Fatal"),
    "pass_rate": QT_TRANSLATE_NOOP("ReportsWindow", "Pass rate"),
    "worst_items": QT_TRANSLATE_NOOP("ReportsWindow", "Loses most on"),
    "group": QT_TRANSLATE_NOOP("ReportsWindow", "Group"),
    "period": QT_TRANSLATE_NOOP("ReportsWindow", "Week of"),
    "item": QT_TRANSLATE_NOOP("ReportsWindow", "Item"),
    "losing": QT_TRANSLATE_NOOP("ReportsWindow", "Times lost"),
    "mean_deduction": QT_TRANSLATE_NOOP("ReportsWindow", "Mean lost"),
    "agents": QT_TRANSLATE_NOOP("ReportsWindow", "Agents"),
    "name": QT_TRANSLATE_NOOP("ReportsWindow", "Name"),
    "kind": QT_TRANSLATE_NOOP("ReportsWindow", "Kind"),
    "points": QT_TRANSLATE_NOOP("ReportsWindow", "Points"),
    "loss_rate": QT_TRANSLATE_NOOP("ReportsWindow", "Loss rate"),
    "total_lost": QT_TRANSLATE_NOOP("ReportsWindow", "Total lost"),
    "rule": QT_TRANSLATE_NOOP("ReportsWindow", "Rule"),
    "hits": QT_TRANSLATE_NOOP("ReportsWindow", "Hits"),
    "calls_with_hits": QT_TRANSLATE_NOOP("ReportsWindow", "Calls with hits"),
    "per_100_calls": QT_TRANSLATE_NOOP("ReportsWindow", "Per 100 calls"),
    "confirmed": QT_TRANSLATE_NOOP("ReportsWindow", "Confirmed"),
    "rejected": QT_TRANSLATE_NOOP("ReportsWindow", "Rejected"),
    "precision": QT_TRANSLATE_NOOP("ReportsWindow", "Precision"),
    "inspector": QT_TRANSLATE_NOOP("ReportsWindow", "Inspector"),
    "leniency": QT_TRANSLATE_NOOP("ReportsWindow", "Leniency"),
    "days": QT_TRANSLATE_NOOP("ReportsWindow", "Days"),
    "per_day": QT_TRANSLATE_NOOP("ReportsWindow", "Per day"),
    "day": QT_TRANSLATE_NOOP("ReportsWindow", "Day"),
    "business_type": QT_TRANSLATE_NOOP("ReportsWindow", "Business type"),
    "low": QT_TRANSLATE_NOOP("ReportsWindow", "From"),
    "high": QT_TRANSLATE_NOOP("ReportsWindow", "To"),
    "count": QT_TRANSLATE_NOOP("ReportsWindow", "Evaluations"),
    "by": QT_TRANSLATE_NOOP("ReportsWindow", "By"),
    "key": QT_TRANSLATE_NOOP("ReportsWindow", "Rule or agent"),
    "open": QT_TRANSLATE_NOOP("ReportsWindow", "Open"),
    "closed": QT_TRANSLATE_NOOP("ReportsWindow", "Closed"),
    "oldest_open_days": QT_TRANSLATE_NOOP("ReportsWindow", "Oldest open (days)"),
    "call_ref": QT_TRANSLATE_NOOP("ReportsWindow", "Call"),
    "opened_on": QT_TRANSLATE_NOOP("ReportsWindow", "Opened"),
    "closed_on": QT_TRANSLATE_NOOP("ReportsWindow", "Closed on"),
    "status": QT_TRANSLATE_NOOP("ReportsWindow", "Status"),
    "age_days": QT_TRANSLATE_NOOP("ReportsWindow", "Age (days)"),
    "auto_calls": QT_TRANSLATE_NOOP("ReportsWindow", "Auto-scored calls"),
    "auto_mean": QT_TRANSLATE_NOOP("ReportsWindow", "Automatic mean"),
    "agreement_calls": QT_TRANSLATE_NOOP("ReportsWindow", "Calls with both"),
    "agreement_mad": QT_TRANSLATE_NOOP("ReportsWindow", "Mean difference"),
    "agreement_within_3": QT_TRANSLATE_NOOP("ReportsWindow", "Within ±3"),
    "mad": QT_TRANSLATE_NOOP("ReportsWindow", "Mean difference"),
    "agree": QT_TRANSLATE_NOOP("ReportsWindow", "Agree"),
    "bias": QT_TRANSLATE_NOOP("ReportsWindow", "Bias (auto − reviewed)"),
}
CODES = {
    "item": QT_TRANSLATE_NOOP("ReportsWindow", "item"),
    "fatal": QT_TRANSLATE_NOOP("ReportsWindow", "fatal"),
    "open": QT_TRANSLATE_NOOP("ReportsWindow", "open"),
    "closed": QT_TRANSLATE_NOOP("ReportsWindow", "closed"),
    "rule": QT_TRANSLATE_NOOP("ReportsWindow", "rule"),
    "agent": QT_TRANSLATE_NOOP("ReportsWindow", "agent"),
    "team": QT_TRANSLATE_NOOP("ReportsWindow", "team"),
}
FILE_TYPES = {"html": "HTML (*.html)", "xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def cell_text(column: Column, value) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "percent":
        return f"{100 * value:.1f}%"
    if column.kind == "code":
        return _tr(CODES[value]) if value in CODES else str(value)
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


class SectionView(QWidget):
    """One report section: its charts above, its tables below; ``names``: ids → names in the UI language
    (empty in Chinese, where the report's own names are shown)."""

    def __init__(self, section: str, parent: QWidget | None = None, names: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.names = names or {}
        self.charts: list[ChartView] = []
        self.tables: dict[str, QTableWidget] = {}
        self.split = QSplitter(Qt.Vertical, self)
        self.chart_row = QWidget(self.split)
        QHBoxLayout(self.chart_row).setContentsMargins(0, 0, 0, 0)
        self.table_tabs = QTabWidget(self.split)
        self.split.setSizes([330, 330])
        QVBoxLayout(self).addWidget(self.split)

    def show_report(self, report: Report) -> None:
        layout = self.chart_row.layout()
        for chart in self.charts:
            layout.removeWidget(chart)
            chart.deleteLater()
        label = category_text if self.section == "category" else lambda text: named(text, self.names)
        self.charts = [ChartView(replace(c, labels=tuple(map(label, c.labels))),
                                 _tr(CHART_TITLES.get(c.key, c.title)), self.chart_row)
                       for c in charts_for(report, self.section)]
        for chart in self.charts:
            layout.addWidget(chart)
        current = self.table_tabs.currentIndex()
        self.table_tabs.clear()
        self.tables = {}
        for table in tables_for(report, self.section):
            widget = self._table(table)
            self.tables[table.key] = widget
            self.table_tabs.addTab(widget, _tr(TABLE_TITLES.get(table.key, table.title)))
        self.table_tabs.setCurrentIndex(max(0, current))

    def _table(self, table: Table) -> QTableWidget:
        widget = read_only_table(self, [_tr(COLUMN_TITLES.get(c.key, c.label)) for c in table.columns])
        widget.setRowCount(len(table.rows))
        keys = [c.key for c in table.columns]
        ids = next((keys.index(k) for k in ("item", "rule", "key") if k in keys), None)   # key: a rule or an agent
        for r, row in enumerate(table.rows):
            for c, (value, column) in enumerate(zip(row, table.columns)):
                text = cell_text(column, value)
                if column.key == "name" and ids is not None:
                    text = self.names.get(str(row[ids]), text)
                item = QTableWidgetItem(category_text(text) if column.key == "category" else text)
                if column.kind in ("int", "number", "percent"):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                item.setData(Qt.UserRole, value)
                widget.setItem(r, c, item)
        return widget


class ReportsWindow(QDialog):
    agent_chosen = Signal(str)          # the agent whose calls the main window should list

    def __init__(self, database: Path, db, card: Scorecard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.card = Path(database), card
        self.report: Report | None = None
        self.tasks = TaskRunner(self)
        self._running: TaskHandle | None = None
        self.setWindowTitle(self.tr("Reports"))
        self._build_filters(filter_choices(db))
        self.tabs = QTabWidget(self)
        names = names_in_ui_language(card)
        self.views = {key: SectionView(key, self.tabs, names) for key, _title in SECTIONS}
        for key, title in SECTIONS:
            self.tabs.addTab(self.views[key], _tr(title))
        self.views["agent"].table_tabs.tabBar().setToolTip(self.tr("Double-click an agent to list their calls"))
        self.basis = QLabel(self)
        self.exported = QLabel(self)          # where the last export went, a link that opens its folder
        self.exported.setOpenExternalLinks(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_calls = QPushButton(self.tr("Open agent's calls"), self)
        self.open_calls.clicked.connect(self._open_selected_agent)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setMenu(self._export_menu())
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.basis, 1)
        bottom.addWidget(self.exported)
        for widget in (self.progress, self.cancel_button, self.open_calls, self.export_button, close):
            bottom.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._busy(False)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        for signal in (self.basis_box.currentIndexChanged, self.use_dates.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.agent.currentIndexChanged, self.team.currentIndexChanged,
                       self.inspector.currentIndexChanged, self.business.currentIndexChanged,
                       self.category.currentIndexChanged, self.card_version.currentIndexChanged,
                       self.threshold.valueChanged):
            # each signal's value is not an interval: QTimer.start(QDate) is refused by newer PySide6
            signal.connect(lambda *_changed: self._debounce.start())
        self.tabs.currentChanged.connect(self._tab_changed)
        open_within_screen(self, "ReportsWindow", QSize(1280, 860))
        self.refresh()

    # -- filters -----------------------------------------------------------------------------------
    def _combo(self, everything: str, values: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.addItem(everything, None)
        for value, text in values:
            box.addItem(text, value)
        return box

    def _build_filters(self, choices) -> None:
        self.basis_box = QComboBox(self)
        self.basis_box.addItem(self.tr("Call dates"), "call")
        self.basis_box.addItem(self.tr("Evaluation dates"), "evaluation")
        self.use_dates = QCheckBox(self.tr("Date range"), self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.agent = self._combo(self.tr("All agents"), [(a, f"{a} {n}".strip()) for a, n in choices.agents])
        self.team = self._combo(self.tr("All teams"), [(t, t) for t in choices.teams])
        self.inspector = self._combo(self.tr("All inspectors"), [(i, i) for i in choices.inspectors])
        self.business = self._combo(self.tr("All business types"), [(b, b) for b in choices.business_types])
        self.category = self._combo(self.tr("All categories"), [(c, category_text(c)) for c in choices.categories])
        self.category.setEnabled(choices.has_categories)
        if not choices.has_categories:
            self.category.setToolTip(self.tr("This workspace has no call categories yet"))
        self.card_version = self._combo(self.tr("All card versions"), [(v, v) for v in choices.card_versions])
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0, 100)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setPrefix(self.tr("Pass mark "))
        dates = QHBoxLayout()
        for widget in (self.use_dates, self.basis_box, self.date_from, QLabel("–", self), self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self.threshold)
        choices_row = QHBoxLayout()
        for widget in (self.agent, self.team, self.inspector, self.business, self.category, self.card_version):
            choices_row.addWidget(widget, 1)
        self.filters = QVBoxLayout()
        self.filters.addLayout(dates)
        self.filters.addLayout(choices_row)

    def current_filter(self) -> ReportFilter:
        dates = self.use_dates.isChecked()
        return ReportFilter(
            date_from=self.date_from.date().toString("yyyy-MM-dd") if dates else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if dates else None,
            date_basis=self.basis_box.currentData(), agent_id=self.agent.currentData(),
            team=self.team.currentData(), inspector=self.inspector.currentData(),
            business_type=self.business.currentData(), category=self.category.currentData(),
            card_version=self.card_version.currentData())

    # -- computing ---------------------------------------------------------------------------------
    def refresh(self) -> TaskHandle:
        """Compute the report for the current filters in the background; a newer request cancels an older."""
        self.cancel()
        flt, threshold, card = self.current_filter(), self.threshold.value(), self.card
        job = on_own_desk(self.database, lambda desk, cancel: report_job(desk.db, flt, card, threshold,
                                                                            cancel=cancel))
        self._busy(True)
        self._running = self.tasks.submit("report", job, self._computed, on_progress=self._progress,
                                          on_error=self._failed,
                                          on_cancelled=lambda: self._busy(self._running is not None))
        return self._running

    def cancel(self) -> None:
        if self._running is not None:
            self._running.cancel()
            self._running = None

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy and self.report is not None)

    def _progress(self, item: Progress) -> None:
        steps = {"evaluations": self.tr("Reading evaluations… %1").replace("%1", str(item.done)),
                 "rules": self.tr("Counting rule hits…"), "red lines": self.tr("Listing red lines…"),
                 "computing": self.tr("Computing…")}
        self.basis.setText(steps.get(item.text, item.text))

    def _computed(self, report: Report) -> None:
        self.report = report
        self._running = None
        b = report.basis
        self.basis.setText(self.tr("Based on %1 call(s) and %2 submitted evaluation(s); rule rates on %3 checked "
                                   "call(s)").replace("%1", str(b.calls)).replace("%2", str(b.evaluations))
                           .replace("%3", str(b.checked_calls)))
        self._busy(False)
        self._tab_changed(self.tabs.currentIndex())

    def _failed(self, error: Exception) -> None:
        self._running = None
        self._busy(False)
        self.basis.setText(str(error))

    def _tab_changed(self, index: int) -> None:
        """Sections are drawn when they are looked at."""
        if self.report is not None and index >= 0:
            view = self.tabs.widget(index)
            if getattr(view, "shown_report", None) is not self.report:
                view.show_report(self.report)
                view.shown_report = self.report
                if view.section == "agent":
                    view.tables["agents"].cellDoubleClicked.connect(lambda row, _col: self._open_agent_row(row))
        self.open_calls.setEnabled(self.tabs.currentIndex() == 0)

    # -- agents' calls -----------------------------------------------------------------------------
    def _open_agent_row(self, row: int) -> None:
        table = self.views["agent"].tables.get("agents")
        if table is not None and 0 <= row < table.rowCount():
            self.agent_chosen.emit(table.item(row, 0).data(Qt.UserRole))

    def _open_selected_agent(self) -> None:
        table = self.views["agent"].tables.get("agents")
        if table is not None:
            self._open_agent_row(table.currentRow())

    # -- export ------------------------------------------------------------------------------------
    def current_section(self) -> str:
        return SECTIONS[self.tabs.currentIndex()][0]

    def _export_menu(self) -> QMenu:
        menu = QMenu(self)
        for text, fmt, whole in ((self.tr("This report as HTML…"), "html", False),
                                 (self.tr("This report as Excel (XLSX)…"), "xlsx", False),
                                 (self.tr("This report's table as CSV…"), "csv", False),
                                 (self.tr("All reports as HTML…"), "html", True),
                                 (self.tr("All reports as Excel (XLSX)…"), "xlsx", True)):
            menu.addAction(text).triggered.connect(lambda _checked=False, f=fmt, w=whole: self._export(f, w))
        return menu

    def _export(self, fmt: str, whole: bool) -> None:
        name = f"{'reports' if whole else self.current_section()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), name, FILE_TYPES[fmt])
        if path:
            self.export_to(Path(path), fmt, whole)

    def export_to(self, path: Path, fmt: str, whole: bool = False) -> bool:
        try:
            write_report(self.report, path, fmt, None if whole and fmt != "csv" else self.current_section())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc.strerror}")
            return False
        self.exported.setText(self.tr("Exported to %1").replace(
            "%1", f'<a href="{QUrl.fromLocalFile(str(path.parent)).toString()}">{html.escape(str(path))}</a>'))
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.tasks.shutdown()
        super().closeEvent(event)
