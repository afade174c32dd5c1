"""``inspector appeals list``: agents' appeals with their state, call, inspector and deadline;
``inspector appeals resolve ID``: a lead's answer, through the same scoring session as the scorecard pane."""

from __future__ import annotations

import argparse
import json
import sys

from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.review.scoring import ScoringSession
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
    answer = actions.add_parser("resolve", help="a lead upholds or rejects an appeal, with the answer on record")
    answer.add_argument("appeal_id", type=int, metavar="ID")
    decision = answer.add_mutually_exclusive_group(required=True)
    decision.add_argument("--uphold", action="store_true", help="an item appeal gets the item's points back")
    decision.add_argument("--reject", action="store_true", help="the evaluation stands")
    answer.add_argument("--answer", required=True, help="the lead's answer, recorded with the decision")
    add_identity_arguments(answer)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """A lead sees every appeal; an inspector those against their own evaluations."""
    actor = sign_in(ctx.db, args)
    if args.action == "resolve":
        return _resolve(args, ScoringSession(EvaluationRepository(ctx.db, default_card()), default_card(), actor))
    everyone = allowed(actor, Action.RESOLVE_APPEAL)
    rows = [{k: r[k] for k in FIELDS} for r in EvaluationRepository(ctx.db, default_card()).appeal_list(args.status)
            if everyone or r["inspector"] == actor.id]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['id']}\t{r['call_ref']}\t{r['item_id'] or '-'}\t{r['status']}\t{r['due_at'] or '-'}\t{r['text']}")
    return 0


def _resolve(args: argparse.Namespace, session: ScoringSession) -> int:
    if session.evaluations.get_appeal(args.appeal_id) is None:
        print(f"inspector appeals: no appeal {args.appeal_id}", file=sys.stderr)
        return 2
    try:
        evaluation = session.resolve(args.appeal_id, args.uphold, args.answer)
    except ValueError as exc:
        print(f"inspector appeals: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"appeal": args.appeal_id, "status": "upheld" if args.uphold else "rejected",
                      "evaluation": evaluation.uuid, "version": evaluation.version}, ensure_ascii=False))
    return 0
