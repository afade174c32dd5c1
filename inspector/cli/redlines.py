"""``inspector redlines list``: the red-line register (confirmed fatal hits), as JSON or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, fields

from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.users.policy import Action
from inspector.spreadsheet import write_csv_dicts
from inspector.store.redlines import RedLineRepository
from inspector.domain.redlines import RedLineCase


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("redlines", help="the red-line register")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="red-line cases, oldest first")
    listing.add_argument("--status", choices=("open", "closed"))
    listing.add_argument("--format", choices=("json", "csv"), default="json")
    add_identity_arguments(listing)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    sign_in(ctx.db, args, Action.MANAGE_REDLINES)
    cases = RedLineRepository(ctx.db).cases(args.status)
    if args.format == "json":
        print(json.dumps([asdict(c) for c in cases], ensure_ascii=False))
    else:
        write_csv_dicts(sys.stdout, [f.name for f in fields(RedLineCase)], (asdict(c) for c in cases))
    return 0
