"""Calibration results files: an inspector's own scores of one session, sent back to the lead.

Only the exporting inspector's evaluations go in (blindness holds for files too), calls are named by
their audio hash, and the lead's import is idempotent: the same file twice, or a file with nothing new,
changes nothing.

Each participant seals their file with a key only they and the lead hold: the lead's workstation keeps the
session key and derives each participant's from it; the pack made for a participant carries that
participant's key alone. A file in a colleague's name would need the colleague's key, so it is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import sqlite_utils

from inspector.archive import ArchiveError, hmac_seal, read_archive, write_archive
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation, parts_from_dict
from inspector.store.calibration import CalibrationRepository
from inspector.domain.calibration import CalibrationSession
from inspector.store.calls import CallRepository
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.store.evaluations import EvaluationRepository

KIND = "calibration-results"
FORMAT_VERSION = 2           # 2: sealed with the participant's own key (1: one key for the whole session)
MEMBER = "evaluations.json"


@dataclass(frozen=True)
class ResultsImport:
    inspector: str
    stored: int          # evaluations new or changed by this file
    unchanged: int
    already_imported: bool


def participant_key(session: CalibrationSession, inspector: str) -> str | None:
    """The key that seals `inspector`'s results, where this workstation holds it: derived from the session
    key on the lead's, their own key where their pack was imported; None anywhere else."""
    if not session.results_key:
        return None
    if session.key_holder is None:
        return hmac.new(bytes.fromhex(session.results_key), f"calibration results of {inspector}".encode(),
                        hashlib.sha256).hexdigest()
    return session.results_key if session.key_holder == inspector else None


def export_results(db: sqlite_utils.Database, card: Scorecard, session: CalibrationSession, inspector: str,
                   out: Path) -> Path:
    calls = CallRepository(db)
    own = [e for e in EvaluationRepository(db, card).in_session(session.id) if e.inspector == inspector]
    records = []
    for evaluation in own:
        call = calls.get(evaluation.call_id)
        assert call is not None
        record = asdict(evaluation)
        record["call"] = call.content_hash
        del record["call_id"]
        records.append(record)
    key = participant_key(session, inspector)
    if key is None:
        holder = f"{session.key_holder}'s" if session.key_holder else "no"
        raise ArchiveError(f"calibration session {session.title!r}: this workstation holds {holder} results key, "
                           f"so {inspector}'s scores cannot be sealed here; {inspector} imports the pack made for "
                           "them and exports on their own workstation")
    return write_archive(out, {"format": f"inspector-{KIND}", "format_version": FORMAT_VERSION,
                               "session_id": session.id, "session_title": session.title, "inspector": inspector,
                               "exported_at": utc_now(), "count": len(records)},
                         {MEMBER: json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")},
                         seal=hmac_seal(key))


def import_results(db: sqlite_utils.Database, card: Scorecard, path: Path) -> ResultsImport:
    """Refuses, naming the file: a seal not made with the session's key, a revealed session, a record of
    another inspector (by its field or by whom the stored evaluation belongs to), a version that skips."""
    sessions = CalibrationRepository(db)

    def session_key(manifest: dict) -> str:
        found = sessions.get(manifest.get("session_id")) if isinstance(manifest.get("session_id"), str) else None
        if found is None or not found.results_key:
            raise ArchiveError(f"{path}: belongs to calibration session {manifest.get('session_title', '?')!r} "
                               f"({manifest.get('session_id')}), which is not on this workstation")
        if manifest.get("format_version") != FORMAT_VERSION:
            raise ArchiveError(f"{path}: sealed with the session's shared key by an older Inspector; the "
                               "inspector exports their scores again from the pack made for them")
        if found.key_holder is not None:
            raise ArchiveError(f"{path}: results are imported on the lead's workstation, which holds the "
                               "session's key; this one holds only {found.key_holder}'s")
        inspector = manifest.get("inspector")
        if not isinstance(inspector, str) or inspector not in found.scorers:
            raise ArchiveError(f"{path}: {inspector!r} does not take part in session {found.title!r}")
        key = participant_key(found, inspector)
        assert key is not None
        return key

    archive = read_archive(path, KIND, FORMAT_VERSION, key_for=session_key)
    session_id, inspector = archive.manifest.get("session_id"), archive.manifest.get("inspector")
    session = sessions.get(session_id)
    assert session is not None                      # session_key found it
    if session.revealed:
        raise ArchiveError(f"{path}: session {session.title!r} is revealed: its scores are final")
    if inspector not in session.scorers:
        raise ArchiveError(f"{path}: {inspector} does not take part in session {session.title!r}")
    if sessions.was_imported(archive.sha256):
        return ResultsImport(inspector, 0, 0, True)
    calls = CallRepository(db)
    session_calls = {calls.get(i).content_hash: i for i in session.call_ids}
    evaluations = []
    try:
        for record in json.loads(archive.read(MEMBER)):
            if record["inspector"] != inspector or record["session_id"] != session.id:
                raise ArchiveError(f"{path}: holds an evaluation by {record['inspector']} or of another session")
            if record["call"] not in session_calls:
                raise ArchiveError(f"{path}: scores a call that is not part of session {session.title!r}")
            evaluations.append(_evaluation(record, session_calls[record["call"]]))
    except ArchiveError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ArchiveError(f"{path}: an evaluation is malformed ({exc})") from exc
    repo = EvaluationRepository(db, card)
    for evaluation in evaluations:
        current = repo.get(evaluation.uuid)
        if current is not None and current.inspector != inspector:
            raise ArchiveError(f"{path}: evaluation {evaluation.uuid} belongs to {current.inspector}, not {inspector}")
        if current is not None and evaluation.version > current.version + 1:
            raise ArchiveError(f"{path}: evaluation {evaluation.uuid} jumps from version {current.version} to "
                               f"{evaluation.version}")
    stored = 0
    with storage_errors(db), db.atomic():
        for evaluation in evaluations:
            stored += int(repo.adopt(evaluation, f"calibration results file {path.name}"))
        sessions.record_import(archive.sha256, session.id, "results")
    return ResultsImport(inspector, stored, len(evaluations) - stored, False)


def _evaluation(record: dict, call_id: int) -> Evaluation:
    return Evaluation(record["uuid"], call_id, record["inspector"], record["card_id"], record["card_version"],
                      record["status"], int(record["version"]), *parts_from_dict(record), record["session_id"])
