"""Exchange files (calibration packs, calibration results, upload bundles): one zip with a manifest that
lists the SHA-256 of every member, sealed as a whole.

Files travel on USB sticks between offline centres, so they are checked whole before anything is taken
from them. The seal (a SHA-256, or for bundles an HMAC under the centre key) covers every byte of the zip
and is stored as the zip comment, so even a flipped byte in zip metadata that no member checksum covers
is refused, with the file's name, never half imported. Writing goes to a temporary name and is renamed at
the end, so an interrupted export leaves no file that looks complete.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.bounded_read import read_bounded

MANIFEST = "manifest.json"
SEAL_LENGTH = 64          # hex characters of a SHA-256 or HMAC-SHA256


@dataclass(frozen=True)
class SizeLimits:
    """What an exchange file may unpack to, checked on the zip's directory before anything is inflated (a
    1 MB file whose manifest inflates to 1 GB must cost nothing). Audio barely compresses and JSON ten to
    twenty times; a ratio of 100 is a bomb, not a bundle."""

    manifest: int = 8 * 1024 * 1024
    member: int = 1024 * 1024 * 1024
    total: int = 2 * 1024 * 1024 * 1024
    ratio: float = 100.0


LIMITS = SizeLimits()


class ArchiveError(ValueError):
    """The file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Archive:
    path: Path
    manifest: dict
    sha256: str                     # of the whole file: identifies it for "already imported"
    _members: dict[str, bytes]

    def read(self, name: str) -> bytes:
        if name not in self._members:
            raise ArchiveError(f"{self.path}: the manifest does not list {name!r}")
        return self._members[name]


def checksum_seal(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hmac_seal(key_hex: str) -> Callable[[bytes], str]:
    """A seal only holders of the key can make: for files whose sender must be trusted, not just intact."""
    return lambda body: hmac.new(bytes.fromhex(key_hex), body, hashlib.sha256).hexdigest()


def write_archive(path: Path, manifest: dict, members: dict[str, bytes],
                  seal: Callable[[bytes], str] = checksum_seal) -> Path:
    listed = {**manifest, "members": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(listed, ensure_ascii=False, sort_keys=True, indent=1))
        for name, data in members.items():
            archive.writestr(name, data)
    body = buffer.getvalue()
    stamp = seal(body).encode("ascii")
    assert len(stamp) == SEAL_LENGTH and body[-2:] == b"\0\0"
    sealed = body[:-2] + SEAL_LENGTH.to_bytes(2, "little") + stamp      # the seal becomes the zip comment
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with open(tmp, "wb") as handle:
            handle.write(sealed)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ArchiveError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


def read_archive(path: Path, kind: str, newest_version: int,
                 key_for: Callable[[dict], str] | None = None, limits: SizeLimits = LIMITS) -> Archive:
    """Without `key_for` the seal is a checksum, checked before anything is inflated; with it, an HMAC under
    the key it returns for the manifest (it raises ArchiveError for a sender it does not know), so only the
    size-checked manifest is inflated before the seal."""
    try:
        data = read_bounded(path, limits.total)
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names:
                raise ArchiveError(f"{path}: not an Inspector {kind} file (no {MANIFEST})")
            _check_sizes(path, archive, limits)
            body, stamp = _unseal(path, data, kind)
            if key_for is None and not hmac.compare_digest(checksum_seal(body), stamp):
                # a newer Inspector may seal differently: its (size-checked) manifest says "update" if so
                _parse_manifest(path, archive.read(MANIFEST), kind, newest_version)
                raise ArchiveError(f"{path}: does not match its checksum (damaged or altered)")
            # the format version first: a newer Inspector may seal differently, and "update" is the useful answer
            manifest = _parse_manifest(path, archive.read(MANIFEST), kind, newest_version)
            if key_for is None:
                expected, what = stamp, "its checksum (damaged or altered)"
            else:
                key = key_for(manifest)
                expected = hmac.new(bytes.fromhex(key), body, hashlib.sha256).hexdigest()
                what = "its signature under the sender's key (damaged, altered, or signed with another key)"
            if not hmac.compare_digest(expected, stamp):
                raise ArchiveError(f"{path}: does not match {what}")
            listed: dict[str, str] = manifest["members"]
            unlisted = names - set(listed) - {MANIFEST}
            if unlisted:
                raise ArchiveError(f"{path}: holds files its manifest does not list: {', '.join(sorted(unlisted))}")
            members = {}
            for name, expected_member in listed.items():
                if name not in names:
                    raise ArchiveError(f"{path}: {name} is missing")
                member = archive.read(name)
                if hashlib.sha256(member).hexdigest() != expected_member:
                    raise ArchiveError(f"{path}: {name} does not match its checksum (damaged or altered)")
                members[name] = member
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ArchiveError(f"{path}: damaged or not a zip file ({exc})") from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RuntimeError, zlib.error) as exc:
        # a flipped byte surfaces as whichever layer notices first: deflate, CRC, header (an "unsupported
        # compression" or "encrypted" member is a RuntimeError), or JSON
        raise ArchiveError(f"{path}: damaged ({type(exc).__name__}: {exc})") from exc
    return Archive(path, manifest, hashlib.sha256(data).hexdigest(), members)


def _unseal(path: Path, data: bytes, kind: str) -> tuple[bytes, str]:
    """The zip as it was sealed (comment length 0, no comment) and the seal from its comment."""
    if len(data) < 22 + SEAL_LENGTH or data[-SEAL_LENGTH - 2:-SEAL_LENGTH] != SEAL_LENGTH.to_bytes(2, "little"):
        raise ArchiveError(f"{path}: not a sealed Inspector {kind} file, or damaged at its end")
    try:
        stamp = data[-SEAL_LENGTH:].decode("ascii")
    except UnicodeDecodeError:
        raise ArchiveError(f"{path}: its seal is damaged") from None
    return data[:-SEAL_LENGTH - 2] + b"\0\0", stamp


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


def _check_sizes(path: Path, archive: zipfile.ZipFile, limits: SizeLimits) -> None:
    """On the declared sizes in the zip's directory; zipfile never inflates a member past its declared
    size, so these bound what reading can cost."""
    total = 0
    for info in archive.infolist():
        limit = limits.manifest if info.filename == MANIFEST else limits.member
        if info.file_size > limit:
            raise ArchiveError(f"{path}: {info.filename} would unpack to {info.file_size} bytes, more than "
                               f"the {limit} an Inspector file may hold; refused unread")
        if info.file_size > 1024 * 1024 and info.file_size > limits.ratio * max(1, info.compress_size):
            raise ArchiveError(f"{path}: {info.filename} is compressed {info.file_size // max(1, info.compress_size)}"
                               " to 1, a zip bomb rather than scores or recordings; refused unread")
        total += info.file_size
    if total > limits.total:
        raise ArchiveError(f"{path}: would unpack to {total} bytes, more than the {limits.total} allowed; "
                           "refused unread")
