"""``inspector search TEXT``: sentences across all calls (every transcript version), homophones included.

JSON: ``[{"call", "start", "end", "speaker", "text"}]``, sentences whose text matches first, then those that
only sound like the query; as the signed-in user may see them (privacy.visibility: personal numbers and
names masked unless the call is theirs to review).
"""

from __future__ import annotations

import argparse
import json

from inspector.cli.arguments import count_between, iso_date
from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.privacy.visibility import Visibility
from inspector.store.search import MAX_LIMIT, search
from inspector.domain.search import SearchFilter


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("search", help="find sentences across all calls (homophones too)")
    parser.add_argument("text")
    parser.add_argument("--speaker", choices=("agent", "customer"))
    parser.add_argument("--agent", help="agent id (工号)")
    parser.add_argument("--from", dest="date_from", type=iso_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=iso_date, help="last day, YYYY-MM-DD")
    parser.add_argument("--category", help="level-1 category or full path")
    parser.add_argument("--rule", help="only calls with a hit of this rule (R06 …)")
    parser.add_argument("--limit", type=count_between(1, MAX_LIMIT), default=50)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_identity_arguments(parser)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args)
    flt = SearchFilter(args.speaker, args.agent, args.date_from and args.date_from.isoformat(),
                       args.date_to and args.date_to.isoformat(), args.category, args.rule)
    found = Visibility(ctx.db, actor).found(search(ctx.db, args.text, flt, args.limit))
    if args.format == "json":
        print(json.dumps([f.to_dict() for f in found], ensure_ascii=False))
    else:
        for f in found:
            mark = "≈" if f.by_sound else " "
            print(f"{f.call}\t{f.start:7.1f}–{f.end:7.1f}\t{f.speaker}\t{mark} {f.text}")
    return 0
