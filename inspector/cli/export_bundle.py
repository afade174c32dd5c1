"""``inspector export --out F``: a signed bundle of every submitted evaluation, for a USB stick."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.store.users import UserRepository
from inspector.users.policy import Action, allowed
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import export_bundle
from inspector.sync.identity import SyncError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="a signed bundle of every submitted evaluation, for offline transfer")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--transcripts", action="store_true", help="include the calls' transcripts (masked)")
    parser.add_argument("--no-mask", action="store_true",
                        help="leave personal numbers in transcripts (team leads only: --user, password on stdin)")
    parser.add_argument("--user")
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    identity = sync_identity.require(ctx.db)
    masked = not args.no_mask
    if not masked:
        _require_lead(ctx, args.user)
    manifest = export_bundle(ctx.db, identity, args.out, args.transcripts, masked)
    print(json.dumps({"file": str(args.out), **manifest["counts"], "masked": masked}))
    return 0


def _require_lead(ctx: CliContext, user_id: str | None) -> None:
    """Unmasked personal data needs a lead's password, read from stdin so it is not in the shell history."""
    if not user_id:
        raise SyncError("--no-mask needs --user (a team lead) and the password on stdin")
    password = sys.stdin.readline().rstrip("\n")
    user = UserRepository(ctx.db).authenticate(user_id, password)
    if not allowed(user, Action.EXPORT_UNMASKED):
        raise SyncError(f"{user_id}: wrong password or not a team lead; transcripts stay masked")
