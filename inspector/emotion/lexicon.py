"""Emotion from the customer's words: a small service-call lexicon with negation and intensifiers.

General sentiment models (SnowNLP's is trained on shopping reviews) read hotline speech poorly: "没有了，
谢谢" is polite, "凭什么乱扣" is angry, and neither looks like a review. A lexicon a lead can read and edit
says why a turn counts as upset, which is what a pointer for listening needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from inspector.resources import resource_path
from inspector.rules.text import normalize
from inspector.tomlfile import read_toml

DEFAULT_LEXICON = ("emotion", "lexicon-zh.toml")
NEGATION_REACH = 1      # characters allowed between a negation and the word it turns (不太满意)


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class WordScore:
    score: float                 # −1 (upset) … +1 (content)
    words: tuple[str, ...]       # what it rests on, e.g. ("乱扣", "不+生气")


@dataclass(frozen=True)
class Lexicon:
    weights: dict[str, float]            # negative words < 0, positive > 0
    negations: tuple[str, ...]
    intensifiers: dict[str, float]
    exclamation: float

    @property
    def pattern(self) -> re.Pattern:
        return _alternation(tuple(sorted(self.weights, key=len, reverse=True)))

    def score(self, text: str) -> WordScore:
        norm = normalize(text)
        total, found = 0.0, []
        for match in self.pattern.finditer(norm):
            word = match.group(0)
            weight = self.weights[word]
            before = norm[max(0, match.start() - NEGATION_REACH - 1): match.start()]
            negation = next((n for n in self.negations if n in before), None)
            if negation is not None and not word.startswith(negation):
                # 不满意 is upset, but 不生气 is only not angry: a negated complaint counts as nothing
                weight, word = (-weight if weight > 0 else 0.0), f"{negation}+{word}"
            boost = max((f for i, f in self.intensifiers.items() if norm[:match.start()].endswith(i)), default=1.0)
            total += weight * boost
            found.append(word)
        if total < 0:
            total -= self.exclamation * text.count("！") + self.exclamation * text.count("!")
        return WordScore(max(-1.0, min(1.0, total)), tuple(found))


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(normalize(w)) for w in words))


def load_lexicon(path: Path) -> Lexicon:
    data = read_toml(path, "emotion lexicon", LexiconError)
    weights: dict[str, float] = {}
    for table, sign in (("negative", -1.0), ("positive", 1.0)):
        for word, weight in data.get(table, {}).items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 1:
                raise LexiconError(f"{path}: [{table}].{word} must be a weight in (0, 1], not {weight!r}")
            weights[normalize(word)] = sign * float(weight)
    if not weights:
        raise LexiconError(f"{path}: lists no [negative] or [positive] words")
    return Lexicon(weights, tuple(data.get("negations", [])),
                   {normalize(k): float(v) for k, v in data.get("intensifiers", {}).items()},
                   float(data.get("exclamation", 0.0)))


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon(resource_path(*DEFAULT_LEXICON))
