"""The recogniser seam: what the rest of Inspector needs from a speech engine, and the Vosk engine behind it.

Batch jobs, the window and a Dask worker ask for a ``Recognizer``; only this package knows it is Vosk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from inspector.asr.recognizer import LoadedModel, transcribe
from inspector.asr.relisten import GrammarListener
from inspector.audio.recording import Recording
from inspector.transcript.hearing import Listener
from inspector.transcript.model import Transcript


class Recognizer(Protocol):
    @property
    def model_id(self) -> str:
        """Recorded with every transcript it makes: which model, so a run is never repeated by mistake."""

    def transcribe(self, recording: Recording, call_id: str = "", cancel: threading.Event | None = None,
                   progress: Callable[[float], None] | None = None) -> Transcript: ...

    def listener(self, recording: Recording) -> Listener:
        """Hears stretches of this recording again against a few phrases (rules/relisten.py)."""


@dataclass(frozen=True)
class VoskRecognizer:
    loaded: LoadedModel
    grammar: tuple[str, ...] | None = None

    @property
    def model_id(self) -> str:
        return self.loaded.id

    def transcribe(self, recording: Recording, call_id: str = "", cancel: threading.Event | None = None,
                   progress: Callable[[float], None] | None = None) -> Transcript:
        grammar = list(self.grammar) if self.grammar is not None else None
        return transcribe(self.loaded, recording, call_id, grammar, cancel, progress)

    def listener(self, recording: Recording) -> GrammarListener:
        return GrammarListener(self.loaded, recording)
