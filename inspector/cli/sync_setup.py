"""``inspector sync-setup``: this centre's id and key (once), the upload address and token."""

from __future__ import annotations

import argparse
import json

from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.sync import identity as sync_identity


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync-setup", help="this centre's id and key (once), upload address and token")
    parser.add_argument("--centre", required=True)
    parser.add_argument("--key", help="the centre key as hex (default: keep the current one, or make one)")
    parser.add_argument("--endpoint")
    parser.add_argument("--token")
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    current = sync_identity.load(ctx.db)
    made = sync_identity.set_up(ctx.db, args.centre, args.key or (current.key_hex if current else None),
                                args.endpoint or (current.endpoint if current else None),
                                args.token or (current.token if current else None))
    print(json.dumps({"centre_id": made.centre_id, "workstation_id": made.workstation_id,
                      "key": made.key_hex, "endpoint": made.endpoint}))
    return 0
