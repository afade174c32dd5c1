"""``inspector coaching``: ``mark`` an item (or one hit) of an evaluation for coaching, ``add`` a coaching
session (agent, items, agreed actions, follow-up date), ``list`` sessions and the marks still waiting.
Whether it worked: ``inspector report --by coaching``."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from inspector.cli.arguments import iso_day
from inspector.cli.auth import Refused, add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.review.coaching import CoachingError, CoachingService
from inspector.scoring.defaults import default_card


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("coaching", help="coaching sessions with agents, and items marked for coaching")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="record a coaching session (team leads); prints its id")
    add.add_argument("--agent", required=True, help="the agent's 工号")
    add.add_argument("--items", required=True, help="scorecard items coached, comma-separated (C2,B3)")
    add.add_argument("--actions", required=True, help="the agreed actions")
    add.add_argument("--follow-up", type=iso_day, help="follow-up date YYYY-MM-DD")
    add.add_argument("--date", type=iso_day, help="the day the session was held (default: today)")
    add_identity_arguments(add)
    mark = actions.add_parser("mark", help="mark an item (or a hit) of an evaluation for coaching")
    mark.add_argument("uuid", metavar="EVAL_UUID")
    mark.add_argument("--item", required=True)
    mark.add_argument("--hit", help="the hit's key (rule@start-end), when marking a hit")
    mark.add_argument("--note", default="")
    add_identity_arguments(mark)
    listing = actions.add_parser("list", help="coaching sessions and the marks still waiting for one, as JSON")
    listing.add_argument("--agent")
    add_identity_arguments(listing)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args)
    coaching = CoachingService(ctx.db, default_card())
    try:
        if args.action == "add":
            print(coaching.add(actor, args.agent, args.items.split(","), args.actions, args.follow_up, args.date))
        elif args.action == "mark":
            print(coaching.mark(actor, args.uuid, args.item, args.hit, args.note))
        else:
            print(json.dumps({"sessions": [asdict(s) for s in coaching.sessions(args.agent)],
                              "waiting": coaching.marks(args.agent)}, ensure_ascii=False))
    except CoachingError as exc:
        raise Refused(str(exc)) from None
    return 0
