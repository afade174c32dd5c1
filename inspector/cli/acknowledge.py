"""``inspector acknowledge EVAL_UUID [--comment TEXT]``: an agent acknowledges (确认知悉) one of their own
submitted evaluations, within the deadline."""

from __future__ import annotations

import argparse

from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.review.feedback import FeedbackService
from inspector.scoring.defaults import default_card


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("acknowledge", help="an agent acknowledges one of their evaluations")
    parser.add_argument("uuid", metavar="EVAL_UUID")
    parser.add_argument("--comment", default="", help="the agent's optional comment")
    add_identity_arguments(parser)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, agents=True)
    service = FeedbackService(ctx.db, default_card())
    service.acknowledge(actor, args.uuid, args.comment)
    line = service.detail(actor, args.uuid).line
    print(f"acknowledged: {line.call} version {line.version}, score {line.score:g}")
    return 0
