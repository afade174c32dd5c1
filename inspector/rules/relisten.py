"""Checking a phrase again on the audio before a hit rests on its absence (or on a doubtful match).

Free recognition loses a required phrase to one misheard character (工号 → 恭候, 元 → 演), and the rule
then says the phrase was never said. Where the call's audio and model are at hand (``CallContext.listener``),
the stretch where the phrase belongs is decoded again by a recogniser that may only say the rule's phrases
(asr/relisten.py); the rule's own condition is then tested on what that second hearing heard. A phrase
heard there clears the agent; a phrase not heard there either makes the absence surer; a forbidden
phrase matched only by sound stands only if it is heard again. What was heard goes into the hit's evidence
(复听), so the inspector sees why.

The phrases listened for are the rule's ``listen`` list when the pack gives one (a regular expression such
as the job number's has no phrases of its own), else every phrase of the condition, harmless contexts
included (so 不知道您是否 is heard as such, not as 不知道).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from inspector.rules.conditions import GAP, AllOf, AnyOf, Condition, Match, NotOf, Passage, Phrases
from inspector.rules.context import CallContext, Sentence
from inspector.rules.phonetic import DIGIT_SYLLABLES, merged_syllable, sound_codes
from inspector.rules.text import normalize
from inspector.rules.pack import Rule
from inspector.transcript.hearing import HeardWord, Hearing
from inspector.transcript.model import Word

NUMBER = re.compile(r"\d{2,}")
MAX_LISTEN_S = 60.0      # the longest stretch heard again: the last minute before what needs it
SURE_WORD = 0.85         # a word the grammar recogniser heard less surely is taken as forced, not heard
CONTESTED_WORDS = 2      # matches of up to this many grammar words are heard again against free recognition's
CONTEST_WORD = 0.6       # the phrase, heard against free recognition's words, won at least this surely
NEAR_SPELLING = 78       # pinyin similarity (0-100) of a free word to a grammar word it is a mishearing of
ALIKE = 40               # partial sound similarity (0-100) of the two hearings of one moment
FREE_MARGIN_S = 0.3
EXACT = 0.95             # what the second hearing heard must match as written (exact, or with fillers left out)
NEAR_TRIGGER = 75        # sound similarity (0-100) of a sentence's closest stretch to a trigger's phrase worth hearing again
AGREED_WORD = 0.6        # a word heard less than surely still counts where free recognition heard it there too
RIVAL_WORD = 0.7         # a free word spelled like the grammar's heard at least this surely is a rival, not a mishearing


@dataclass(frozen=True)
class Relistened:
    hearing: Hearing
    found: Match | None

    def evidence(self) -> str:
        if self.found is not None:
            return f"复听听到「{self.found.evidence}」：{self.hearing.quote()}"
        return f"复听未听到：{self.hearing.quote()}"

    def why(self) -> str:
        heard = "heard" if self.found is not None else "not heard"
        return (f"relistened {self.hearing.speaker} {self.hearing.start:.1f}-{self.hearing.end:.1f}s "
                f"against {len(self.hearing.phrases)} phrases: {heard}")


def phrases_to_hear(rule: Rule, condition: Condition) -> tuple[str, ...]:
    if "listen" in rule.params:
        return tuple(p.text for p in rule.params["listen"])
    out: list[str] = []
    _collect(condition, out)
    return tuple(dict.fromkeys(out))


def _collect(condition: Condition, out: list[str]) -> None:
    if isinstance(condition, Phrases):
        for phrase in (*condition.phrases, *condition.unless):
            out.extend(piece for piece in phrase.text.split(GAP) if piece)
    elif isinstance(condition, (AllOf, AnyOf)):
        for part in condition.parts:
            _collect(part, out)
    elif isinstance(condition, NotOf):
        _collect(condition.part, out)


def trigger_heard(call: CallContext, rule: Rule, trigger: Condition, sentence: Sentence) -> Relistened | None:
    """A trigger free recognition nearly heard, heard again on its sentence. A final 了 is heard as 闻, 完 or
    文 at a low confidence (给您开通闻, 给您办理好文), so the order that needed a confirmation first is not
    seen and a red line goes unflagged. A sentence whose closest stretch sounds at NEAR_TRIGGER or more like
    one of the trigger's phrases is decoded again against the condition's phrases — its harmless contexts
    too, so 给您开通吗 is heard as the question it is — and the trigger stands only on sure words as
    written, as anything that accuses does (``lenient=False``). None: not near, or not heard."""
    if call.listener is None or not _near_phrase(trigger, sentence.text):
        return None
    again = relisten(call, rule, trigger, sentence.speaker, sentence.start, sentence.end, lenient=False)
    return again if again is not None and again.found is not None else None


def _near_phrase(condition: Condition, text: str) -> bool:
    """Numbers are masked: a digit inside one is no syllable of a word (工号八二六一为您服务 is not 已为您…)."""
    said = sound_codes(NUMBER.sub(lambda m: "#" * len(m.group()), normalize(text)))
    return bool(said) and any(fuzz.partial_ratio(sound_codes(normalize(p)), said) >= NEAR_TRIGGER
                              for p in _asserted_phrases(condition) if len(normalize(p)) >= 4)


def _asserted_phrases(condition: Condition) -> list[str]:
    """The phrases whose presence makes the condition true (not those under ``not`` nor harmless contexts)."""
    if isinstance(condition, Phrases):
        return [piece for phrase in condition.phrases for piece in phrase.text.split(GAP) if piece]
    if isinstance(condition, (AllOf, AnyOf)):
        return [p for part in condition.parts for p in _asserted_phrases(part)]
    return []


def speakers_of(condition: Condition, default: str) -> tuple[str, ...]:
    """Whose channels to hear for a condition: the speakers its parts name, else the rule's speaker."""
    named: set[str] = set()
    stack = [condition]
    while stack:
        cond = stack.pop()
        if getattr(cond, "speaker", None):
            named.add(cond.speaker)
        stack.extend(getattr(cond, "parts", ()))
        if isinstance(cond, NotOf):
            stack.append(cond.part)
    speakers = tuple(sorted(named)) or (default,)
    return ("agent", "customer") if "any" in speakers else speakers


def relisten(call: CallContext, rule: Rule, condition: Condition, speaker: str, start: float, end: float,
             lenient: bool = True) -> Relistened | None:
    """What a second hearing of [start, end] on the speaker's channel says about ``condition`` (found only
    on words heard at SURE_WORD or more — or, where the hearing may clear the agent (``lenient``), at
    AGREED_WORD or more and heard alike by free recognition at that moment — matching as written); None
    when there is nothing to listen with (no audio or model, no phrases, or the stretch cannot be heard)."""
    listener = call.listener
    phrases = phrases_to_hear(rule, condition)
    if listener is None or not phrases or end <= start:
        return None
    hearing = listener.hear(speaker, max(start, end - MAX_LISTEN_S), end, phrases)
    if hearing is None:
        return None
    words = [w for w in hearing.known if w.conf >= SURE_WORD
             or (lenient and w.conf >= AGREED_WORD and _free_heard_alike(call, hearing.speaker, w))]
    heard = " ".join(w.text for w in words)
    found = condition.find(Passage(speaker, heard, (), hearing.confidence), lenient) if heard else None
    # the grammar's words are written as the phrases are: a match by sound is pieces of phrases strung
    # together (号 六 是 三 read as 号643), not the phrase heard
    if found is None or found.confidence < EXACT or not _sounds_like_free(call, hearing, words, found):
        return Relistened(hearing, None)
    return Relistened(hearing, found)


def _free_words(call: CallContext, speaker: str, start: float, end: float) -> list[Word]:
    """What free recognition heard on the speaker's channel between start and end (give or take FREE_MARGIN_S)."""
    return [w for seg in call.transcript.segments if seg.speaker in (speaker, "unknown")
            for w in seg.words if w.end > start - FREE_MARGIN_S and w.start < end + FREE_MARGIN_S]


def _free_heard_alike(call: CallContext, speaker: str, word: HeardWord) -> bool:
    """Two hearings of one moment agree on a word: free recognition heard there a word of its sounds or one
    spelled alike (一 and 一, 三 and 算, 工号 and 功耗). A digit the grammar heard at 0.77 that free
    recognition heard too is said; one the grammar forced onto other speech free recognition did not hear
    so (H22's kind: 工号 九 一 三 at 1.00 0.86 0.83 0.77, free 功耗 九 一 算)."""
    mine = sound_codes(normalize(word.text))
    return bool(mine) and any(
        mine in sound_codes(normalize(free)) or _near(free, word.text)
        for free in (w.text for w in _free_words(call, speaker, word.start, word.end)) if normalize(free))


def _sounds_like_free(call: CallContext, hearing: Hearing, words: list[HeardWord], found: Match) -> bool:
    """Two hearings of one moment must agree. A small grammar forces its words onto other speech with a high
    confidence now and then (评分 where «请问» was said, and free recognition wrote 品味), so where the
    grammar's words that make the match do not sound the same as what free recognition heard there (工号 and
    功耗 do), that moment is heard a third time with both to choose from: the phrase stands only if it wins
    (同意 against 朋友 where the customer said 同意办吧). Where free recognition heard nothing, the grammar's
    hearing stands."""
    target = normalize(found.evidence)
    span = None                  # the shortest run of heard words that makes the match
    for last in range(len(words)):
        joined = ""
        for first in range(last, -1, -1):
            joined = normalize(words[first].text) + joined
            if target in joined:
                span = (words[first].start, words[last].end, joined, [w.text for w in words[first:last + 1]])
                break
        if span is not None:
            break
    if span is None:
        return True
    start, end, said, said_words = span
    heard_free = _free_words(call, hearing.speaker, start, end)
    free_words = [w.text for w in heard_free]
    free = "".join(normalize(w) for w in free_words)
    if not free or sound_codes(said) == sound_codes(free):
        return True
    # free recognition's words that are not the phrase's own sounds, misheard (三期 is 三七, 见证 通过 is 验证
    # 通过) — unless the phrase is that one word and free recognition was fairly sure of its own: 频繁 (0.75)
    # where the grammar forced 评分 is a word of its own, and the two hearings contest the moment
    sure = {w.text for w in heard_free if w.conf is not None and w.conf >= RIVAL_WORD} if len(said_words) == 1 else set()
    rivals = tuple(dict.fromkeys(w for w in free_words if normalize(w)
                                 and sound_codes(normalize(w)) not in sound_codes(said)
                                 and (w in sure or not any(_near(w, mine) for mine in said_words))))
    if not rivals:
        return True
    # a run of several grammar words (工号 and four digits) is not forced onto other speech the way one short
    # word is, and a contest would let the rivals take single places in it (暗暗 for 二): compared by sound
    contest = call.listener.hear(hearing.speaker, start, end, (" ".join(said_words), *rivals)) \
        if call.listener is not None and len(said_words) <= CONTESTED_WORDS else None
    if contest is None:
        return fuzz.partial_ratio(sound_codes(said), sound_codes(free)) >= ALIKE
    return target in normalize(contest.sure_text(CONTEST_WORD))


def _near(a: str, b: str) -> bool:
    """Two words of like length spelled alike in toneless pinyin: one misheard as the other (见证 / 验证,
    yan zheng / jian zheng), not another word (品味 / 评分)."""
    spelled_a, spelled_b = _spelled(a), _spelled(b)
    return bool(spelled_a and spelled_b) and fuzz.ratio(spelled_a, spelled_b) >= NEAR_SPELLING


def _spelled(text: str) -> str:
    """Toneless merged pinyin, a digit as it is read (三 is normalised to 3: san, like 算's suan)."""
    return " ".join(DIGIT_SYLLABLES[ord(c) - 48] if "0" <= c <= "9" else merged_syllable(c) for c in normalize(text))
