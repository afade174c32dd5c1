"""Checking stored calls with a rule pack: one call, all calls (as a job), or a comparison with a new pack.

Acoustic rules use the call's activity map from the waveform cache (computing it when missing), so a
check measures silences and talk-over on the audio whenever the recording is still there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector.asr.recognizer import LoadedModel
from inspector.asr.relisten import GrammarListener
from inspector.audio.activity import ActivityMap
from inspector.audio.recording import decode
from inspector.audio.errors import AudioError
from inspector.audio.overview import open_audio
from inspector.jobs import Cancelled, drain
from inspector.rules.engine import check_call
from inspector.rules.hits import Hit, hit_key
from inspector.review.transcribing import RECOGNISED_PREFIX
from inspector.rules.pack import RulePack
from inspector.store.calls import Call, CallFilter, CallRepository
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.workspace import Workspace

ModelLoader = Callable[[], LoadedModel | None]   # loads (once) the model to listen again with, or None


@dataclass(frozen=True)
class CheckProgress:
    done: int
    total: int
    current: str


@dataclass
class BatchResult:
    checked: int = 0
    hits: int = 0
    without_transcript: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CallDiff:
    call_ref: str
    added: tuple[str, ...]      # hit keys only the new pack finds
    removed: tuple[str, ...]    # hit keys only the current hits have


def activity_for(call: Call, workspace: Workspace) -> ActivityMap | None:
    """From the waveform cache, decoding once if needed; None when the audio is gone or unreadable."""
    try:
        return drain(open_audio(Path(call.path), workspace.peak_file(call.content_hash))).overview.activity
    except (AudioError, OSError):
        return None


def listener_for(call: Call, loaded: LoadedModel | None) -> GrammarListener | None:
    """Hears the call's recording again with ``loaded``; None without a model or when the audio is gone."""
    if loaded is None:
        return None
    try:
        return GrammarListener(loaded, decode(Path(call.path)))
    except (AudioError, OSError):
        return None


def hits_for(call: Call, db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
             listen_with: LoadedModel | None = None,
             load_for_listening: ModelLoader | None = None) -> tuple[str, list[Hit]] | None:
    """The transcript version the call shows and its hits; None when the call has no transcript to check.
    ``listen_with``: a model to hear doubtful phrases again on the call's audio (rules/relisten.py);
    ``load_for_listening``: one loaded only when the words came from a recogniser (a reference or corrected
    transcript is what was said: there is nothing to hear again), as the window checks."""
    stored = TranscriptRepository(db).latest(call.id)
    if stored is None:
        return None
    loaded = listen_with
    if loaded is None and load_for_listening is not None and is_recognised(stored[0]):
        loaded = load_for_listening()
    return stored[0], check_call(pack, stored[1], activity_for(call, workspace), listener_for(call, loaded))


def is_recognised(source: str) -> bool:
    return source.startswith(RECOGNISED_PREFIX)


def check_and_store(call: Call, db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
                    listen_with: LoadedModel | None = None,
                    load_for_listening: ModelLoader | None = None) -> list[Hit] | None:
    found = hits_for(call, db, workspace, pack, listen_with, load_for_listening)
    if found is None:
        return None
    source, hits = found
    HitRepository(db).replace(call.id, pack, hits, source)
    return hits


def _all_calls(db: sqlite_utils.Database) -> list[Call]:
    calls = CallRepository(db)
    return calls.page(CallFilter(), sort="started_at", limit=max(1, calls.count()))


def outdated_calls(db: sqlite_utils.Database, pack: RulePack) -> list[Call]:
    """Calls whose hits are missing, from another pack or version, or older than their transcript: what
    checking ahead has to do after an import, a transcription or a change of pack."""
    ids = {r[0] for r in db.execute(
        "SELECT c.id FROM calls c LEFT JOIN checks k ON k.call_id = c.id "
        "WHERE k.call_id IS NULL OR k.pack_id != ? OR k.pack_version != ? "
        "OR k.transcript_source IS NOT (SELECT t.source FROM transcripts t JOIN calls shown ON shown.id = t.call_id "
        "  WHERE t.call_id = c.id ORDER BY t.source IS shown.transcript_source DESC, t.created_at DESC, "
        "  t.rowid DESC LIMIT 1) "
        "OR EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id AND t.created_at > k.checked_at)",
        [pack.id, pack.version])}
    return [c for c in _all_calls(db) if c.id in ids]


def _each_call(db: sqlite_utils.Database, cancel: threading.Event | None, calls: list[Call] | None = None
               ) -> Generator[tuple[CheckProgress, Call], None, None]:
    """Every call (or those given) with the progress to report before working on it; stops at a cancel."""
    calls = _all_calls(db) if calls is None else calls
    for index, call in enumerate(calls):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield CheckProgress(index, len(calls), call.call_ref), call


def check_all(db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
              cancel: threading.Event | None = None, only_outdated: bool = False,
              listen_with: LoadedModel | None = None,
              load_for_listening: ModelLoader | None = None) -> Generator[CheckProgress, None, BatchResult]:
    """Every call, or with `only_outdated` the calls `outdated_calls` names (checking ahead)."""
    result = BatchResult()
    for progress, call in _each_call(db, cancel, outdated_calls(db, pack) if only_outdated else None):
        yield progress
        hits = check_and_store(call, db, workspace, pack, listen_with, load_for_listening)
        if hits is None:
            result.without_transcript.append(call.call_ref)
        else:
            result.checked += 1
            result.hits += len(hits)
    return result


def compare_pack(db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
                 cancel: threading.Event | None = None) -> Generator[CheckProgress, None, list[CallDiff]]:
    """What re-running ``pack`` over the local calls would change, without storing anything."""
    diffs: list[CallDiff] = []
    repo = HitRepository(db)
    for progress, call in _each_call(db, cancel):
        yield progress
        found = hits_for(call, db, workspace, pack)
        if found is None:
            continue
        new_keys = {hit_key(h) for h in found[1]}
        old_keys = {hit_key(h) for h in repo.for_call(call.id) or []}
        if new_keys != old_keys:
            diffs.append(CallDiff(call.call_ref, tuple(sorted(new_keys - old_keys)),
                                  tuple(sorted(old_keys - new_keys))))
    return diffs
