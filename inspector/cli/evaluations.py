"""``inspector evaluations``: production evaluations filtered, as CSV or JSON, as the signed-in user may see
them: a lead every inspector's, an inspector only their own, an agent only the submitted evaluations of their
own calls (uuid, call, score, status, acknowledged, appeal)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import asdict
from pathlib import Path

from inspector.cli.arguments import iso_day, number_between
from inspector.cli.auth import Refused, add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.domain.people import User
from inspector.cli.errors import user_errors
from inspector.scoring.defaults import default_card
from inspector.scoring.export import item_column_names, item_columns, rows_to_csv, write_csv
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationFilter
from inspector.review.feedback import FeedbackService, line_json


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("evaluations", help="list or export evaluations")
    parser.add_argument("--inspector")
    parser.add_argument("--agent")
    parser.add_argument("--status", choices=("draft", "submitted", "reopened"))
    parser.add_argument("--from", dest="date_from", type=iso_day, help="call date, inclusive (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=iso_day, help="call date, inclusive (YYYY-MM-DD)")
    parser.add_argument("--min", type=number_between(-1000, 1000), dest="min_total")
    parser.add_argument("--max", type=number_between(-1000, 1000), dest="max_total")
    parser.add_argument("--fatal", choices=("yes", "no"))
    parser.add_argument("--items", action="store_true",
                        help="add one column per scorecard item: points kept (A1 …), fatal item state (F1 …)")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--out", type=Path, help="write to this file instead of stdout")
    add_identity_arguments(parser)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, agents=True)
    if actor.is_agent:
        return _agents_own(args, ctx, actor)
    repo = EvaluationRepository(ctx.db, default_card())
    rows = repo.search(actor, EvaluationFilter(
        args.inspector, args.agent, args.date_from, args.date_to, args.status, args.min_total,
        args.max_total, None if args.fatal is None else args.fatal == "yes"))
    items = [item_columns(default_card(), repo.get(r.uuid)) for r in rows] if args.items else None
    names = item_column_names(default_card()) if args.items else []
    if args.format == "csv" and args.out:
        write_csv(rows, args.out, items, names)
    elif args.format == "csv":
        rows_to_csv(rows, sys.stdout, items, names)
    else:
        text = json.dumps([asdict(r) | (items[n] if items else {}) for n, r in enumerate(rows)],
                          ensure_ascii=False)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            print(text)
    return 0


def _agents_own(args: argparse.Namespace, ctx: CliContext, actor: User) -> int:
    """The agent's own submitted evaluations; filters naming someone else are refused, not ignored."""
    if args.agent not in (None, actor.id) or args.inspector is not None or args.status not in (None, "submitted"):
        raise Refused(f"{actor.id} sees only the submitted evaluations of their own calls")
    if args.items:
        raise Refused("--items is for inspectors and leads; an agent's evaluations show score and state")
    lines = FeedbackService(ctx.db, default_card()).lines(actor, args.date_from, args.date_to)
    rows = [line_json(line) for line in lines
            if (args.min_total is None or line.score >= args.min_total)
            and (args.max_total is None or line.score <= args.max_total)
            and (args.fatal is None or line.fatal == (args.fatal == "yes"))]
    if args.format == "json":
        text = json.dumps(rows, ensure_ascii=False)
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["uuid", "call", "score", "status",
                                                                                "acknowledged", "appeal"])
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text, end="" if args.format == "csv" else "\n")
    return 0
