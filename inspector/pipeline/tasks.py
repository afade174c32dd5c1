"""What travels to a worker: one call to do (``CallTask``), and once per worker what to load (``ToolSpec``).

Both are small frozen dataclasses of strings and numbers, so Dask pickles them cheaply and a worker on
another machine needs only the same paths (a shared folder) to do the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspector.asr.engine import Recognizer
from inspector.asr.pool import ModelPool
from inspector.categories.pack import CategoryPack, default_category_pack, load_category_pack
from inspector.rules.pack import RulePack
from inspector.scoring.defaults import default_pack, load_checked_pack


@dataclass(frozen=True)
class CallTask:
    call_id: str                # the recording's name without suffix
    recording: str              # absolute path, the same on every worker
    output_stem: str            # where the outputs go, relative to the output folder, without suffix
    audio_sha256: str
    duration_s: float
    model_id: str               # the model's id, or "transcript:…" for a transcript given beside the audio
    transcript: str | None = None   # that given transcript: checked instead of recognising the audio


@dataclass(frozen=True)
class ToolSpec:
    model: str | None           # model folder; None when every call comes with its transcript
    profile: str
    pack: str | None            # rule pack file; None for the bundled pack
    categories: str | None = None   # category pack file; None for the bundled pack


@dataclass(frozen=True)
class Tools:
    """Loaded once per worker process: the model costs seconds and hundreds of MB, a call a fraction."""

    pack: RulePack
    recognizer: Recognizer | None
    categories: CategoryPack

    @property
    def rules(self) -> RulePack:
        """The name the finding steps (inspector.findings.steps) know the rule pack by."""
        return self.pack


def load_tools(spec: ToolSpec) -> Tools:
    """Raises AsrError, PackError or CategoryPackError naming the file when the worker cannot load what the
    batch needs."""
    pack = load_checked_pack(Path(spec.pack)) if spec.pack else default_pack()
    recognizer = ModelPool().recognizer(Path(spec.model), spec.profile) if spec.model else None
    categories = load_category_pack(Path(spec.categories)) if spec.categories else default_category_pack()
    return Tools(pack, recognizer, categories)
