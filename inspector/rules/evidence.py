"""Building hits from rules: the common fields filled once, so each kind only says what it found."""

from __future__ import annotations

from inspector.rules.context import Sentence
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule

ABSENCE_CONFIDENCE = 0.9    # a missing phrase may have been said and misrecognised
MEASURED_CONFIDENCE = 1.0   # measured from the audio
TIMED_CONFIDENCE = 0.9      # measured from transcript times only
QUOTE_LIMIT = 60


def make_hit(rule: Rule, start: float, end: float, evidence: str, confidence: float, why: str,
             speaker: str | None = None, deduction: float | None = None, flag_only: bool | None = None) -> Hit:
    who = speaker or ("both" if rule.speaker == "any" else rule.speaker)
    flag = rule.flag_only if flag_only is None else flag_only
    return Hit(rule.id, rule.name, round(start, 3), round(end, 3), who, evidence, round(confidence, 2),
               rule.item, 0.0 if flag else (rule.deduction if deduction is None else deduction), rule.severity,
               flag, why)


def quote(sentences: list[Sentence] | Sentence) -> str:
    items = sentences if isinstance(sentences, list) else [sentences]
    text = " / ".join(s.text for s in items)
    return "«" + (text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…") + "»"


def span(sentences: list[Sentence], fallback: tuple[float, float]) -> tuple[float, float]:
    if not sentences:
        return fallback
    return min(s.start for s in sentences), max(s.end for s in sentences)
