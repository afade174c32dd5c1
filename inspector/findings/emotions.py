"""Measuring the customer's emotion on stored calls, by the findings runner's emotion step: the shown
transcript and, when the recording is still there, its customer channel (else words and transcript timing
only, and the result says so)."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass, field

import sqlite_utils

from inspector.jobs import Progress
from inspector.findings.runner import EMOTION, Packs, run_findings


@dataclass
class EmotionResult:
    measured: int = 0
    worsened: int = 0
    without_voice: list[str] = field(default_factory=list)      # the recording was gone or unreadable
    without_customer: list[str] = field(default_factory=list)   # no transcript, or no customer turns


def measure_all(db: sqlite_utils.Database, cancel: threading.Event | None = None,
                only_outdated: bool = False) -> Generator[Progress, None, EmotionResult]:
    found = yield from run_findings(db, None, Packs(), (EMOTION,), cancel, only_outdated)
    return EmotionResult(found.measured, found.worsened, found.without_voice,
                         found.without_transcript + found.without_customer)
