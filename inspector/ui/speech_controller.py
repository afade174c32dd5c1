"""The Speech side of the window: models, and transcribing one call or all of them in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from inspector.jobs import Progress
from inspector.asr.sources import is_recognised, source_for
from inspector.transcription.queue import AsrProgress, enqueue, run_queue
from inspector.asr.choice import choose_model
from inspector.asr.engine import VoskRecognizer
from inspector.asr.pool import ModelPool
from inspector.asr.discovery import discover, first_usable, installed_folder
from inspector.asr.languages import model_language
from inspector.asr.installer import install_model
from inspector.asr.recognizer import AsrError, LoadedModel
from inspector.open_call.state import ReviewState
from inspector.settings import Settings, save_settings
from inspector.domain.calls import CallFilter
from inspector.desk.desk import Desk, on_own_desk
from inspector.ui.speech_dialogs import SpeechModelsDialog
from inspector.ui.tasks import TaskRunner
from inspector.ui.workbench import Workbench
from inspector.workspace import Workspace


class SpeechController(QObject):
    def __init__(self, window: Workbench, state: ReviewState, tasks: TaskRunner, desk: Desk,
                 workspace: Workspace, settings: Settings) -> None:
        super().__init__(window)
        self.window, self.state, self.tasks = window, state, tasks
        self.calls, self.transcripts = desk.calls, desk.transcripts
        self.workspace, self.settings = workspace, settings
        self.models = ModelPool()        # this window's loaded models, freed when another is chosen
        self.last_result = None

    # -- models ----------------------------------------------------------------------------------
    def show_models(self) -> None:
        dialog = self.models_dialog()
        dialog.import_requested.connect(lambda kind: (dialog.reject(), self.choose_import(kind)))
        if dialog.exec() and dialog.selected() is not None:
            chosen = dialog.selected()
            if not chosen.check.usable:
                QMessageBox.warning(self.window, self.tr("Model not usable"), chosen.check.problem())
                return
            self.settings.asr_model = str(chosen.path)
            save_settings(self.settings)

    def models_dialog(self) -> SpeechModelsDialog:
        dialog = SpeechModelsDialog(discover(self.workspace, self.settings.asr_model, verify=True,
                                             languages=self.settings.model_languages),
                                    self.settings.asr_model, self.window)
        dialog.language_set.connect(self._language_set)
        dialog.profile_set.connect(self._profile_set)
        return dialog

    def _profile_set(self, folder: str, profile: str) -> None:
        self.settings.model_profiles[folder] = profile
        save_settings(self.settings)

    def _language_set(self, folder: str, language: str) -> None:
        self.settings.model_languages[folder] = language
        save_settings(self.settings)

    def planned_model(self) -> tuple[str, str | None] | None:
        """(name, language) of the model a transcription would load now; None when none is installed."""
        chosen = self.settings.asr_model
        languages = self.settings.model_languages
        if chosen:
            return Path(chosen).name, model_language(Path(chosen), languages)
        found = first_usable(self.workspace, "", languages)
        return None if found is None else (found.name, found.language)

    def language_mismatch(self) -> str | None:
        """The question to ask when the model about to be used speaks another language than the calls."""
        planned = self.planned_model()
        if planned is None:
            return None
        name, language = planned
        if language is None or language == self.settings.speech_language:
            return None
        names = {"zh": self.tr("Mandarin"), "en": self.tr("English"), "ko": self.tr("Korean")}
        return (self.tr("The model %1 recognises %2, but the calls are in %3: its transcript would be "
                        "gibberish and the checks would fire on it. Transcribe anyway?")
                .replace("%1", name).replace("%2", names.get(language, language))
                .replace("%3", names.get(self.settings.speech_language, self.settings.speech_language)))

    def choose_import(self, kind: str) -> None:
        if kind == "zip":
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Model zip"), "", self.tr("Zip (*.zip)"))
        else:
            path = QFileDialog.getExistingDirectory(self.window, self.tr("Model folder"))
        if path:
            self.import_model(Path(path))

    def import_model(self, source: Path):
        target = installed_folder(self.workspace)
        return self.tasks.submit("install-model", lambda cancel: install_model(source, target, cancel),
                                 self._installed, on_progress=self._progress, on_error=self._install_failed,
                                 on_cancelled=self.window.idle)

    def _installed(self, check) -> None:
        self.window.idle()
        self.settings.asr_model = str(check.path)
        save_settings(self.settings)
        state = self.tr("verified") if check.verified else self.tr("ready")
        self.state.say(self.tr("Speech model installed (%1): %2").replace("%1", state)
                       .replace("%2", str(check.path)))

    def _install_failed(self, error: Exception) -> None:
        self.window.idle()
        QMessageBox.warning(self.window, self.tr("Model not installed"), str(error))

    def listening_loader(self) -> Callable[[], LoadedModel | None]:
        """For a check on a worker thread: loads the model transcription would use into this window's pool
        (once), to hear doubtful phrases of a recognised call again as `inspector check --model` does; None
        when no model can be loaded, and the check then rests on the words alone."""
        workspace, models, chosen = self.workspace, self.models, self.settings.asr_model
        profiles = dict(self.settings.model_profiles)

        def load() -> LoadedModel | None:
            try:
                return choose_model(workspace, models, Path(chosen) if chosen else None, profiles=profiles)
            except AsrError:
                return None
        return load

    # -- transcription ---------------------------------------------------------------------------
    def transcribe_current(self):
        return self._transcribe([self.state.call.id] if self.state.call else [])

    def transcribe_all(self):
        return self._transcribe([c.id for c in self.calls.page(CallFilter(), limit=max(1, self.calls.count()))])

    def _transcribe(self, call_ids: list[int]):
        if not call_ids:
            self.state.say(self.tr("Open a call first"))
            return None
        question = self.language_mismatch()
        if question and QMessageBox.question(self.window, self.tr("Another language"), question) != QMessageBox.Yes:
            return None
        workspace, chosen, models = self.workspace, self.settings.asr_model, self.models
        profiles = dict(self.settings.model_profiles)

        planned = self.planned_model()               # loading takes seconds before any call moves: say so
        self.window.progress_view.show(Progress(0, 0, planned[0] if planned else ""),
                                       self.tr("Loading the speech model %1…"))

        def job(desk, cancel):
            loaded: LoadedModel = choose_model(workspace, models, Path(chosen) if chosen else None,
                                               profiles=profiles)
            models.keep_only(loaded.check.path)          # a model switch frees the previous one
            enqueue(desk.db, call_ids, loaded.id)
            result = yield from run_queue(desk.db, VoskRecognizer(loaded), cancel=cancel)
            return loaded, result

        return self.tasks.submit("transcribe", on_own_desk(workspace.database, job), self._transcribed,
                                 on_progress=self._progress, on_error=self._failed,
                                 on_cancelled=self.window.idle)

    def _transcribed(self, outcome) -> None:
        loaded, result = outcome
        self.window.idle()
        self.last_result = result
        if result.failed:
            QMessageBox.warning(self.window, self.tr("Some calls were not transcribed"),
                                "\n".join(f"{ref}: {why}" for ref, why in result.failed.items()))
        call = self.state.call
        note = ""
        if call is not None and source_for(loaded.id) in self.transcripts.sources(call.id):
            self.state.set_transcript(self.transcripts.latest(call.id)[1])
            self.window.show_versions()
            self.window.check_open_call()
            note = self._kept_versions_note(call.id)
        if result.transcribed:
            self.window.check_ahead()      # every new transcript checked ahead
        self.state.say(self.tr("Transcribed %1 call(s)").replace("%1", str(len(result.transcribed)))
                       + (f" · {note}" if note else ""))

    def _kept_versions_note(self, call_id: int) -> str:
        """The recognised words now decide the hits; a reference or corrected transcript is not lost, and the
        inspector is told where to switch back to it (the verdict may have changed with the words)."""
        created = dict(self.transcripts.versions(call_id))
        kept = [source for source in created if not is_recognised(source)]
        if not kept:
            return ""
        label = self.window.version_label(kept[-1], created[kept[-1]])
        return self.tr("the hits now rest on the recognised words; %1 is still there: choose it in the version "
                       "list above the transcript to switch back").replace("%1", label)

    def _failed(self, error: Exception) -> None:
        self.window.idle()
        if isinstance(error, AsrError):
            QMessageBox.information(self.window, self.tr("Speech recognition"), str(error))
        else:
            self.state.say(str(error))

    def _progress(self, item) -> None:
        if isinstance(item, AsrProgress):
            # the bar and its text say the same thing: the whole batch, the call under way counted in part
            overall = (item.done + (item.call_fraction if item.text else 0.0)) / max(1, item.total)
            eta = "" if item.eta_s is None else self.tr(", about %1 s left").replace("%1", f"{item.eta_s:.0f}")
            current = f" · {item.text}" if item.text else ""
            self.window.progress_view.show(Progress(round(overall * 1000), 1000, self.tr("Transcribing %1/%2%3")
                                                    .replace("%1", str(item.done)).replace("%2", str(item.total))
                                                    .replace("%3", eta) + current))
        else:
            self.window.progress_view.show(item, self.tr("Installing model: %1"))
