"""Building hits from rules: the common fields filled once, so each kind only says what it found."""

from __future__ import annotations

from inspector.rules.conditions import Match, Passage
from inspector.rules.context import CallContext, Sentence
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.relisten import Relistened

ABSENCE_CONFIDENCE = 0.9    # a missing phrase may have been said and misrecognised
MEASURED_CONFIDENCE = 1.0   # measured from the audio
TIMED_CONFIDENCE = 0.9      # measured from transcript times only
RELISTENED_ABSENCE_CONFIDENCE = 0.95   # not in the transcript and not heard on listening again
LISTEN_CONFIDENCE = 0.5     # at most, for an absence in a window the recogniser was unsure of
QUOTE_LIMIT = 60


def make_hit(rule: Rule, start: float, end: float, evidence: str, confidence: float, why: str,
             speaker: str | None = None, deduction: float | None = None, flag_only: bool | None = None,
             listen: bool = False) -> Hit:
    who = speaker or ("both" if rule.speaker == "any" else rule.speaker)
    flag = rule.flag_only if flag_only is None else flag_only
    return Hit(rule.id, rule.name, round(start, 3), round(end, 3), who, evidence, round(confidence, 2),
               rule.item, 0.0 if flag else (rule.deduction if deduction is None else deduction), rule.severity,
               flag, why, listen)


def absent_hit(rule: Rule, call: CallContext, start: float, end: float, evidence: str, heard: Passage,
               cause: Match | None = None, speaker: str | None = None, again: Relistened | None = None) -> Hit:
    """A hit for something not said in ``heard``. Where the recogniser was unsure of those words (mean
    word confidence under the pack's ``listen_below``) the absence may be its mistake: the hit is raised as
    "listen to confirm", with a low confidence and the reason, and no deduction is prefilled from it until
    an inspector confirms it. ``cause`` (the trigger or anchor found by sound) lowers the confidence too.
    ``again``: the stretch was heard a second time against the rule's phrases and they were not heard
    there either, so the absence no longer rests on the free transcript alone — unless the speaker talks at
    a pace the recogniser cannot follow (``CallContext.unfollowed``): then neither hearing is evidence."""
    confidence = min(ABSENCE_CONFIDENCE, cause.confidence) if cause is not None else ABSENCE_CONFIDENCE
    why = "absent" if cause is None or cause.why in ("exact", "pattern") else f"absent; {cause.why}"
    unfollowed = call.unfollowed.get(speaker or rule.speaker)
    if unfollowed is not None:
        heard_again = f"；{again.evidence()}" if again is not None else ""
        unsure = heard.confidence if heard.confidence is not None else LISTEN_CONFIDENCE
        return make_hit(rule, start, end, f"需听音确认（{unfollowed}，识别跟不上）：{evidence}{heard_again}",
                        min(confidence, LISTEN_CONFIDENCE, unsure),
                        f"listen: {unfollowed}，识别跟不上，未找到可能是识别错误；{why}", speaker, listen=True)
    if again is not None:
        return make_hit(rule, start, end, f"{evidence}；{again.evidence()}",
                        min(RELISTENED_ABSENCE_CONFIDENCE, confidence + 0.05), f"{why}; {again.why()}", speaker)
    sure = heard.confidence
    if sure is not None and sure < call.listen_below:
        return make_hit(rule, start, end, f"需听音确认：{evidence}", min(confidence, LISTEN_CONFIDENCE, sure),
                        f"listen: 识别置信度 {sure:.2f} < {call.listen_below:.2f}，未找到可能是识别错误；{why}",
                        speaker, listen=True)
    return make_hit(rule, start, end, evidence, confidence, why, speaker)


def quote(sentences: list[Sentence] | Sentence) -> str:
    items = sentences if isinstance(sentences, list) else [sentences]
    text = " / ".join(s.text for s in items)
    return "«" + (text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…") + "»"


def span(sentences: list[Sentence], fallback: tuple[float, float]) -> tuple[float, float]:
    if not sentences:
        return fallback
    return min(s.start for s in sentences), max(s.end for s in sentences)
