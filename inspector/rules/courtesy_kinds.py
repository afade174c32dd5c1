"""Rules about how the agent treats the customer's words: politeness (A6 礼貌用语) and understanding the
need (C1 需求理解).

Politeness: a request to the customer, a refusal or a wait needs a polite form (您, 请, 谢谢, 不好意思…) in
the same sentence; curt or impatient wordings are hits of their own; and an agent who rarely uses any polite
form at all is a hit once per call. Polite forms are matched surely (never a short phrase by sound): one
character heard by sound (您 ~ 零) would excuse anything.

Understanding: before an account operation the agent restates or confirms what the customer asked (a
confirming question, or the customer's own key terms echoed); and a customer who has to repeat the same
request was not understood the first time. Key terms are the request's character pairs compared by sound,
so the check needs no word list and survives recognition errors; pairs made only of common words (我 想 一下
怎么 …: the rule's ``common`` phrases) are left out.
"""

from __future__ import annotations

from inspector.rules.conditions import Condition, Match
from inspector.rules.context import CallContext, Sentence
from inspector.rules.evidence import absent_hit, make_hit, quote
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.phonetic import sound_codes
from inspector.rules.relisten import relisten
from inspector.rules.text import normalize, spoken_length

OCCASIONS = (("request", "请求"), ("refusal", "拒绝"), ("wait", "让客户等待"))
SURE = 0.85                    # what accuses here is heard exactly or as a homophone, never only near in sound
UNCONFIRMED_CONFIDENCE = 0.6   # an echo may be worded differently (出国停着保留 for 停机保号): often understood
MIN_SHARE_SENTENCES = 4        # fewer agent sentences say too little about a habit
REPEAT_MIN_TERMS = 3           # a request repeated shares at least this many key terms with the first


def politeness(rule: Rule, call: CallContext) -> list[Hit]:
    polite: Condition = rule.params["polite"]
    own = call.by(rule.speaker)
    hits = []
    for sentence in own:
        found = _sure(rule, "curt", sentence)
        if found is not None:
            hits.append(make_hit(rule, sentence.start, sentence.end, f"生硬/不耐烦：「{found.evidence}」见 "
                                 f"{quote(sentence)}", found.confidence, found.why, speaker=sentence.speaker))
            continue
        occasion = _occasion(rule, sentence)
        if occasion is not None and polite.find(sentence.passage) is None:
            # 请 heard as 骗, 您 as 你: the sentence is heard again against the polite forms before it accuses
            again = relisten(call, rule, polite, sentence.speaker, sentence.start, sentence.end)
            if again is not None and again.found is not None:
                continue
            name, cause = occasion
            hits.append(absent_hit(rule, call, sentence.start, sentence.end, f"{name}未用礼貌用语：{quote(sentence)}",
                                   sentence.passage, cause, speaker=sentence.speaker, again=again))
    share_hit = _polite_share(rule, call, own)
    return hits + ([share_hit] if share_hit is not None else [])


def _sure(rule: Rule, key: str, sentence: Sentence) -> Match | None:
    cond: Condition | None = rule.params.get(key)
    found = cond.find(sentence.passage) if cond is not None else None
    return found if found is not None and found.confidence >= SURE else None


def _occasion(rule: Rule, sentence: Sentence):
    for key, name in OCCASIONS:
        cond = rule.params.get(key)
        found = cond.find(sentence.passage) if cond is not None else None
        if found is not None:
            return name, found
    return None


def _polite_share(rule: Rule, call: CallContext, own: list[Sentence]) -> Hit | None:
    """Once per call: too few of the agent's sentences carry any polite form."""
    minimum = rule.params.get("min_polite_share")
    if minimum is None:
        return None
    counted = [s for s in own if spoken_length(s.text) >= rule.params.get("min_chars", 5)]
    if len(counted) < MIN_SHARE_SENTENCES:
        return None
    polite = sum(1 for s in counted if rule.params["polite"].find(s.passage) is not None)
    share = polite / len(counted)
    if share >= minimum:
        return None
    confidences = [c for s in counted for c in s.word_confidences]
    sure = sum(confidences) / len(confidences) if confidences else None
    evidence = f"礼貌用语 {polite}/{len(counted)} 句（{share:.0%}）< {minimum:.0%}"
    if sure is not None and sure < call.listen_below:
        return make_hit(rule, counted[0].start, counted[-1].end, f"需听音确认：{evidence}", min(0.5, sure),
                        f"listen: 识别置信度 {sure:.2f} < {call.listen_below:.2f}，您/请 可能被听错", listen=True)
    return make_hit(rule, counted[0].start, counted[-1].end, evidence, 0.8, "measured")


def understanding(rule: Rule, call: CallContext) -> list[Hit]:
    return _acted_unconfirmed(rule, call) + _repeated(rule, call)


def _acted_unconfirmed(rule: Rule, call: CallContext) -> list[Hit]:
    """Each operation needs, for one of the customer's requests since the previous operation, the agent's
    confirming question after it or its key terms echoed (in the operation itself too: 办理挂失 for 帮我挂失
    is understood); one hit per operation at most."""
    if rule.params.get("act") is None:
        return []
    hits = []
    requests: list[Sentence] = []
    for sentence in call.sentences:
        if sentence.speaker in ("customer", "any") and rule.params["request"].find(sentence.passage) is not None:
            requests.append(sentence)
        if sentence.speaker not in (rule.speaker, "any") or _sure(rule, "act", sentence) is None:
            continue
        episode, requests = requests, []
        if not episode:
            continue                 # nothing asked that this could have misunderstood
        replies = [s for s in call.sentences[episode[0].index + 1: sentence.index]
                   if s.speaker in (rule.speaker, "any")]
        if any(_confirms(rule, request, reply) for request in episode for reply in replies
               if reply.index > request.index) or any(_echoes(rule, request, sentence) for request in episode):
            continue
        asked = episode[-1]
        hits.append(make_hit(rule, asked.start, sentence.end,
                             f"未确认需求即办理：客户 {quote(asked)} → 坐席 {quote(sentence)}",
                             UNCONFIRMED_CONFIDENCE, "absent: 未复述或确认客户需求", speaker=sentence.speaker))
    return hits


def _confirms(rule: Rule, request: Sentence, reply: Sentence) -> bool:
    """A confirming question or an offer the customer could answer, or the request's key terms echoed."""
    confirm = rule.params.get("confirm")
    if confirm is not None and confirm.find(reply.passage, lenient=True) is not None:
        return True
    return _echoes(rule, request, reply)


def _echoes(rule: Rule, request: Sentence, reply: Sentence) -> bool:
    wanted = rule.params.get("echo_terms", 2)
    terms = key_terms(rule, request.text)
    return bool(terms) and len(terms & pairs(reply.text)) >= min(wanted, len(terms))


def _repeated(rule: Rule, call: CallContext) -> list[Hit]:
    """The customer saying they are repeating themselves, or asking again what an earlier request asked
    (most of its key terms) after the agent answered something."""
    share = rule.params.get("repeat_share")
    hits = []
    requests: list[Sentence] = []
    answered = False
    for sentence in call.sentences:
        if sentence.speaker == rule.speaker:
            answered = answered or bool(requests)
            continue
        said = _sure(rule, "repeat", sentence)
        again = _asked_again(rule, sentence, requests, share) if answered and share is not None else None
        if said is not None:
            hits.append(make_hit(rule, sentence.start, sentence.end, f"客户重复需求：「{said.evidence}」见 "
                                 f"{quote(sentence)}", said.confidence, said.why, speaker=sentence.speaker))
        elif again is not None:
            hits.append(make_hit(rule, sentence.start, sentence.end, f"客户再次提出同一需求：{quote(sentence)}"
                                 f"（首次 {quote(again)}）", 0.7, "measured", speaker=sentence.speaker))
        if rule.params["request"].find(sentence.passage) is not None:
            requests.append(sentence)
            answered = False
    return hits


def _asked_again(rule: Rule, sentence: Sentence, requests: list[Sentence], share: float) -> Sentence | None:
    if rule.params["request"].find(sentence.passage) is None:
        return None
    mine = key_terms(rule, sentence.text)
    for earlier in requests:
        terms = key_terms(rule, earlier.text)
        shared = terms & mine
        if len(shared) >= REPEAT_MIN_TERMS and len(shared) >= share * len(terms):
            return earlier
    return None


def pairs(text: str) -> set[str]:
    """Adjacent character pairs of the text, by sound (merged pinyin codes): 视频彩铃 → 视频, 频彩, 彩铃."""
    codes = sound_codes(normalize(text))
    return {codes[i: i + 2] for i in range(len(codes) - 1)}


def key_terms(rule: Rule, text: str) -> set[str]:
    """The pairs of a request that carry its content: pairs touching a common word are left out."""
    norm = normalize(text)
    keep = [True] * len(norm)
    for phrase in rule.params.get("common", ()):
        start = norm.find(phrase.norm)
        while phrase.norm and start >= 0:
            for i in range(start, start + len(phrase.norm)):
                keep[i] = False
            start = norm.find(phrase.norm, start + 1)
    codes = sound_codes(norm)
    return {codes[i: i + 2] for i in range(len(norm) - 1) if keep[i] and keep[i + 1]}
