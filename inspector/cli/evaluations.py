"""``inspector evaluations``: production evaluations filtered, as CSV or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from inspector.cli.context import CliContext
from inspector.scoring.defaults import default_card
from inspector.scoring.export import rows_to_csv, write_csv
from inspector.store.evaluations import EvaluationFilter, EvaluationRepository


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("evaluations", help="list or export evaluations")
    parser.add_argument("--inspector")
    parser.add_argument("--agent")
    parser.add_argument("--status", choices=("draft", "submitted", "reopened"))
    parser.add_argument("--from", dest="date_from")
    parser.add_argument("--to", dest="date_to")
    parser.add_argument("--min", type=float, dest="min_total")
    parser.add_argument("--max", type=float, dest="max_total")
    parser.add_argument("--fatal", choices=("yes", "no"))
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--out", type=Path, help="write to this file instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = EvaluationRepository(ctx.db, default_card()).search(EvaluationFilter(
        args.inspector, args.agent, args.date_from, args.date_to, args.status, args.min_total,
        args.max_total, None if args.fatal is None else args.fatal == "yes"))
    if args.format == "csv" and args.out:
        write_csv(rows, args.out)
    elif args.format == "csv":
        rows_to_csv(rows, sys.stdout)
    else:
        text = json.dumps([asdict(r) for r in rows], ensure_ascii=False)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            print(text)
    return 0
