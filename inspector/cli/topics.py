"""``inspector topics``: the words and phrases that rose most in customers' speech in the week ending on a
day (default today) against the four weeks before it, with example sentences."""

from __future__ import annotations

import argparse
import datetime
import json

from inspector.cli.arguments import count_between, iso_date
from inspector.cli.context import CliContext
from inspector.reports.topics import emerging_topics


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("topics", help="emerging topics: what customers say more this week")
    parser.add_argument("--week-ending", type=iso_date, default=datetime.date.today(), help="last day, YYYY-MM-DD")
    parser.add_argument("--top", type=count_between(1, 1000), default=20)
    parser.add_argument("--min-calls", type=count_between(1, 10 ** 9), default=3,
                        help="said in at least this many calls this week")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    found = emerging_topics(ctx.db, args.week_ending, args.top, args.min_calls)
    if args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False))
        return 0
    print(f"week {found.week[0]}–{found.week[1]}: {found.calls_this_week} call(s); "
          f"before {found.baseline[0]}–{found.baseline[1]}: {found.calls_before} call(s)")
    for topic in found.topics:
        print(f"{topic.words}\t{topic.calls_this_week} call(s) (before {topic.calls_before})\trise {topic.rise}")
        for example in topic.examples:
            print(f"    {example.call} {example.start:.1f}s «{example.text}»")
    return 0
