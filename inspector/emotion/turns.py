"""Customer emotion through the call: each customer turn scored from the words and from the voice against
the caller's own start, then the start and the end of the call compared.

``customer_emotion(transcript, recording)`` is the entry point (recording may be None: words only). The
result says what it rests on (words, loudness, pitch, speech rate) and is a pointer for listening: a voice
can rise because the line got worse, and a polite phrase can be sarcastic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from inspector.emotion.lexicon import Lexicon, default_lexicon
from inspector.emotion.voice import VoiceTurn, measure
from inspector.transcript.model import Transcript, channel_map

BASELINE_TURNS = 2          # the caller's own start: their first turns
EDGE_TURNS = 2              # start/end emotion: the mean over the first/last turns
LOUDER_DB = 6.0             # a rise of this many dB counts fully
HIGHER = 0.2                # pitch up by a fifth counts fully
FASTER = 0.3                # speech rate up by 30 % counts fully
VOICE_SHARE = 0.6           # a voice risen all the way counts as 0.6: it also rises on a bad line
WORSENED_BY = 0.2
METHOD_VERSION = "1"        # bumped when the measure changes, so a batch re-run measures again
LABELS = ((0.15, "calm"), (0.4, "tense"), (9.0, "upset"))


@dataclass(frozen=True)
class TurnEmotion:
    start: float
    end: float
    text: str
    words: float                    # −1 upset … +1 content
    word_evidence: tuple[str, ...]
    loudness_db: float | None
    pitch_hz: float | None
    rate_cps: float | None
    arousal: float                  # 0 … 1: how far the voice rose over the caller's start
    distress: float                 # 0 … 1: the combination
    label: str


@dataclass(frozen=True)
class CustomerEmotion:
    turns: tuple[TurnEmotion, ...]
    start_label: str
    end_label: str
    start_distress: float
    end_distress: float
    worsened: bool
    basis: tuple[str, ...]          # "words", "loudness", "pitch", "speech rate": what it could measure

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> CustomerEmotion:
        """The inverse of ``to_dict``: a batch run's measure read back from its checks file."""
        turns = tuple(TurnEmotion(**(t | {"word_evidence": tuple(t["word_evidence"])})) for t in data["turns"])
        return cls(turns, data["start_label"], data["end_label"], data["start_distress"], data["end_distress"],
                   bool(data["worsened"]), tuple(data["basis"]))


def word_label(score: float) -> str:
    """Three classes from a words score (what bench/emotion_words.py compares with hand labels)."""
    return "upset" if score <= -0.3 else "content" if score >= 0.3 else "neutral"


def label(distress: float) -> str:
    return next(name for limit, name in LABELS if distress < limit)


def customer_emotion(transcript: Transcript, recording=None, lexicon: Lexicon | None = None
                     ) -> CustomerEmotion | None:
    """None when the customer says nothing that can be told apart (a mono call without speakers)."""
    lexicon = lexicon or default_lexicon()
    turns = [s for s in transcript.segments if s.speaker == "customer"]
    if not turns:
        return None
    channel = channel_map(recording.channels).get("customer") if recording is not None else None
    voices = [measure(recording, channel, s.start, s.end, s.text) for s in turns]
    base = _baseline(voices[:BASELINE_TURNS])
    scored = []
    for segment, voice in zip(turns, voices):
        words = lexicon.score(segment.text)
        arousal = _arousal(voice, base)
        # words and voice as independent pointers; content words soften both
        distress = 1 - (1 - max(0.0, -words.score)) * (1 - VOICE_SHARE * arousal) - 0.3 * max(0.0, words.score)
        distress = round(max(0.0, min(1.0, distress)), 3)
        scored.append(TurnEmotion(segment.start, segment.end, segment.text, words.score, words.words,
                                  voice.loudness_db, voice.pitch_hz,
                                  None if voice.rate_cps is None else round(voice.rate_cps, 2), round(arousal, 3),
                                  distress, label(distress)))
    edge = min(EDGE_TURNS, max(1, len(scored) // 2))
    start = sum(t.distress for t in scored[:edge]) / edge
    end = sum(t.distress for t in scored[-edge:]) / edge
    measured = {"loudness": base.loudness_db, "pitch": base.pitch_hz, "speech rate": base.rate_cps}
    basis = ["words", *(name for name, value in measured.items() if value is not None)]
    return CustomerEmotion(tuple(scored), label(start), label(end), round(start, 3), round(end, 3),
                           end - start >= WORSENED_BY and label(end) != label(start), tuple(basis))


def _baseline(voices: list[VoiceTurn]) -> VoiceTurn:
    def mean(values):
        found = [v for v in values if v is not None]
        return sum(found) / len(found) if found else None
    return VoiceTurn(mean(v.loudness_db for v in voices), mean(v.pitch_hz for v in voices),
                     mean(v.rate_cps for v in voices))


def _arousal(voice: VoiceTurn, base: VoiceTurn) -> float:
    """Each measure's rise over the caller's start, 0 … 1 each, averaged over the measures there are."""
    rises = []
    if voice.loudness_db is not None and base.loudness_db is not None:
        rises.append((voice.loudness_db - base.loudness_db) / LOUDER_DB)
    if voice.pitch_hz is not None and base.pitch_hz:
        rises.append((voice.pitch_hz / base.pitch_hz - 1) / HIGHER)
    if voice.rate_cps is not None and base.rate_cps:
        rises.append((voice.rate_cps / base.rate_cps - 1) / FASTER)
    return sum(max(0.0, min(1.0, r)) for r in rises) / len(rises) if rises else 0.0
