"""Checking stored calls with a rule pack: one call, all calls (as a job), or a comparison with a new pack.

Acoustic rules use the call's activity map from the waveform cache (computing it when missing), so a
check measures silences and talk-over on the audio whenever the recording is still there.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector.asr.recognizer import LoadedModel
from inspector.asr.relisten import GrammarListener
from inspector.asr.sources import is_recognised
from inspector.audio.activity import ActivityMap
from inspector.audio.recording import decode
from inspector.audio.errors import AudioError
from inspector.audio.overview import open_audio
from inspector.jobs import Cancelled, Progress, drain
from inspector.rules.engine import check_call
from inspector.rules.hits import Hit, hit_key
from inspector.rules.pack import RulePack
from inspector.domain.calls import Call
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.findings.runner import RULES, ModelLoader, Packs, all_calls, rules_outdated, run_findings
from inspector.workspace import Workspace


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


def check_and_store(call: Call, db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
                    listen_with: LoadedModel | None = None,
                    load_for_listening: ModelLoader | None = None) -> list[Hit] | None:
    found = hits_for(call, db, workspace, pack, listen_with, load_for_listening)
    if found is None:
        return None
    source, hits = found
    HitRepository(db).replace(call.id, pack, hits, source)
    return hits


def outdated_calls(db: sqlite_utils.Database, pack: RulePack) -> list[Call]:
    """Calls whose hits are missing, from another pack or version, or older than their transcript: what
    checking ahead has to do after an import, a transcription or a change of pack."""
    ids = rules_outdated(db, pack)
    return [c for c in all_calls(db) if c.id in ids]


def _each_call(db: sqlite_utils.Database, cancel: threading.Event | None
               ) -> Generator[tuple[Progress, Call], None, None]:
    """Every call with the progress to report before working on it; stops at a cancel."""
    calls = all_calls(db)
    for index, call in enumerate(calls):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield Progress(index, len(calls), call.call_ref), call


def check_all(db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
              cancel: threading.Event | None = None, only_outdated: bool = False,
              listen_with: LoadedModel | None = None, load_for_listening: ModelLoader | None = None
              ) -> Generator[Progress, None, BatchResult]:
    """Every call, or with `only_outdated` the calls `outdated_calls` names: the findings runner's rule step.
    ``listen_with``: a model to hear doubtful phrases again on each call's audio; ``load_for_listening``: one
    loaded for the calls whose words a recogniser made."""
    found = yield from run_findings(db, workspace, Packs(rules=pack), (RULES,), cancel, only_outdated,
                                    listen_with=listen_with, load_for_listening=load_for_listening)
    return BatchResult(found.checked, found.hits, found.without_transcript)


def compare_pack(db: sqlite_utils.Database, workspace: Workspace, pack: RulePack,
                 cancel: threading.Event | None = None) -> Generator[Progress, None, list[CallDiff]]:
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
