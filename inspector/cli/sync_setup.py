"""``inspector sync-setup``: this centre's id and key (once), the upload address and token.

A lead's or admin's password comes first (``--user ID --password-stdin``): the set-up decides where every
score goes. The key signs every upload and the token opens the receiver, so neither is echoed: the output shows a short
fingerprint of the key, to compare with the one headquarters registered, and whether a token is set. Both
can be given on standard input (``--secrets-stdin``) so that they stay out of the shell history.
"""

from __future__ import annotations

import argparse
import hashlib
import json

from inspector.cli.auth import add_identity_arguments, read_line, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.sync import identity as sync_identity
from inspector.users.policy import Action


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync-setup", help="this centre's id and key (once), upload address and token")
    parser.add_argument("--centre", required=True)
    parser.add_argument("--key", help="the centre key as hex (default: keep the current one, or make one)")
    parser.add_argument("--endpoint")
    parser.add_argument("--token")
    parser.add_argument("--secrets-stdin", action="store_true",
                        help="after the lead's password, read the key, then the token, from standard input (an "
                             "empty line keeps the current)")
    add_identity_arguments(parser)
    parser.set_defaults(handler=run)


def key_fingerprint(key_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(key_hex)).hexdigest()[:16]


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, Action.CONFIGURE_SYNC)
    key, token = args.key, args.token
    if args.secrets_stdin:
        key, token = read_line("centre key") or key, read_line("upload token") or token
    current = sync_identity.load(ctx.db)
    made = sync_identity.set_up(ctx.db, actor, args.centre, key or (current.key_hex if current else None),
                                args.endpoint or (current.endpoint if current else None),
                                token or (current.token if current else None))
    print(json.dumps({"centre_id": made.centre_id, "workstation_id": made.workstation_id,
                      "key_fingerprint": key_fingerprint(made.key_hex), "endpoint": made.endpoint,
                      "token_set": bool(made.token)}))
    return 0
