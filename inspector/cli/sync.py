"""Sync commands: ``sync-setup``, ``export``, ``upload``, ``sync-status``, and the receiver's ``hub``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.archive import ArchiveError
from inspector.jobs import Cancelled
from inspector.store.database import StorageError
from inspector.store.outbox import OutboxRepository
from inspector.store.users import UserRepository
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import export_bundle
from inspector.sync.identity import SyncError
from inspector.sync.upload import RetryPolicy, upload


COMMANDS = ("sync-setup", "export", "upload", "sync-status")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    setup = sub.add_parser("sync-setup", help="this centre's id and key (once), upload address and token")
    setup.add_argument("--centre", required=True)
    setup.add_argument("--key", help="the centre key as hex (default: keep the current one, or make one)")
    setup.add_argument("--endpoint")
    setup.add_argument("--token")
    export = sub.add_parser("export", help="a signed bundle of every submitted evaluation, for offline transfer")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--transcripts", action="store_true", help="include the calls' transcripts (masked)")
    export.add_argument("--no-mask", action="store_true",
                        help="leave personal numbers in transcripts (team leads only: --user, password on stdin)")
    export.add_argument("--user")
    up = sub.add_parser("upload", help="send the outbox to headquarters")
    up.add_argument("--to", help="receiver URL (default: the configured one)")
    up.add_argument("--batch", type=int, default=100)
    up.add_argument("--backoff", type=float, default=RetryPolicy.base_s, help="first retry delay in seconds")
    up.add_argument("--attempts", type=int, default=RetryPolicy.attempts)
    up.add_argument("--timeout", type=float, default=RetryPolicy.timeout_s)
    up.add_argument("--ca-file", help="trust this CA bundle instead of the system's (HTTPS)")
    status = sub.add_parser("sync-status", help="how many evaluation versions are pending, sent, acknowledged")
    status.add_argument("--format", choices=("json", "text"), default="text")


def run(args: argparse.Namespace, db) -> int:
    try:
        return _run(args, db)
    except (SyncError, ArchiveError, StorageError) as exc:
        print(f"inspector {args.command}: {exc}", file=sys.stderr)
        return 2
    except Cancelled:
        print(f"inspector {args.command}: cancelled", file=sys.stderr)
        return 3


def _run(args: argparse.Namespace, db) -> int:
    if args.command == "sync-setup":
        current = sync_identity.load(db)
        made = sync_identity.set_up(db, args.centre, args.key or (current.key_hex if current else None),
                                    args.endpoint or (current.endpoint if current else None),
                                    args.token or (current.token if current else None))
        print(json.dumps({"centre_id": made.centre_id, "workstation_id": made.workstation_id,
                          "key": made.key_hex, "endpoint": made.endpoint}))
        return 0
    if args.command == "sync-status":
        outbox = OutboxRepository(db)
        counts = outbox.counts()
        rejected = [{"key": e.key, "reason": e.last_error} for e in outbox.entries(("rejected",))]
        if args.format == "json":
            print(json.dumps({**counts, "rejected_items": rejected}, ensure_ascii=False))
        else:
            print("  ".join(f"{k} {v}" for k, v in counts.items()))
            for item in rejected:
                print(f"  rejected {item['key']}: {item['reason']}")
        return 0
    identity = sync_identity.require(db)
    if args.command == "export":
        masked = not args.no_mask
        if not masked:
            _require_lead(db, args.user)
        manifest = export_bundle(db, identity, args.out, args.transcripts, masked)
        print(json.dumps({"file": str(args.out), **manifest["counts"], "masked": masked}))
        return 0
    if args.command == "upload":
        policy = RetryPolicy(args.attempts, args.backoff, RetryPolicy.cap_s, args.timeout)
        job = upload(db, identity, args.to, args.batch, policy, ca_file=args.ca_file)
        while True:
            try:
                progress = next(job)
            except StopIteration as stop:
                report = stop.value
                break
            print(f"\r{progress.message}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        print(json.dumps({"acknowledged": report.acknowledged, "rejected": report.rejected, "retries": report.retries,
                          "resent_missing": report.resent_missing, "reconciled": report.reconciled,
                          **OutboxRepository(db).counts()}, ensure_ascii=False))
        if report.resent_missing:
            print(f"the receiver lacked {report.resent_missing} acknowledged evaluation version(s): sent again",
                  file=sys.stderr)
        return 0 if report.reconciled and not report.rejected else 1
    raise AssertionError(args.command)


def _require_lead(db, user_id: str | None) -> None:
    """Unmasked personal data needs a lead's password, read from stdin so it is not in the shell history."""
    if not user_id:
        raise SyncError("--no-mask needs --user (a team lead) and the password on stdin")
    password = sys.stdin.readline().rstrip("\n")
    user = UserRepository(db).authenticate(user_id, password)
    if user is None or not user.is_lead:
        raise SyncError(f"{user_id}: wrong password or not a team lead; transcripts stay masked")
