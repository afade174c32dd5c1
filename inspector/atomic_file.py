"""Replacing a text file whole or not at all: written beside it under a temporary name, then renamed over
it, so a crash or a full disk never leaves a half-written settings file, transcript or report."""

from __future__ import annotations

from pathlib import Path


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(text, encoding=encoding)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
