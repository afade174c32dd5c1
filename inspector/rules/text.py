"""Text normalisation shared by phrases and transcripts, so both sides of every comparison agree.

Recognisers and people write the same words differently: full- or half-width forms, spaces between
words (Vosk), punctuation, and numbers as Arabic or Chinese digits (12300 = 幺二三零零 = 一二三零零).
Everything is folded to one form: NFKC, lower case, no spaces or punctuation, digits in Arabic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CHINESE_DIGITS = str.maketrans({"零": "0", "〇": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3",
                                "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})
_DROP = re.compile(r"[^\w]|_", re.UNICODE)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower()
    return _DROP.sub("", folded).translate(CHINESE_DIGITS)


@lru_cache(maxsize=65536)
def spoken_length(text: str) -> int:
    """Characters that are spoken: what speech-rate and minimum-length thresholds count."""
    return len(_DROP.sub("", unicodedata.normalize("NFKC", text)))
