"""A WAV file cut short (a copy interrupted, a recorder that crashed): its header promises more audio than
the file holds. libsndfile quietly reads what is there, so such a call would import as a few milliseconds
with nothing said about it; the import warns instead, naming both lengths.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Shortfall:
    promised_s: float
    held_s: float


def wav_shortfall(path: Path) -> Shortfall | None:
    """None for a complete WAV and for anything that is not a RIFF/WAVE file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            bytes_per_second = 0
            while True:
                chunk = f.read(8)
                if len(chunk) < 8:
                    return None
                kind, length = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if kind == b"fmt ":
                    fmt = f.read(length + length % 2)
                    if len(fmt) < 12:
                        return None
                    bytes_per_second = struct.unpack("<I", fmt[8:12])[0]
                elif kind == b"data":
                    held = size - f.tell()
                    if not bytes_per_second or held >= length:
                        return None
                    return Shortfall(length / bytes_per_second, max(0, held) / bytes_per_second)
                else:
                    f.seek(length + length % 2, 1)
    except OSError:
        return None
