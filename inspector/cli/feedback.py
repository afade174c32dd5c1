"""``inspector feedback``: what agents have answered, for team leads. ``export --agent ID [--from D --to D]
--out FILE.html`` writes one agent's printable feedback sheet (质检反馈单), self-contained HTML with the hit
moments' audio, masked; ``status [--agent ID] [--pending]`` lists submitted evaluations with whether their
agent has acknowledged the current version, the deadline and the appeal state."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector.cli.arguments import iso_day
from inspector.cli.auth import Refused, add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.review.feedback import FeedbackService, line_json
from inspector.review.feedback_sheet import export_sheet
from inspector.scoring.defaults import default_card
from inspector.users.passwords import id_is_valid
from inspector.users.policy import Action


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("feedback", help="feedback sheets for agents without a workstation")
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="one agent's evaluations of a period as a self-contained HTML sheet")
    export.add_argument("--agent", required=True, help="the agent's 工号")
    export.add_argument("--from", dest="date_from", type=iso_day, help="call date, inclusive (YYYY-MM-DD)")
    export.add_argument("--to", dest="date_to", type=iso_day, help="call date, inclusive (YYYY-MM-DD)")
    export.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    add_identity_arguments(export)
    status = actions.add_parser("status", help="submitted evaluations with acknowledgement and appeal state, as JSON")
    status.add_argument("--agent", help="one agent's 工号")
    status.add_argument("--pending", action="store_true", help="only those not yet acknowledged")
    add_identity_arguments(status)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, Action.SEE_ALL_EVALUATIONS)
    if args.action == "status":
        lines = FeedbackService(ctx.db, default_card()).all_lines(actor, args.agent)
        rows = [line_json(line) | {"agent_name": line.agent_name, "inspector": line.inspector}
                for line in lines if not (args.pending and line.acknowledged)]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not id_is_valid(args.agent):
        raise Refused(f"{args.agent!r} is not a job number (工号)")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise Refused(f"--from {args.date_from} is after --to {args.date_to}")
    try:
        sheet = export_sheet(ctx.db, default_card(), actor, args.agent, args.out, args.date_from, args.date_to)
    except OSError as exc:
        raise Refused(f"{args.out}: cannot write the feedback sheet ({exc.strerror or exc})") from None
    print(f"{args.out}: {sheet.evaluations} evaluation(s), {sheet.clips} audio clip(s)")
    return 0
