"""Rules about what is said: required and forbidden phrases, ordered sequences, co-occurrence near an
anchor, and what must follow a trigger.

What clears the agent (a required phrase, a step, the match near an anchor) is searched leniently: a short
phrase heard by sound counts. What accuses (a forbidden phrase, a trigger, an anchor) needs a sure match.
"""

from __future__ import annotations

from inspector.rules.conditions import Condition, Match
from inspector.rules.context import CallContext, Sentence, joined_passage
from inspector.rules.evidence import absent_hit, make_hit, quote, span
from inspector.rules.hits import Hit
from inspector.rules.pack import Rule
from inspector.rules.relisten import Relistened, relisten, speakers_of, trigger_heard

SURE_MATCH = 0.95          # exact, or exact without fillers: a forbidden phrase matched less surely is heard again


def required(rule: Rule, call: CallContext) -> list[Hit]:
    window = rule.params["window"]
    sentences = call.in_window(rule.speaker, window)
    edge = (0.0, window.seconds or 0.0) if window.side == "start" else (
        call.duration - (window.seconds or 0.0), call.duration)
    start, end = span(sentences, edge)
    passage = joined_passage(sentences)
    hits = []
    match = rule.params["match"]
    if match.find(passage, lenient=True) is None:
        again = relisten(call, rule, rule.params.get("heard", match), rule.speaker, start, end)
        if again is None or again.found is None:
            said = quote(sentences) if sentences else "（无发言）"
            hits.append(absent_hit(rule, call, start, end, f"未找到：{said}", passage, again=again))
    flag = rule.params.get("flag_when")
    found = flag.find(passage) if flag is not None and sentences else None
    if found is not None:
        hits.append(make_hit(rule, start, end, f"需复核：「{found.evidence}」见 {quote(sentences)}",
                             found.confidence, found.why, flag_only=True))
    return hits


def forbidden(rule: Rule, call: CallContext) -> list[Hit]:
    window = rule.params.get("window")
    sentences = call.in_window(rule.speaker, window) if window else call.by(rule.speaker)
    hits = []
    match = rule.params["match"]
    for sentence in sentences:
        found = match.find(sentence.passage)
        if found is None:
            continue
        evidence, confidence, why = f"「{found.evidence}」见 {quote(sentence)}", found.confidence, found.why
        if confidence < SURE_MATCH:
            again = relisten(call, rule, match, sentence.speaker, sentence.start, sentence.end, lenient=False)
            if again is not None and again.found is None:
                continue            # matched by sound only, and not heard on listening again
            if again is not None:
                evidence, why = f"{evidence}；{again.evidence()}", f"{why}; {again.why()}"
                confidence = max(confidence, again.found.confidence * SURE_MATCH)
        hits.append(make_hit(rule, sentence.start, sentence.end, evidence, confidence, why,
                             speaker=sentence.speaker))
    return hits if len(hits) >= rule.params.get("min_count", 1) else []


def sequence(rule: Rule, call: CallContext) -> list[Hit]:
    """Each trigger needs every step, in order, after the episode's first anchor (or the call start)."""
    anchor: Condition | None = rule.params.get("anchor")
    steps: tuple[Condition, ...] = rule.params["steps"]
    trigger: Condition = rule.params["trigger"]
    sentences = call.sentences
    hits = []
    episode_start = 0
    for t_index, sentence in enumerate(sentences):
        if not _speaks(sentence, rule.speaker):
            continue
        triggered = trigger.find(sentence.passage)
        if triggered is None and call.listener is None:
            continue
        first_anchor = 0
        if anchor is not None:
            anchors = [i for i in range(episode_start, t_index + 1) if anchor.find(sentences[i].passage)]
            if not anchors:
                continue
            first_anchor = anchors[0]
        heard = None
        if triggered is None:
            heard = trigger_heard(call, rule, trigger, sentence)
            if heard is None:
                continue
            triggered = Match(heard.found.evidence, heard.found.confidence, heard.why())
        between = sentences[first_anchor:t_index]
        missing = _missing_steps(steps, between)
        context = [sentences[first_anchor], sentence] if anchor is not None else [sentence]
        since = between[0].start if between else sentence.start
        heard_again = [_step_heard(call, rule, steps[m], since, sentence.start) for m in missing]
        still = [m for m, again in zip(missing, heard_again) if again is None or again.found is None]
        if still:
            checked = [again for m, again in zip(missing, heard_again) if m in still and again is not None]
            trigger_said = f"（{heard.evidence()}）" if heard is not None else ""
            hits.append(absent_hit(rule, call, context[0].start, sentence.end,
                                   f"{quote(context)}{trigger_said}：缺少第 {'、'.join(str(m + 1) for m in still)} 步",
                                   joined_passage(between or [sentence]), triggered, speaker=sentence.speaker,
                                   again=checked[0] if len(checked) == len(still) else None))
        episode_start = t_index + 1
    return hits


def cooccur(rule: Rule, call: CallContext) -> list[Hit]:
    """Within N of the speaker's sentences of each anchor, before or after it, everything in ``match`` must
    be said. Before counts too: an offer whose price was misheard (二十元 → 按时) is no anchor, and the
    confirmation that repeats the price becomes the anchor after the offer stated when it takes effect."""
    hits = []
    count = rule.params["within_sentences"]
    for anchor, found, after in _after_each(call, rule.params["anchor"], rule.speaker, count):
        before = [s for s in call.by(rule.speaker) if s.index < anchor.index][-count:]
        window = [*before, anchor, *after]
        passage = joined_passage(window)
        match = rule.params["match"]
        if match.find(passage, lenient=True) is None:
            # heard again from the anchor on, as before (the sentences before it are read, not heard again)
            again = relisten(call, rule, match, rule.speaker, anchor.start, window[-1].end)
            if again is None or again.found is None:
                hits.append(absent_hit(rule, call, anchor.start, window[-1].end, f"附近未找到：{quote(window)}",
                                       passage, found, again=again))
    return hits


def followup(rule: Rule, call: CallContext) -> list[Hit]:
    """After each trigger, the speaker's next N sentences must contain ``match``."""
    hits = []
    for trigger, found, replies in _after_each(call, rule.params["trigger"], rule.speaker,
                                               rule.params["within_sentences"], spoken=True):
        passage = joined_passage(replies)
        match = rule.params["match"]
        if replies and match.find(passage, lenient=True) is None:
            again = relisten(call, rule, match, rule.speaker, replies[0].start, replies[-1].end)
            if again is None or again.found is None:
                hits.append(absent_hit(rule, call, trigger.start, replies[-1].end,
                                       f"{quote(trigger)} 之后：{quote(replies)}", passage, found, again=again))
    return hits


def _after_each(call: CallContext, cond: Condition, speaker: str, count: int, spoken: bool = False):
    """(sentence matching ``cond``, the match, the speaker's next ``count`` sentences); a match inside the
    previous window is part of the same moment and is skipped, so one episode gives one hit. ``spoken``:
    recognised sentences are counted as said, cut at pauses (CallContext.spoken_sentences) — for a reply
    that must come soon (R14); an anchor's window (R05) keeps whole segments, the wider reading."""
    own = call.spoken_sentences(speaker) if spoken else call.by(speaker)
    covered_until = -1
    for sentence in call.sentences:
        if sentence.index <= covered_until:
            continue
        found: Match | None = cond.find(sentence.passage)
        if found is None:
            continue
        after = [s for s in own if s.index > sentence.index][:count]
        covered_until = after[-1].index if after else sentence.index
        yield sentence, found, after


def _step_heard(call: CallContext, rule: Rule, step: Condition, start: float, end: float) -> Relistened | None:
    """A missing step heard again between the episode's start and the trigger, on each channel it may be
    said on; the first hearing that finds it, else the last that did not."""
    result = None
    for speaker in speakers_of(step, rule.speaker):
        again = relisten(call, rule, step, speaker, start, end)
        if again is not None and again.found is not None:
            return again
        result = again or result
    return result


def _speaks(sentence: Sentence, speaker: str) -> bool:
    return speaker == "any" or sentence.speaker in (speaker, "any")


def _missing_steps(steps: tuple[Condition, ...], sentences: list[Sentence]) -> list[int]:
    """Indexes of the steps not found in order; each step is searched after the previous one's sentence."""
    missing = []
    position = 0
    for number, step in enumerate(steps):
        found_at = next((i for i in range(position, len(sentences))
                         if step.find(sentences[i].passage, lenient=True)), None)
        if found_at is None:
            missing.append(number)
        else:
            position = found_at + 1
    return missing
