"""C2 解答准确完整 against the official 口径: what the agent states about a named plan or service, compared
with the tariff and policy pack (rules.tariffs). A hit names both sides: "说 58 元，口径 月费 38 元".

A product named in an agent's sentence stays the subject of the following clauses and of the agent's next
``within_sentences`` sentences, until another product is named. In each clause the rule reads (numbers in
Chinese or Arabic numerals, through cn2an):
- amounts in 元/块, compared with every amount the pack knows for the product (a clause about 违约金 with
  the penalty alone); clauses about the customer's bill (``billing``: 扣费, 余额 …) are not statements of
  the tariff and are skipped;
- GB of data (N个G, NGB) and minutes of calls (N分钟 with 通话/语音);
- when it takes effect (``effective_now`` / ``effective_next``), against ``cancel_effective`` when it is
  about cancelling (the last ``cancelling`` or ``ordering`` word before it in its clause is a cancelling
  one, or with neither there a clause before it in the sentence was about cancelling), else against
  ``takes_effect``; a negated one (不是立即生效) is no claim;
- "only through X" (``only`` with a cancelling clause) against the channels the pack lists;
- "no penalty" (``no_penalty``) against a pack penalty above zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector.rules.conditions import Condition, Match, Passage
from inspector.rules.context import CallContext, Sentence
from inspector.rules.evidence import make_hit
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.phonetic import digit_sound_class, sound_codes
from inspector.rules.tariffs import NUMBER_FIELDS, TIMING_NAMES, UNITS, Product, TariffPack, numerals
from inspector.rules.text import normalize

CLAUSE_END = re.compile(r"[，。！？；,.!?;：:]+")
YUAN = "元远圆园员原源院缘援人"        # 元 as recognisers write it: 五十八远, and vosk-model-small-cn's 三十八人
KUAI = "块快筷"
AMOUNT = re.compile(rf"(\d+(?:\.\d+)?)(?:[{KUAI}](\d)(?![\d.个]|g)|([{YUAN}])|[{KUAI}]钱|[{KUAI}])")   # 1块5: 1.5 元
NUMBER_SOUNDS = set(digit_sound_class()) | {sound_codes(c) for c in "百千"}
FILLERS = "嗯啊呃额那"
MISHEARD_UNIT_CONFIDENCE = 0.7     # 元 written as another character: an amount, most likely, in a tariff sentence
DATA = re.compile(r"(\d+(?:\.\d+)?)(个)?(?:gb|g|吉|鸡|基)(?![a-z]|网|手机|信号|套餐|卡|用户|基站|速)")
MINUTES = re.compile(r"(\d+)分[钟中种]")
CALLS = ("通话", "语音", "电话", "国内")
STATEMENT_CONFIDENCE = 0.9     # a misheard digit makes a wrong amount out of a right one


@dataclass(frozen=True)
class Claim:
    field: str                 # a pack field: monthly_fee (any amount), penalty, data_gb, minutes, takes_effect …
    said: str                  # what the agent said, as shown
    expected: str              # what the pack says, as shown
    confidence: float
    why: str


@dataclass(frozen=True)
class Subject:
    """The product being talked about: how its name was heard, in which of the speaker's sentences, and
    whether that clause named another product too (then what precedes the next name is nobody's for sure)."""

    product: Product
    heard: Match
    position: int
    ambiguous: bool = False


def tariff(rule: Rule, call: CallContext) -> list[Hit]:
    pack: TariffPack = rule.params["tariffs"]
    within = rule.params["within_sentences"]
    hits = []
    subject: Subject | None = None
    for position, sentence in enumerate(call.by(rule.speaker)):
        if subject is not None and position - subject.position > within:
            subject = None
        cancelling = False             # 已为您退订视频彩铃，次月生效: the clauses after 退订 are about it too
        for clause in clauses(sentence):
            carried = cancelling
            if _find(rule, "cancelling", clause) is not None:
                cancelling = True
            elif _find(rule, "ordering", clause) is not None:
                cancelling = False
            pieces = _pieces(pack, clause)
            named = {id(product) for product, _heard, _piece in pieces if product is not None}
            for product, heard, piece in pieces:
                about = (Subject(product, heard, position, len(named) > 1) if product is not None
                         else subject if subject is not None and not subject.ambiguous else None)
                if about is None:
                    continue
                subject = about if product is not None else subject
                for claim in _claims(rule, pack, about.product, piece, cancelling, (clause, carried)):
                    hits.append(_hit(rule, sentence, clause, about, claim))
    return hits


def _hit(rule: Rule, sentence: Sentence, clause: Passage, about: Subject, claim: Claim) -> Hit:
    confidence = min(claim.confidence, about.heard.confidence, STATEMENT_CONFIDENCE)
    if clause.confidence is not None:
        confidence = min(confidence, 0.5 + 0.5 * clause.confidence)
    name = about.product.name
    return make_hit(rule, sentence.start, sentence.end, f"「{clause.text}」说 {claim.said}，口径：{name} {claim.expected}",
                    confidence, f"{about.heard.why}: {name}; {claim.why}", speaker=sentence.speaker)


def _pieces(pack: TariffPack, clause: Passage) -> list[tuple[Product | None, Match | None, Passage]]:
    """The clause cut where products are named: each claim belongs to the product named last before it
    (a recognised segment may run two sentences together: 加油包立即生效 … 畅享套餐每月三十八元); what comes
    before the first name belongs to the product talked about before (None here)."""
    norm = clause.norm
    places = []
    for product in pack.products:
        found = product.names.find(clause)
        if found is None:
            continue
        heard = normalize(found.evidence)
        start = norm.find(heard)
        while heard and start >= 0:
            places.append((start, product, found))
            start = norm.find(heard, start + len(heard))
    places = sorted(p for p in places if not any(o[0] < p[0] < o[0] + len(normalize(o[2].evidence)) for o in places))
    cuts = [_raw_index(clause.text, place) for place, _p, _f in places]
    bounds = [0, *cuts, len(clause.text)]
    owners = [(None, None), *[(product, found) for _place, product, found in places]]
    return [(owner, found, Passage(clause.speaker, clause.text[start:end], (), clause.confidence))
            for (owner, found), start, end in zip(owners, bounds, bounds[1:]) if clause.text[start:end].strip()]


def _raw_index(text: str, norm_index: int) -> int:
    """Where the ``norm_index``-th character of the normalised text is in the text itself."""
    seen = 0
    for index, char in enumerate(text):
        if normalize(char):
            if seen == norm_index:
                return index
            seen += 1
    return len(text)


def clauses(sentence: Sentence) -> list[Passage]:
    """The sentence cut at its punctuation (a recognised segment has none: it stays whole)."""
    whole = sentence.passage
    parts = [p for p in CLAUSE_END.split(sentence.text) if p.strip()]
    if len(parts) <= 1:
        return [whole]
    return [Passage(whole.speaker, part, (), whole.confidence) for part in parts]


def _claims(rule: Rule, pack: TariffPack, product: Product, clause: Passage, cancelling: bool,
            said_in: tuple[Passage, bool]) -> list[Claim]:
    """``said_in``: the whole clause the piece is part of, and whether the clauses before it were about
    cancelling."""
    text = _without_names(pack, numerals(clause.text))
    claims: list[Claim] = []
    if _find(rule, "billing", clause) is None:
        claims += _amounts(rule, product, clause, text)
        claims += _data_and_minutes(product, text)
    claims += _timing(rule, product, clause, said_in)
    if cancelling:
        claims += _channels(rule, pack, product, clause)
    return claims


def _without_names(pack: TariffPack, text: str) -> str:
    """The numbers inside product names (5G智享套餐, 畅享套餐38元档) are not statements about them."""
    for name in pack.name_numerals:
        text = text.replace(name, "\x00")
    return text


def _amounts(rule: Rule, product: Product, clause: Passage, text: str) -> list[Claim]:
    """Each amount against those the pack knows for the product; in a clause about 违约金, against the
    penalty — though any of the product's amounts is no wrong claim there: a recognised sentence has no
    commas, so «月费每月五十元…提前解约需要支付一百元违约金» is one clause holding the fee too."""
    penalty_clause = _find(rule, "penalty_words", clause) is not None
    known = (product.penalty,) if penalty_clause else product.amounts()
    if not known or known == (None,):
        return []
    claims = []
    for found in AMOUNT.finditer(text):
        value = float(found.group(1)) + (float(found.group(2)) / 10 if found.group(2) else 0.0)
        if any(abs(value - k) < 0.01 for k in (*known, *product.amounts()) if k is not None):
            continue
        if _broken_number(text[: found.start()]):
            continue
        field = "penalty" if penalty_clause else "monthly_fee"
        expected = product.penalty if penalty_clause else (product.monthly_fee if product.monthly_fee is not None
                                                           else known[0])
        unit = found.group(3)
        heard = f"「{found.group(0)}」读作 {value:g} 元; " if unit == "人" else ""      # not a homophone of 元
        claims.append(Claim(field, f"{value:g} 元", f"{NUMBER_FIELDS[field]} {expected:g} 元",
                            MISHEARD_UNIT_CONFIDENCE if heard else 1.0,
                            f"{heard}{value:g} 元 ≠ {', '.join(f'{k:g}' for k in known if k is not None)} 元"))
    if not claims and product.penalty and _find(rule, "no_penalty", clause) is not None:
        claims.append(Claim("penalty", "没有违约金", f"违约金 {product.penalty:g} 元", 1.0, "无违约金 ≠ 口径"))
    return claims


def _broken_number(before: str) -> bool:
    """The amount may have lost its first digits: the character before it is a digit or sounds like one or
    like 百/千, or is a filler with such a character before it (武十八元, 一稗二十八元, 五嗯十元: recognition
    broke the number in two). 确认一下二十元 is whole: 下 is neither."""
    last = [c for c in before if not c.isspace()][-2:]
    def numeric(c: str) -> bool:
        return "0" <= c <= "9" or sound_codes(normalize(c)) in NUMBER_SOUNDS
    return bool(last) and (numeric(last[-1]) or (len(last) == 2 and last[-1] in FILLERS and numeric(last[0])))


def _data_and_minutes(product: Product, text: str) -> list[Claim]:
    claims = []
    checks = (("data_gb", DATA, product.data_gb, True), ("minutes", MINUTES, product.minutes,
                                                         any(w in text for w in CALLS)))
    for field, pattern, expected, relevant in checks:
        if expected is None or not relevant:
            continue
        for found in pattern.finditer(text):
            if field == "data_gb" and not found.group(2) and "流量" not in text:
                continue             # 5g alone is a network more often than an amount of data
            value = float(found.group(1))
            if abs(value - expected) >= 0.01:
                unit = UNITS[field]
                claims.append(Claim(field, f"{value:g} {unit}", f"{NUMBER_FIELDS[field]} {expected:g} {unit}", 1.0,
                                    f"{value:g} ≠ {expected:g} {unit}"))
    return claims


def _timing(rule: Rule, product: Product, clause: Passage, said_in: tuple[Passage, bool]) -> list[Claim]:
    """When it takes effect, about the action said last before it in its clause (办理后立即生效…随时退订 in a
    recognised sentence, which has no commas to cut it at, is about ordering), else about what the clauses
    before it were about."""
    said = [(timing, found) for timing, key in (("immediately", "effective_now"), ("next_month", "effective_next"))
            if (found := _find(rule, key, clause)) is not None and not _negated(rule, clause, found)]
    if len(said) != 1:
        return []                # nothing said, or said both ways (a correction)
    timing, found = said[0]
    cancelling = _cancelling_before(rule, *said_in, found)
    field = "cancel_effective" if cancelling else "takes_effect"
    expected = getattr(product, field)
    if expected is None or timing == expected:
        return []
    what = "退订" if cancelling else "办理"
    return [Claim(field, f"{what}{TIMING_NAMES[timing]}（「{found.evidence}」）", f"{what}{TIMING_NAMES[expected]}",
                  found.confidence, found.why)]


def _channels(rule: Rule, pack: TariffPack, product: Product, clause: Passage) -> list[Claim]:
    if not product.cancel_by or _find(rule, "only", clause) is None:
        return []
    said = sorted(name for name, phrases in pack.channels.items() if phrases.find(clause) is not None)
    if not said or set(said) == set(product.cancel_by):
        return []
    return [Claim("cancel_by", f"只能通过 {'、'.join(said)} 退订", f"可通过 {'、'.join(product.cancel_by)} 退订", 1.0,
                  f"{'、'.join(said)} ≠ {'、'.join(product.cancel_by)}")]


def _find(rule: Rule, key: str, clause: Passage) -> Match | None:
    cond: Condition | None = rule.params.get(key)
    return cond.find(clause) if cond is not None else None


def _cancelling_before(rule: Rule, clause: Passage, carried: bool, found: Match) -> bool:
    """Whether the last ordering or cancelling word before ``found`` (or in it) in the clause is a
    cancelling one; ``carried`` when there is neither."""
    norm, said = clause.norm, normalize(found.evidence)
    place = norm.find(said)
    before = norm[:place + len(said)] if place >= 0 else norm      # 退订后次月生效: its own action counts
    last = {key: max((before.rfind(p.norm) for p in _phrases(rule, key)), default=-1)
            for key in ("cancelling", "ordering")}
    if last["cancelling"] < 0 and last["ordering"] < 0:
        return carried
    return last["cancelling"] > last["ordering"]


def _phrases(rule: Rule, key: str) -> tuple:
    cond = rule.params.get(key)
    return tuple(p for p in getattr(cond, "phrases", ()) if p.norm)


def _negated(rule: Rule, clause: Passage, found: Match) -> bool:
    """不是立即生效: the phrase right after a negation is what the agent says it is not."""
    norm = clause.norm
    place = norm.find(normalize(found.evidence))
    before = norm[max(0, place - 4): place] if place >= 0 else ""
    return any(before.endswith(p.norm) for p in rule.params.get("negation", ()))
