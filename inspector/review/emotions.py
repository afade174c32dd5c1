"""Measuring the customer's emotion on stored calls: the shown transcript and, when the recording is still
there, its customer channel (else words and transcript timing only, and the result says so)."""

from __future__ import annotations

import threading
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from inspector.audio.errors import AudioError
from inspector.audio.recording import Recording, decode
from inspector.emotion.turns import CustomerEmotion, customer_emotion
from inspector.jobs import Cancelled
from inspector.review.checking import CheckProgress
from inspector.store.calls import CallRepository
from inspector.store.emotion import EmotionRepository
from inspector.store.transcripts import TranscriptRepository


@dataclass
class EmotionResult:
    measured: int = 0
    worsened: int = 0
    without_voice: list[str] = field(default_factory=list)      # the recording was gone or unreadable
    without_customer: list[str] = field(default_factory=list)   # no transcript, or no customer turns


def measure_stored(db: sqlite_utils.Database, call_id: int, recording: Recording | None = None,
                   decode_audio: bool = True) -> tuple[CustomerEmotion | None, bool]:
    """(the emotion stored for the call or None, whether the voice was measured)."""
    stored = TranscriptRepository(db).latest(call_id)
    if stored is None:
        return None, False
    if recording is None and decode_audio:
        call = CallRepository(db).get(call_id)
        try:
            recording = decode(Path(call.path))
        except (AudioError, OSError):
            recording = None
    emotion = customer_emotion(stored[1], recording)
    if emotion is not None:
        EmotionRepository(db).replace(call_id, emotion, stored[0])
    return emotion, recording is not None


def measure_all(db: sqlite_utils.Database, cancel: threading.Event | None = None, only_outdated: bool = False
                ) -> Generator[CheckProgress, None, EmotionResult]:
    ids = EmotionRepository(db).outdated() if only_outdated else [
        r[0] for r in db.execute("SELECT id FROM calls ORDER BY id")]
    refs = CallRepository(db).refs(ids) if ids else {}
    result = EmotionResult()
    for index, call_id in enumerate(ids):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        yield CheckProgress(index, len(ids), refs[call_id])
        emotion, voiced = measure_stored(db, call_id)
        if emotion is None:
            result.without_customer.append(refs[call_id])
            continue
        result.measured += 1
        result.worsened += int(emotion.worsened)
        if not voiced:
            result.without_voice.append(refs[call_id])
    return result
