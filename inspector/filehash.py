"""SHA-256 of a file, read in chunks: the identity of a recording (the same audio imported twice, even
renamed, is one call) and the check of a downloaded speech model."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
