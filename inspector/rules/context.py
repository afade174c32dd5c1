"""The call as the rules see it: sentences in time order, the duration, and the audio's activity map."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from inspector.audio.activity import ActivityMap, Interval
from inspector.rules.conditions import Passage
from inspector.rules.pack import Window
from inspector.transcript.hearing import Listener
from inspector.transcript.model import Transcript


OPENING_S = 8.0      # the agent's first seconds: their opening, whatever a window at the end would take
SENTENCE_PAUSE_S = 0.5   # a pause between recognised words this long ends a sentence (commas are ~0.2-0.45 s)


@dataclass(frozen=True)
class Sentence:
    index: int
    speaker: str
    start: float
    end: float
    text: str
    alternatives: tuple[str, ...] = ()
    word_confidences: tuple[float, ...] = ()

    @cached_property
    def passage(self) -> Passage:
        return joined_passage([self])


TURN_BREAK = "ǀ"     # a letter no phrase has: what is said either side of someone else's turn is not one phrase


def joined_passage(sentences: list[Sentence]) -> Passage:
    """The sentences as one text; each alternative of one sentence, with the others as heard, is an
    alternative of the whole; the confidence is the mean over all their recognised words. Sentences with
    another's sentence between them are kept apart (TURN_BREAK): the agent's «…可以帮您» and, after the
    customer, «好的，…» made a 您好 that was never said; one turn a recogniser cut at a pause (工号 | 三七二八)
    stays one text."""
    speakers = {s.speaker for s in sentences}
    texts = [(TURN_BREAK if i and s.index > sentences[i - 1].index + 1 else "") + s.text
             for i, s in enumerate(sentences)]
    alternatives = tuple("".join(texts[:i] + [texts[i][: len(texts[i]) - len(s.text)] + alt] + texts[i + 1:])
                         for i, s in enumerate(sentences) for alt in s.alternatives)
    confidences = [c for s in sentences for c in s.word_confidences]
    return Passage(speakers.pop() if len(speakers) == 1 else "mixed", "".join(texts), alternatives,
                   sum(confidences) / len(confidences) if confidences else None)


@dataclass
class CallContext:
    transcript: Transcript
    activity: ActivityMap | None = None
    listen_below: float = 0.0      # the pack's: absences in windows heard less surely are "listen to confirm"
    listener: Listener | None = None   # hears a stretch of the audio again (rules/relisten.py); None: text only
    # speakers the recogniser could not follow, with why (their pace): an absence in their words is "listen
    # to confirm" (rules/evidence.py absent_hit)
    unfollowed: dict[str, str] = field(default_factory=dict)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Mono calls with no speaker attribution count every sentence as anybody's."""
        attributed = any(seg.speaker != "unknown" for seg in self.transcript.segments)
        return [Sentence(i, seg.speaker if attributed else "any", seg.start, seg.end, seg.text,
                         seg.alternatives, seg.word_confidences)
                for i, seg in enumerate(self.transcript.segments)]

    def spoken_sentences(self, speaker: str) -> list[Sentence]:
        """The speaker's sentences with each recognised one cut where its words pause SENTENCE_PAUSE_S or
        more. A recogniser keeps an agent's two sentences said a breath apart in one segment (我这边记录显示… /
        通话时长十分钟…), so "the next two sentences" would reach the third. Pieces keep their sentence's
        index (their place among the others); a reference transcript's sentences have no word times and
        stay whole."""
        out = []
        for sentence in self.by(speaker):
            words = self.transcript.segments[sentence.index].words
            cuts = [i for i in range(1, len(words)) if words[i].start - words[i - 1].end >= SENTENCE_PAUSE_S]
            if not cuts:
                out.append(sentence)
                continue
            for first, last in zip([0, *cuts], [*cuts, len(words)]):
                piece = words[first:last]
                out.append(Sentence(sentence.index, sentence.speaker, piece[0].start, piece[-1].end,
                                    " ".join(w.text for w in piece), (),
                                    tuple(w.conf for w in piece if w.conf is not None)))
        return out

    @property
    def duration(self) -> float:
        last = max((s.end for s in self.sentences), default=0.0)
        return max(self.transcript.duration_s, last)

    def by(self, speaker: str) -> list[Sentence]:
        if speaker == "any":
            return self.sentences
        if speaker not in self._by_speaker:
            self._by_speaker[speaker] = [s for s in self.sentences if s.speaker in (speaker, "any")]
        return self._by_speaker[speaker]

    @cached_property
    def _by_speaker(self) -> dict[str, list[Sentence]]:
        return {}

    def in_window(self, speaker: str, window: Window) -> list[Sentence]:
        """The speaker's first/last N sentences, together with those inside the first/last S seconds; a
        window at the end leaves out the speaker's first sentence (a short call's opening)."""
        own = self.by(speaker)
        chosen: set[int] = set()
        if window.sentences is not None:
            edge = own[: window.sentences] if window.side == "start" else own[-window.sentences:]
            chosen.update(s.index for s in edge)
        if window.seconds is not None:
            if window.side == "start":
                chosen.update(s.index for s in own if s.start < window.seconds)
            else:
                chosen.update(s.index for s in own if s.end > self.duration - window.seconds)
        if window.side == "end" and len(own) > 1:
            # the opening is never the closing («有什么可以帮您» is not R16's), even split in two by a recogniser
            opening = [s.index for s in own if s.start < own[0].start + OPENING_S]
            chosen.difference_update(opening[: len(own) - 1])
        return [s for s in own if s.index in chosen]

    def gaps(self, min_s: float) -> tuple[list[Interval], bool]:
        """Stretches with nobody speaking, longer than min_s: from the audio when there is audio
        (measured, the second value True), else from the sentence times."""
        if self.activity is not None:
            return [g for g in self.activity.silences if g.duration > min_s], True
        gaps, covered = [], 0.0
        for sentence in sorted(self.sentences, key=lambda s: s.start):
            if sentence.start - covered > min_s:
                gaps.append(Interval(covered, sentence.start))
            covered = max(covered, sentence.end)
        if self.duration - covered > min_s:
            gaps.append(Interval(covered, self.duration))
        return gaps, False
