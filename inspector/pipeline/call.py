"""One call through the steps, on whichever process runs it: a Dask worker, or a plain loop (the
benchmark's baseline). A recording that cannot be used is a result with a reason, not an exception, so
one bad file never stops a batch of thousands."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from inspector.asr.recognizer import AsrError
from inspector.audio.errors import AudioError
from inspector.pipeline.steps import STEPS, CallWork, Step
from inspector.pipeline.tasks import CallTask, Tools
from inspector.rules.checks_file import CheckedCall
from inspector.transcript.io import TranscriptError, to_dict

EXPECTED_FAILURES = (AudioError, AsrError, TranscriptError, OSError)


@dataclass(frozen=True)
class CallResult:
    task: CallTask
    transcript: dict[str, Any] | None = None    # transcript v1, with the model recorded
    checked: CheckedCall | None = None
    failure: str | None = None
    cpu_s: float = 0.0      # CPU seconds the steps took on their thread: audio hours per core-hour, measured


def process_call(task: CallTask, tools: Tools, steps: tuple[Step, ...] = STEPS) -> CallResult:
    work = CallWork(task)
    started = time.thread_time()
    try:
        for step in steps:
            step(work, tools)
    except EXPECTED_FAILURES as exc:
        return CallResult(task, failure=str(exc), cpu_s=time.thread_time() - started)
    transcript = to_dict(work.transcript) | {"model": task.model_id}
    checked = CheckedCall(task.call_id, task.recording, task.audio_sha256, task.duration_s, task.model_id,
                          tools.pack.id, tools.pack.version, tuple(work.hits), work.findings, work.step_versions)
    return CallResult(task, transcript, checked, cpu_s=time.thread_time() - started)
