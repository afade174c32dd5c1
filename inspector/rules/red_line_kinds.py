"""The two red lines a phrase list cannot see: customer data read out before the caller was verified
(F2, an order of events) and hanging up on a customer (F4, from both channels and the call's end).
"""

from __future__ import annotations

from inspector.rules.context import CallContext, Sentence
from inspector.rules.evidence import MEASURED_CONFIDENCE, TIMED_CONFIDENCE, make_hit, quote
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.relisten import EXACT, relisten


def disclosure(rule: Rule, call: CallContext) -> list[Hit]:
    """Each of the speaker's sentences matching ``match`` (digits of an ID, phone or bank number, an
    address) said before anything matching ``gate`` (the identity check passed); one hit per call, on the
    first such sentence, with the count. Only what is written so accuses (digits, an address as such):
    matched by sound, 中国移动 — said before almost every check — reads as 一栋, a building number."""
    gate, match = rule.params["gate"], rule.params["match"]
    told: list[tuple[Sentence, str, float]] = []
    for sentence in call.sentences:
        if gate.find(sentence.passage, lenient=True) is not None:
            break
        if sentence.speaker not in (rule.speaker, "any") and rule.speaker != "any":
            continue
        found = match.find(sentence.passage)
        if found is not None and found.confidence >= EXACT:     # as written, not a homophone of it
            told.append((sentence, found.evidence, found.confidence))
    if not told:
        return []
    first, evidence, confidence = told[0]
    again = relisten(call, rule, gate, first.speaker, 0.0, first.end)
    if again is not None and again.found is not None:
        return []              # the check was passed after all, heard on the audio (见证通过 for 验证通过)
    more = f"（核验前共 {len(told)} 句）" if len(told) > 1 else ""
    return [make_hit(rule, first.start, told[-1][0].end, f"身份核验前透露「{evidence}」：{quote(first)}{more}",
                     confidence, "before the identity check", speaker=first.speaker)]


def hangup(rule: Rule, call: CallContext) -> list[Hit]:
    """The call ends while the customer is speaking or within ``within_s`` of their last words, and the
    agent's last ``last_sentences`` sentences give no closing and no reason for ending."""
    customers, agents = call.by("customer"), call.by("agent")
    if not customers or not agents:
        return []
    end, measured = call.duration, False
    last_customer = max(s.end for s in customers)
    if call.activity is not None and call.activity.active.shape[0] >= 2 and call.activity.speech[1]:
        last_customer, measured = call.activity.speech[1][-1].end, True
        end = max(end, call.activity.active.shape[1] * call.activity.frame_s)
    last_agent = max(s.end for s in agents)
    if end - last_customer > rule.params["within_s"] or last_customer < last_agent:
        return []
    final = agents[-rule.params["last_sentences"]:]
    for part in ("closing", "reason"):
        if any(rule.params[part].find(s.passage, lenient=True) for s in final):
            return []
        again = relisten(call, rule, rule.params[part], "agent", final[0].start, final[-1].end)
        if again is not None and again.found is not None:
            return []
    customer_last = max(customers, key=lambda s: s.end)
    return [make_hit(rule, customer_last.start, end,
                     f"客户最后发言 {customer_last.end:.1f} s，通话 {end - last_customer:.1f} s 后结束，坐席未结束语、"
                     f"未说明原因：{quote(final[-1:])} / 客户 {quote(customer_last)}",
                     MEASURED_CONFIDENCE * 0.9 if measured else TIMED_CONFIDENCE * 0.9, "measured")]
