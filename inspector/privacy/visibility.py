"""What a signed-in user may see of a call's personal data: the one decision the transcript pane, search and
the command line ask for.

A lead or admin sees every call as it was said. Anyone else sees personal numbers and the identity check's
names masked, unless the call is theirs to review: assigned to them in the review queue, or in a
calibration session they score. Scoring a call they picked themselves does not unmask it (it would make the
rule say nothing).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import sqlite_utils

from inspector.domain.people import User
from inspector.privacy.masking import identity_names, identity_turns, mask_transcript, text_spans
from inspector.domain.search import Found
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.model import Transcript
from inspector.users.policy import Action, allowed


class Visibility:
    def __init__(self, db: sqlite_utils.Database, user: User) -> None:
        self._db, self.user = db, user
        self._names = cache(self._call_names)

    def sees_unmasked(self, call_id: int) -> bool:
        if allowed(self.user, Action.SEE_ALL_TRANSCRIPTS):
            return True
        assigned = self._db.execute("SELECT 1 FROM assignments WHERE call_id = ? AND assignee = ?",
                                    [call_id, self.user.id]).fetchone()
        calibrating = self._db.execute(
            "SELECT 1 FROM calibration_calls c JOIN calibration_participants p ON p.session_id = c.session_id "
            "WHERE c.call_id = ? AND p.inspector = ? UNION SELECT 1 FROM calibration_calls c JOIN "
            "calibration_sessions s ON s.id = c.session_id WHERE c.call_id = ? AND s.benchmark = ?",
            [call_id, self.user.id, call_id, self.user.id]).fetchone()
        return assigned is not None or calibrating is not None

    def transcript(self, call_id: int, transcript: Transcript | None) -> Transcript | None:
        if transcript is None or self.sees_unmasked(call_id):
            return transcript
        return mask_transcript(transcript)

    def found(self, rows: list[Found]) -> list[Found]:
        """Search results: each sentence masked as its call's transcript would be for this user."""
        shown = []
        for row in rows:
            if self.sees_unmasked(row.call_id):
                shown.append(row)
                continue
            names, identity_sentences = self._names(row.call_id)
            spans = text_spans(row.text, names, whole_numbers=row.text in identity_sentences)
            hidden = {i for start, end in spans for i in range(start, end)}
            shown.append(replace(row, text="".join("*" if i in hidden and not c.isspace() else c
                                                   for i, c in enumerate(row.text))))
        return shown

    def _call_names(self, call_id: int) -> tuple[frozenset[str], frozenset[str]]:
        """The call's identity-check names, and its identity-check sentences (their numbers are masked whole)."""
        names: set[str] = set()
        sentences: set[str] = set()
        for transcript in TranscriptRepository(self._db).every_version(call_id):
            names |= identity_names(transcript)
            sentences |= {transcript.segments[i].text for i in identity_turns(transcript)}
        return frozenset(names), frozenset(sentences)
