"""Reference scenarios (turns) turned into timed transcripts, the way scripts/make_demo.py times audio."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.rules.text import spoken_length
from inspector.transcript.model import Segment, Transcript

DEFAULT_GAP_S = 0.6
LEAD_IN_S = 0.5
CPM = 210
VOICE_SPEED, VOICE_CPM = 230, 260      # the neural voice's natural speed setting and the pace it speaks at


def load_scenario(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def timed_transcript(scenario: dict) -> Transcript:
    """Each turn lasts its characters at ``agent_cpm``/``customer_cpm`` (default 210 per minute), or at the
    pace its own ``speed`` makes the neural voice speak (../shared/tools/neural_tts.py: 230 is its natural
    rate, about 260 characters a minute, and the pace scales with it)."""
    segments: list[Segment] = []
    cursor, gap = LEAD_IN_S, 0.0
    for turn in scenario["turns"]:
        cpm = (VOICE_CPM * turn["speed"] / VOICE_SPEED if "speed" in turn
               else scenario.get(f"{turn['speaker']}_cpm", CPM))
        length = spoken_length(turn["text"]) / cpm * 60
        start = cursor - turn["overlap_s"] if segments and "overlap_s" in turn else cursor + gap
        segments.append(Segment(turn["speaker"], round(start, 3), round(start + length, 3), turn["text"]))
        cursor = start + length
        gap = turn.get("silence_after_s", DEFAULT_GAP_S)
    ordered = tuple(sorted(segments, key=lambda s: s.start))
    return Transcript(scenario["id"], round(cursor + 1.0, 3), ordered)
