"""``inspector appeals list``: agents' appeals with their state, call, inspector and deadline."""

from __future__ import annotations

import argparse
import json

from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.users.policy import Action, allowed
from inspector.scoring.defaults import default_card
from inspector.store.evaluations import EvaluationRepository

FIELDS = ("id", "call_ref", "uuid", "version", "item_id", "agent_id", "inspector", "text", "status", "filed_at",
          "due_at", "resolved_by", "resolution", "resolved_at")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("appeals", help="agents' appeals against evaluations")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="appeals, nearest deadline first")
    listing.add_argument("--status", choices=("open", "upheld", "rejected"))
    listing.add_argument("--format", choices=("json", "text"), default="json")
    add_identity_arguments(listing)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """A lead sees every appeal; an inspector those against their own evaluations."""
    actor = sign_in(ctx.db, args)
    everyone = allowed(actor, Action.RESOLVE_APPEAL)
    rows = [{k: r[k] for k in FIELDS} for r in EvaluationRepository(ctx.db, default_card()).appeal_list(args.status)
            if everyone or r["inspector"] == actor.id]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['id']}\t{r['call_ref']}\t{r['item_id'] or '-'}\t{r['status']}\t{r['due_at'] or '-'}\t{r['text']}")
    return 0
