"""Review → Appeals (team leads): every appeal, nearest deadline first; uphold or reject with an answer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import User
from inspector.review import appeals
from inspector.desk.desk import Desk
from inspector.scoring.card import Scorecard
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.tables import fill, read_only_table
from inspector.users.policy import NotAllowed
from inspector.ui.core_messages import error_text


class AppealsDialog(QDialog):
    call_requested = Signal(int)

    def __init__(self, desk: Desk, card: Scorecard, actor: User, lane: DatabaseLane,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo, self.actor, self.lane = desk.evaluations(card), actor, lane
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

    def resolve_row(self, row: int, upheld: bool, answer: str, items: list[str] | None = None) -> None:
        """``items``: for an upheld whole-evaluation appeal, what it overturns (None: everything it contests).
        Answered by an operation on the database lane; the list follows once it is stored."""
        appeal, actor, card = self.rows[row], self.actor, self.repo.card

        def answer_it(db):
            after = appeals.resolve(Desk(db).evaluations(card), appeal["id"], actor, upheld, answer, items)
            return after, OpChanges(frozenset({appeal["call_id"]}), evaluation=True)

        self.lane.run(answer_it, lambda _after: self.refresh(), on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, (NotAllowed, ValueError)):
            raise exc
        QMessageBox.information(self, self.tr("Appeals"), error_text(exc))
        self.refresh()

    def _resolve(self, upheld: bool) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        question = self.tr("Why is the appeal upheld?") if upheld else self.tr("Why is the appeal rejected?")
        answer, ok = QInputDialog.getText(self, self.tr("Appeals"), question)
        if not ok:
            return
        items = None
        if upheld and not self.rows[row]["item_id"]:
            items = self._choose_items(self.rows[row]["uuid"])
            if items is None:
                return
        self.resolve_row(row, upheld, answer, items)

    def _choose_items(self, uuid: str) -> list[str] | None:
        """What an upheld whole-evaluation appeal overturns: every contested item offered, all ticked."""
        evaluation = self.repo.get(uuid)
        contested = appeals.contested(evaluation) if evaluation is not None else []
        if not contested:
            return []
        names = {i.id: i.name for i in self.repo.card.items} | {f.id: f.name for f in self.repo.card.fatal}
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Uphold the whole evaluation's appeal"))
        choices = QListWidget(dialog)
        for item_id in contested:
            entry = QListWidgetItem(f"{item_id} {names.get(item_id, '')}", choices)
            entry.setData(Qt.UserRole, item_id)
            entry.setCheckState(Qt.Checked)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, parent=dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("The appeal is upheld for the ticked items: their deductions are withdrawn "
                                        "and fatal items cleared."), dialog))
        layout.addWidget(choices)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.Accepted:
            return None
        picked = [choices.item(n).data(Qt.UserRole) for n in range(choices.count())
                  if choices.item(n).checkState() == Qt.Checked]
        return picked or None
