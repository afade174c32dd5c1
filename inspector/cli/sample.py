"""``inspector sample``: draw a sample for human review from a plan (strata, filters, assignment) and print
the picks as JSON: ``[{"call": REF, "assignee": ID|null, "reasons": [...], "due": DATE|null}]``. Listed calls
(``--calls FILE``) that someone already has, or that this workspace does not have, are named on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from inspector.cli.arguments import count_between, iso_day, number_between
from inspector.cli.auth import add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.domain.calendar import MAX_DUE_DAYS
from inspector.intake.call_ids import CallListError, read_call_ids
from inspector.review.queue import REPEAT_DAYS, PlanError, SamplingPlan, draw, load_plan, save_plan
from inspector.users.policy import Action


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sample", help="draw calls for review: fatal hits, chosen rules, N or P %% per agent")
    parser.add_argument("--plan", help="use a saved sampling plan (other options are then ignored)")
    parser.add_argument("--save-plan", metavar="NAME", help="save these options as a named plan, then draw")
    parser.add_argument("--fatal", action="store_true", help="every call with a fatal-rule hit")
    parser.add_argument("--rule", action="append", default=[], metavar="RULE", help="every call with this rule's hit")
    share = parser.add_mutually_exclusive_group()
    share.add_argument("--per-agent", type=count_between(0, 100_000), help="N random calls per agent (besides the hits)")
    share.add_argument("--percent", type=number_between(0, 100), help="P %% of each agent's calls at random")
    parser.add_argument("--business", help="only this business type")
    parser.add_argument("--min-duration", type=number_between(0, 86_400), help="seconds")
    parser.add_argument("--max-duration", type=number_between(0, 86_400), help="seconds")
    parser.add_argument("--from", dest="date_from", type=iso_day, help="call date, inclusive (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=iso_day, help="call date, inclusive (YYYY-MM-DD)")
    parser.add_argument("--assign", default="", help="inspector ids, comma-separated")
    parser.add_argument("--by-load", action="store_true", help="assign to whoever has the fewest open calls")
    parser.add_argument("--due-days", type=count_between(0, MAX_DUE_DAYS),
                        help="the assignments are due in this many days")
    parser.add_argument("--seed", type=count_between(0, 2 ** 63 - 1),
                        help="fixed seed (recorded with the sample either way)")
    signals = parser.add_argument_group("signals (every call that has it)")
    signals.add_argument("--auto-below", type=float, metavar="N", help="automatic score below N (0-100)")
    signals.add_argument("--category", metavar="C", help="call category: level 1 or a full path")
    signals.add_argument("--worsened", action="store_true", help="the customer's emotion worsened")
    signals.add_argument("--survey-below", type=float, metavar="N", help="survey score (满意度) below N")
    signals.add_argument("--unresolved", action="store_true", help="the matter was not resolved")
    signals.add_argument("--repeat-callers", action="store_true",
                         help="the caller already called within --repeat-days days (default 7)")
    signals.add_argument("--repeat-days", type=count_between(1, 366), default=REPEAT_DAYS, metavar="N",
                         help="with --repeat-callers: the window in days")
    signals.add_argument("--listen", action="store_true", help="a 'listen to confirm' hit")
    signals.add_argument("--calls", type=Path, metavar="FILE", help="must review: call ids, one a line, or a CSV "
                         "with a call-id column (complaints, tickets)")
    signals.add_argument("--calls-due-days", type=count_between(0, 366), metavar="N",
                         help="the listed calls are due in N days (default: --due-days)")
    add_identity_arguments(parser)
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, Action.ASSIGN_REVIEWS)
    try:
        listed = read_call_ids(args.calls) if args.calls is not None else ()
        plan = load_plan(ctx.db, args.plan) if args.plan else _plan_from(args)
        if listed:
            plan = replace(plan, must_review=listed, must_review_due_days=args.calls_due_days)
        if args.save_plan:
            save_plan(ctx.db, args.save_plan, plan, actor)
        sample = draw(ctx.db, plan, actor, args.plan or args.save_plan)
    except (PlanError, CallListError) as exc:
        print(f"inspector sample: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps([{"call": p.call_ref, "assignee": p.assignee, "reasons": list(p.reasons), "due": p.due_at}
                          for p in sample.picks], ensure_ascii=False))
    else:
        for p in sample.picks:
            print(f"{p.call_ref}\t{p.assignee or '-'}\t{p.due_at or '-'}\t{', '.join(p.reasons)}")
    for ref, status in sample.already:
        print(f"inspector sample: listed call {ref} is already {status}: left with whoever has it", file=sys.stderr)
    if sample.unknown:
        print(f"inspector sample: {len(sample.unknown)} listed call id(s) not in this workspace: "
              f"{', '.join(sample.unknown[:20])}{' …' if len(sample.unknown) > 20 else ''}", file=sys.stderr)
    print(f"{len(sample.picks)} call(s) sampled (seed {sample.seed})", file=sys.stderr)
    return 0


def _plan_from(args: argparse.Namespace) -> SamplingPlan:
    return SamplingPlan(fatal=args.fatal, rules=tuple(args.rule), per_agent=args.per_agent, percent=args.percent,
                        business=args.business, min_duration_s=args.min_duration, max_duration_s=args.max_duration,
                        date_from=args.date_from, date_to=args.date_to,
                        assignees=tuple(a.strip() for a in args.assign.split(",") if a.strip()),
                        assign_mode="by_load" if args.by_load else "round_robin", due_days=args.due_days,
                        seed=args.seed, auto_below=args.auto_below, category=args.category, worsened=args.worsened,
                        survey_below=args.survey_below, unresolved=args.unresolved,
                        repeat_callers=args.repeat_callers, repeat_days=args.repeat_days, listen=args.listen)
