"""The work on one call in a batch as a list of steps, each reading what the earlier ones left on ``CallWork``.

Decoding and recognising are the batch's own; the steps that find something (rules, categories, emotion)
are ``inspector.findings.steps``, the ones the workstation runs over its stored calls. A new kind of finding
is one more step there, appended to ``STEPS`` here and to the runner's steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.asr.recognizer import AsrError
from inspector.audio.activity import analyse
from inspector.audio.recording import decode
from inspector.findings.steps import Work, categorize_call, check_rules, measure_emotion
from inspector.pipeline.tasks import CallTask, Tools
from inspector.transcript.io import load_transcript


@dataclass
class CallWork(Work):
    task: CallTask


Step = Callable[[CallWork, Tools], None]


def decode_audio(work: CallWork, tools: Tools) -> None:
    """The activity map makes the acoustic rules measured, as ``inspector check`` does with the audio."""
    work.recording = decode(Path(work.task.recording))
    work.activity = analyse(work.recording.samples, work.recording.sample_rate)


def recognise(work: CallWork, tools: Tools) -> None:
    """With a model, the rules may hear doubtful phrases again on the audio (rules/relisten.py), whether the
    transcript is recognised here or came with the call."""
    if tools.recognizer is not None and work.recording is not None:
        work.listener = tools.recognizer.listener(work.recording)
    if work.task.transcript is not None:
        work.transcript = load_transcript(Path(work.task.transcript))
        return
    if tools.recognizer is None:
        raise AsrError("this batch was started without a speech model and the call has no transcript")
    work.transcript = tools.recognizer.transcribe(work.recording, work.task.call_id)


STEPS: tuple[Step, ...] = (decode_audio, recognise, check_rules, categorize_call, measure_emotion)
