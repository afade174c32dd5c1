"""The Mandarin model the recognition tests use: the one the set-up installed, found as the application finds it.

In order: INSPECTOR_TEST_VOSK_MODEL_ZH; the copy beside the checkout (`../shared/models/`, as on CI); else the
first usable Mandarin model `inspector models list` shows, which after `scripts/install.sh` is the default
model in the user's data folder. Found once, at import: the tests themselves run with private data folders.
Tests marked ``mandarin`` are skipped when there is none, and fail under CI, which must run them.
"""

from __future__ import annotations

import os
from pathlib import Path

from inspector.asr.default_model import DEFAULT_MODEL
from inspector.asr.discovery import discover
from inspector.asr.model_layout import check_model
from inspector.workspace import Workspace

ENV_VAR = "INSPECTOR_TEST_VOSK_MODEL_ZH"
BESIDE = Path(__file__).resolve().parents[2] / "shared" / "models" / DEFAULT_MODEL
MISSING = (f"no Mandarin model: `inspector models install-default` (run by scripts/install.sh) installs "
           f"{DEFAULT_MODEL}, or set {ENV_VAR} to a model folder")


def installed_mandarin() -> Path | None:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    if check_model(BESIDE, "").usable:
        return BESIDE
    return next((m.path for m in discover(Workspace.default()) if m.language == "zh" and m.check.usable), None)


MANDARIN = installed_mandarin()
