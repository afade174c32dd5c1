"""Which files below a folder may be recordings, and which entries cannot be used and why.

Shared by the workstation's folder import and the centre's batch run, which both walk a folder of
recordings with their sidecars (metadata CSV/JSON, transcripts, checks) and documents beside them.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from inspector.audio.errors import AudioError
from inspector.domain.messages import Message

IGNORED_SUFFIXES = {".txt", ".md", ".pdf", ".xlsx", ".xls", ".docx", ".npz", ".tmp", ".partial"}
SIDECAR_SUFFIXES = {".csv", ".json"}


@dataclass(frozen=True)
class FileProblem:
    path: Path
    reason: str


def shown_path(path: Path | str) -> str:
    """A path as text that can be written anywhere (JSON, a terminal): bytes that are not UTF-8 (a name
    made on another system) appear as \\xNN escapes instead of failing the write."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def unreadable(path: Path, error: AudioError | OSError) -> FileProblem:
    """A recording that cannot be probed or read, as the problem listed for it."""
    if isinstance(error, AudioError):
        return FileProblem(path, error.problem)
    return FileProblem(path, Message("cannot read the file ({detail})", detail=error.strerror))


def is_sidecar(path: Path) -> bool:
    return path.suffix.lower() in SIDECAR_SUFFIXES


def recording_files(folder: Path) -> tuple[list[Path], list[FileProblem]]:
    """Every file below the folder that may be a recording (sidecars and documents excluded), and every
    entry that cannot be used, with the reason: nothing below the folder is passed over in silence."""
    files: list[Path] = []
    problems: list[FileProblem] = []

    def unreadable_folder(error: OSError) -> None:
        problems.append(FileProblem(Path(error.filename or folder),
                                    Message("folder cannot be read ({detail})", detail=error.strerror)))

    for root, dirs, names in os.walk(folder, onerror=unreadable_folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if name.startswith(".") or is_sidecar(path) or path.suffix.lower() in IGNORED_SUFFIXES:
                continue
            problem = _unusable_entry(path)
            if problem:
                problems.append(FileProblem(path, problem))
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
