"""The transcription queue: many calls, N worker threads sharing one loaded model, one recognizer each.

Vosk releases the GIL while decoding, so threads use every core without copying the model per process.
Only the job's own thread touches the database; workers hand results back through a queue. Progress
reports the current call, overall counts and an ETA from the audio seconds done so far.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector.jobs import Progress
from inspector.asr.engine import Recognizer
from inspector.asr.recognizer import AsrError
from inspector.asr.sources import source_for
from inspector.audio.errors import AudioError
from inspector.audio.recording import decode
from inspector.jobs import Cancelled
from inspector.store.calls import CallRepository
from inspector.store.clock import utc_now
from inspector.store.transcripts import TranscriptRepository


@dataclass(frozen=True)
class AsrProgress(Progress):
    """Calls done of total, the call under way (`text`), and what transcription can say besides."""
    eta_s: float | None = None
    call_fraction: float = 0.0      # how far the recogniser is into ``text``


@dataclass
class AsrBatchResult:
    transcribed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def _eta(started: float, audio_done: float, total_audio: float) -> float | None:
    """Seconds left, from the audio seconds finished so far (None until the first call is done)."""
    if not audio_done:
        return None
    return (time.monotonic() - started) / audio_done * (total_audio - audio_done)


def enqueue(db: sqlite_utils.Database, call_ids: list[int], model_id: str) -> int:
    """Queue calls not yet transcribed by this model; returns how many are now pending."""
    transcripts = TranscriptRepository(db)
    with db.atomic():
        for call_id in call_ids:
            done = source_for(model_id) in transcripts.sources(call_id)
            db.execute("INSERT OR IGNORE INTO asr_queue (call_id, model_id, status, queued_at) VALUES (?, ?, ?, ?)",
                       [call_id, model_id, "done" if done else "pending", utc_now()])
            if not done:
                db.execute("UPDATE asr_queue SET status = 'pending', error = '' WHERE call_id = ? AND model_id = ? "
                           "AND status = 'failed'", [call_id, model_id])
    return pending_count(db, model_id)


def pending_count(db: sqlite_utils.Database, model_id: str) -> int:
    return db.execute("SELECT count(*) FROM asr_queue WHERE model_id = ? AND status = 'pending'",
                      [model_id]).fetchone()[0]


def run_queue(db: sqlite_utils.Database, recognizer: Recognizer, workers: int | None = None,
              cancel: threading.Event | None = None) -> Generator[AsrProgress, None, AsrBatchResult]:
    cancel = cancel or threading.Event()
    calls = CallRepository(db)
    rows = list(db.query("SELECT call_id FROM asr_queue WHERE model_id = ? AND status = 'pending' ORDER BY call_id",
                         [recognizer.model_id]))
    jobs = [c for c in (calls.get(r["call_id"]) for r in rows) if c is not None]
    total_audio = sum(c.duration_s for c in jobs) or 1.0
    results: queue.Queue = queue.Queue()
    result = AsrBatchResult()
    started = time.monotonic()
    audio_done = 0.0

    def work(call):
        try:
            transcript = recognizer.transcribe(decode(Path(call.path)), call.call_ref, cancel=cancel,
                                               progress=lambda fraction: results.put(("progress", call, fraction)))
            results.put(("done", call, transcript))
        except Cancelled:
            results.put(("cancelled", call, None))
        except (AsrError, AudioError, OSError) as exc:
            results.put(("failed", call, str(exc)))

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                            thread_name_prefix="inspector-asr") as pool:
        for call in jobs:
            pool.submit(work, call)
        yield AsrProgress(0, len(jobs), "", None)
        finished = 0
        while finished < len(jobs):
            kind, call, payload = results.get()
            if kind == "progress":
                yield AsrProgress(finished, len(jobs), call.call_ref, _eta(started, audio_done, total_audio), payload)
                continue
            finished += 1
            audio_done += call.duration_s
            if kind == "done":
                with db.atomic():
                    TranscriptRepository(db).save(call.id, source_for(recognizer.model_id), payload)
                    db.execute("UPDATE asr_queue SET status = 'done', finished_at = ? WHERE call_id = ? AND "
                               "model_id = ?", [utc_now(), call.id, recognizer.model_id])
                result.transcribed.append(call.call_ref)
            elif kind == "failed":
                db.execute("UPDATE asr_queue SET status = 'failed', error = ?, finished_at = ? WHERE call_id = ? "
                           "AND model_id = ?", [payload, utc_now(), call.id, recognizer.model_id])
                result.failed[call.call_ref] = payload
            yield AsrProgress(finished, len(jobs), call.call_ref, _eta(started, audio_done, total_audio), 1.0)
    if cancel.is_set():
        raise Cancelled
    return result
