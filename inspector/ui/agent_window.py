"""The window an agent gets on signing in: their own submitted evaluations and nothing else.

Left, the list (call, date, score, deadline, acknowledged, appeal); right, the chosen evaluation: every
deduction with its reason, the fatal items, the inspector's comments at their moments and the appeals with the
lead's answers. The agent acknowledges (with an optional comment) or appeals the whole or any item, fatal
items included; double-clicking a moment plays the call from there, personal numbers toned out. What the agent
may see and do is decided by ``review.feedback``; this window only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QMainWindow, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen, remember
from inspector.audio.player import Player
from inspector.domain.people import User
from inspector.privacy.recordings import redacted_recording
from inspector.review.feedback import FeedbackDetail, FeedbackLine, FeedbackService
from inspector.scoring.card import Scorecard
from inspector.scoring.defaults import default_card
from inspector.settings import Settings, save_settings
from inspector.desk.desk import Desk
from inspector.jobs import immediate
from inspector.ui.core_messages import error_text
from inspector.ui.i18n import english_ui
from inspector.ui.tables import fill, read_only_table
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.tasks import TaskRunner
from inspector.users.policy import NotAllowed
from inspector.workspace import Workspace

MOMENT = Qt.UserRole + 2          # seconds into the call, on a detail row that has a moment to listen to
LEAD_IN_S = 1.0                   # start a little before the moment, so the words are heard whole


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"


class AppealDialog(QDialog):
    """What is appealed (the whole evaluation or any item, fatal items included) and why."""

    def __init__(self, card: Scorecard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Appeal"))
        self.item = QComboBox(self)
        self.item.addItem(self.tr("The whole evaluation"), None)
        for entry in (*card.items, *card.fatal):
            self.item.addItem(f"{entry.id} {card.name_of(entry.id, english_ui())}", entry.id)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why you disagree, and where in the call to listen"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Appeal against:"), self.item)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(buttons)
        open_within_screen(self, "AppealDialog", QSize(520, 260))


class AgentWindow(QMainWindow):
    sign_out_requested = Signal(bool)        # True: log out; False: switch user (see ui.session)

    def __init__(self, workspace: Workspace, settings: Settings, player: Player | None = None, *,
                 user: User) -> None:
        super().__init__()
        self.workspace, self.settings, self.user = workspace, settings, user
        self.desk = Desk.open(workspace.database)
        self.db = self.desk.db
        self.card = default_card()
        self.service = FeedbackService(self.db, self.card)
        self.calls = self.desk.calls
        self.tasks = TaskRunner(self)
        self.lane = DatabaseLane(workspace.database, self)       # the agent's answers, off the GUI thread
        self.player = player or Player()
        self.lines: list[FeedbackLine] = []
        self.detail: FeedbackDetail | None = None
        self.setWindowTitle(self.tr("Inspector — my evaluations"))
        self._build_menu()
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.PlainText)
        self.table = read_only_table(self, [self.tr("Call"), self.tr("Call date"), self.tr("Score"),
                                            self.tr("Version"), self.tr("Answer by"), self.tr("Acknowledged"),
                                            self.tr("Appeal"), self.tr("Inspector")])
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_row(row))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Points"), self.tr("At"), self.tr("Reason"),
                                   self.tr("By")])
        for column, width in enumerate((250, 60, 70, 460)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemDoubleClicked.connect(lambda row, _c: self.listen(row.data(0, MOMENT)))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), self)
        self.appeal_button = QPushButton(self.tr("Appeal…"), self)
        self.listen_button = QPushButton(self.tr("Listen at moment"), self)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.acknowledge_button.clicked.connect(self._acknowledge)
        self.appeal_button.clicked.connect(self._appeal)
        self.listen_button.clicked.connect(
            lambda: self.listen(self.tree.currentItem().data(0, MOMENT) if self.tree.currentItem() else None))
        self.stop_button.clicked.connect(self.player.stop)
        buttons = QHBoxLayout()
        for button in (self.acknowledge_button, self.appeal_button, self.listen_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.addWidget(self.summary)
        column.addWidget(self.tree, 1)
        column.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([560, 780])
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        self.setCentralWidget(body)
        open_within_screen(self, "AgentWindow", QSize(1360, 780))
        self.refresh()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for text, log_out in ((self.tr("&Switch user…"), False), (self.tr("&Log out"), True)):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, out=log_out: self.sign_out_requested.emit(out))
            menu.addAction(action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    # -- what is shown ---------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        self.lines = self.service.lines(self.user)
        waiting = sum(1 for line in self.lines if line.acknowledged is None)
        self.heading.setText(self.tr("My evaluations — %1 (%2): %3 evaluations, %4 not yet acknowledged")
                             .replace("%1", self.user.name).replace("%2", self.user.id)
                             .replace("%3", str(len(self.lines))).replace("%4", str(waiting)))
        fill(self.table, [(line.call, (line.started_at or "")[:10], f"{line.score:g}", str(line.version),
                           line.answer_by, (line.acknowledged or "")[:10] or self.tr("not yet"),
                           self._appeal_state(line.appeal), line.inspector) for line in self.lines])
        row = next((n for n, line in enumerate(self.lines) if line.uuid == keep), 0 if self.lines else -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
        self.show_row(row)

    def _appeal_state(self, state: str | None) -> str:
        return {"open": self.tr("waiting for answer"), "upheld": self.tr("upheld"),
                "rejected": self.tr("rejected"), None: ""}.get(state, state or "")

    def show_row(self, row: int) -> None:
        self.detail = self.service.detail(self.user, self.lines[row].uuid) if 0 <= row < len(self.lines) else None
        self.tree.clear()
        has = self.detail is not None
        for button in (self.acknowledge_button, self.appeal_button, self.listen_button):
            button.setEnabled(has)
        if not has:
            self.summary.setText(self.tr("No submitted evaluations of your calls yet."))
            return
        detail, line = self.detail, self.detail.line
        self.acknowledge_button.setEnabled(line.acknowledged is None)
        fatal = self.tr(" — a red line (fatal item) makes the score 0") if line.fatal else ""
        self.summary.setText(self.tr("Call %1 of %2 · score %3%4 · version %5 · acknowledge or appeal by %6")
                             .replace("%1", line.call).replace("%2", (line.started_at or "")[:16].replace("T", " "))
                             .replace("%3", f"{line.score:g}").replace("%4", fatal)
                             .replace("%5", str(line.version)).replace("%6", line.answer_by))
        losses = QTreeWidgetItem(self.tree, [self.tr("Deductions")])
        for loss in detail.losses:
            points = self.tr("fatal") if loss.fatal else f"-{loss.points:g}"
            row = QTreeWidgetItem(losses, [f"{loss.item} {self.card.name_of(loss.item, english_ui())}", points, clock(loss.start_s), loss.reason,
                                           loss.by])
            row.setData(0, MOMENT, loss.start_s)
            row.setToolTip(3, loss.reason)
        if not detail.losses:
            QTreeWidgetItem(losses, [self.tr("No deductions")])
        if detail.comments:
            comments = QTreeWidgetItem(self.tree, [self.tr("Inspector's comments")])
            for comment in detail.comments:
                row = QTreeWidgetItem(comments, ["", "", clock(comment.start_s), comment.text, comment.by])
                row.setData(0, MOMENT, comment.start_s)
        if detail.appeals:
            section = QTreeWidgetItem(self.tree, [self.tr("Appeals")])
            for appeal in detail.appeals:
                row = QTreeWidgetItem(section, [appeal["item_id"] or self.tr("whole evaluation"),
                                                self._appeal_state(appeal["status"]), "", appeal["text"],
                                                appeal["agent_id"]])
                row.setToolTip(3, appeal["text"])
                if appeal["resolution"]:            # the lead's answer, upheld or not: the agent reads why
                    answer = QTreeWidgetItem(row, [self.tr("Team lead's answer"), "", "", appeal["resolution"],
                                                   appeal["resolved_by"] or ""])
                    answer.setToolTip(3, appeal["resolution"])
        if detail.acknowledgement:
            QTreeWidgetItem(self.tree, [self.tr("Acknowledged"), "", "", detail.acknowledgement["comment"],
                                        detail.acknowledgement["at"][:16].replace("T", " ")])
        self.tree.expandAll()

    # -- what the agent does ---------------------------------------------------------------------
    def acknowledge_current(self, comment: str) -> None:
        """Recorded by an operation on the database lane; the list follows once it is stored."""
        if self.detail is not None:
            uuid, user, card = self.detail.line.uuid, self.user, self.card
            self._answer(lambda db: FeedbackService(db, card).acknowledge(user, uuid, comment), uuid,
                         self.tr("Not acknowledged"))

    def appeal_current(self, item_id: str | None, reason: str) -> None:
        """Recorded by an operation on the database lane; the list follows once it is stored."""
        if self.detail is not None:
            uuid, user, card = self.detail.line.uuid, self.user, self.card
            self._answer(lambda db: FeedbackService(db, card).appeal(user, uuid, reason, item_id), uuid,
                         self.tr("Appeal not recorded"))

    def _answer(self, change, uuid: str, refused: str) -> None:
        def operation(db):
            return change(db), OpChanges(evaluation=True)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, (NotAllowed, ValueError)):
                raise exc
            QMessageBox.information(self, refused, error_text(exc))

        self.lane.run(operation, lambda _done: self.refresh(keep=uuid), on_error=failed)

    def _acknowledge(self) -> None:
        comment, ok = QInputDialog.getText(self, self.tr("Acknowledge"),
                                           self.tr("You have read this evaluation. Comment (optional):"))
        if ok:
            self.acknowledge_current(comment)

    def _appeal(self) -> None:
        dialog = AppealDialog(self.card, self)
        if dialog.exec() == QDialog.Accepted:
            self.appeal_current(dialog.item.currentData(), dialog.reason.toPlainText())

    def listen(self, seconds: float | None) -> None:
        """Play the call from just before the moment; decoding runs off the GUI thread."""
        if seconds is None or self.detail is None:
            return
        call = self.calls.get(self.detail.line.call_id)
        transcripts = self.desk.transcripts.every_version(call.id)
        start = max(0.0, float(seconds) - LEAD_IN_S)

        def play(recording) -> None:
            self.player.load(recording)
            self.player.seek(start)
            self.player.play()

        self.tasks.submit("listen", lambda _cancel: immediate(redacted_recording(call.path, transcripts)), play,
                          on_error=lambda exc: QMessageBox.information(self, self.tr("Cannot play"),
                                                                       error_text(exc)))

    # -- the session's needs ---------------------------------------------------------------------
    def close_tool_windows(self) -> None:
        """Nothing stays open beside this window; the session calls this on log-out."""

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Its size is kept for the next time, as the main window's is (the agent's settings are theirs)."""
        remember(self, "AgentWindow", self.settings.window_sizes)
        try:
            save_settings(self.settings)
        except OSError:
            pass                                   # a read-only settings folder costs only the size
        self.tasks.shutdown()
        self.lane.shutdown()
        self.player.close()
        self.db.close()
        super().closeEvent(event)
