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
from inspector.categories.match import CallCategory
from inspector.categories.pack import CategoryPack
from inspector.findings.runner import CATEGORIES, Packs, run_findings, update_findings
from inspector.store.calls import CallRepository
from inspector.store.categories import CategoryRepository


@dataclass
class CategorizeResult:
    categorized: int = 0
    categories: int = 0
    without_transcript: list[str] = field(default_factory=list)


def categorize_stored(db: sqlite_utils.Database, call_id: int, pack: CategoryPack) -> list[CallCategory] | None:
    """Categorise one call and store the result; None when it has no transcript."""
    done = update_findings(db, None, CallRepository(db).get(call_id), Packs(categories=pack), (CATEGORIES,))
    return None if done.without_transcript else CategoryRepository(db).for_call(call_id)


def categorize_all(db: sqlite_utils.Database, pack: CategoryPack, cancel: threading.Event | None = None,
                   only_outdated: bool = False) -> Generator[None, CategorizeResult]:
    found = yield from run_findings(db, None, Packs(categories=pack), (CATEGORIES,), cancel, only_outdated)
    return CategorizeResult(found.categorized, found.categories, found.without_transcript)
