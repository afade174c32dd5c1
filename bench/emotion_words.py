"""Emotion from words: the service-call lexicon against SnowNLP's general sentiment model on customer
turns of this hotline labelled by hand (tests/data/emotion_turns.tsv): three-class accuracy of each, in the
same run. It decides whether SnowNLP serves as a base (it is not a dependency unless it measures better).

Usage: python bench/emotion_words.py   (SnowNLP is measured when it is installed)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector.emotion.lexicon import default_lexicon  # noqa: E402
from inspector.emotion.turns import word_label  # noqa: E402


def labelled() -> list[tuple[str, str]]:
    lines = (ROOT / "tests" / "data" / "emotion_turns.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def snownlp_label(text: str) -> str:
    from snownlp import SnowNLP
    positive = SnowNLP(text).sentiments        # probability of a positive review
    return "upset" if positive < 0.3 else "content" if positive > 0.7 else "neutral"


def accuracy(label, data) -> tuple[float, list[str]]:
    wrong = [f"{text} → {label(text)} (is {truth})" for text, truth in data if label(text) != truth]
    return 1 - len(wrong) / len(data), wrong


def main() -> None:
    data = labelled()
    lexicon = default_lexicon()
    lex, lex_wrong = accuracy(lambda t: word_label(lexicon.score(t).score), data)
    print(f"{len(data)} labelled customer turns")
    print(f"lexicon: {lex:.0%} right")
    for line in lex_wrong:
        print("   ", line)
    try:
        snow, snow_wrong = accuracy(snownlp_label, data)
    except ImportError:
        print("SnowNLP: not installed, not measured")
        return
    print(f"SnowNLP: {snow:.0%} right")
    for line in snow_wrong:
        print("   ", line)


if __name__ == "__main__":
    main()
