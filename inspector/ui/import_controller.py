"""File → Import: a folder of recordings brought in as a background job on its own connection, then the list
reloads, the new calls are checked ahead, the day starts on a call and the report says what came in.

Given the Workbench and the pieces it needs, not the main window (tests/test_ui_boundary.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from inspector.intake.batch_findings import BatchFindings
from inspector.intake.callers import caller_key
from inspector.intake.importer import ImportReport, import_folder
from inspector.open_call.state import ReviewState
from inspector.settings import Settings, save_settings
from inspector.desk.desk import Desk, on_own_desk
from inspector.ui.dialogs import ImportReportDialog
from inspector.ui.tasks import TaskHandle, TaskRunner
from inspector.ui.workbench import Workbench
from inspector.workspace import Workspace


class ImportController(QObject):
    def __init__(self, bench: Workbench, parent: QWidget, state: ReviewState, tasks: TaskRunner,
                 workspace: Workspace, settings: Settings, desk: Desk,
                 open_first_call: Callable[[], None]) -> None:
        super().__init__(parent)
        self.bench, self.parent_widget, self.state, self.tasks = bench, parent, state, tasks
        self.workspace, self.settings, self.transcripts = workspace, settings, desk.transcripts
        self.open_first_call = open_first_call
        self.last_import: ImportReport | None = None

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget, self.tr("Import a folder of recordings"),
                                                  self.settings.last_import_folder or str(Path.home()))
        if folder:
            self.settings.last_import_folder = folder
            save_settings(self.settings)
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path, show_report: bool = True) -> TaskHandle:
        key = caller_key(self.workspace.root)
        job = on_own_desk(self.workspace.database, lambda desk, cancel: import_folder(
            folder, desk.calls, desk.transcripts, cancel, BatchFindings(desk.db), key))
        return self.tasks.submit(f"import:{folder}", job, lambda report: self._imported(report, show_report),
                                 on_progress=self.bench.progress_view.follow(self.tr("Importing %1")),
                                 on_error=self._import_failed)

    def _imported(self, report: ImportReport, show_report: bool) -> None:
        self.bench.idle()
        self.last_import = report
        self.bench.calls_changed()
        self.state.say(self.tr("Imported %1 new call(s)").replace("%1", str(len(report.added))))
        if report.added:
            self.bench.check_ahead()
        self.open_first_call()
        if show_report:                          # what came in, what did not, and what happens next
            untranscribed = sum(1 for call in report.added if self.transcripts.latest(call.id) is None)
            ImportReportDialog(report, self.parent_widget, untranscribed).exec()

    def _import_failed(self, error: Exception) -> None:
        self.bench.idle()
        QMessageBox.warning(self.parent_widget, self.tr("Import failed"), str(error))
