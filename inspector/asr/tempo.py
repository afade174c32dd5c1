"""A speaker far slower than the model was trained on, heard again at an ordinary pace.

The small Mandarin model hears speech at everyday pace well and drawn-out speech badly: a slow agent's
«感谢您的来电，再见» came out as 盖 一切 一 拧断 来 异地恋 在 接应, and the closing rule then flagged a closing
that was said (held-out H31). Where a channel's first hearing runs slower than SLOW_CPM, its voiced
stretches are played faster with pitch kept (WSOLA, the algorithm playback speed uses) to TARGET_CPM and
decoded again; times are mapped back onto the call, and the second hearing is kept only when the
recogniser is surer of it. A speaker at an ordinary pace costs nothing more.

The pace is measured on what was heard (characters over the time the segments take), with a margin wide
enough that a garbled hearing still lands below it: the neural dev calls' ordinary agents were heard at
215–286 a minute, the slow ones (spoken at 100–105) at 138–148 — a garbled hearing of slow speech is full
of short words, so it overstates the pace, and TARGET_CPM is set above an ordinary pace for it. The dev
agents' character error rate (E10, E20) played 1.0 / 1.75 / 2.0 / 2.3 / 2.6 times as fast: 0.57 / 0.37 /
0.36 / 0.35 / 0.36 and 0.39 / 0.24 / 0.23 / 0.28 / 0.25. Fast speech is left as heard: played
slower (×0.5–0.8) the fast dev agents (470–480 a minute) were heard no better — their sounds are cut
short, not merely close together.
"""

from __future__ import annotations

import numpy as np
from audiotsm import wsola
from audiotsm.io.array import ArrayReader, ArrayWriter

from inspector.transcript.model import Segment

SLOW_CPM = 180.0              # heard slower than this (characters a minute of segment time): heard again
TARGET_CPM = 300.0            # the heard pace a slow speaker is brought to (what is heard overstates it)
MAX_SPEED = 2.0               # never played more than this much faster
FRAME = 256                   # WSOLA frame: 32 ms at telephone rate
MIN_CHARS = 20                # a channel saying less than this is too little to measure a pace on


def heard_pace(segments: list[Segment]) -> float | None:
    """Characters a minute over the time the segments take; None when there is too little to say."""
    chars = sum(len(w.text) for s in segments for w in s.words)
    seconds = sum(s.end - s.start for s in segments)
    if chars < MIN_CHARS or seconds <= 0:
        return None
    return chars / seconds * 60


def speed_to_normal(segments: list[Segment]) -> float | None:
    """How much faster the channel should be played to sound ordinary; None: it sounds so already."""
    pace = heard_pace(segments)
    if pace is None or pace >= SLOW_CPM:
        return None
    return min(MAX_SPEED, TARGET_CPM / pace)


def stretched(samples: np.ndarray, speed: float) -> np.ndarray:
    """16-bit samples played ``speed`` times as fast, pitch kept."""
    reader = ArrayReader(samples.astype(np.float32)[None, :] / 32768.0)
    writer = ArrayWriter(1)
    wsola(1, speed=speed, frame_length=FRAME).run(reader, writer)
    return (np.clip(writer.data[0], -1.0, 1.0) * 32767).astype(np.int16)


def mean_confidence(segments: list[Segment]) -> float:
    confs = [w.conf for s in segments for w in s.words if w.conf is not None]
    return sum(confs) / len(confs) if confs else 0.0
