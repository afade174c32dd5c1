"""Toneless pinyin with the confusions of Southern Mandarin and of recognisers merged.

Two texts that read the same after merging (l/n, f/h, z/zh, c/ch, s/sh, an/ang, en/eng, in/ing) are
treated as the same words said by a different accent or misheard by ASR. Syllables come from pypinyin one
character at a time and are cached, so a transcript costs a dictionary look-up per character.
"""

from __future__ import annotations

from functools import lru_cache

_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("h", "f"))
_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


@lru_cache(maxsize=None)
def merged_syllable(char: str) -> str:
    from pypinyin import Style, lazy_pinyin  # its tables take a third of a second to load: only when needed

    syllable = lazy_pinyin(char, style=Style.NORMAL, errors="default")[0]
    for long, short in _INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    for long, short in _FINALS:
        if syllable.endswith(long):
            syllable = syllable[: -len(long)] + short
            break
    return syllable


@lru_cache(maxsize=65536)
def syllables(normalized: str) -> tuple[str, ...]:
    """One merged syllable per character of already-normalised text (digits and letters stay as they are)."""
    return tuple(merged_syllable(char) for char in normalized)


def joined(sylls: tuple[str, ...]) -> str:
    """Space-separated with a leading and trailing space, so substring search respects syllable edges."""
    return " " + " ".join(sylls) + " "
