"""Review → Appeals (team leads): every appeal, nearest deadline first; uphold or reject with an answer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QMessageBox,
                               QPushButton, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import User
from inspector.review import appeals
from inspector.store.evaluations import EvaluationRepository
from inspector.ui.tables import fill, read_only_table
from inspector.users.policy import NotAllowed
from inspector.ui.core_messages import error_text


class AppealsDialog(QDialog):
    call_requested = Signal(int)

    def __init__(self, repo: EvaluationRepository, actor: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo, self.actor = repo, actor
        self.rows: list[dict] = []
        self.setWindowTitle(self.tr("Appeals"))
        self.status = QComboBox(self)
        for text, key in ((self.tr("Open"), "open"), (self.tr("Upheld"), "upheld"), (self.tr("Rejected"), "rejected"),
                          (self.tr("All"), None)):
            self.status.addItem(text, key)
        self.status.currentIndexChanged.connect(self.refresh)
        self.table = read_only_table(self, [self.tr("Call"), self.tr("Item"), self.tr("Agent"), self.tr("Inspector"),
                                            self.tr("Reason"), self.tr("Answer by"), self.tr("State"),
                                            self.tr("Answer")])
        self.table.cellDoubleClicked.connect(lambda row, _c: self.call_requested.emit(self.rows[row]["call_id"]))
        uphold = QPushButton(self.tr("Uphold…"), self)
        reject = QPushButton(self.tr("Reject…"), self)
        uphold.clicked.connect(lambda: self._resolve(True))
        reject.clicked.connect(lambda: self._resolve(False))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(uphold)
        bottom.addWidget(reject)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        open_within_screen(self, "AppealsDialog", QSize(1000, 460))
        self.refresh()

    def refresh(self) -> None:
        labels = {"open": self.tr("Open"), "upheld": self.tr("Upheld"), "rejected": self.tr("Rejected")}
        self.rows = self.repo.appeal_list(self.status.currentData())
        fill(self.table, [(r["call_ref"], r["item_id"] or self.tr("whole"), r["agent_id"], r["inspector"], r["text"],
                           r["due_at"] or "", labels.get(r["status"], r["status"]), r["resolution"] or "")
                          for r in self.rows])

    def resolve_row(self, row: int, upheld: bool, answer: str) -> None:
        try:
            appeals.resolve(self.repo, self.rows[row]["id"], self.actor, upheld, answer)
        except (NotAllowed, ValueError) as exc:
            QMessageBox.information(self, self.tr("Appeals"), error_text(exc))
        self.refresh()

    def _resolve(self, upheld: bool) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        question = self.tr("Why is the appeal upheld?") if upheld else self.tr("Why is the appeal rejected?")
        answer, ok = QInputDialog.getText(self, self.tr("Appeals"), question)
        if ok:
            self.resolve_row(row, upheld, answer)
