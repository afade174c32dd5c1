"""Import every recording of a folder, report each one that cannot be used, never stop at the first.

The import is a generator that yields progress and checks a cancel event between files, so the UI can
run it on a worker thread with a progress bar and the CLI can simply drain it. Each call is committed on
its own: a crash or a kill mid-import keeps every call already added, and a rerun adds only the rest.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from inspector.jobs import Progress
from inspector.audio.errors import AudioError
from inspector.audio.files import recording_files, unreadable
from inspector.audio.recording import probe
from inspector.audio.truncation import wav_shortfall
from inspector.domain.messages import Message
from inspector.filehash import file_sha256
from inspector.jobs import drain
from inspector.intake.metadata import SidecarProblem, read_sidecars
from inspector.rules.checks_file import SUFFIX as CHECKS_SUFFIX
from inspector.rules.checks_file import CheckedCall, ChecksFileError, load_checks
from inspector.store.calls import CallRepository
from inspector.domain.calls import Call, CallMetadata, NewCall
from inspector.intake.batch_findings import BatchFindings
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.io import SIDECAR_SUFFIX, TranscriptError, load_transcript

TRANSCRIPT_SOURCE = "imported"


@dataclass
class ImportReport:
    added: list[Call] = field(default_factory=list)
    already_present: list[Call] = field(default_factory=list)
    problems: list[SidecarProblem] = field(default_factory=list)
    warnings: list[SidecarProblem] = field(default_factory=list)    # imported, but not as it should be
    cancelled: bool = False


def import_folder(folder: Path, calls: CallRepository, transcripts: TranscriptRepository,
                  cancel: threading.Event | None = None, findings: BatchFindings | None = None,
                  caller_key: bytes | None = None) -> Generator[Progress, None, ImportReport]:
    """With ``findings``, what a batch run wrote (``NAME.checks.json``) comes in as the calls' hits,
    categories and customer emotion;
    ``caller_key``: the workspace's key for hashing callers' numbers (intake.callers.caller_key)."""
    folder = Path(folder)
    report = ImportReport()
    if not folder.is_dir():
        report.problems.append(SidecarProblem(folder, Message("not a folder")))
        return report
    metadata = _FolderMetadata(folder, report, caller_key)
    files, unusable = recording_files(folder)
    report.problems.extend(unusable)
    batch = _batch_outputs(folder, report)
    below = {path.resolve() for path in files}
    files += [recording for recording in batch if recording not in below]
    for index, path in enumerate(files):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        yield Progress(index, len(files), path.name)
        try:
            call, is_new = calls.add(_new_call(path, metadata.of(path)))
        except (AudioError, OSError) as exc:
            report.problems.append(unreadable(path, exc))
            continue
        (report.added if is_new else report.already_present).append(call)
        shortfall = wav_shortfall(path)
        if shortfall is not None:
            report.warnings.append(SidecarProblem(path, Message(
                "the recording is cut short: the header promises {promised:.1f} s, the file holds {held:.1f} s",
                promised=shortfall.promised_s, held=shortfall.held_s)))
        checks = batch.get(path.resolve())
        transcript = (checks[0].with_name(checks[0].name.removesuffix(CHECKS_SUFFIX) + SIDECAR_SUFFIX) if checks
                      else path.with_name(path.stem + SIDECAR_SUFFIX))
        _attach_transcript(transcript, call, transcripts, report)
        if checks is not None and findings is not None:
            _attach_checks(checks[0], checks[1], call, findings, transcripts, report)
    yield Progress(len(files), len(files), "")
    return report


def run_import(folder: Path, calls: CallRepository, transcripts: TranscriptRepository,
               findings: BatchFindings | None = None, caller_key: bytes | None = None) -> ImportReport:
    """Drain the import generator: for the CLI and tests."""
    return drain(import_folder(folder, calls, transcripts, findings=findings, caller_key=caller_key))


class _FolderMetadata:
    """Sidecar metadata of the imported folder; a recording a batch run names from elsewhere (its source
    folder) takes the metadata beside it there."""

    def __init__(self, folder: Path, report: ImportReport, caller_key: bytes | None) -> None:
        self._folder = folder.resolve()
        self._report = report
        self._caller_key = caller_key
        self._read: dict[Path, dict[str, CallMetadata]] = {}

    def of(self, path: Path) -> CallMetadata:
        home = self._folder if path.resolve().is_relative_to(self._folder) else path.resolve().parent
        if home not in self._read:
            self._read[home], problems = read_sidecars(home, self._caller_key)
            self._report.problems.extend(problems)
        return self._read[home].get(path.name, CallMetadata())


def _batch_outputs(folder: Path, report: ImportReport) -> dict[Path, tuple[Path, CheckedCall]]:
    """The checks files below the folder, by the recording each was made from (a batch run's output
    folder holds no audio: the recordings stay where the centre keeps them)."""
    found: dict[Path, tuple[Path, CheckedCall]] = {}
    for path in sorted(folder.rglob("*" + CHECKS_SUFFIX)):
        try:
            checked = load_checks(path)
        except ChecksFileError as exc:
            report.problems.append(SidecarProblem(path, Message("checks not imported: {detail}", detail=str(exc))))
            continue
        recording = Path(checked.recording)
        if not recording.is_file():
            report.problems.append(SidecarProblem(path, Message(
                "the recording it was made from, {recording}, is not there (is the centre's shared folder "
                "mounted?)", recording=str(recording))))
            continue
        found[recording.resolve()] = (path, checked)
    return found


def _new_call(path: Path, meta: CallMetadata) -> NewCall:
    info = probe(path)
    return NewCall(**(asdict(meta) | {"call_ref": meta.call_ref or path.stem}),
                   content_hash=file_sha256(path), path=str(path.resolve()),
                   duration_s=round(info.duration_s, 3), sample_rate=info.sample_rate, channels=info.channels,
                   audio_format=f"{info.format}/{info.subtype}")


def _attach_transcript(sidecar: Path, call: Call, transcripts: TranscriptRepository,
                       report: ImportReport) -> None:
    """``sidecar``: NAME.transcript.json beside the recording, or beside the checks file a batch wrote."""
    if not sidecar.is_file() or TRANSCRIPT_SOURCE in transcripts.sources(call.id):
        return
    try:
        transcripts.save(call.id, TRANSCRIPT_SOURCE, load_transcript(sidecar))
    except TranscriptError as exc:
        report.problems.append(SidecarProblem(sidecar, Message("transcript not imported: {detail}", detail=str(exc))))


def _attach_checks(path: Path, checked: CheckedCall, call: Call, findings: BatchFindings,
                   transcripts: TranscriptRepository, report: ImportReport) -> None:
    """The batch's findings become the call's, on the transcript imported with them, so the call is checked
    (and categorised) before anyone opens it; a call already checked here keeps its own checks."""
    if checked.audio_sha256 != call.content_hash:
        report.problems.append(SidecarProblem(path, Message("checks not imported: they were made from other audio "
                                                            "(the recording changed after the batch run)")))
        return
    if findings.hits.checked_on(call.id) is not None or TRANSCRIPT_SOURCE not in transcripts.sources(call.id):
        return
    findings.store(call.id, checked, TRANSCRIPT_SOURCE)
