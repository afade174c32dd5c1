"""User settings with typed keys and Qt-free defaults, read from a JSON file only when asked for."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from inspector.atomic_file import write_text_atomic
from inspector.workspace import config_dir

LANGUAGES = ("zh_CN", "en")


@dataclass
class Settings:
    language: str = "zh_CN"
    last_import_folder: str = ""
    volume: float = 1.0
    rule_pack: str = ""          # empty: the bundled default pack
    asr_model: str = ""          # the chosen speech model folder; empty: the first one discovery finds
    speech_language: str = "zh"  # what the calls are spoken in: a model of another language is questioned
    model_languages: dict = field(default_factory=dict)   # model folder → language the user set for it
    model_profiles: dict = field(default_factory=dict)    # model folder → decoding profile (fast, accurate)
    splitters: dict = field(default_factory=dict)         # main window splitter → pane sizes as last left
    window_sizes: dict = field(default_factory=dict)      # window → [width, height] as last left (ui.window_sizes)

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            self.language = LANGUAGES[0]


def settings_file(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / "settings.json"


def load_settings(folder: Path | None = None) -> Settings:
    """Unknown keys are ignored and a damaged file falls back to defaults, so a bad edit never blocks start-up."""
    path = settings_file(folder)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = asdict(Settings())
    return Settings(**{key: value for key, value in raw.items()
                       if key in defaults and isinstance(value, type(defaults[key]))})


def save_settings(settings: Settings, folder: Path | None = None) -> None:
    path = settings_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, json.dumps(asdict(settings), ensure_ascii=False, indent=1), private=True)
