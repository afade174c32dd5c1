"""D3 表达清晰: how clearly the agent speaks, measured rather than read. Four measures, each switched on by
its threshold in the pack and each a hit of its own that says the figure and the limit:

- rate steadiness: the share of the agent's sentences spoken more than ``rate_spread`` times faster or
  slower than the agent's own median rate (R12 judges the average; this, the swings around it);
- fillers (嗯, 呃, 那个, 就是 …) per minute of the agent's speech;
- long hesitations: the agent stopping for ``hesitation_s`` or more inside a turn (between words, or
  between two of their sentences with nobody else speaking), shorter than a hold and not announced as one;
- the share of the agent's words the recogniser was unsure of (word confidence under ``unsure_below``):
  mumbled or swallowed words. Transcripts without word confidences (reference texts) skip this measure.
"""

from __future__ import annotations

import statistics

from inspector.rules.context import CallContext, Sentence
from inspector.rules.evidence import MEASURED_CONFIDENCE, TIMED_CONFIDENCE, make_hit
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.text import normalize, spoken_length

MIN_RATED_SENTENCES = 4        # fewer sentences have no "usual" rate to swing around
MIN_WORDS_FOR_UNSURE = 30      # fewer words say nothing about how clearly someone speaks
FILLER_CONFIDENCE = 0.8        # recognisers drop and invent fillers


def clarity(rule: Rule, call: CallContext) -> list[Hit]:
    own = [s for s in call.by(rule.speaker) if s.text.strip()]
    if not own:
        return []
    found = [_rate_swings(rule, own), _fillers(rule, own), _hesitations(rule, call, own), _unsure(rule, own)]
    return [hit for hit in found if hit is not None]


def _rate_swings(rule: Rule, own: list[Sentence]) -> Hit | None:
    spread, limit = rule.params.get("rate_spread"), rule.params.get("max_off_share")
    if spread is None or limit is None:
        return None
    rated = [(s, spoken_length(s.text) / (s.end - s.start) * 60) for s in own
             if spoken_length(s.text) >= rule.params.get("min_chars", 8) and s.end > s.start]
    if len(rated) < MIN_RATED_SENTENCES:
        return None
    usual = statistics.median(rate for _s, rate in rated)
    off = [(s, rate) for s, rate in rated if rate > usual * spread or rate < usual / spread]
    share = len(off) / len(rated)
    if len(off) < 2 or share < limit:
        return None
    fastest, slowest = max(r for _s, r in rated), min(r for _s, r in rated)
    return make_hit(rule, off[0][0].start, off[-1][0].end,
                    f"语速忽快忽慢：{len(off)}/{len(rated)} 句偏离本人中位语速 {usual:.0f} 字/分钟超过 {spread:g} 倍"
                    f"（最快 {fastest:.0f}，最慢 {slowest:.0f}）", TIMED_CONFIDENCE, "measured")


def _fillers(rule: Rule, own: list[Sentence]) -> Hit | None:
    limit = rule.params.get("max_fillers_per_min")
    phrases = rule.params.get("fillers")
    if limit is None or not phrases:
        return None
    norms = sorted({p.norm for p in phrases if p.norm}, key=len, reverse=True)
    count, said = 0, []
    for sentence in own:
        text = normalize(sentence.text)
        for norm in norms:               # longest first, each occurrence counted once
            occurrences = text.count(norm)
            if occurrences:
                count += occurrences
                said.append(norm)
                text = text.replace(norm, "\x00")
    minutes = sum(s.end - s.start for s in own) / 60
    if minutes <= 0 or count < rule.params.get("min_fillers", 3):
        return None
    per_minute = count / minutes
    if per_minute <= limit:
        return None
    common = "、".join(sorted(set(said), key=said.count, reverse=True)[:4])
    return make_hit(rule, own[0].start, own[-1].end,
                    f"口头语 {count} 次，每分钟 {per_minute:.1f} 次 > {limit:g}（{common}）", FILLER_CONFIDENCE,
                    "measured")


def _hesitations(rule: Rule, call: CallContext, own: list[Sentence]) -> Hit | None:
    shortest, most = rule.params.get("hesitation_s"), rule.params.get("max_hesitations")
    if shortest is None or most is None:
        return None
    longest = rule.params.get("max_hesitation_s", 15.0)
    announce = rule.params.get("announce")
    pauses: list[tuple[float, float]] = []
    for sentence in own:                               # inside a sentence: between recognised words
        words = call.transcript.segments[sentence.index].words
        pauses += [(a.end, b.start) for a, b in zip(words, words[1:]) if shortest <= b.start - a.end < longest]
    others = [s for s in call.sentences if s.speaker not in (rule.speaker, "any")]
    for before, after in zip(own, own[1:]):            # between two of the agent's sentences, nobody else speaking
        gap = after.start - before.end
        if not shortest <= gap < longest or any(o.start < after.start and o.end > before.end for o in others):
            continue
        if announce is not None and announce.find(before.passage, lenient=True) is not None:
            continue                                   # "请稍等": a short hold, not a hesitation
        pauses.append((before.end, after.start))
    if len(pauses) < most:
        return None
    pauses.sort()
    confidence = MEASURED_CONFIDENCE if call.activity is not None else TIMED_CONFIDENCE
    longest_pause = max(b - a for a, b in pauses)
    return make_hit(rule, pauses[0][0], pauses[-1][1],
                    f"长时间停顿 {len(pauses)} 次（≥ {shortest:g} s，最长 {longest_pause:.1f} s），上限 {most - 1} 次",
                    confidence, "measured")


def _unsure(rule: Rule, own: list[Sentence]) -> Hit | None:
    below, limit = rule.params.get("unsure_below"), rule.params.get("max_unsure_share")
    if below is None or limit is None:
        return None
    confidences = [c for s in own for c in s.word_confidences]
    if len(confidences) < MIN_WORDS_FOR_UNSURE:
        return None
    unsure = sum(1 for c in confidences if c < below)
    share = unsure / len(confidences)
    if share <= limit:
        return None
    return make_hit(rule, own[0].start, own[-1].end,
                    f"识别不确定的词占 {share:.0%}（{unsure}/{len(confidences)}，置信度 < {below:g}）> {limit:.0%}，"
                    "可能吐字不清", 0.6, "measured")
