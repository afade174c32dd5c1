"""The work on one call as a list of steps, each reading what the earlier ones left on ``CallWork``.

A new kind of finding is one more step appended to ``STEPS``: it reads ``work.transcript`` (and
``work.recording`` / ``work.activity`` for the audio), puts its result in ``work.findings[name]`` and its
version in ``work.step_versions[name]``, which ``NAME.checks.json`` carries and a re-run compares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector.asr.recognizer import AsrError
from inspector.categories.match import categorize
from inspector.categories.pack import CategoryPack
from inspector.emotion.turns import METHOD_VERSION as EMOTION_VERSION
from inspector.emotion.turns import customer_emotion
from inspector.audio.activity import ActivityMap, analyse
from inspector.audio.recording import Recording, decode
from inspector.pipeline.tasks import CallTask, Tools
from inspector.rules.engine import check_call
from inspector.rules.hits import Hit
from inspector.transcript.io import load_transcript
from inspector.transcript.model import Transcript


@dataclass
class CallWork:
    task: CallTask
    recording: Recording | None = None
    activity: ActivityMap | None = None
    transcript: Transcript | None = None
    hits: list[Hit] = field(default_factory=list)
    findings: dict[str, Any] = field(default_factory=dict)
    step_versions: dict[str, str] = field(default_factory=dict)


Step = Callable[[CallWork, Tools], None]


def decode_audio(work: CallWork, tools: Tools) -> None:
    """The activity map makes the acoustic rules measured, as ``inspector check`` does with the audio."""
    work.recording = decode(Path(work.task.recording))
    work.activity = analyse(work.recording.samples, work.recording.sample_rate)


def recognise(work: CallWork, tools: Tools) -> None:
    if work.task.transcript is not None:
        work.transcript = load_transcript(Path(work.task.transcript))
        return
    if tools.recognizer is None:
        raise AsrError("this batch was started without a speech model and the call has no transcript")
    work.transcript = tools.recognizer.transcribe(work.recording, work.task.call_id)


def check_rules(work: CallWork, tools: Tools) -> None:
    """With a model and the audio, doubtful phrases are heard again (rules/relisten.py), whether the
    transcript was recognised here or came with the call."""
    listener = None
    if tools.recognizer is not None and work.recording is not None:
        listener = tools.recognizer.listener(work.recording)
    work.hits = check_call(tools.pack, work.transcript, work.activity, listener)


def categorize_call(work: CallWork, tools: Tools) -> None:
    """Why the customer called (客户之声), on the same transcript and hits the rules saw."""
    found = categorize(work.transcript, work.hits, tools.categories)
    work.findings["categories"] = [c.to_dict() for c in found]
    work.step_versions["categories"] = step_versions(tools.categories)["categories"]


def measure_emotion(work: CallWork, tools: Tools) -> None:
    """The customer's emotion from words and voice; None (no customer turns) is stored as such."""
    emotion = customer_emotion(work.transcript, work.recording)
    work.findings["emotion"] = emotion.to_dict() if emotion is not None else None
    work.step_versions["emotion"] = step_versions(tools.categories)["emotion"]


def step_versions(categories: CategoryPack) -> dict[str, str]:
    """What the later steps were made with: a re-run with another category pack or emotion measure redoes
    the call; the client computes the same dict for its plan."""
    return {"categories": f"{categories.id} {categories.version}", "emotion": EMOTION_VERSION}


STEPS: tuple[Step, ...] = (decode_audio, recognise, check_rules, categorize_call, measure_emotion)
