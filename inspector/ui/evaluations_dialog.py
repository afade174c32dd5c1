"""File → Evaluations: filter the evaluations, open one (double-click), export them as CSV.

A lead sees every inspector's evaluations; an inspector sees their own only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import User
from inspector.scoring.export import write_csv
from inspector.scoring.export import EvaluationRow
from inspector.desk.desk import Desk
from inspector.scoring.card import Scorecard
from inspector.domain.evaluations import EvaluationFilter
from inspector.ui.tables import read_only_table
from inspector.users.policy import Action, allowed


class EvaluationsDialog(QDialog):
    evaluation_chosen = Signal(str)        # the uuid of the evaluation to open with its call

    def __init__(self, desk: Desk, card: Scorecard, actor: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo, self.actor = desk.evaluations(card), actor
        self.rows: list[EvaluationRow] = []
        self.setWindowTitle(self.tr("Evaluations"))
        self.inspector = QLineEdit(self)
        self.inspector.setPlaceholderText(self.tr("Inspector"))
        if not allowed(actor, Action.SEE_ALL_EVALUATIONS):
            self.inspector.setText(actor.id)
            self.inspector.setReadOnly(True)
        self.agent = QLineEdit(self)
        self.agent.setPlaceholderText(self.tr("Agent ID"))
        self.status = QComboBox(self)
        for text, key in ((self.tr("All statuses"), None), (self.tr("Draft"), "draft"),
                          (self.tr("Submitted"), "submitted"), (self.tr("Reopened"), "reopened")):
            self.status.addItem(text, key)
        self.minimum = QDoubleSpinBox(self)
        self.maximum = QDoubleSpinBox(self)
        for box, value in ((self.minimum, 0), (self.maximum, 100)):
            box.setRange(0, 100)
            box.setValue(value)
        self.fatal_only = QCheckBox(self.tr("Fatal only"), self)
        self.use_dates = QCheckBox(self.tr("Call dates"), self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        filters = QHBoxLayout()
        for widget in (self.inspector, self.agent, self.status, QLabel(self.tr("Score"), self), self.minimum,
                       QLabel("–", self), self.maximum, self.fatal_only, self.use_dates, self.date_from,
                       self.date_to):
            filters.addWidget(widget)
        self.table = read_only_table(self, [self.tr("Call"), self.tr("Agent"), self.tr("Inspector"),
                                            self.tr("Status"), self.tr("Version"), self.tr("Total"),
                                            self.tr("Appeal"), self.tr("Updated")])
        self.table.setToolTip(self.tr("Double-click an evaluation to open it with its call"))
        self.table.cellDoubleClicked.connect(self._open)
        self.count = QLabel(self)
        export = QPushButton(self.tr("Export CSV…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(export)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        for signal in (self.inspector.textChanged, self.agent.textChanged, self.status.currentIndexChanged,
                       self.minimum.valueChanged, self.maximum.valueChanged, self.fatal_only.toggled,
                       self.use_dates.toggled, self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self.refresh)
        export.clicked.connect(self._export)
        open_within_screen(self, "EvaluationsDialog", QSize(900, 480))
        self.refresh()

    def current_filter(self) -> EvaluationFilter:
        dates = self.use_dates.isChecked()
        return EvaluationFilter(inspector=self.inspector.text().strip() or None,
                                agent_id=self.agent.text().strip() or None, status=self.status.currentData(),
                                min_total=self.minimum.value(), max_total=self.maximum.value(),
                                fatal=True if self.fatal_only.isChecked() else None,
                                date_from=self.date_from.date().toString("yyyy-MM-dd") if dates else None,
                                date_to=self.date_to.date().toString("yyyy-MM-dd") if dates else None)

    def refresh(self) -> None:
        self.rows = self.repo.search(self.actor, self.current_filter())
        self.table.setRowCount(len(self.rows))
        statuses = {self.status.itemData(i): self.status.itemText(i) for i in range(1, self.status.count())}
        appeals = {"open": self.tr("Open"), "upheld": self.tr("Upheld"), "rejected": self.tr("Rejected")}
        statuses = {"draft": self.tr("Draft"), "submitted": self.tr("Submitted"), "reopened": self.tr("Reopened")}
        for r, row in enumerate(self.rows):
            cells = [row.call_ref, f"{row.agent_id or ''} {row.agent_name or ''}".strip(), row.inspector,
                     statuses.get(row.status, row.status), str(row.version), f"{row.total:g}" + (" ⚠" if row.fatal else ""),
                     appeals.get(row.appeal or "", ""), row.updated_at[:19].replace("T", " ")]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.count.setText(self.tr("%n evaluation(s)", "", len(self.rows)))

    def _open(self, row: int, _column: int) -> None:
        self.evaluation_chosen.emit(self.rows[row].uuid)
        self.accept()

    def export_to(self, path: Path) -> None:
        try:
            write_csv(self.rows, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), f"{path}: {exc.strerror}")

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export evaluations"), "evaluations.csv", "CSV (*.csv)")
        if path:
            self.export_to(Path(path))
