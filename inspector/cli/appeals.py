"""``inspector appeals``: agents' appeals against evaluations. ``list`` with their state, call, inspector and
deadline; ``add`` (an agent, their own evaluation, the whole or any item, fatal items included);
``resolve`` (a team lead upholds or rejects with an answer, through the same scoring session as the
scorecard pane)."""

from __future__ import annotations

import argparse
import json
import sys

from inspector.cli.auth import Refused, add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.domain.people import User
from inspector.review.feedback import FeedbackService
from inspector.review.scoring import ScoringSession
from inspector.users.policy import Action, allowed
from inspector.scoring.defaults import default_card
from inspector.scoring.score import score
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
    add = actions.add_parser("add", help="an agent appeals their evaluation, or one item of it; prints its id")
    add.add_argument("uuid", metavar="EVAL_UUID")
    add.add_argument("--item", help="the scorecard item appealed (A1 … F4); without it, the whole evaluation")
    add.add_argument("--reason", required=True, help="why the agent disagrees")
    add_identity_arguments(add)
    resolve = actions.add_parser("resolve", help="a team lead upholds or rejects an appeal")
    resolve.add_argument("appeal_id", metavar="ID", type=int)
    decision = resolve.add_mutually_exclusive_group(required=True)
    decision.add_argument("--uphold", action="store_true")
    decision.add_argument("--reject", action="store_true")
    resolve.add_argument("--answer", required=True, help="the lead's answer, shown to the agent")
    resolve.add_argument("--items", help="for a whole-evaluation appeal upheld in part: the items it overturns "
                                         "(comma-separated; default: everything it contests)")
    add_identity_arguments(resolve)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, agents=True)
    repo = EvaluationRepository(ctx.db, default_card())
    if args.action == "add":
        try:
            print(FeedbackService(ctx.db, default_card()).appeal(actor, args.uuid, args.reason, args.item))
        except ValueError as exc:
            raise Refused(str(exc)) from None
        return 0
    if args.action == "resolve":
        return _resolve(args, ScoringSession(repo, default_card(), actor))
    return _list(args, actor, repo)


def _list(args: argparse.Namespace, actor: User, repo: EvaluationRepository) -> int:
    """A lead sees every appeal; an inspector those against their own evaluations; an agent their own."""
    everyone = allowed(actor, Action.RESOLVE_APPEAL)
    rows = [{k: r[k] for k in FIELDS} for r in repo.appeal_list(args.status)
            if everyone or (r["agent_id"] == actor.id if actor.is_agent else r["inspector"] == actor.id)]
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
    items = [i.strip() for i in args.items.split(",") if i.strip()] if args.items else None
    try:
        after = session.resolve(args.appeal_id, args.uphold, args.answer, items)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    print(json.dumps({"appeal": args.appeal_id, "status": "upheld" if args.uphold else "rejected",
                      "uuid": after.uuid, "version": after.version,
                      "score": score(session.card, after).total}, ensure_ascii=False))
    return 0
