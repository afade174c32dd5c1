"""Where a call's outputs go and how they are written: the transcript first, the checks file last, each
whole or not at all, so a checks file that is there and current means the call is done."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.atomic_file import write_text_atomic
from inspector.pipeline.call import CallResult
from inspector.rules import checks_file
from inspector.rules.checks_file import CheckedCall, ChecksFileError, load_checks
from inspector.transcript.io import SIDECAR_SUFFIX



def transcript_path(out: Path, output_stem: str) -> Path:
    return out / (output_stem + SIDECAR_SUFFIX)


def checks_path(out: Path, output_stem: str) -> Path:
    return out / (output_stem + checks_file.SUFFIX)


def current_checks(out: Path, output_stem: str) -> CheckedCall | None:
    """The call's checks file when both outputs are there and readable; None otherwise (to be done)."""
    if not transcript_path(out, output_stem).is_file():
        return None
    try:
        return load_checks(checks_path(out, output_stem))
    except ChecksFileError:
        return None


def write_outputs(out: Path, result: CallResult) -> None:
    stem = result.task.output_stem
    target = transcript_path(out, stem)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, json.dumps(result.transcript, ensure_ascii=False, indent=1) + "\n")
    write_text_atomic(checks_path(out, stem), checks_file.dumps(result.checked))
