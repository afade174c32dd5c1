"""Corrections to a transcript: a word, a segment's text, or who said a segment.

Each edit returns a new Transcript; the original stays stored under its own source, and every change is
logged with who made it and when (see store/transcripts.py), so recognition errors can be fixed without
losing what the recogniser or the central platform delivered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from inspector.transcript.model import SPEAKERS, Transcript


@dataclass(frozen=True)
class Edit:
    segment: int
    word: int | None
    field: str          # "word", "text" or "speaker"
    old: str
    new: str


def edit_word(transcript: Transcript, segment: int, word: int, text: str) -> tuple[Transcript, Edit]:
    seg = transcript.segments[segment]
    old = seg.words[word]
    words = seg.words[:word] + (replace(old, text=text.strip(), conf=1.0),) + seg.words[word + 1:]
    new_seg = replace(seg, words=words, text=" ".join(w.text for w in words if w.text))
    return _with(transcript, segment, new_seg), Edit(segment, word, "word", old.text, text.strip())


def edit_text(transcript: Transcript, segment: int, text: str) -> tuple[Transcript, Edit]:
    """A whole-segment correction drops word timings that no longer fit the text."""
    seg = transcript.segments[segment]
    new_seg = replace(seg, text=text.strip(), words=() if text.strip() != seg.text else seg.words)
    return _with(transcript, segment, new_seg), Edit(segment, None, "text", seg.text, text.strip())


def edit_speaker(transcript: Transcript, segment: int, speaker: str) -> tuple[Transcript, Edit]:
    if speaker not in SPEAKERS:
        raise ValueError(f"speaker must be one of {', '.join(SPEAKERS)}")
    seg = transcript.segments[segment]
    return _with(transcript, segment, replace(seg, speaker=speaker)), Edit(segment, None, "speaker", seg.speaker,
                                                                         speaker)


def _with(transcript: Transcript, index: int, segment) -> Transcript:
    segments = transcript.segments[:index] + (segment,) + transcript.segments[index + 1:]
    return replace(transcript, segments=segments)
