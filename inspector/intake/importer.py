"""Import every recording of a folder, report each one that cannot be used, never stop at the first.

The import is a generator that yields progress and checks a cancel event between files, so the UI can
run it on a worker thread with a progress bar and the CLI can simply drain it. Each call is committed on
its own: a crash or a kill mid-import keeps every call already added, and a rerun adds only the rest.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Generator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from inspector.audio.errors import AudioError
from inspector.audio.recording import probe
from inspector.audio.truncation import wav_shortfall
from inspector.domain.messages import Message
from inspector.filehash import file_sha256
from inspector.jobs import drain
from inspector.intake.metadata import SidecarProblem, is_sidecar, read_sidecars
from inspector.store.calls import Call, CallMetadata, CallRepository, NewCall
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.io import TranscriptError, load_transcript

IGNORED_SUFFIXES = {".txt", ".md", ".pdf", ".xlsx", ".xls", ".docx", ".npz", ".tmp", ".partial"}
TRANSCRIPT_SOURCE = "imported"


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int
    current: str


@dataclass
class ImportReport:
    added: list[Call] = field(default_factory=list)
    already_present: list[Call] = field(default_factory=list)
    problems: list[SidecarProblem] = field(default_factory=list)
    warnings: list[SidecarProblem] = field(default_factory=list)    # imported, but not as it should be
    cancelled: bool = False


def candidate_files(folder: Path) -> tuple[list[Path], list[SidecarProblem]]:
    """Every file below the folder that may be a recording (sidecars and documents excluded), and every
    entry that cannot be used, with the reason: nothing below the folder is passed over in silence."""
    files: list[Path] = []
    problems: list[SidecarProblem] = []

    def unreadable(error: OSError) -> None:
        problems.append(SidecarProblem(Path(error.filename or folder), Message("folder cannot be read ({detail})", detail=error.strerror)))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if name.startswith(".") or is_sidecar(path) or path.suffix.lower() in IGNORED_SUFFIXES:
                continue
            problem = _unusable_entry(path)
            if problem:
                problems.append(SidecarProblem(path, problem))
            else:
                files.append(path)
    return files, problems


def _unusable_entry(path: Path) -> str | None:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return Message("the file name is not valid UTF-8 (written on another system?): rename the file and import "
                       "again")
    if path.is_symlink() and not path.exists():
        return Message("a broken link: it points to {target}, which does not exist", target=os.readlink(path))
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return Message("cannot be read ({detail})", detail=exc.strerror)
    if stat.S_ISFIFO(mode):
        return Message("a named pipe, not a recording file")
    if not stat.S_ISREG(mode):
        return Message("not a regular file (a device or socket)")
    return None


def import_folder(folder: Path, calls: CallRepository, transcripts: TranscriptRepository,
                  cancel: threading.Event | None = None) -> Generator[ImportProgress, None, ImportReport]:
    folder = Path(folder)
    report = ImportReport()
    if not folder.is_dir():
        report.problems.append(SidecarProblem(folder, Message("not a folder")))
        return report
    metadata, problems = read_sidecars(folder)
    report.problems.extend(problems)
    files, unusable = candidate_files(folder)
    report.problems.extend(unusable)
    for index, path in enumerate(files):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        yield ImportProgress(index, len(files), path.name)
        try:
            call, is_new = calls.add(_new_call(path, metadata.get(path.name, CallMetadata())))
        except AudioError as exc:
            report.problems.append(SidecarProblem(path, exc.problem))
            continue
        except OSError as exc:
            report.problems.append(SidecarProblem(path, Message("cannot read the file ({detail})", detail=exc.strerror)))
            continue
        (report.added if is_new else report.already_present).append(call)
        shortfall = wav_shortfall(path)
        if shortfall is not None:
            report.warnings.append(SidecarProblem(path, Message(
                "the recording is cut short: the header promises {promised:.1f} s, the file holds {held:.1f} s",
                promised=shortfall.promised_s, held=shortfall.held_s)))
        _attach_transcript(path, call, transcripts, report)
    yield ImportProgress(len(files), len(files), "")
    return report


def run_import(folder: Path, calls: CallRepository, transcripts: TranscriptRepository) -> ImportReport:
    """Drain the import generator: for the CLI and tests."""
    return drain(import_folder(folder, calls, transcripts))


def _new_call(path: Path, meta: CallMetadata) -> NewCall:
    info = probe(path)
    return NewCall(**(asdict(meta) | {"call_ref": meta.call_ref or path.stem}),
                   content_hash=file_sha256(path), path=str(path.resolve()),
                   duration_s=round(info.duration_s, 3), sample_rate=info.sample_rate, channels=info.channels,
                   audio_format=f"{info.format}/{info.subtype}")


def _attach_transcript(path: Path, call: Call, transcripts: TranscriptRepository,
                       report: ImportReport) -> None:
    sidecar = path.with_name(path.stem + ".transcript.json")
    if not sidecar.is_file() or TRANSCRIPT_SOURCE in transcripts.sources(call.id):
        return
    try:
        transcripts.save(call.id, TRANSCRIPT_SOURCE, load_transcript(sidecar))
    except TranscriptError as exc:
        report.problems.append(SidecarProblem(sidecar, Message("transcript not imported: {detail}", detail=str(exc))))
