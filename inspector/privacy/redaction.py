"""Silencing personal data in a recording: a tone over the times a transcript says a number or a name from
the identity check was spoken, on that speaker's channel, with a margin each side.

The times come from the words of every stored transcript version (what the recogniser heard, and where):
a version without word times gives its whole sentence, so a sentence known to hold an ID number is never
left audible for want of timings. A tone, not silence: a listener hears that something was removed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from inspector.privacy.masking import identity_names, identity_turns, mask_text, masked_word_indexes, text_spans
from inspector.transcript.model import Transcript

MARGIN_S = 0.3
TONE_HZ = 1000.0
TONE_LEVEL = 0.1           # of full scale: clearly there, never loud
FADE_S = 0.005


@dataclass(frozen=True)
class Redaction:
    channel: int | None         # None: every channel (a mono call, or a speaker no channel carries alone)
    start: float
    end: float


def redactions(transcripts: list[Transcript], channels: int, margin_s: float = MARGIN_S) -> list[Redaction]:
    """What to silence, from every version: the union is what any of them found."""
    found = []
    for transcript in transcripts:
        names = identity_names(transcript)
        turns = identity_turns(transcript)
        for index, segment in enumerate(transcript.segments):
            whole = index in turns
            channel = transcript.channels.get(segment.speaker) if channels > 1 else None
            if segment.words:
                for w in sorted(masked_word_indexes(segment, names, whole)):
                    word = segment.words[w]
                    found.append(Redaction(channel, max(0.0, word.start - margin_s), word.end + margin_s))
            elif text_spans(segment.text, names, whole) or _has_long_number(segment.text):
                found.append(Redaction(channel, max(0.0, segment.start - margin_s), segment.end + margin_s))
    return _merged(found)


def redact(samples: np.ndarray, rate: int, spans: list[Redaction]) -> np.ndarray:
    """`samples` (channels, frames), int16 or float: a copy with a faded tone over each span."""
    out = samples.astype(np.float32) / (32768.0 if samples.dtype == np.int16 else 1.0)
    fade = max(1, int(FADE_S * rate))
    for span in spans:
        first, last = int(span.start * rate), min(out.shape[1], int(np.ceil(span.end * rate)))
        if last <= first:
            continue
        t = np.arange(first, last) / rate
        tone = TONE_LEVEL * np.sin(2 * np.pi * TONE_HZ * t).astype(np.float32)
        ramp = np.minimum(1.0, np.minimum(np.arange(last - first) + 1, np.arange(last - first)[::-1] + 1) / fade)
        rows = range(out.shape[0]) if span.channel is None else [span.channel]
        for row in rows:
            out[row, first:last] = tone * ramp
    return out


def _has_long_number(text: str) -> bool:
    return mask_text(text) != text


def _merged(spans: list[Redaction]) -> list[Redaction]:
    merged: list[Redaction] = []
    for span in sorted(spans, key=lambda s: (s.channel is not None, s.channel or 0, s.start)):
        last = merged[-1] if merged else None
        if last is not None and last.channel == span.channel and span.start <= last.end:
            merged[-1] = Redaction(last.channel, last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged
