"""Categorising stored calls: the shown transcript version and its rule hits, through the category pack, by
the findings runner's category step.

Run after checking, because categories may rest on rule hits; a call with no transcript is skipped and
named in the result.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass, field

import sqlite_utils

from inspector.jobs import Progress
from inspector.categories.pack import CategoryPack
from inspector.findings.runner import CATEGORIES, Packs, run_findings


@dataclass
class CategorizeResult:
    categorized: int = 0
    categories: int = 0
    without_transcript: list[str] = field(default_factory=list)


def categorize_all(db: sqlite_utils.Database, pack: CategoryPack, cancel: threading.Event | None = None,
                   only_outdated: bool = False) -> Generator[Progress, None, CategorizeResult]:
    found = yield from run_findings(db, None, Packs(categories=pack), (CATEGORIES,), cancel, only_outdated)
    return CategorizeResult(found.categorized, found.categories, found.without_transcript)
