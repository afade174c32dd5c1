"""Export bundles: every submitted evaluation version of this workstation (and optionally the calls'
transcripts, masked) in one signed file for a USB stick, imported at headquarters like an upload.

The manifest carries centre, workstation, time, counts and the SHA-256 of each member; the whole file is
signed with the centre key (HMAC-SHA256); headquarters checks signature and checksums before reading a line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from inspector.archive import Archive, ArchiveError, read_archive, write_archive
from inspector.domain.people import User
from inspector.store.clock import utc_now
from inspector.store.export_audit import ExportAudit
from inspector.users.policy import Action, require
from inspector.store.outbox import OutboxRepository, enqueue_unsent_answers
from inspector.store.transcripts import TranscriptRepository
from inspector.sync.identity import SyncIdentity
from inspector.privacy.masking import mask_transcript
from inspector.sync.protocol import canonical_json, digest_of
from inspector.transcript.io import to_dict

KIND = "bundle"
FORMAT_VERSION = 1
EVALUATIONS = "evaluations.jsonl"
TRANSCRIPTS = "transcripts.jsonl"


@dataclass(frozen=True)
class BundleItem:
    uuid: str
    version: int
    digest: str
    payload: str


def export_bundle(db: sqlite_utils.Database, identity: SyncIdentity, out: Path, actor: User,
                  transcripts: bool = False, masked: bool = True) -> dict:
    """Returns the manifest written. The bundle carries every inspector's evaluations, so it is a lead's to
    make (NotAllowed otherwise); unmasked transcripts need a lead too; every bundle is in the export audit."""
    require(actor, Action.SEE_ALL_EVALUATIONS)
    if transcripts and not masked:
        require(actor, Action.EXPORT_UNMASKED)
    enqueue_unsent_answers(db)
    entries = OutboxRepository(db).entries()
    lines = [canonical_json({"uuid": e.uuid, "version": e.version, "digest": e.digest, "payload": e.payload})
             for e in entries]
    members = {EVALUATIONS: "\n".join(lines).encode("utf-8")}
    counts = {"evaluations": len(entries)}
    if transcripts:
        # coaching sessions name no call
        hashes = {json.loads(e.payload).get("call", {}).get("content_hash") for e in entries} - {None}
        rows = []
        store = TranscriptRepository(db)
        for call in db.query(f"SELECT id, content_hash FROM calls WHERE content_hash IN "
                             f"({', '.join('?' for _ in hashes)})", list(hashes)):
            latest = store.latest(call["id"])
            if latest is not None:
                transcript = mask_transcript(latest[1]) if masked else latest[1]
                rows.append(canonical_json({"content_hash": call["content_hash"], "source": latest[0],
                                            "masked": masked, "transcript": to_dict(transcript)}))
        members[TRANSCRIPTS] = "\n".join(rows).encode("utf-8")
        counts["transcripts"] = len(rows)
    manifest = {"format": f"inspector-{KIND}", "format_version": FORMAT_VERSION, "centre_id": identity.centre_id,
                "workstation_id": identity.workstation_id, "created_at": utc_now(), "counts": counts,
                "masked": masked}
    write_archive(out, manifest, members, seal=identity.sign)
    ExportAudit(db).record(actor.id, "bundle", str(out), masked or not transcripts,
                           ", ".join(f"{n} {k}" for k, n in counts.items()))
    return manifest


def read_bundle(path: Path, key_for_centre) -> tuple[Archive, list[BundleItem]]:
    """`key_for_centre(centre_id)` gives the centre's key or None for a centre headquarters does not know."""
    def key_for(manifest: dict) -> str:
        centre = manifest.get("centre_id")
        key = key_for_centre(centre) if isinstance(centre, str) else None
        if key is None:
            raise ArchiveError(f"{path}: comes from centre {centre!r}, which headquarters does not know")
        return key

    archive = read_archive(path, KIND, FORMAT_VERSION, key_for)
    items = []
    try:
        text = archive.read(EVALUATIONS).decode("utf-8")
        for number, line in enumerate(filter(None, text.split("\n")), start=1):
            record = json.loads(line)
            item = BundleItem(record["uuid"], int(record["version"]), record["digest"], record["payload"])
            if digest_of(item.payload) != item.digest:
                raise ArchiveError(f"{path}: evaluation line {number} does not match its digest")
            items.append(item)
    except ArchiveError:
        raise
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ArchiveError(f"{path}: {EVALUATIONS} is malformed ({exc})") from exc
    if len(items) != archive.manifest.get("counts", {}).get("evaluations"):
        raise ArchiveError(f"{path}: holds {len(items)} evaluations, its manifest says "
                           f"{archive.manifest.get('counts', {}).get('evaluations')}")
    return archive, items
