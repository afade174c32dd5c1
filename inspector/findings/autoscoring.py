"""Scoring stored calls automatically (scoring.auto) from their current rule hits: one call after it is
checked, or every call whose score is outdated (checked again, another card, another method), as a job that
reports progress and stops when cancelled. Calls are read and written a chunk at a time: a centre scores
20,000 calls in seconds once their hits are known."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass

import sqlite_utils

from inspector.jobs import Cancelled, Progress
from inspector.rules.pack import RulePack
from inspector.scoring.auto import AutoScore, auto_score, covered_items
from inspector.scoring.card import Scorecard
from inspector.store.autoscores import CHUNK, AutoScoreRepository
from inspector.store.hits import HitRepository


@dataclass
class AutoScoreResult:
    scored: int = 0
    fatal: int = 0
    dropped: int = 0             # scores whose call has no current hits any more


def score_calls(db: sqlite_utils.Database, card: Scorecard, pack: RulePack, call_ids: list[int]) -> list[AutoScore]:
    """Score and store these calls (those of them that are checked)."""
    covered = covered_items(card, pack)
    checked = HitRepository(db).checked_hits(call_ids)
    scored = [(call_id, auto_score(card, hits, covered), pack_id, version)
              for call_id, (pack_id, version, hits) in checked.items()]
    AutoScoreRepository(db).store(card, scored)
    return [s for _c, s, _p, _v in scored]


def score_stored(db: sqlite_utils.Database, call_id: int, card: Scorecard, pack: RulePack) -> AutoScore | None:
    """One call, after it was checked; None when it has no current hits."""
    found = score_calls(db, card, pack, [call_id])
    return found[0] if found else None


def autoscore_all(db: sqlite_utils.Database, card: Scorecard, pack: RulePack, cancel: threading.Event | None = None,
                  only_outdated: bool = True) -> Generator[Progress, None, AutoScoreResult]:
    repo = AutoScoreRepository(db)
    result = AutoScoreResult(dropped=repo.drop_unchecked())
    ids = repo.outdated(card) if only_outdated else [r[0] for r in db.execute("SELECT call_id FROM checks ORDER BY call_id")]
    for start in range(0, len(ids), CHUNK):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield Progress(start, len(ids), "")
        scored = score_calls(db, card, pack, ids[start: start + CHUNK])
        result.scored += len(scored)
        result.fatal += sum(1 for s in scored if s.fatal)
    return result
