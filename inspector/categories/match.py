"""Which categories a call belongs to, each with the sentences (and rule hits) that point to it.

A single clear mention (exact or homophone) is enough for a category at the default threshold; a
near-sound match or a rule hit alone is not, and needs another pointer. Evidence from several sentences adds up as independent
pointers: confidence = 1 − Π(1 − weight·c) over the pointers, so it says "how sure", never more than 1.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from inspector.categories.pack import Category, CategoryPack
from inspector.rules.conditions import Passage
from inspector.rules.hits import Hit
from inspector.transcript.model import Transcript

WORD_WEIGHT = 0.6      # one exact mention by the customer: 0.6; two: 0.84
RULE_WEIGHT = 0.5      # a rule hit is indirect: the rule was written for another purpose


@dataclass(frozen=True)
class Evidence:
    start: float
    end: float
    source: str          # "words" (the customer's sentence) or "rule" (a rule hit)
    text: str            # the sentence, or the rule's evidence
    matched: str         # the phrase heard, or the rule id
    confidence: float
    why: str


@dataclass(frozen=True)
class CallCategory:
    path: tuple[str, ...]
    confidence: float
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> dict:
        return {"path": list(self.path), "confidence": self.confidence,
                "evidence": [asdict(e) for e in self.evidence]}

    @classmethod
    def from_dict(cls, data: dict) -> CallCategory:
        """The inverse of ``to_dict``: a batch run's categories read back from its checks file."""
        return cls(tuple(data["path"]), float(data["confidence"]), tuple(Evidence(**e) for e in data["evidence"]))


def categorize(transcript: Transcript, hits: list[Hit] | None, pack: CategoryPack) -> list[CallCategory]:
    """The call's categories, most certain first. Only the customer's words count (on a mono call with no
    speakers, everyone's), because the agent's words say what was offered, not why the customer called."""
    attributed = any(seg.speaker != "unknown" for seg in transcript.segments)
    sentences = [seg for seg in transcript.segments if seg.speaker == "customer" or not attributed]
    found = []
    for category in pack.categories:
        evidence = _word_evidence(category, sentences) + _rule_evidence(category, hits or [])
        if not evidence:
            continue
        confidence = _combined(evidence)
        if confidence >= pack.min_confidence:
            found.append(CallCategory(category.path, confidence, tuple(evidence)))
    return sorted(found, key=lambda c: (-c.confidence, c.path))


def _word_evidence(category: Category, sentences) -> list[Evidence]:
    if category.phrases is None:
        return []
    evidence = []
    for seg in sentences:
        match = category.phrases.find(Passage(seg.speaker, seg.text))
        if match is not None:
            evidence.append(Evidence(seg.start, seg.end, "words", seg.text, match.evidence, match.confidence,
                                     match.why))
    return evidence


def _rule_evidence(category: Category, hits: list[Hit]) -> list[Evidence]:
    return [Evidence(h.start, h.end, "rule", h.evidence, h.rule, h.confidence, f"{h.rule} {h.name}")
            for h in hits if h.rule in category.rules]


def _combined(evidence: list[Evidence]) -> float:
    doubt = 1.0
    for item in evidence:
        doubt *= 1.0 - (WORD_WEIGHT if item.source == "words" else RULE_WEIGHT) * item.confidence
    return round(1.0 - doubt, 2)
