"""Calibration packs: what a lead sends to offline inspectors (the session, its calls' audio and
transcripts, the scorecard), as one checksummed file.

Calls are identified across workstations by the SHA-256 of their audio, never by local row ids, so a pack
imported on the lead's own machine or twice on another one finds the calls it already has.

A pack is made for one participant: it carries that participant's results key only (calibration.results),
so whoever holds it can seal scores in that participant's name and nobody else's.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import sqlite_utils

from inspector.archive import ArchiveError, read_archive, write_archive
from inspector.calibration.results import participant_key
from inspector.domain.people import User
from inspector.audio.errors import AudioError
from inspector.privacy.masking import mask_transcript
from inspector.privacy.recordings import redacted_audio
from inspector.store.export_audit import ExportAudit
from inspector.users.policy import Action, allowed, require
from inspector.scoring.card import CardError, Scorecard, load_card
from inspector.store.calibration import CalibrationRepository
from inspector.domain.calibration import CalibrationSession
from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.database import storage_errors
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.io import TranscriptError, from_dict, to_dict

KIND = "calibration-pack"
FORMAT_VERSION = 2           # 2: made for one participant, with their key (1: the session key for everyone)
TRANSCRIPT_SOURCE = "calibration pack"
_CALL_FIELDS = ("call_ref", "agent_id", "agent_name", "started_at", "hotline", "business_type", "title",
                "duration_s", "sample_rate", "channels", "audio_format")


@dataclass(frozen=True)
class PackImport:
    session: CalibrationSession
    calls_added: int
    already_imported: bool


def pack_name(session: CalibrationSession, participant: str) -> str:
    return f"calibration-{session.id[:8]}-{participant}.inspector-pack"


def export_packs(db: sqlite_utils.Database, session: CalibrationSession, card: Scorecard, folder: Path,
                 actor: User, masked: bool = True) -> list[Path]:
    """One pack per scorer, each with that scorer's key, in `folder`: the lead hands each to its owner."""
    return [export_pack(db, session, card, folder / pack_name(session, p), p, actor, masked) for p in session.scorers]


def export_pack(db: sqlite_utils.Database, session: CalibrationSession, card: Scorecard, out: Path,
                participant: str, actor: User, masked: bool = True) -> Path:
    """Masked by default: transcripts with personal numbers and the identity check's names masked, recordings
    with a tone over them (privacy.recordings). Unmasked only for a lead; every pack is in the export audit."""
    if not masked:
        require(actor, Action.EXPORT_UNMASKED)
    key = participant_key(session, participant) if participant in session.scorers else None
    if key is None or session.key_holder is not None:
        raise ArchiveError(f"a pack for {participant} is made on the lead's workstation of session "
                           f"{session.title!r}, for one of its participants")
    calls, transcripts = CallRepository(db), TranscriptRepository(db)
    assert card.source is not None, "a session's card comes from a file"
    members: dict[str, bytes] = {"card.toml": card.source.read_bytes()}
    listed = []
    for call_id in session.call_ids:
        call = calls.get(call_id)
        assert call is not None
        try:
            audio = redacted_audio(db, call).wav if masked else Path(call.path).read_bytes()
        except (OSError, AudioError) as exc:
            raise ArchiveError(f"{call.path}: cannot read the audio of call {call.call_ref} ({exc})") from exc
        audio_name = f"audio/{call.content_hash}{'.wav' if masked else Path(call.path).suffix.lower()}"
        members[audio_name] = audio
        entry = {"content_hash": call.content_hash, "audio": audio_name, "transcript": None,
                 **{f: getattr(call, f) for f in _CALL_FIELDS}}
        latest = transcripts.latest(call_id)
        if latest is not None:
            entry["transcript"] = f"transcripts/{call.content_hash}.json"
            shown = mask_transcript(latest[1]) if masked else latest[1]
            members[entry["transcript"]] = json.dumps(to_dict(shown), ensure_ascii=False).encode("utf-8")
        listed.append(entry)
    header = {k: v for k, v in asdict(session).items() if k not in ("call_ids", "status", "revealed_at")}
    header |= {"results_key": key, "key_holder": participant}
    written = write_archive(out, {"format": f"inspector-{KIND}", "format_version": FORMAT_VERSION,
                                  "session": header, "calls": listed, "masked": masked}, members)
    ExportAudit(db).record(actor.id, "calibration pack", str(out), masked,
                           f"session {session.id} for {participant}, {len(listed)} call(s)")
    return written


def import_pack(db: sqlite_utils.Database, path: Path, card: Scorecard, audio_folder: Path, actor: User) -> PackImport:
    """Raises ArchiveError naming the file and the problem; nothing is stored unless all of it checks out.
    The pack is imported by the participant it was made for (or a lead)."""
    archive = read_archive(path, KIND, FORMAT_VERSION)
    if archive.manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(f"{path}: made by an older Inspector for every participant at once; ask the lead for "
                           "the pack made for you")
    sessions = CalibrationRepository(db)
    try:
        header = archive.manifest["session"]
        entries = archive.manifest["calls"]
        session_id = header["id"]
        holder, key = header["key_holder"], header["results_key"]
    except (KeyError, TypeError) as exc:
        raise ArchiveError(f"{path}: its manifest lacks {exc}") from exc
    if not (isinstance(holder, str) and isinstance(key, str) and len(key) == 64
            and all(c in "0123456789abcdef" for c in key)):
        raise ArchiveError(f"{path}: its participant or key is malformed")
    if holder != actor.id and not allowed(actor, Action.RUN_CALIBRATION):
        raise ArchiveError(f"{path}: this pack was made for {holder}; {actor.id} imports the one made for them")
    _check_card(path, archive.read("card.toml"), card)
    existing = sessions.get(session_id)
    if sessions.was_imported(archive.sha256) and existing is not None:
        return PackImport(existing, 0, True)
    parsed = []
    for entry in entries:
        try:
            transcript = None
            if entry["transcript"]:
                transcript = from_dict(json.loads(archive.read(entry["transcript"])), f"{path}:{entry['transcript']}")
            parsed.append((entry, archive.read(entry["audio"]), transcript))
        except (KeyError, TypeError, ValueError, TranscriptError) as exc:
            raise ArchiveError(f"{path}: call entry {entry.get('call_ref', '?')} is unusable ({exc})") from exc
    audio_folder.mkdir(parents=True, exist_ok=True)
    calls, transcripts = CallRepository(db), TranscriptRepository(db)
    call_ids, added = [], 0
    with storage_errors(db), db.atomic():
        for entry, audio, transcript in parsed:
            target = audio_folder / Path(entry["audio"]).name
            if not target.exists():
                target.write_bytes(audio)
            call, new = calls.add(NewCall(content_hash=entry["content_hash"], path=str(target),
                                          **{f: entry[f] for f in _CALL_FIELDS}))
            added += int(new)
            call_ids.append(call.id)
            if transcript is not None and new:
                transcripts.save(call.id, TRANSCRIPT_SOURCE, transcript)
        session = sessions.add(CalibrationSession(
            id=session_id, title=header["title"], card_id=header["card_id"], card_version=header["card_version"],
            lead=header["lead"], call_ids=tuple(call_ids), participants=tuple(header["participants"]),
            benchmark=header.get("benchmark"), benchmark_kind=header.get("benchmark_kind"),
            created_at=header.get("created_at", ""), results_key=header["results_key"],
            key_holder=header["key_holder"]))
        sessions.record_import(archive.sha256, session_id, "pack")
    return PackImport(session, added, False)


def _check_card(path: Path, data: bytes, card: Scorecard) -> None:
    """Scores are only comparable on the same card: a pack for another card version is refused."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "card.toml"
        copy.write_bytes(data)
        try:
            theirs = load_card(copy)
        except CardError as exc:
            raise ArchiveError(f"{path}: its scorecard is unusable ({exc})") from exc
    if (theirs.id, theirs.version) != (card.id, card.version):
        raise ArchiveError(f"{path}: the session uses scorecard {theirs.id} {theirs.version}; this workstation "
                           f"has {card.id} {card.version}")
