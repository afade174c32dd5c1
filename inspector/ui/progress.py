"""The one place the main window shows how far background work is: a bar, a cancel button and a sentence in
the status bar. Every job yields ``inspector.jobs.Progress``; the controller that submits it says in what
sentence its text goes ("Checking %1"), so the core stays free of UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from inspector.jobs import Progress


class ProgressView(QObject):
    def __init__(self, status: QStatusBar, cancel: Callable[[], None]) -> None:
        super().__init__(status)
        self.status = status
        self.bar = QProgressBar(status)
        self.bar.setMaximumWidth(220)
        self.bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), status)
        self.cancel_button.hide()
        self.cancel_button.setFocusPolicy(Qt.NoFocus)
        self.cancel_button.clicked.connect(cancel)

    def show(self, progress: Progress, sentence: str = "%1") -> None:
        """A total of 0 is work that cannot say how far it is (loading a model): a moving bar."""
        self.bar.setRange(0, max(0, progress.total))
        if progress.total:
            self.bar.setValue(progress.done)
        self.status.showMessage(sentence.replace("%1", progress.text))
        self.bar.show()
        self.cancel_button.show()

    def follow(self, sentence: str | dict[str, str]) -> Callable[[Progress], None]:
        """The on_progress of a job: each Progress shown in `sentence`, or in the sentence for its step."""
        if isinstance(sentence, dict):
            return lambda progress: self.show(progress, sentence.get(progress.text, "%1"))
        return lambda progress: self.show(progress, sentence)

    def idle(self) -> None:
        self.bar.hide()
        self.cancel_button.hide()
        self.status.clearMessage()
