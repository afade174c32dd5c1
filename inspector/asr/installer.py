"""Installing a model into the data folder from a folder or an official zip, checked on the way in.

Extraction goes to a hidden temporary folder that is renamed only when complete and valid, so a broken
or cancelled install never leaves a half model that discovery would pick up.
"""

from __future__ import annotations

import shutil
import threading
import zipfile
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from inspector.jobs import Progress
from inspector.asr.model_layout import KNOWN_MODELS, ModelCheck, check_model
from inspector.filehash import file_sha256
from inspector.jobs import Cancelled


class ModelInstallError(Exception):
    pass


def install_model(source: Path, models_folder: Path,
                  cancel: threading.Event | None = None) -> Generator[Progress, None, ModelCheck]:
    source = Path(source)
    if not source.exists():
        raise ModelInstallError(f"{source}: no such file or folder")
    name = source.stem if source.suffix.lower() == ".zip" else source.name
    target = models_folder / name
    if target.exists():
        raise ModelInstallError(f"{target}: a model with this name is already installed")
    staging = models_folder / f".installing-{name}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        if source.suffix.lower() == ".zip":
            root = yield from _unzip(source, name, staging, cancel)
        else:
            root = yield from _copy(source, staging, cancel)
        yield Progress(1, 1, "verifying")
        check = check_model(root, name)
        if not check.usable:
            raise ModelInstallError(check.problem().replace(str(root), str(source)))
        root.rename(target)
        return check_model(target, name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _unzip(source: Path, name: str, staging: Path, cancel) -> Generator[Progress, None, Path]:
    known = KNOWN_MODELS.get(name)
    if known is not None:
        yield Progress(0, 1, "checksum")
        if file_sha256(source) != known["zip"]:
            raise ModelInstallError(f"{source}: checksum mismatch: this is not the official {name}.zip "
                                    "(damaged or altered download); nothing was installed")
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise ModelInstallError(f"{source}: not a zip file ({exc})") from exc
    with archive:
        members = archive.infolist()
        for index, member in enumerate(members):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            if member.filename.startswith("/") or ".." in Path(member.filename).parts:
                raise ModelInstallError(f"{source}: unsafe path {member.filename!r} in the archive")
            yield Progress(index, len(members), member.filename)
            try:
                archive.extract(member, staging / "unpacked")
            except (zipfile.BadZipFile, OSError) as exc:
                raise ModelInstallError(f"{source}: cannot extract {member.filename} ({exc})") from exc
    unpacked = staging / "unpacked"
    entries = [p for p in unpacked.iterdir()]
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else unpacked


def _copy(source: Path, staging: Path, cancel) -> Generator[Progress, None, Path]:
    files = [p for p in source.rglob("*") if p.is_file()]
    root = staging / "copy"
    for index, path in enumerate(files):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield Progress(index, len(files), str(path.relative_to(source)))
        target = root / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return root
