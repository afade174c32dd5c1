"""Masking personal numbers in transcript text before it leaves the workstation.

Callers read out phone, ID-card and bank-card numbers, in digits or (from ASR) in Chinese numerals, often
with pauses the recogniser turns into spaces. Every run of seven or more digits is masked except its last
four: order numbers and 工号 are shorter, and a false mask costs less than a leaked ID number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from inspector.transcript.model import Transcript

_NUMERALS = "零〇一二三四五六七八九幺两Xx"
_DIGIT = f"0-9０-９{_NUMERALS}"
_RUN = re.compile(rf"[{_DIGIT}](?:[\s\-]?[{_DIGIT}]){{6,}}")
KEEP = 4


def _mask_run(match: re.Match) -> str:
    text = match.group(0)
    digits = [i for i, ch in enumerate(text) if not ch.isspace() and ch != "-"]
    if sum(1 for i in digits if text[i] not in "Xx") < 7:
        return text
    hidden = set(digits[:-KEEP])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


def mask_text(text: str) -> str:
    return _RUN.sub(_mask_run, text)


def mask_transcript(transcript: Transcript) -> Transcript:
    """Segment text is masked, and in such a segment every word made only of digits."""
    segments = []
    for segment in transcript.segments:
        masked = mask_text(segment.text)
        if masked == segment.text:
            segments.append(segment)
            continue
        words = tuple(replace(w, text="*" * len(w.text)) if _all_digits(w.text) else w for w in segment.words)
        segments.append(replace(segment, text=masked, words=words))
    return replace(transcript, segments=tuple(segments))


def _all_digits(text: str) -> bool:
    return bool(text) and all(ch.isdigit() or ch in _NUMERALS for ch in text)
