"""Review → Agents' acknowledgements (team leads): every submitted evaluation with whether its agent has
acknowledged the current version, and by when they must; the ones not yet acknowledged first."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import User
from inspector.review.feedback import FeedbackLine, FeedbackService
from inspector.ui.tables import fill, read_only_table


class AcknowledgementsDialog(QDialog):
    call_requested = Signal(int)

    def __init__(self, service: FeedbackService, actor: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.actor = service, actor
        self.lines: list[FeedbackLine] = []
        self.setWindowTitle(self.tr("Agents' acknowledgements"))
        self.waiting_only = QCheckBox(self.tr("Not yet acknowledged only"), self)
        self.waiting_only.setChecked(True)
        self.waiting_only.toggled.connect(self.refresh)
        self.counts = QLabel(self)
        self.table = read_only_table(self, [self.tr("Agent"), self.tr("Name"), self.tr("Call"), self.tr("Score"),
                                            self.tr("Version"), self.tr("Submitted"), self.tr("Answer by"),
                                            self.tr("Acknowledged"), self.tr("Appeal")])
        self.table.cellDoubleClicked.connect(lambda row, _c: self.call_requested.emit(self.lines[row].call_id))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.waiting_only)
        top.addStretch(1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        open_within_screen(self, "AcknowledgementsDialog", QSize(1000, 460))
        self.refresh()

    def refresh(self) -> None:
        every = self.service.all_lines(self.actor)
        waiting = [line for line in every if line.acknowledged is None]
        self.counts.setText(self.tr("%1 of %2 acknowledged").replace("%1", str(len(every) - len(waiting)))
                            .replace("%2", str(len(every))))
        self.lines = sorted(waiting, key=lambda l: l.answer_by) if self.waiting_only.isChecked() else every
        states = {"open": self.tr("open"), "upheld": self.tr("upheld"), "rejected": self.tr("rejected")}
        fill(self.table, [(l.agent_id, l.agent_name or "", l.call, f"{l.score:g}", str(l.version),
                           l.submitted_at[:16].replace("T", " "), l.answer_by,
                           (l.acknowledged or "")[:16].replace("T", " ") or self.tr("not yet"),
                           states.get(l.appeal or "", "")) for l in self.lines])
