"""``inspector sync-setup``: this centre's id and key (once), the upload address and token.

The key signs every upload and the token opens the receiver, so neither is echoed: the output shows a short
fingerprint of the key, to compare with the one headquarters registered, and whether a token is set. Both
can be given on standard input (``--secrets-stdin``) so that they stay out of the shell history.
"""

from __future__ import annotations

import argparse
import hashlib
import json

from inspector.cli.auth import read_line
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.sync import identity as sync_identity


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync-setup", help="this centre's id and key (once), upload address and token")
    parser.add_argument("--centre", required=True)
    parser.add_argument("--key", help="the centre key as hex (default: keep the current one, or make one)")
    parser.add_argument("--endpoint")
    parser.add_argument("--token")
    parser.add_argument("--secrets-stdin", action="store_true",
                        help="read the key, then the token, from standard input (an empty line keeps the current)")
    parser.set_defaults(handler=run)


def key_fingerprint(key_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(key_hex)).hexdigest()[:16]


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    key, token = args.key, args.token
    if args.secrets_stdin:
        key, token = read_line() or key, read_line() or token
    current = sync_identity.load(ctx.db)
    made = sync_identity.set_up(ctx.db, args.centre, key or (current.key_hex if current else None),
                                args.endpoint or (current.endpoint if current else None),
                                token or (current.token if current else None))
    print(json.dumps({"centre_id": made.centre_id, "workstation_id": made.workstation_id,
                      "key_fingerprint": key_fingerprint(made.key_hex), "endpoint": made.endpoint,
                      "token_set": bool(made.token)}))
    return 0
