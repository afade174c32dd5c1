"""Review → Red-line register (team leads): cases opened by confirmed fatal hits, owned and closed."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import User
from inspector.desk.desk import Desk
from inspector.domain.redlines import RedLineCase
from inspector.users.policy import NotAllowed
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.tables import fill, read_only_table
from inspector.ui.item_names import named, names_in_ui_language
from inspector.scoring.defaults import default_card
from inspector.ui.core_messages import error_text
from inspector.spreadsheet import write_csv_dicts

FOLLOW_UP_DAYS = 7
EVIDENCE = 3                # the evidence column


class RedLinesDialog(QDialog):
    case_requested = Signal(int, float)          # call id, where the hit starts

    def __init__(self, desk: Desk, actor: User, lane: DatabaseLane,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register, self.actor, self.lane = desk.redlines, actor, lane
        self.cases: list[RedLineCase] = []
        self.setWindowTitle(self.tr("Red-line register"))
        self.open_only = QCheckBox(self.tr("Open cases only"), self)
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.table = read_only_table(self, [self.tr("Call"), self.tr("Rule"), self.tr("Agent"), self.tr("Evidence"),
                                            self.tr("Confirmed by"), self.tr("Opened"), self.tr("Owner"),
                                            self.tr("Due"), self.tr("State"), self.tr("Outcome")])
        self.table.horizontalHeader().setSectionResizeMode(EVIDENCE, QHeaderView.Interactive)
        self.table.setColumnWidth(EVIDENCE, 360)          # the whole evidence is in the cell's tooltip
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.case_requested.emit(self.cases[row].call_id, self.cases[row].start))
        own = QPushButton(self.tr("Take ownership"), self)
        close = QPushButton(self.tr("Close case…"), self)
        export = QPushButton(self.tr("Export CSV…"), self)
        own.clicked.connect(self._own)
        close.clicked.connect(self._close)
        export.clicked.connect(self._export)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for widget in (own, close, export):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.open_only)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        open_within_screen(self, "RedLinesDialog", QSize(1100, 460))
        self.refresh()

    def refresh(self) -> None:
        states = {"open": self.tr("Open"), "closed": self.tr("Closed")}
        self.cases = self.register.cases("open" if self.open_only.isChecked() else None)
        names = names_in_ui_language(default_card())
        fill(self.table, [(c.call_ref, named(f"{c.rule} {c.rule_name}", names), c.agent_id or "", c.evidence, c.confirmed_by,
                           c.opened_at[:10], c.owner or "", c.due_at or "", states.get(c.status, c.status),
                           c.outcome or "") for c in self.cases])

    def close_case(self, row: int, outcome: str) -> None:
        """Closed by an operation on the database lane; the list follows once it is stored."""
        case, actor = self.cases[row], self.actor
        self._write(lambda db: Desk(db).redlines.close(case.id, actor, outcome), case.call_id)

    def _write(self, change, call_id: int) -> None:
        def operation(db):
            change(db)
            return None, OpChanges(frozenset({call_id}))

        self.lane.run(operation, lambda _none: self.refresh(), on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, (ValueError, NotAllowed)):
            raise exc
        QMessageBox.information(self, self.windowTitle(), error_text(exc))
        self.refresh()

    def export_to(self, path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            write_csv_dicts(handle, [f.name for f in fields(RedLineCase)], (asdict(c) for c in self.register.cases()))

    def _own(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            due = (date.today() + timedelta(days=FOLLOW_UP_DAYS)).isoformat()
            case, actor = self.cases[row], self.actor
            self._write(lambda db: Desk(db).redlines.assign(case.id, actor, due), case.call_id)

    def _close(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        outcome, ok = QInputDialog.getText(self, self.tr("Close case"), self.tr("Outcome (e.g. 通报, 约谈, 扣绩效):"))
        if ok:
            self.close_case(row, outcome)

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export red-line register"), "redlines.csv",
                                              "CSV (*.csv)")
        if path:
            target = Path(path if path.lower().endswith(".csv") else path + ".csv")
            try:
                self.export_to(target)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Export failed"), f"{target}: {exc.strerror}")
