"""Review → My queue: the signed-in inspector's assigned calls in order, with progress and due dates."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from inspector.ui.window_sizes import open_within_screen
from inspector.desk.desk import Desk
from inspector.ui.tables import fill, read_only_table


class QueueDialog(QDialog):
    call_requested = Signal(int)          # a call id: open it in the main window

    def __init__(self, desk: Desk, assignee: str, status_text, reason_text,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assignments, self.assignee = desk.assignments, assignee
        self.status_text, self.reason_text = status_text, reason_text
        self.setWindowTitle(self.tr("My queue"))
        self.progress = QLabel(self)
        self.table = read_only_table(self, [self.tr("#"), self.tr("Call"), self.tr("Why"), self.tr("Due"),
                                            self.tr("Status")])
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Double-click a call to open it."), self))
        layout.addWidget(buttons)
        open_within_screen(self, "QueueDialog", QSize(720, 460))
        self.refresh()

    def refresh(self) -> None:
        self.queue = self.assignments.queue(self.assignee)
        done = sum(a.done for a in self.queue)
        self.progress.setText(self.tr("%1/%2 done").replace("%1", str(done)).replace("%2", str(len(self.queue))))
        fill(self.table, [(str(i + 1), a.call_ref, ", ".join(self.reason_text(r) for r in a.reasons),
                           a.due_at or "", self.status_text(a.call_status)) for i, a in enumerate(self.queue)])

    def _open(self, row: int) -> None:
        self.call_requested.emit(self.queue[row].call_id)
