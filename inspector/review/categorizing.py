"""Categorising stored calls: the shown transcript version and its rule hits, through the category pack.

Run after checking, because categories may rest on rule hits; a call with no transcript is skipped and
named in the result.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass, field

import sqlite_utils

from inspector.categories.match import CallCategory, categorize
from inspector.categories.pack import CategoryPack
from inspector.jobs import Cancelled
from inspector.review.checking import CheckProgress
from inspector.store.calls import CallRepository
from inspector.store.categories import CategoryRepository
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository


@dataclass
class CategorizeResult:
    categorized: int = 0
    categories: int = 0
    without_transcript: list[str] = field(default_factory=list)


def categorize_stored(db: sqlite_utils.Database, call_id: int, pack: CategoryPack) -> list[CallCategory] | None:
    """Categorise one call and store the result; None when it has no transcript."""
    stored = TranscriptRepository(db).latest(call_id)
    if stored is None:
        return None
    source, transcript = stored
    hits = HitRepository(db)
    found = categorize(transcript, hits.for_call(call_id) if hits.checked_on(call_id) == source else None, pack)
    CategoryRepository(db).replace(call_id, pack, found, source)
    return found


def categorize_all(db: sqlite_utils.Database, pack: CategoryPack, cancel: threading.Event | None = None,
                   only_outdated: bool = False) -> Generator[CheckProgress, None, CategorizeResult]:
    repo = CategoryRepository(db)
    calls = CallRepository(db)
    ids = repo.outdated(pack) if only_outdated else [r[0] for r in db.execute("SELECT id FROM calls ORDER BY id")]
    refs = calls.refs(ids) if ids else {}
    result = CategorizeResult()
    for index, call_id in enumerate(ids):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield CheckProgress(index, len(ids), refs[call_id])
        found = categorize_stored(db, call_id, pack)
        if found is None:
            result.without_transcript.append(refs[call_id])
        else:
            result.categorized += 1
            result.categories += len(found)
    return result
