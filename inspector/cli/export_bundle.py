"""``inspector export --out F``: a signed bundle of every submitted evaluation, for a USB stick."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.users.policy import Action
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import export_bundle


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="a signed bundle of every submitted evaluation, for offline transfer")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--transcripts", action="store_true", help="include the calls' transcripts (masked)")
    parser.add_argument("--no-mask", action="store_true",
                        help="leave personal numbers in transcripts (team leads only: --user, --password-stdin)")
    add_identity_arguments(parser)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    identity = sync_identity.require(ctx.db)
    masked = not args.no_mask
    actor = sign_in(ctx.db, args, Action.SEE_ALL_EVALUATIONS if masked else Action.EXPORT_UNMASKED)
    manifest = export_bundle(ctx.db, identity, args.out, actor, args.transcripts, masked)
    print(json.dumps({"file": str(args.out), **manifest["counts"], "masked": masked}))
    return 0

