"""Before any worker starts: the recordings below the source, which of them are already done (outputs
present for the same audio, model and rule pack), and which cannot be used at all.

Hashing every recording on the client reads each file once; at 8 kHz that is about 1 MB a minute of
audio, far less than decoding it, and it makes a re-run over finished work start no cluster at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspector.audio.errors import AudioError
from inspector.audio.files import FileProblem, recording_files, unreadable
from inspector.audio.recording import probe
from inspector.filehash import file_sha256
from inspector.pipeline.outputs import current_checks
from inspector.pipeline.tasks import CallTask
from inspector.rules.pack import RulePack
from inspector.transcript.io import SIDECAR_SUFFIX

GIVEN_TRANSCRIPT = "transcript"


@dataclass
class Plan:
    todo: list[CallTask] = field(default_factory=list)
    already_done: list[str] = field(default_factory=list)     # output stems
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.todo) + len(self.already_done) + len(self.problems)


def plan_batch(source: Path, out: Path, pack: RulePack, model_id: str | None,
               step_versions: dict[str, str] | None = None) -> Plan:
    """``model_id`` None: every recording must come with ``NAME.transcript.json`` beside it, which is
    checked instead of recognising the audio (re-checking a centre's calls with a new pack)."""
    source = source.resolve()
    plan = Plan()
    files, problems = recording_files(source)
    plan.problems.extend(problems)
    for path in files:
        try:
            task = _task(source, path, model_id)
        except (AudioError, OSError) as exc:
            plan.problems.append(unreadable(path, exc))
            continue
        if task is None:
            plan.problems.append(FileProblem(path, f"no {path.stem}{SIDECAR_SUFFIX} beside it to check"))
            continue
        done = current_checks(out, task.output_stem)
        expected = (task.audio_sha256, task.model_id, pack.id, pack.version,
                    tuple(sorted((step_versions or {}).items())))
        if done is not None and done.run_key() == expected:
            plan.already_done.append(task.output_stem)
        else:
            plan.todo.append(task)
    return plan


def _task(source: Path, path: Path, model_id: str | None) -> CallTask | None:
    duration = probe(path).duration_s
    stem = path.relative_to(source).with_suffix("").as_posix()
    given = None
    if model_id is None:
        beside = path.with_name(path.stem + SIDECAR_SUFFIX)
        if not beside.is_file():
            return None
        given = str(beside)
        model_id = f"{GIVEN_TRANSCRIPT}:{file_sha256(beside)[:12]}"
    return CallTask(path.stem, str(path), stem, file_sha256(path), round(duration, 3), model_id, given)
