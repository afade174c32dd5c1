"""Long work as generators: they yield progress, check a cancel event, and return their result.

That keeps the core free of threads and Qt: the UI runs a job on a worker and shows each progress item,
while the CLI and the tests just drain it.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeVar

Result = TypeVar("Result")


@dataclass(frozen=True)
class Progress:
    """What every job yields: `done` of `total` (0: it cannot say how far it is) and `text`, the item under
    way (a call, a file) or the step. The UI shows it in one place, in a sentence the submitting controller
    gives; the CLI prints `text`."""
    done: int
    total: int
    text: str


class Cancelled(Exception):
    """Raised inside a job when its cancel event is set; the runner reports it as a cancellation."""


def drain(job: Generator[object, None, Result]) -> Result:
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value


def immediate(value: Result) -> Generator[object, None, Result]:
    """A job with nothing to report along the way: its result is already known or computed by the caller."""
    return value
    yield  # pragma: no cover - makes this function a generator
