"""Loaded speech models, owned by whoever creates the pool: the window (one per session), a command (one
per run), a Dask worker (one per worker process). Loading a model costs seconds and hundreds of MB, so it
is loaded once per owner and shared by that owner's threads; switching models frees the old one."""

from __future__ import annotations

import threading
from pathlib import Path

from inspector.asr.engine import VoskRecognizer
from inspector.asr.profiles import DEFAULT_PROFILE
from inspector.asr.recognizer import LoadedModel, load_model


class ModelPool:
    def __init__(self, profile_cache: Path | None = None) -> None:
        self._loaded: dict[tuple[Path, str], LoadedModel] = {}
        self._lock = threading.Lock()
        self._profile_cache = profile_cache

    def get(self, path: Path, profile: str = DEFAULT_PROFILE) -> LoadedModel:
        """Loads on first use; raises AsrError naming the folder when it cannot."""
        key = (Path(path).resolve(), profile)
        with self._lock:                      # two workers asking at once load it once
            if key not in self._loaded:
                self._loaded[key] = load_model(key[0], profile, self._profile_cache)
            return self._loaded[key]

    def recognizer(self, path: Path, profile: str = DEFAULT_PROFILE) -> VoskRecognizer:
        return VoskRecognizer(self.get(path, profile))

    def keep_only(self, path: Path | None) -> None:
        """After a switch of model: every other loaded model is let go."""
        key = Path(path).resolve() if path is not None else None
        with self._lock:
            for other in [k for k in self._loaded if k[0] != key]:
                del self._loaded[other]

    def loaded(self) -> list[Path]:
        with self._lock:
            return [path for path, _profile in self._loaded]
