"""Exchange files (calibration packs, calibration results, upload bundles): one zip with a manifest that
lists the SHA-256 of every member, optionally signed.

Files travel on USB sticks between offline centres, so they are checked whole before anything is taken
from them: a truncated copy, a flipped byte or a member swapped for another is refused with the member's
name, never half imported. Writing goes to a temporary name and is renamed at the end, so an interrupted
export leaves no file that looks complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHUNK = 1 << 20


class ArchiveError(ValueError):
    """The file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Archive:
    path: Path
    manifest: dict
    manifest_bytes: bytes
    sha256: str                     # of the whole file: identifies it for "already imported"
    _members: dict[str, bytes]

    def read(self, name: str) -> bytes:
        if name not in self._members:
            raise ArchiveError(f"{self.path}: the manifest does not list {name!r}")
        return self._members[name]


def write_archive(path: Path, manifest: dict, members: dict[str, bytes],
                  sign: Callable[[bytes], str] | None = None) -> Path:
    listed = {**manifest, "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}}
    manifest_bytes = json.dumps(listed, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            if sign is not None:
                archive.writestr(SIGNATURE, sign(manifest_bytes))
            for name, data in members.items():
                archive.writestr(name, data)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ArchiveError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


def read_archive(path: Path, kind: str, newest_version: int,
                 verify: Callable[[bytes, str | None, dict], None] | None = None) -> Archive:
    """`verify(manifest_bytes, signature, manifest)` raises ArchiveError when the signature is wrong."""
    try:
        whole = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(CHUNK), b""):
                whole.update(block)
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names:
                raise ArchiveError(f"{path}: not an Inspector {kind} file (no {MANIFEST})")
            manifest_bytes = archive.read(MANIFEST)
            signature = archive.read(SIGNATURE).decode("ascii", "replace") if SIGNATURE in names else None
            manifest = _parse_manifest(path, manifest_bytes, kind, newest_version)
            if verify is not None:
                verify(manifest_bytes, signature, manifest)
            listed: dict[str, str] = manifest["members"]
            unlisted = names - set(listed) - {MANIFEST, SIGNATURE}
            if unlisted:
                raise ArchiveError(f"{path}: holds files its manifest does not list: {', '.join(sorted(unlisted))}")
            members = {}
            for name, expected in listed.items():
                if name not in names:
                    raise ArchiveError(f"{path}: {name} is missing")
                data = archive.read(name)
                if hashlib.sha256(data).hexdigest() != expected:
                    raise ArchiveError(f"{path}: {name} does not match its checksum (damaged or altered)")
                members[name] = data
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ArchiveError(f"{path}: damaged or not a zip file ({exc})") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zlib.error) as exc:
        # a flipped byte surfaces as whichever layer notices first: deflate, CRC, header or JSON
        raise ArchiveError(f"{path}: damaged ({type(exc).__name__}: {exc})") from exc
    return Archive(path, manifest, manifest_bytes, whole.hexdigest(), members)


def _parse_manifest(path: Path, data: bytes, kind: str, newest_version: int) -> dict:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ArchiveError(f"{path}: its manifest is damaged ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != f"inspector-{kind}":
        raise ArchiveError(f"{path}: not an Inspector {kind} file")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ArchiveError(f"{path}: its manifest has no valid format_version")
    if version > newest_version:
        raise ArchiveError(f"{path}: made by a newer Inspector ({kind} format {version}; this version reads up "
                           f"to {newest_version}); update Inspector to import it")
    if not isinstance(manifest.get("members"), dict):
        raise ArchiveError(f"{path}: its manifest lists no members")
    return manifest
