"""Settings → Speech models: the models found, their state, importing a folder or an official zip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.asr.discovery import FoundModel
from inspector.ui.dialog_buttons import ok_cancel


class SpeechModelsDialog(QDialog):
    """Lists models; asks the window to import (``import_requested(kind)``) or to use one."""

    import_requested = Signal(str)      # "folder" or "zip"

    def __init__(self, models: list[FoundModel], chosen: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Speech models"))
        self.models = models
        self.languages = {"zh": self.tr("Mandarin"), "en": self.tr("English"), "ko": self.tr("Korean")}
        self.table = QTableWidget(len(models), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Language"), self.tr("Found in"),
                                              self.tr("State"), self.tr("Folder")])
        sources = {"settings": self.tr("settings"), "environment": self.tr("environment"),
                   "installed": self.tr("data folder"), "bundled": self.tr("offline bundle"),
                   "package": self.tr("Python package"),
                   "cache": self.tr("~/.cache/vosk")}
        for row, model in enumerate(models):
            check = model.check
            state = (self.tr("verified") if check.verified else self.tr("ready, not verified") if check.usable
                     else check.problem().split(": ", 1)[-1])
            if str(model.path) == chosen:
                state = self.tr("in use") + " · " + state
            language = self.languages.get(model.language or "", self.tr("unknown"))
            for column, text in enumerate((model.name, language, sources.get(model.source, model.source), state,
                                           str(model.path))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        if not any(m.check.usable for m in models):
            self.hint.setText(self.tr("No usable speech model. Import the official vosk-model-small-cn-0.22.zip "
                                      "(or its unpacked folder); playback, imported transcripts and the acoustic "
                                      "checks work without one."))
        self.language = QComboBox(self)
        for key, name in self.languages.items():
            self.language.addItem(name, key)
        set_language = QPushButton(self.tr("Set language of the selected model"), self)
        set_language.clicked.connect(self._set_language)
        self.profile = QComboBox(self)
        self.profile.addItem(self.tr("Accurate decoding (default)"), "accurate")
        self.profile.addItem(self.tr("Fast decoding (3× faster, a little less accurate)"), "fast")
        self.profile.currentIndexChanged.connect(self._set_profile)
        import_folder = QPushButton(self.tr("Import folder…"), self)
        import_zip = QPushButton(self.tr("Import zip…"), self)
        import_folder.clicked.connect(lambda: self.import_requested.emit("folder"))
        import_zip.clicked.connect(lambda: self.import_requested.emit("zip"))
        buttons = ok_cancel(self, self.tr("Use selected model"))
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addWidget(set_language)
        row.addWidget(self.profile)
        row.addWidget(import_folder)
        row.addWidget(import_zip)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(buttons)
        open_within_screen(self, "SpeechModelsDialog", QSize(820, 360))

    language_set = Signal(str, str)     # model folder, language
    profile_set = Signal(str, str)      # model folder, decoding profile

    def _set_profile(self) -> None:
        model = self.selected()
        if model is not None:
            self.profile_set.emit(str(model.path), self.profile.currentData())

    def _set_language(self) -> None:
        model = self.selected()
        if model is not None:
            self.language_set.emit(str(model.path), self.language.currentData())
            self.table.item(self.table.currentRow(), 1).setText(self.language.currentText())

    def selected(self) -> FoundModel | None:
        row = self.table.currentRow()
        return self.models[row] if 0 <= row < len(self.models) else None
