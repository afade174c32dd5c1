"""File → Upload to headquarters: the outbox item by item, upload with progress and cancel, a signed
bundle for a USB stick, and the centre's sync settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from inspector.jobs import Progress
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.window_sizes import open_within_screen
from inspector.archive import ArchiveError
from inspector.desk.desk import Desk, on_own_desk
from inspector.domain.errors import StorageError
from inspector.domain.people import User
from inspector.users.policy import Action, NotAllowed, allowed
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import export_bundle
from inspector.sync.identity import SyncError
from inspector.sync.upload import UploadReport, upload
from inspector.ui.dialog_buttons import ok_cancel
from inspector.ui.tables import fill, read_only_table
from inspector.ui.tasks import TaskHandle, TaskRunner
from inspector.ui.core_messages import error_text


class SyncSettingsDialog(QDialog):
    def __init__(self, current: sync_identity.SyncIdentity | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync settings"))
        self.centre = QLineEdit(current.centre_id if current else "", self)
        self.key = QLineEdit(current.key_hex if current else "", self)
        self.key.setPlaceholderText(self.tr("empty: make a new key (give it to headquarters)"))
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance("0" * 66))   # a whole 256-bit key
        self.endpoint = QLineEdit((current.endpoint or "") if current else "", self)
        self.endpoint.setPlaceholderText("https://hq.example.cn/")
        self.token = QLineEdit((current.token or "") if current else "", self)
        self.token.setEchoMode(QLineEdit.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("Centre id"), self.centre)
        form.addRow(self.tr("Centre key (hex)"), self.key)
        form.addRow(self.tr("Upload address"), self.endpoint)
        form.addRow(self.tr("Upload token"), self.token)
        form.addRow(ok_cancel(self))


BUNDLE_SUFFIX = ".inspector-bundle"


class SyncDialog(QDialog):
    def __init__(self, desk: Desk, database_path: Path, tasks: TaskRunner, user: User,
                 parent: QWidget | None = None, *, lane: DatabaseLane) -> None:
        super().__init__(parent)
        self.desk, self.db, self.database_path, self.tasks, self.user = desk, desk.db, database_path, tasks, user
        self.lane = lane                      # the upload settings are written by an operation on it
        self.running: TaskHandle | None = None
        self.setWindowTitle(self.tr("Upload to headquarters"))
        self.identity_label = QLabel(self)
        self.counts = QLabel(self)
        self.message = QLabel(self)           # what the last export did, and where it wrote
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # what each line is: an agent's appeal or a coaching session listed under "Inspector" read as if the
        # agent or the coach had scored the call
        self.table = read_only_table(self, [self.tr("Call"), self.tr("What"), self.tr("Agent"), self.tr("By"),
                                            self.tr("Score"), self.tr("Version"), self.tr("Status"),
                                            self.tr("Attempts"), self.tr("Last error")])
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.upload_button = QPushButton(self.tr("Upload now"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.bundle_button = QPushButton(self.tr("Export bundle…"), self)
        if not allowed(user, Action.SEE_ALL_EVALUATIONS):      # the bundle carries every inspector's scores
            self.bundle_button.setEnabled(False)
            self.bundle_button.setToolTip(self.tr("A team lead exports the signed bundle: it carries every "
                                                  "inspector's evaluations."))
        self.with_transcripts = QCheckBox(self.tr("with transcripts"), self)
        self.unmasked = QCheckBox(self.tr("unmasked personal data"), self)
        self.unmasked.setVisible(allowed(user, Action.EXPORT_UNMASKED))
        self.settings_button = QPushButton(self.tr("Settings…"), self)
        row = QHBoxLayout()
        for widget in (self.upload_button, self.cancel_button, self.bundle_button, self.with_transcripts,
                       self.unmasked, self.settings_button):
            row.addWidget(widget)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.identity_label)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(close)
        self.upload_button.clicked.connect(self.start_upload)
        self.cancel_button.clicked.connect(self.cancel)
        self.bundle_button.clicked.connect(self.choose_bundle)
        self.settings_button.clicked.connect(self.edit_settings)
        open_within_screen(self, "SyncDialog", QSize(900, 520))
        self.refresh()

    def refresh(self) -> None:
        identity = sync_identity.load(self.db)
        self.identity_label.setText(
            self.tr("Not set up: enter the centre id and key under Settings") if identity is None else
            self.tr("Centre %1 · workstation %2 · %3").replace("%1", identity.centre_id)
            .replace("%2", identity.workstation_id[:8]).replace("%3", identity.endpoint or self.tr("no address")))
        outbox = self.desk.outbox
        names = {"pending": self.tr("pending"), "sent": self.tr("sent"), "acknowledged": self.tr("acknowledged"),
                 "rejected": self.tr("rejected")}
        self.counts.setText("   ".join(f"{names[k]} {v}" for k, v in outbox.counts().items()))
        kinds = {"evaluation": self.tr("Evaluation"), "agent_answers": self.tr("Agent's answer"),
                 "redline_register": self.tr("Red-line case"), "coaching_session": self.tr("Coaching session")}
        fill(self.table, [(e.call_ref, kinds.get(e.kind, e.kind), e.agent, e.inspector,
                           "" if e.total is None else f"{e.total:g}", str(e.version), names[e.status],
                           str(e.attempts), e.last_error or "") for e in outbox.lines()])

    def start_upload(self) -> TaskHandle | None:
        identity = sync_identity.load(self.db)
        if identity is None or not identity.endpoint or not identity.token:
            QMessageBox.information(self, self.tr("Upload"), self.tr(
                "Set the centre id, key, upload address and token under Settings first."))
            return None
        job = on_own_desk(self.database_path, lambda desk, cancel: upload(desk.db, identity, cancel=cancel))
        self.running = self.tasks.submit("upload", job, self._done, on_progress=self._progress,
                                         on_error=self._failed, on_cancelled=self._cancelled)
        self.upload_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        return self.running

    def cancel(self) -> None:
        if self.running is not None:
            self.running.cancel()

    def _progress(self, item: Progress) -> None:
        self.progress.setRange(0, max(1, item.total))
        self.progress.setValue(item.done)
        self.progress.setFormat(item.text)

    def _finish(self) -> None:
        self.running = None
        self.upload_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()
        self.refresh()

    def _done(self, report: UploadReport) -> None:
        self._finish()
        text = self.tr("%1 acknowledged, %2 rejected").replace("%1", str(report.acknowledged)).replace(
            "%2", str(len(report.rejected)))
        if report.resent_missing:
            text += "\n" + self.tr("The receiver lacked %1 version(s) it had acknowledged: sent again").replace(
                "%1", str(report.resent_missing))
        text += "\n" + (self.tr("Count and hash agree with the receiver") if report.reconciled else
                        self.tr("Count and hash still differ from the receiver"))
        QMessageBox.information(self, self.tr("Upload finished"), text)

    def _failed(self, error: Exception) -> None:
        self._finish()
        QMessageBox.warning(self, self.tr("Upload stopped"), str(error))

    def _cancelled(self) -> None:
        self._finish()

    def choose_bundle(self) -> None:
        identity = sync_identity.load(self.db)
        if identity is None:
            QMessageBox.information(self, self.tr("Export bundle"), self.tr("Set up the centre id and key first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export bundle"), "scores.inspector-bundle",
                                              self.tr("Signed bundle (*.inspector-bundle)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Written by an operation on the lane (it records the export audit and queues agents' unsent answers);
        the dialog says where once it is written. A name typed without the extension gets it, so
        headquarters' import recognises the file."""
        if not path.name.endswith(BUNDLE_SUFFIX):
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        identity = sync_identity.require(self.db)
        user, transcripts = self.user, self.with_transcripts.isChecked()
        masked = not (self.unmasked.isChecked() and allowed(user, Action.EXPORT_UNMASKED))
        password = None if masked else self.confirm_password() or ""

        def export(db):
            if password is not None and Desk(db).users.authenticate(user.id, password) is None:
                return None, OpChanges()          # counted as a failed log-in: a guessed password locks too
            return export_bundle(db, identity, path, user, transcripts, masked), OpChanges()

        def written(manifest: dict | None) -> None:
            if manifest is None:
                QMessageBox.warning(self, self.tr("Export bundle"),
                                    self.tr("Unmasked transcripts need your password: nothing was exported."))
                return
            self.refresh()
            self.message.setText(self.tr("Bundle written to %1").replace("%1", str(path)))

        def failed(exc: Exception) -> None:
            if not isinstance(exc, (ArchiveError, StorageError, OSError, NotAllowed)):
                raise exc
            QMessageBox.warning(self, self.tr("Export bundle"), error_text(exc))

        self.lane.run(export, written, on_error=failed)

    def confirm_password(self) -> str | None:
        """A lead confirms an unmasked export with their password (it is recorded in the export audit)."""
        text, ok = QInputDialog.getText(self, self.tr("Export unmasked transcripts"), self.tr("Your password:"),
                                        QLineEdit.Password)
        return text if ok else None

    def edit_settings(self) -> None:
        if not allowed(self.user, Action.CONFIGURE_SYNC):
            QMessageBox.information(self, self.tr("Sync settings"),
                                    self.tr("Only a team lead or admin changes where scores are sent."))
            return
        dialog = SyncSettingsDialog(sync_identity.load(self.db), self)
        if dialog.exec() != QDialog.Accepted:
            return
        self.configure(dialog.centre.text(), dialog.key.text().strip() or None,
                       dialog.endpoint.text().strip() or None, dialog.token.text().strip() or None)

    def configure(self, centre: str, key: str | None, endpoint: str | None, token: str | None) -> None:
        """Stored by an operation on the database lane; the dialog shows the new set-up once it is stored."""
        user = self.user

        def set_up(db):
            return sync_identity.set_up(db, user, centre, key, endpoint, token), OpChanges()

        self.lane.run(set_up, lambda _identity: self.refresh(), on_error=self._not_set_up)

    def _not_set_up(self, exc: Exception) -> None:
        if not isinstance(exc, (SyncError, StorageError, NotAllowed)):
            raise exc
        QMessageBox.warning(self, self.tr("Sync settings"), error_text(exc))
        self.refresh()
