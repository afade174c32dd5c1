"""``inspector sample --per-agent N``: pick calls for human review."""

from __future__ import annotations

import argparse
import sys

from inspector.cli.context import CliContext
from inspector.review.sampling import sample_calls


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sample", help="pick N random new calls per agent for review")
    parser.add_argument("--per-agent", type=int, required=True)
    parser.add_argument("--seed", type=int)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    picked = sample_calls(ctx.db, args.per_agent, args.seed)
    for c in picked:
        print(f"{c.call_ref}\t{c.agent_id or '-'}")
    print(f"{len(picked)} call(s) marked in review", file=sys.stderr)
    return 0
