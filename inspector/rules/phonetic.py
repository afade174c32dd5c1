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


# Sound codes: one private-use character per merged syllable, so that sound comparisons run as ordinary
# string and regular-expression searches (in C) instead of loops over syllable tuples in Python.
_CODE_BASE = 0xE000
_codes: dict[str, str] = {}
DIGIT_SYLLABLES = ("lin", "yi", "er", "san", "si", "wu", "liu", "qi", "ba", "jiu")   # 0-9 read aloud, merged


_syllables_of: dict[str, str] = {}
_INITIAL_LETTERS = ("b", "p", "m", "f", "d", "t", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w")


def syllable_code(syllable: str) -> str:
    code = _codes.get(syllable)
    if code is None:
        code = _codes[syllable] = chr(_CODE_BASE + len(_codes))
        _syllables_of[code] = syllable
    return code


@lru_cache(maxsize=65536)
def codes_sound_alike(one: str, other: str) -> bool:
    """Two sound codes whose merged syllables share the initial or the final (你 ni ~ 已 yi, not 问 wen ~
    了 le): how far a recogniser's mistake usually is."""
    if one == other:
        return True
    a, b = _syllables_of.get(one), _syllables_of.get(other)
    if a is None or b is None:
        return False
    (a_initial, a_final), (b_initial, b_final) = _split(a), _split(b)
    return (a_initial == b_initial and a_initial != "") or a_final == b_final


def _split(syllable: str) -> tuple[str, str]:
    initial = syllable[:1] if syllable[:1] in _INITIAL_LETTERS else ""
    return initial, syllable[len(initial):]


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@lru_cache(maxsize=65536)
def sound_codes(normalized: str) -> str:
    """Already-normalised text as sound codes, one per character: a Chinese character becomes the code of
    its merged syllable and a digit the code of the digit read aloud (so 九, 9, 就 and 酒 are one code);
    letters and anything else stay as they are. Same length as the input, so positions carry over."""
    return "".join(map(_char_code, normalized))


@lru_cache(maxsize=None)
def _char_code(char: str) -> str:
    if "0" <= char <= "9":
        return syllable_code(DIGIT_SYLLABLES[ord(char) - 48])
    if _is_cjk(char):
        return syllable_code(merged_syllable(char))
    return char


def digit_sound_class() -> str:
    """The codes of the ten digits, for a character class (what ``\\d`` means in sound space)."""
    return "".join(syllable_code(s) for s in DIGIT_SYLLABLES)


def sound_pattern(pattern: str) -> str:
    """A regular expression over normalised text rewritten to run on `sound_codes`: literal Chinese
    characters and digits become their codes, ``\\d`` the digits' codes and ``\\D`` anything else, so
    ``工号\\d{3,6}`` also matches 功耗三九就一六. Quantifier counts ({3,6}) and escapes stay as they are."""
    from inspector.rules.text import normalize

    digits = digit_sound_class()
    out: list[str] = []
    in_class = in_braces = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            if escaped == "d":
                out.append(digits if in_class else f"[{digits}]")
            elif escaped == "D" and not in_class:
                out.append(f"[^{digits}]")
            else:
                out.append(char + escaped)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "{" and not in_class:
            in_braces = True
        elif char == "}" and in_braces:
            in_braces = False
        if (_is_cjk(char) or ("0" <= char <= "9" and not in_braces)) and (folded := normalize(char)):
            out.append(sound_codes(folded))
        else:
            out.append(char)
        i += 1
    return "".join(out)
