"""One runner for what the pipeline finds on a stored call: rule hits, categories (why the customer called) and
the customer's emotion.

Checking ahead after an import or a transcription, ``inspector check --database``, ``categorize --database``
and ``emotion --database`` all run the steps through ``run_findings``: one "what is outdated" question
(``due_calls``), each call's shown transcript read once and its recording decoded once for all the steps that
need it. The steps are the batch's own (``findings.steps``), so a call checked here and one imported from a
batch run agree.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Generator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector.asr.recognizer import LoadedModel
from inspector.asr.relisten import GrammarListener
from inspector.asr.sources import is_recognised
from inspector.audio.activity import ActivityMap
from inspector.audio.errors import AudioError
from inspector.audio.overview import compute_overview, load_overview, open_audio, save_overview
from inspector.audio.recording import Recording, decode
from inspector.categories.match import CallCategory
from inspector.categories.pack import CategoryPack
from inspector.emotion.turns import CustomerEmotion
from inspector.findings.steps import Work, categorize_call, check_rules, measure_emotion
from inspector.jobs import Cancelled, Progress, drain
from inspector.rules.pack import RulePack
from inspector.store.calls import CallRepository
from inspector.domain.calls import Call, CallFilter
from inspector.store.categories import CategoryRepository
from inspector.store.emotion import EmotionRepository
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.workspace import Workspace

RULES, CATEGORIES, EMOTION = "rules", "categories", "emotion"
STEPS = (RULES, CATEGORIES, EMOTION)      # in order: categories may rest on the rule hits
ModelLoader = Callable[[], LoadedModel | None]   # loads (once) the model to listen again with, or None


@dataclass(frozen=True)
class Packs:
    """What the steps are made with; a step whose pack changed is outdated on every call. A run names only
    the packs of its steps."""
    rules: RulePack | None = None
    categories: CategoryPack | None = None


@dataclass
class FindingsResult:
    checked: int = 0
    hits: int = 0
    categorized: int = 0
    categories: int = 0
    measured: int = 0
    worsened: int = 0
    without_transcript: list[str] = field(default_factory=list)
    without_voice: list[str] = field(default_factory=list)      # emotion from the words only: no recording
    without_customer: list[str] = field(default_factory=list)   # a transcript without customer turns


def rules_outdated(db: sqlite_utils.Database, pack: RulePack) -> set[int]:
    """Calls whose hits are missing, from another pack or version, or older than their transcript."""
    return {r[0] for r in db.execute(
        "SELECT c.id FROM calls c LEFT JOIN checks k ON k.call_id = c.id "
        "WHERE k.call_id IS NULL OR k.pack_id != ? OR k.pack_version != ? "
        "OR k.transcript_source IS NOT (SELECT t.source FROM transcripts t JOIN calls shown ON shown.id = t.call_id "
        "  WHERE t.call_id = c.id ORDER BY t.source IS shown.transcript_source DESC, t.created_at DESC, "
        "  t.rowid DESC LIMIT 1) "
        "OR EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id AND t.created_at > k.checked_at)",
        [pack.id, pack.version])}


def due_calls(db: sqlite_utils.Database, packs: Packs, steps: Collection[str] = STEPS
              ) -> dict[int, frozenset[str]]:
    """Which of `steps` each call needs, for the calls that need any. New hits make the call's categories
    outdated too, since categories may rest on them."""
    due: dict[int, set[str]] = defaultdict(set)
    if RULES in steps:
        for call_id in rules_outdated(db, packs.rules):
            due[call_id].update({RULES, CATEGORIES} & set(steps))
    if CATEGORIES in steps:
        for call_id in CategoryRepository(db).outdated(packs.categories):
            due[call_id].add(CATEGORIES)
    if EMOTION in steps:
        for call_id in EmotionRepository(db).outdated():
            due[call_id].add(EMOTION)
    return {call_id: frozenset(wanted) for call_id, wanted in due.items()}


def all_calls(db: sqlite_utils.Database) -> list[Call]:
    calls = CallRepository(db)
    return calls.page(CallFilter(), sort="started_at", limit=max(1, calls.count()))


def run_findings(db: sqlite_utils.Database, workspace: Workspace | None, packs: Packs, steps: Collection[str] = STEPS,
                 cancel: threading.Event | None = None, only_outdated: bool = False, redo: Collection[str] = (),
                 listen_with: LoadedModel | None = None, load_for_listening: ModelLoader | None = None
                 ) -> Generator[Progress, None, FindingsResult]:
    """Every call (oldest first) through `steps`; with `only_outdated` each call through the steps
    `due_calls` names for it (checking ahead), plus the `redo` steps on every call (checking all calls again
    without measuring every emotion again). ``listen_with``: a model for the rules to hear doubtful phrases
    again on each call's audio (rules/relisten.py); ``load_for_listening``: one loaded only when a call's
    words came from a recogniser. Stops with Cancelled between calls."""
    due = due_calls(db, packs, steps) if only_outdated else {}
    work = [(call, frozenset(steps) if not only_outdated else due.get(call.id, frozenset()) | frozenset(redo))
            for call in all_calls(db)]
    work = [(call, wanted) for call, wanted in work if wanted]
    result = FindingsResult()
    for index, (call, wanted) in enumerate(work):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield Progress(index, len(work), call.call_ref)
        update_findings(db, workspace, call, packs, wanted, result, listen_with, load_for_listening)
    return result


def update_findings(db: sqlite_utils.Database, workspace: Workspace | None, call: Call, packs: Packs,
                    steps: Collection[str] = STEPS, result: FindingsResult | None = None,
                    listen_with: LoadedModel | None = None, load_for_listening: ModelLoader | None = None
                    ) -> FindingsResult:
    """Runs `steps` on the call's shown transcript and stores each finding with the transcript version it was
    made on; counts what happened in `result`. The rules hear doubtful phrases again with ``listen_with``, or
    with what ``load_for_listening`` loads when the words came from a recogniser (a reference or corrected
    transcript is what was said: there is nothing to hear again)."""
    result = result if result is not None else FindingsResult()
    stored = TranscriptRepository(db).latest(call.id)
    if stored is None:
        result.without_transcript.append(call.call_ref)
        return result
    source, transcript = stored
    if listen_with is None and load_for_listening is not None and RULES in steps and is_recognised(source):
        listen_with = load_for_listening()
    listening = listen_with is not None and RULES in steps
    recording, activity = _audio(call, workspace, rules=RULES in steps, samples=EMOTION in steps or listening)
    work = Work(recording=recording, activity=activity, transcript=transcript)
    if listening and recording is not None:
        work.listener = GrammarListener(listen_with, recording)
    hit_store = HitRepository(db)
    if RULES in steps:
        check_rules(work, packs)
        assert work.hits is not None and packs.rules is not None
        hit_store.replace(call.id, packs.rules, work.hits, source)
        result.checked += 1
        result.hits += len(work.hits)
    elif hit_store.checked_on(call.id) == source:
        work.hits = hit_store.for_call(call.id)
    if CATEGORIES in steps:
        categorize_call(work, packs)
        assert packs.categories is not None
        found = [CallCategory.from_dict(c) for c in work.findings["categories"]]
        CategoryRepository(db).replace(call.id, packs.categories, found, source)
        result.categorized += 1
        result.categories += len(found)
    if EMOTION in steps:
        measure_emotion(work, packs)
        if work.findings["emotion"] is None:
            result.without_customer.append(call.call_ref)
        else:
            emotion = CustomerEmotion.from_dict(work.findings["emotion"])
            EmotionRepository(db).replace(call.id, emotion, source)
            result.measured += 1
            result.worsened += int(emotion.worsened)
            if recording is None:
                result.without_voice.append(call.call_ref)
    return result


def _audio(call: Call, workspace: Workspace | None, rules: bool, samples: bool
           ) -> tuple[Recording | None, ActivityMap | None]:
    """The recording when a step needs its samples (emotion, hearing again), and the activity map the acoustic rules measure
    (from the waveform cache, filling it when missing): decoded at most once. (None, None) when the audio is
    gone or unreadable: the rules then use transcript timing, the emotion the words only."""
    if not (rules or samples):
        return None, None
    assert workspace is not None or not rules, "the rule step reads the waveform cache of the workspace"
    try:
        if not samples:
            return None, drain(open_audio(Path(call.path), workspace.peak_file(call.content_hash))).overview.activity
        recording = decode(Path(call.path))
    except (AudioError, OSError):
        return None, None
    if not rules:
        return recording, None
    cache = workspace.peak_file(call.content_hash)
    overview = load_overview(cache)
    if overview is None:
        overview = compute_overview(recording)
        try:
            save_overview(overview, cache)
        except OSError:
            pass  # a full or read-only disk only costs a slower next open
    return recording, overview.activity
