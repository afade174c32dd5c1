"""Where a batch run's findings go when its output folder is imported: the hits, the call's categories and
the customer's emotion, each into its own table as if the workstation had found them itself."""

from __future__ import annotations

import sqlite_utils

from inspector.categories.match import CallCategory
from inspector.emotion.turns import CustomerEmotion
from inspector.rules.checks_file import CheckedCall
from inspector.store.categories import CategoryRepository
from inspector.store.emotion import EmotionRepository
from inspector.store.hits import HitRepository


class BatchFindings:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.hits = HitRepository(db)
        self.categories = CategoryRepository(db)
        self.emotions = EmotionRepository(db)

    def store(self, call_id: int, checked: CheckedCall, transcript_source: str) -> None:
        self.hits.replace_checked(call_id, checked.pack_id, checked.pack_version, list(checked.hits),
                                  transcript_source)
        if "categories" in checked.findings:
            pack_id, _, pack_version = checked.step_versions.get("categories", " ").partition(" ")
            self.categories.replace_found(call_id, pack_id, pack_version,
                                          [CallCategory.from_dict(c) for c in checked.findings["categories"]],
                                          transcript_source)
        if checked.findings.get("emotion") is not None:
            self.emotions.replace(call_id, CustomerEmotion.from_dict(checked.findings["emotion"]), transcript_source)
