"""Replacing a text file whole or not at all: written beside it under a temporary name, then renamed over
it, so a crash or a full disk never leaves a half-written settings file, transcript or report."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8", private: bool = False) -> None:
    """``private``: the file is created readable and writable by its owner only (settings, keys)."""
    _replace(path, lambda tmp: tmp.write_text(text, encoding=encoding), private)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    _replace(path, lambda tmp: tmp.write_bytes(data))


def _replace(path: Path, write: Callable[[Path], object], private: bool = False) -> None:
    tmp = path.with_name(f".{path.name}.partial")
    try:
        if private:
            tmp.unlink(missing_ok=True)
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        write(tmp)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
