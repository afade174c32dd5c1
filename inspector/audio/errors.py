"""Audio failures carry the file and the problem, because an inspector must know which call is broken."""

from __future__ import annotations

from pathlib import Path


class AudioError(Exception):
    """A recording that cannot be used, with a message naming the file and the reason."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
