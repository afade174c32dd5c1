"""The condition language of rule packs: phrase lists, regular expressions, AND/OR/NOT, speaker filters.

A condition is evaluated against a Passage: one sentence, or several sentences joined (a window).
Phrases match exactly on normalised text (confidence 1.0); phrases of four syllables or more also match
as homophones on merged pinyin (0.85) or by syllable similarity above the pack's threshold (lower
confidence, saying how similar). Regular expressions run on normalised text: no spaces or punctuation,
digits in Arabic (工号\\d{3,6} matches 工号三二五七).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from rapidfuzz.distance import Levenshtein

from inspector.rules.phonetic import joined, syllables
from inspector.rules.text import normalize

HOMOPHONE_CONFIDENCE = 0.85
SOUND_MIN_SYLLABLES = 4   # shorter phrases have too many accidental homophones (同意开通 ~ 已开通)


@dataclass(frozen=True)
class Passage:
    """Text to test, with who said it (``mixed`` for a window spanning speakers)."""

    speaker: str
    text: str

    @property
    def norm(self) -> str:
        return normalize(self.text)


@dataclass(frozen=True)
class Match:
    evidence: str
    confidence: float
    why: str


class Condition:
    def find(self, passage: Passage) -> Match | None:
        raise NotImplementedError


@dataclass(frozen=True)
class Phrase:
    text: str
    norm: str
    sylls: tuple[str, ...]
    spoken: str          # the syllables joined, for substring and similarity search

    @classmethod
    def of(cls, text: str) -> Phrase:
        norm = normalize(text)
        sylls = syllables(norm)
        return cls(text, norm, sylls, joined(sylls))


@dataclass(frozen=True)
class Phrases(Condition):
    """Any of the phrases; occurrences of ``unless`` phrases are removed first (harmless contexts)."""

    phrases: tuple[Phrase, ...]
    unless: tuple[Phrase, ...] = ()
    fuzzy_threshold: float = 0.85
    speaker: str | None = None

    @cached_property
    def _exact(self) -> tuple[re.Pattern, dict[str, Phrase]]:
        """All phrases as one alternation (longest first), so an exact test is a single C-level search."""
        by_norm = {p.norm: p for p in reversed(self.phrases) if p.norm}
        ordered = sorted(by_norm, key=len, reverse=True)
        return re.compile("|".join(re.escape(n) for n in ordered)), by_norm

    @cached_property
    def _by_sound(self) -> tuple[Phrase, ...]:
        return tuple(p for p in self.phrases if len(p.sylls) >= SOUND_MIN_SYLLABLES)

    def find(self, passage: Passage) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        norm = passage.norm
        for excluded in self.unless:
            norm = norm.replace(excluded.norm, "\x00" * len(excluded.norm))
        pattern, by_norm = self._exact
        found = pattern.search(norm)
        if found is not None:
            return Match(by_norm[found.group(0)].text, 1.0, "exact")
        if not self._by_sound:
            return None
        sylls = syllables(norm)
        spoken = joined(sylls)
        for phrase in self._by_sound:
            if phrase.spoken in spoken:
                start = _find_run(sylls, phrase.sylls)
                heard = norm[start: start + len(phrase.sylls)]
                return Match(heard, HOMOPHONE_CONFIDENCE, f"同音：{heard} ≈ {phrase.text}")
        return self._fuzzy(norm, sylls)

    def _fuzzy(self, norm: str, sylls: tuple[str, ...]) -> Match | None:
        """Syllable similarity (Levenshtein over syllables). A phrase of k syllables can only reach the
        threshold with at most (1 - threshold)·k edits, so one that shares fewer syllables with the
        sentence is skipped without aligning it."""
        best: tuple[float, Phrase, int] | None = None
        present = set(sylls)
        for phrase in self._by_sound:
            size = len(phrase.sylls)
            edits = int((1.0 - self.fuzzy_threshold) * size + 1e-9)
            if edits == 0 or size > len(sylls):
                continue          # no room for a wrong syllable: the homophone test already decided
            if sum(1 for syllable in phrase.sylls if syllable in present) < size - edits:
                continue
            for start in range(len(sylls) - size + 1):
                score = Levenshtein.normalized_similarity(phrase.sylls, sylls[start: start + size])
                if score >= self.fuzzy_threshold and (best is None or score > best[0]):
                    best = (score, phrase, start)
        if best is None:
            return None
        score, phrase, start = best
        heard = norm[start: start + len(phrase.sylls)]
        confidence = round(0.5 + 0.3 * score, 2)
        return Match(heard, confidence, f"近音 {score:.0%}：{heard} ≈ {phrase.text}")


@dataclass(frozen=True)
class Regex(Condition):
    pattern: Any                  # an RE2 pattern (rules.pack.compile_linear)
    speaker: str | None = None

    def find(self, passage: Passage) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        found = self.pattern.search(passage.norm)
        return Match(found.group(0), 1.0, "pattern") if found else None


@dataclass(frozen=True)
class AllOf(Condition):
    parts: tuple[Condition, ...]
    speaker: str | None = None

    def find(self, passage: Passage) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        matches = []
        for part in self.parts:
            found = part.find(passage)
            if found is None:
                return None
            matches.append(found)
        return Match(" + ".join(m.evidence for m in matches), min(m.confidence for m in matches),
                     "; ".join(m.why for m in matches))


@dataclass(frozen=True)
class AnyOf(Condition):
    parts: tuple[Condition, ...]
    speaker: str | None = None

    def find(self, passage: Passage) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        best = None
        for part in self.parts:
            found = part.find(passage)
            if found is not None and (best is None or found.confidence > best.confidence):
                best = found
                if best.confidence == 1.0:
                    break
        return best


@dataclass(frozen=True)
class NotOf(Condition):
    part: Condition
    speaker: str | None = None

    def find(self, passage: Passage) -> Match | None:
        if self.speaker and passage.speaker != self.speaker:
            return None
        return None if self.part.find(passage) is not None else Match("", 1.0, "absent")


def _find_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int:
    for start in range(len(haystack) - len(needle) + 1):
        if haystack[start: start + len(needle)] == needle:
            return start
    return 0


@dataclass
class ConditionContext:
    """What parsing a condition needs: the pack's named phrase sets and fuzzy threshold."""

    phrase_sets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fuzzy_threshold: float = 0.85
