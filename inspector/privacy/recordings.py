"""Recordings leaving the workstation: redacted by default (privacy.redaction), in full only for a team lead,
and every export recorded in the append-only export audit."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

import soundfile as sf
import sqlite_utils

from inspector.atomic_file import write_bytes_atomic
from inspector.audio.recording import Recording, decode
from inspector.domain.people import User
from inspector.privacy.redaction import Redaction, redact, redactions
from inspector.domain.calls import Call
from inspector.store.export_audit import ExportAudit
from inspector.store.transcripts import TranscriptRepository
from inspector.users.policy import Action, require


@dataclass(frozen=True)
class RedactedAudio:
    wav: bytes
    spans: list[Redaction]


def redacted_recording(path: Path, transcripts: list) -> Recording:
    """The call decoded with a tone over every personal span of the given transcript versions: what an agent
    listens to of their own call. Decoding is slow, so the caller reads the transcripts and runs this off the
    GUI thread. Raises AudioError (the file named) when the recording cannot be read."""
    recording = decode(Path(path))
    spans = redactions(transcripts, recording.channels)
    return replace(recording, samples=redact(recording.samples, recording.sample_rate, spans))


def redacted_audio(db: sqlite_utils.Database, call: Call) -> RedactedAudio:
    """The call as a 16-bit WAV with a tone over every span any stored transcript version marks as personal.
    Raises AudioError (the file named) when the recording cannot be read."""
    recording = decode(Path(call.path))
    spans = redactions(TranscriptRepository(db).every_version(call.id), recording.channels)
    samples = redact(recording.samples, recording.sample_rate, spans)
    buffer = io.BytesIO()
    sf.write(buffer, samples.T, recording.sample_rate, format="WAV", subtype="PCM_16")
    return RedactedAudio(buffer.getvalue(), spans)


def export_recording(db: sqlite_utils.Database, call: Call, out: Path, actor: User, redacted: bool = True) -> list[Redaction]:
    """Writes the recording (redacted unless a lead says otherwise) and records the export; returns the spans
    silenced. Raises NotAllowed for an unredacted export by anyone but a lead."""
    if redacted:
        made = redacted_audio(db, call)
        write_bytes_atomic(out, made.wav)
        spans = made.spans
    else:
        require(actor, Action.EXPORT_UNMASKED)
        write_bytes_atomic(out, Path(call.path).read_bytes())
        spans = []
    ExportAudit(db).record(actor.id, "recording", str(out), redacted,
                           f"call {call.call_ref}, {len(spans)} span(s) silenced")
    return spans
