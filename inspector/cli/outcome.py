"""``inspector outcome``: repeat callers and repeat complaints (from hashed numbers), and the QA score
beside the customers' satisfaction and resolution, per agent and overall, as JSON or text."""

from __future__ import annotations

import argparse
import json

from inspector.cli.arguments import count_between
from inspector.cli.context import CliContext
from inspector.reports.outcome import DEFAULT_DAYS, outcome


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("outcome", help="repeat callers, repeat complaints, QA score vs satisfaction")
    parser.add_argument("--days", type=count_between(1, 366), default=DEFAULT_DAYS,
                        help="a repeat call comes within this many days (1 to 366)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    found = outcome(ctx.db, args.days)
    if args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False))
        return 0
    print(f"{found.calls_with_caller} call(s) with a caller; {found.repeat_callers} caller(s) called again "
          f"within {found.days} days ({len(found.repeat_calls)} repeat call(s), "
          f"{found.repeat_complaints} repeat complaint(s))")
    for r in found.repeat_calls:
        about = f" — again about {'、'.join(r.categories)}" if r.categories else ""
        print(f"  {r.call} {r.days_after:.1f} days after {r.previous}{about}")
    r = found.qa_satisfaction_correlation
    print(f"QA score vs satisfaction over {found.qa_satisfaction_pairs} call(s): "
          f"{'r = ' + format(r, '.2f') if r is not None else 'too few to correlate'}")
    print("agent\tevaluations\tQA mean\tsurveyed\tsatisfaction\tresolved")
    for a in found.agents:
        print("\t".join(str("—" if v is None else v) for v in (a.agent_id, a.evaluations, a.qa_mean, a.surveyed,
                                                               a.satisfaction_mean, a.resolved_rate)))
    return 0
