"""``inspector search TEXT``: sentences across all calls (every transcript version), homophones included.

JSON: ``[{"call", "start", "end", "speaker", "text"}]``, sentences whose text matches first, then those that
only sound like the query.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys

from inspector.cli.context import CliContext
from inspector.store.search import SearchFilter, search


def _date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("search", help="find sentences across all calls (homophones too)")
    parser.add_argument("text")
    parser.add_argument("--speaker", choices=("agent", "customer"))
    parser.add_argument("--agent", help="agent id (工号)")
    parser.add_argument("--from", dest="date_from", type=_date, help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_date, help="last day, YYYY-MM-DD")
    parser.add_argument("--category", help="level-1 category or full path")
    parser.add_argument("--rule", help="only calls with a hit of this rule (R06 …)")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.limit < 1:
        print("inspector search: --limit must be at least 1", file=sys.stderr)
        return 2
    flt = SearchFilter(args.speaker, args.agent, args.date_from, args.date_to, args.category, args.rule)
    found = search(ctx.db, args.text, flt, args.limit)
    if args.format == "json":
        print(json.dumps([f.to_dict() for f in found], ensure_ascii=False))
    else:
        for f in found:
            mark = "≈" if f.by_sound else " "
            print(f"{f.call}\t{f.start:7.1f}–{f.end:7.1f}\t{f.speaker}\t{mark} {f.text}")
    return 0
