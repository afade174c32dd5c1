"""The hit list of the open call: each automatic finding with its evidence and the inspector's decision."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from inspector.open_call.state import ReviewState
from inspector.rules.hits import Hit
from inspector.domain.decisions import Decision
from inspector.ui.evidence_text import evidence_text, why_text
from inspector.ui.waveform_items import format_time

DECISION_COLOURS = {"confirmed": QColor("#d8f0d8"), "rejected": QColor("#e8e8e8")}


class HitsPane(QWidget):
    """Emits ``decided(hit, decision, note)``; the window stores it and updates the model."""

    decided = Signal(object, str, str)
    seek_requested = Signal(float)

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.header = QLabel(self)
        self.header.setWordWrap(True)         # a long basis wraps instead of widening the whole window
        # which transcript version the hits were computed on, said beside their count (the window knows)
        self.basis_for: Callable[[], str] = lambda: ""
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Rule"), self.tr("Evidence"),
                                              self.tr("Conf."), self.tr("Decision")])
        # a short head over the short numbers (0.90): the long word took the evidence's room in English
        self.table.horizontalHeaderItem(3).setToolTip(self.tr("Confidence"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        # clicking a hit takes the focus from a search box, so the review keys (Y, X, N…) act on the call
        self.table.setFocusPolicy(Qt.StrongFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        # the decision column fits its widest word, not only the (empty) cells shown so far
        decisions = (self.tr("Decision"), self.tr("Confirmed"), self.tr("Rejected"))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Interactive)
        self.table.setColumnWidth(4, max(self.fontMetrics().horizontalAdvance(t) for t in decisions) + 28)
        self.confirm_button = QPushButton(self.tr("Confirm"), self)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.note_button = QPushButton(self.tr("Reject with note…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.header, 1)
        for button in (self.confirm_button, self.reject_button, self.note_button):
            button.setFocusPolicy(Qt.NoFocus)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.confirm_button.clicked.connect(lambda: self.decide_current("confirmed"))
        self.reject_button.clicked.connect(lambda: self.decide_current("rejected"))
        self.note_button.clicked.connect(self._reject_with_note)
        self.table.currentCellChanged.connect(lambda row, *_: state.select_hit(row if row >= 0 else None))
        self.table.cellDoubleClicked.connect(lambda row, _col: self._jump(row))
        state.hits_changed.connect(self._show)
        state.decision_changed.connect(lambda _d: self._show_decisions())
        state.current_hit_changed.connect(self._select)
        self._show(None)

    def decide_current(self, decision: str, note: str = "") -> None:
        hit = self._current()
        if hit is not None:
            self.decided.emit(hit, decision, note)

    def _reject_with_note(self) -> None:
        if self._current() is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Reject hit"), self.tr("Why is this hit wrong?"))
        if ok:
            self.decide_current("rejected", note)

    def _current(self) -> Hit | None:
        hits, index = self.state.hits, self.state.current_hit
        return hits[index] if hits and index is not None else None

    def _show(self, hits: list[Hit] | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        flag, listen = self.tr("flag"), self.tr("listen to confirm")
        for row, hit in enumerate(hits or []):
            self.table.insertRow(row)
            label = (f"{hit.rule} {self.state.rule_name(hit)}" + (f" ({flag})" if hit.flag_only else "")
                     + (f" ({listen})" if hit.listen else ""))
            evidence = evidence_text(hit.evidence)
            cells = [format_time(hit.start), label, evidence, f"{hit.confidence:.2f}", ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{evidence}\n{why_text(hit.why)}")
                self.table.setItem(row, column, item)
            if hit.severity == "fatal":
                self.table.item(row, 1).setForeground(QBrush(QColor("#c0392b")))
        self.table.blockSignals(False)
        if hits is None:
            self.header.setText(self.tr("Not checked yet") if self.state.call else "")
        else:
            basis = self.basis_for()
            self.header.setText(self.tr("%n hit(s)", "", len(hits)) + (f" · {basis}" if basis else ""))
        self._show_decisions()
        self._fit_columns()
        for button in (self.confirm_button, self.reject_button, self.note_button):
            button.setEnabled(bool(hits))

    def _fit_columns(self) -> None:
        """The rule's name never takes the evidence's room: the two share what the time, confidence and
        decision leave, the rule at most half of it (its full name on hover). In English at 1280×800 a third of
        the table for the rule left the evidence a sliver."""
        fixed = sum(self.table.columnWidth(c) for c in (0, 3, 4))
        shared = max(0, self.table.viewport().width() - fixed)
        self.table.setColumnWidth(1, max(60, min(self.table.sizeHintForColumn(1) + 8, shared // 2)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_columns()

    def _show_decisions(self) -> None:
        for row, hit in enumerate(self.state.hits or []):
            decision: Decision | None = self.state.decision_for(hit)
            text = "" if decision is None else {"confirmed": self.tr("Confirmed"),
                                                "rejected": self.tr("Rejected")}[decision.decision]
            if decision is not None and decision.note:
                text += f"：{decision.note}"
            self.table.item(row, 4).setText(text)
            brush = QBrush(DECISION_COLOURS[decision.decision]) if decision else QBrush()
            for column in range(5):
                self.table.item(row, column).setBackground(brush)

    def _select(self, index: int | None) -> None:
        self.table.blockSignals(True)
        if index is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(index)
            self.table.scrollToItem(self.table.item(index, 0))
        self.table.blockSignals(False)

    def _jump(self, row: int) -> None:
        self.state.select_hit(row)
        hits = self.state.hits or []
        if 0 <= row < len(hits):
            self.seek_requested.emit(max(0.0, hits[row].start - 1.0))
