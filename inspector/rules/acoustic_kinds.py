"""Rules measured from time: silence and holds, talking over the customer, speech rate.

Gaps and overlaps come from the two audio channels when the audio is available and from the sentence
times otherwise; the evidence gives the measured figure and the threshold.
"""

from __future__ import annotations

from inspector.audio.activity import Interval
from inspector.rules.context import CallContext, Sentence
from inspector.rules.evidence import MEASURED_CONFIDENCE, TIMED_CONFIDENCE, make_hit, quote
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.text import normalize, spoken_length

EDGE_TOLERANCE_S = 0.5
FAST_MARGIN = 1.1        # R12: far too fast (this much past the limit) is judged on every character heard


def silence(rule: Rule, call: CallContext) -> list[Hit]:
    gaps, measured = call.gaps(rule.params["gap_s"])
    confidence = MEASURED_CONFIDENCE if measured else TIMED_CONFIDENCE
    return [make_hit(rule, gap.start, gap.end,
                     f"静音 {gap.duration:.1f} s > {rule.params['gap_s']:g} s，此前 "
                     f"{rule.params['announce_window_s']:g} s 内未告知", confidence, "measured")
            for gap in gaps if _announcement(rule, call, gap) is None]


def hold(rule: Rule, call: CallContext) -> list[Hit]:
    gaps, measured = call.gaps(rule.params["gap_s"])
    confidence = MEASURED_CONFIDENCE if measured else TIMED_CONFIDENCE
    hits = []
    for gap in gaps:
        announced = _announcement(rule, call, gap)
        if announced is not None and gap.duration > rule.params["max_hold_s"]:
            hits.append(make_hit(rule, gap.start, gap.end,
                                 f"告知后等待 {gap.duration:.1f} s > {rule.params['max_hold_s']:g} s："
                                 f"{quote(announced)}", confidence, "measured",
                                 deduction=rule.params["long_hold_deduction"]))
        back = next((s for s in call.by("agent") if s.start >= gap.end - EDGE_TOLERANCE_S), None)
        if back is not None and rule.params["thanks"].find(back.passage, lenient=True) is None:
            hits.append(make_hit(rule, back.start, back.end,
                                 f"等待 {gap.duration:.1f} s 后首句未致谢：{quote(back)}",
                                 confidence, "absent"))
    return hits


def overlap(rule: Rule, call: CallContext) -> list[Hit]:
    """The agent starting while the customer speaks, for long enough and with more than a back-channel."""
    customers = call.by("customer")
    hits = []
    for sentence in call.by(rule.speaker):
        if spoken_length(sentence.text) < rule.params["min_chars"] or _is_backchannel(rule, sentence):
            continue
        talked_over = next((c for c in customers if c.start < sentence.start < c.end), None)
        if talked_over is None:
            continue
        amount, measured = _overlap_seconds(call, sentence, talked_over)
        if amount >= rule.params["min_overlap_s"]:
            hits.append(make_hit(rule, sentence.start, min(sentence.end, talked_over.end),
                                 f"抢话 {amount:.1f} s ≥ {rule.params['min_overlap_s']:g} s：{quote(sentence)}", MEASURED_CONFIDENCE if measured else TIMED_CONFIDENCE,
                                 "measured"))
    return hits if len(hits) >= rule.params["min_count"] else []


def rate(rule: Rule, call: CallContext) -> list[Hit]:
    """Characters over the time the agent's turns take. A recogniser splits a slow agent's sentence at every
    pause into short segments that each sound brisk, so with ``turn_pause_s`` the speaker's consecutive
    segments (nobody else starting between, pauses up to that long) are measured as one sentence, as the
    spec's sentence — one speaker's turn — is measured on a reference transcript. It also fills those pauses
    with short words it is unsure of (与 0.20, 暗暗 0.29 in a slow agent's turn), which were never said: with
    ``min_word_conf`` only recognised words heard at least that surely count as characters. Far too fast
    is also judged on every character heard (``FAST_MARGIN`` past the limit): a fast agent's words are heard
    unsurely, yet each syllable still comes out as one (dev E09, spoken at 527 a minute, measures 265 on its
    sure words and 400 on all). Near the limit the sure words decide, as before: there a few unsure words
    more or less tip it either way (dev agents spoken at 276-279 measure 280-282 on all words)."""
    pace = _pace(rule, call)
    if pace is None:
        return []
    sure, heard, start, end, turns = pace
    low, high = rule.params["min_cpm"], rule.params["max_cpm"]
    per_minute = heard if heard > high * FAST_MARGIN else sure
    if low <= per_minute <= high:
        return []
    return [make_hit(rule, start, end, f"{per_minute:.0f} 字/分钟，超出 {low:g}–{high:g}（{turns} 段话）", TIMED_CONFIDENCE,
                     "measured")]


def beyond_following(rule: Rule, call: CallContext) -> str | None:
    """The speaker's pace on a recognised transcript where the recogniser cannot follow it — every
    character heard counted, slower than the rate rule's limit or FAST_MARGIN past its upper one — said for
    an inspector; None where it can. There a phrase missing from what was heard is no evidence it was not
    said (dev E09 at 527 a minute: its job number, closing and survey all «missing»; held-out H38 at 95: its
    closing). Words merely heard unsurely at an ordinary pace are the pack's ``listen_below``'s business."""
    pace = _pace(rule, call)
    if pace is None:
        return None
    heard, low, high = pace[1], rule.params["min_cpm"], rule.params["max_cpm"]
    if low <= heard <= high * FAST_MARGIN:
        return None
    return f"语速 {heard:.0f} 字/分钟"


def _pace(rule: Rule, call: CallContext) -> tuple[float, float, float, float, int] | None:
    """(characters a minute counting the words heard at ``min_word_conf`` or more, the same counting every
    word, first turn's start, last turn's end, turns counted); None: nothing to measure."""
    counted = [turn for turn in _turns(call, rule.speaker, rule.params.get("turn_pause_s", 0.0))
               if sum(spoken_length(s.text) for s in turn) >= rule.params["min_chars"]]
    seconds = sum(turn[-1].end - turn[0].start for turn in counted)
    if seconds <= 0:
        return None
    sure = sum(_said_length(call, s, rule.params.get("min_word_conf", 0.0)) for turn in counted for s in turn)
    heard = sum(_said_length(call, s, 0.0) for turn in counted for s in turn)
    return sure / seconds * 60, heard / seconds * 60, counted[0][0].start, counted[-1][-1].end, len(counted)


def _said_length(call: CallContext, sentence: Sentence, floor: float) -> int:
    """The sentence's characters; of a recognised one, those of the words heard at ``floor`` or more."""
    words = call.transcript.segments[sentence.index].words
    if floor <= 0 or not words or any(w.conf is None for w in words):
        return spoken_length(sentence.text)
    return sum(spoken_length(w.text) for w in words if w.conf >= floor)


def _turns(call: CallContext, speaker: str, max_pause_s: float) -> list[list[Sentence]]:
    """The speaker's sentences grouped into turns: a sentence joins the previous one when it starts within
    ``max_pause_s`` of its end and no other speaker's sentence starts in between."""
    turns: list[list[Sentence]] = []
    others = [s.start for s in call.sentences if s.speaker not in (speaker, "any")]
    for sentence in call.by(speaker):
        if turns and max_pause_s > 0:
            last = turns[-1][-1]
            if (sentence.start - last.end <= max_pause_s
                    and not any(last.start < t <= sentence.start for t in others)):
                turns[-1].append(sentence)
                continue
        turns.append([sentence])
    return turns


def _announcement(rule: Rule, call: CallContext, gap: Interval) -> Sentence | None:
    """The agent's sentence in the announce window before the gap that announces the wait, if any."""
    since = gap.start - rule.params["announce_window_s"] - EDGE_TOLERANCE_S
    for sentence in call.by("agent"):
        if since <= sentence.end and sentence.start <= gap.start + EDGE_TOLERANCE_S:
            if rule.params["announce"].find(sentence.passage, lenient=True) is not None:
                return sentence
    return None


def _is_backchannel(rule: Rule, sentence: Sentence) -> bool:
    rest = normalize(sentence.text)
    for phrase in rule.params["backchannel"]:
        rest = rest.replace(phrase.norm, "")
    return not rest


def _overlap_seconds(call: CallContext, sentence: Sentence, other: Sentence) -> tuple[float, bool]:
    """From both audio channels when there are two; from the sentence times otherwise."""
    if call.activity is None or call.activity.active.shape[0] < 2:
        return min(sentence.end, other.end) - sentence.start, False
    low, high = sentence.start - EDGE_TOLERANCE_S, min(sentence.end, other.end) + EDGE_TOLERANCE_S
    measured = sum(max(0.0, min(high, o.end) - max(low, o.start)) for o in call.activity.overlaps)
    return measured, True
