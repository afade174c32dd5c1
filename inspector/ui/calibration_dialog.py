"""File → Calibration sessions: create (leads), score, reveal, compare, and exchange packs and results."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QTableWidget,
                               QVBoxLayout, QWidget)

from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.window_sizes import open_within_screen
from inspector.archive import ArchiveError
from inspector.calibration.comparison import Comparison, compare
from inspector.calibration.pack import export_packs, import_pack
from inspector.calibration.results import export_results, import_results
from inspector.calibration.sessions import MAX_CALLS, CalibrationError, CalibrationService, new_session
from inspector.scoring.card import Scorecard
from inspector.domain.calibration import CalibrationSession
from inspector.domain.calls import CallFilter
from inspector.domain.errors import StorageError
from inspector.users.policy import Action, NotAllowed, allowed
from inspector.domain.people import User
from inspector.review.queue import REVIEWERS
from inspector.desk.desk import Desk
from inspector.ui.dialog_buttons import ok_cancel
from inspector.ui.tables import fill, read_only_table
from inspector.ui.core_messages import error_text

CONSENSUS = "__consensus__"


class NewSessionDialog(QDialog):
    """Calls are chosen from the newest 500; participants from the workstation's inspectors, or typed in
    (工号, comma-separated) for inspectors who score on their own workstations."""

    def __init__(self, desk: Desk, lead: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New calibration session"))
        self.title = QLineEdit(self)
        self.calls = QListWidget(self)
        for call in desk.calls.page(CallFilter(), sort="started_at", descending=True, limit=500):
            item = QListWidgetItem(f"{call.call_ref}  {call.agent_id or ''} {call.business_type or ''}", self.calls)
            item.setData(Qt.UserRole, call.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
        self.people = QListWidget(self)
        reviewers = [user for user in desk.users.all() if user.id != lead.id and user.role in REVIEWERS]   # no agents
        for user in reviewers:
            item = QListWidgetItem(f"{user.id} {user.name}", self.people)
            item.setData(Qt.UserRole, user.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
        self.others = QLineEdit(self)
        self.others.setPlaceholderText(self.tr("more job numbers, comma-separated"))
        self.benchmark = QComboBox(self)
        self.benchmark.addItem(self.tr("No benchmark"), None)
        self.benchmark.addItem(self.tr("Me (%1)").replace("%1", lead.id), lead.id)
        self.benchmark.addItem(self.tr("Consensus after discussion"), CONSENSUS)
        for user in reviewers:
            self.benchmark.addItem(f"{user.id} {user.name}", user.id)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Calls (2–%1)").replace("%1", str(MAX_CALLS)), self.calls)
        form.addRow(self.tr("Participants"), self.people)
        form.addRow("", self.others)
        form.addRow(self.tr("Benchmark"), self.benchmark)
        form.addRow(ok_cancel(self))
        open_within_screen(self, "NewSessionDialog", QSize(560, 640))

    def chosen(self) -> tuple[str, list[int], list[str], str | None, bool]:
        def checked(widget: QListWidget) -> list:
            return [widget.item(i).data(Qt.UserRole) for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.Checked]

        typed = [p.strip() for p in self.others.text().replace("，", ",").split(",") if p.strip()]
        choice = self.benchmark.currentData()
        consensus = choice == CONSENSUS
        return self.title.text(), checked(self.calls), checked(self.people) + typed, None if consensus else choice, \
            consensus


class CalibrationDialog(QDialog):
    score_requested = Signal(object)          # CalibrationSession: score its calls in the main window

    def __init__(self, service: CalibrationService, desk: Desk, card: Scorecard, user: User, audio_folder: Path, parent: QWidget | None = None,
                 show_comparison: Callable[[Comparison, list[Comparison]], None] | None = None, *,
                 lane: DatabaseLane) -> None:
        super().__init__(parent)
        self.service, self.desk, self.card, self.user = service, desk, card, user
        self.lane = lane                       # creating and revealing a session: operations on the lane
        self.audio_folder = audio_folder
        self.show_comparison = show_comparison
        self.sessions: list[CalibrationSession] = []
        self.setWindowTitle(self.tr("Calibration sessions"))
        self.table = read_only_table(self, [self.tr("Title"), self.tr("Status"), self.tr("Calls"),
                                            self.tr("Participants"), self.tr("Submitted")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, handler in (
                ("new", self.tr("New…"), self.create), ("score", self.tr("Score these calls"), self.score),
                ("reveal", self.tr("Reveal"), self.reveal), ("compare", self.tr("Compare…"), self.compare),
                ("export_pack", self.tr("Export pack…"), self.export_pack),
                ("import_pack", self.tr("Import pack…"), self.import_pack),
                ("export_results", self.tr("Export my scores…"), self.export_results),
                ("import_results", self.tr("Import scores…"), self.import_results)):
            button = QPushButton(text, self)
            button.clicked.connect(handler)
            self.buttons[key] = button
            row.addWidget(button)
        runs_sessions = allowed(user, Action.RUN_CALIBRATION)
        for name in ("new", "reveal", "export_pack", "import_results"):
            self.buttons[name].setVisible(runs_sessions)
        close = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.table.itemSelectionChanged.connect(self._enable)
        open_within_screen(self, "CalibrationDialog", QSize(980, 420))
        self.refresh()

    def refresh(self) -> None:
        self.sessions = self.service.sessions_for(self.user)
        rows = []
        for session in self.sessions:
            progress = self.service.progress(session)
            done = ", ".join(f"{who} {n}/{len(session.call_ids)}" for who, n in progress.items())
            status = self.tr("Revealed") if session.revealed else self.tr("Blind")
            rows.append((session.title, status, str(len(session.call_ids)), ", ".join(session.participants), done))
        fill(self.table, rows)
        if self.sessions:
            self.table.selectRow(len(self.sessions) - 1)
        self._enable()

    def selected(self) -> CalibrationSession | None:
        rows = self.table.selectionModel().selectedRows()
        return self.sessions[rows[0].row()] if rows else None

    def _enable(self) -> None:
        session = self.selected()
        for key in ("score", "reveal", "compare", "export_pack", "export_results"):
            self.buttons[key].setEnabled(session is not None)
        if session is not None:
            self.buttons["reveal"].setEnabled(not session.revealed and session.lead == self.user.id)
            self.buttons["compare"].setEnabled(session.revealed)

    # -- actions ------------------------------------------------------------------------------------
    def create(self) -> None:
        dialog = NewSessionDialog(self.desk, self.user, self)
        if dialog.exec() != QDialog.Accepted:
            return
        title, call_ids, people, benchmark, consensus = dialog.chosen()
        try:
            session = new_session(title, call_ids, people, self.card, self.user, benchmark, consensus)
        except (CalibrationError, NotAllowed) as exc:
            QMessageBox.information(self, self.tr("Session not created"), error_text(exc))
            return
        service = self.service

        def add(db):
            service.on(db).sessions.add(session)
            return session, OpChanges()

        self.lane.run(add, lambda _session: self.refresh(),
                      on_error=lambda exc: self._refused(self.tr("Session not created"), exc))

    def _refused(self, title: str, exc: Exception) -> None:
        if not isinstance(exc, (CalibrationError, StorageError, NotAllowed)):
            raise exc
        QMessageBox.information(self, title, error_text(exc))
        self.refresh()

    def score(self) -> None:
        session = self.selected()
        if session is not None:
            self.score_requested.emit(session)
            self.accept()

    def reveal(self) -> None:
        session = self.selected()
        if session is None:
            return
        answer = QMessageBox.question(self, self.tr("Reveal"), self.tr(
            "Reveal every score of %1? Participants can no longer change their scores.").replace("%1", session.title))
        if answer != QMessageBox.Yes:
            return
        service, user = self.service, self.user

        def reveal(db):
            return service.on(db).reveal(session, user), OpChanges()

        self.lane.run(reveal, lambda _session: self.refresh(),
                      on_error=lambda exc: self._refused(self.tr("Not revealed"), exc))

    def comparison_of(self, session: CalibrationSession) -> Comparison:
        return compare(session, self.card, self.service.visible_evaluations(session, self.user.id),
                       self.desk.calls.refs(session.call_ids),
                       auto=self.service.automatic_rater(session, self.card, self.desk.autoscores))

    def compare(self) -> None:
        session = self.selected()
        if session is None or not session.revealed or self.show_comparison is None:
            return
        history = [self.comparison_of(s) for s in self.sessions if s.revealed]
        self.show_comparison(self.comparison_of(session), history)

    def _exchange(self, title: str, work: Callable[[object], object], said: Callable[[object], str]) -> None:
        """A pack or results file written or read by an operation on the lane (imports store calls and scores,
        every export is in the export audit); ``said`` words its result on this thread, a refusal names the file."""
        def failed(exc: Exception) -> None:
            if not isinstance(exc, (ArchiveError, CalibrationError, StorageError, OSError, NotAllowed)):
                raise exc
            QMessageBox.warning(self, title, error_text(exc))

        def done(result) -> None:
            QMessageBox.information(self, title, said(result))
            self.refresh()

        self.lane.run(lambda db: (work(db), OpChanges()), done, on_error=failed)

    def export_pack(self) -> None:
        session, card, user = self.selected(), self.card, self.user
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export packs: one per participant, into a folder"))
        if folder:
            self._exchange(self.tr("Export pack"), lambda db: export_packs(db, session, card, Path(folder), user),
                           lambda paths: "\n".join(str(p) for p in paths))

    def import_pack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import pack"), "",
                                              self.tr("Calibration pack (*.inspector-pack)"))
        if path:
            card, audio_folder, user = self.card, self.audio_folder, self.user
            self._exchange(self.tr("Import pack"), lambda db: import_pack(db, Path(path), card, audio_folder, user),
                           lambda result: self.tr("Already imported: nothing changed") if result.already_imported
                           else self.tr("Session %1: %2 call(s) added").replace("%1", result.session.title)
                           .replace("%2", str(result.calls_added)))

    def export_results(self) -> None:
        session, card, user_id = self.selected(), self.card, self.user.id
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export my scores"),
                                              f"{session.title}-{user_id}.inspector-results",
                                              self.tr("Calibration scores (*.inspector-results)"))
        if path:
            self._exchange(self.tr("Export my scores"),
                           lambda db: export_results(db, card, session, user_id, Path(path)), str)

    def import_results(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import scores"), "",
                                                self.tr("Calibration scores (*.inspector-results)"))
        if paths:
            card = self.card

            def said(results) -> str:
                return "\n".join(f"{Path(path).name}: " + (
                    self.tr("already imported") if result.already_imported else
                    self.tr("%1 stored, %2 unchanged").replace("%1", str(result.stored))
                    .replace("%2", str(result.unchanged))) for path, result in zip(paths, results))
            self._exchange(self.tr("Import scores"),
                           lambda db: [import_results(db, card, Path(path)) for path in paths], said)
