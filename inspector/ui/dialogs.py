"""Small dialogs: keyboard shortcuts, settings, and the report after an import."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget, QHeaderView)

from inspector.ui.window_sizes import open_within_screen
from inspector.intake.importer import ImportReport
from inspector.settings import Settings
from inspector.ui.dialog_buttons import form_above_buttons
from inspector.ui.core_messages import translated


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(a.text().replace("&", ""), ", ".join(s.toString(QKeySequence.NativeText) for s in a.shortcuts()))
                for a in actions.values() if a.shortcuts()]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for row, (text, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(text))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        open_within_screen(self, "ShortcutsDialog", QSize(460, 560))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("A new language takes effect when Inspector is started again."), self))
        form_above_buttons(self, form)

    def chosen_language(self) -> str:
        return str(self.language.currentData())


class ImportReportDialog(QDialog):
    """Lists every file that was not imported with its reason; the rest went in."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None, untranscribed: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        summary = self.tr("Imported %1 new call(s); %2 already present; %3 file(s) with problems.")
        summary = (summary.replace("%1", str(len(report.added)))
                   .replace("%2", str(len(report.already_present)))
                   .replace("%3", str(len(report.problems))))
        if report.cancelled:
            summary += " " + self.tr("The import was cancelled; calls imported so far are kept.")
        if report.added:
            summary += " " + self.tr("The rules are checking the new calls now; until a call is checked its hit "
                                     "count shows —.")
        if untranscribed:
            summary += " " + self.tr("%n new call(s) have no transcript: transcribe them (Speech menu) for the rules "
                                     "to check them, or score them by listening.", "", untranscribed)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        if report.warnings:
            summary += " " + self.tr("%n call(s) imported with a warning.", "", len(report.warnings))
            self.summary.setText(summary)
        listed = report.problems + report.warnings
        self.problems = QTableWidget(len(listed), 2, self)
        self.problems.setHorizontalHeaderLabels([self.tr("File"), self.tr("Problem")])
        for row, problem in enumerate(listed):
            warning = "⚠ " if row >= len(report.problems) else ""
            self.problems.setItem(row, 0, QTableWidgetItem(problem.path.name))
            self.problems.setItem(row, 1, QTableWidgetItem(warning + translated(problem.reason)))
            self.problems.item(row, 0).setToolTip(str(problem.path))
            self.problems.item(row, 1).setToolTip(str(problem.reason))     # the English words, for support
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.setVisible(bool(listed))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok, parent=self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        open_within_screen(self, "ImportReportDialog", QSize(640, 360 if listed else 120))
