"""Command-line subcommands; the GUI is the default when none is given (see __main__)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from inspector.cli import calibration, check, hub, stats, sync, transcribe
from inspector.intake.importer import run_import
from inspector.review.sampling import sample_calls
from inspector.rules.defaults import default_card
from inspector.scoring.export import rows_to_csv, write_csv
from inspector.store.calls import CallFilter, CallRepository
from inspector.store.evaluations import EvaluationFilter, EvaluationRepository
from inspector.store.database import StorageError, open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.workspace import Workspace


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector", description="Call quality-inspection workstation")
    parser.add_argument("--data-dir", type=Path, help="workspace folder (default: the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the bundled demo workspace (imported into its own folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="UI language for this run")
    sub = parser.add_subparsers(dest="command")
    imp = sub.add_parser("import", help="import every recording of a folder")
    imp.add_argument("folder", type=Path)
    imp.add_argument("--format", choices=("text", "json"), default="text")
    lst = sub.add_parser("calls", help="list imported calls")
    lst.add_argument("--agent")
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--format", choices=("text", "json"), default="text")
    ev = sub.add_parser("evaluations", help="list or export evaluations")
    ev.add_argument("--inspector")
    ev.add_argument("--agent")
    ev.add_argument("--status", choices=("draft", "submitted", "reopened"))
    ev.add_argument("--from", dest="date_from")
    ev.add_argument("--to", dest="date_to")
    ev.add_argument("--min", type=float, dest="min_total")
    ev.add_argument("--max", type=float, dest="max_total")
    ev.add_argument("--fatal", choices=("yes", "no"))
    ev.add_argument("--format", choices=("csv", "json"), default="csv")
    ev.add_argument("--out", type=Path, help="write to this file instead of stdout")
    smp = sub.add_parser("sample", help="pick N random new calls per agent for review")
    smp.add_argument("--per-agent", type=int, required=True)
    smp.add_argument("--seed", type=int)
    check.add_parser(sub)
    transcribe.add_parser(sub)
    stats.add_parser(sub)
    calibration.add_parser(sub)
    sync.add_parsers(sub)
    hub.add_parser(sub)
    return parser


def workspace_for(args: argparse.Namespace) -> Workspace:
    if args.data_dir is not None:
        return Workspace(args.data_dir)
    default = Workspace.default()
    return Workspace(default.root / "demo") if args.demo else default


def run_command(args: argparse.Namespace) -> int:
    workspace = workspace_for(args)
    if args.command == "check":
        return check.run(args, workspace)
    if args.command == "transcribe":
        return transcribe.run(args, workspace)
    if args.command == "stats":
        return stats.run(args)
    if args.command == "hub":
        return hub.run(args)
    try:
        db = open_database(workspace.database)
    except StorageError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return 2
    if args.command == "calibration":
        return calibration.run(args, db, workspace)
    if args.command in sync.COMMANDS:
        return sync.run(args, db)
    calls = CallRepository(db)
    if args.command == "import":
        if not args.folder.is_dir():
            print(f"inspector: {args.folder}: not a folder", file=sys.stderr)
            return 2
        report = run_import(args.folder, calls, TranscriptRepository(db))
        if args.format == "json":
            print(json.dumps({"added": [c.call_ref for c in report.added],
                              "already_present": [c.call_ref for c in report.already_present],
                              "problems": [{"file": str(p.path), "reason": p.reason} for p in report.problems]},
                             ensure_ascii=False))
        else:
            print(f"added {len(report.added)}, already present {len(report.already_present)}, "
                  f"problems {len(report.problems)}")
            for problem in report.problems:
                print(f"  {problem.path}: {problem.reason}", file=sys.stderr)
        return 0
    if args.command == "calls":
        rows = calls.page(CallFilter(agent_id=args.agent), limit=args.limit)
        if args.format == "json":
            print(json.dumps([asdict(c) for c in rows], ensure_ascii=False))
        else:
            for c in rows:
                print(f"{c.id}\t{c.call_ref}\t{c.agent_id or '-'}\t{c.started_at or '-'}\t{c.duration_s:.1f}s")
        return 0
    if args.command == "evaluations":
        rows = EvaluationRepository(db, default_card()).search(EvaluationFilter(
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
    if args.command == "sample":
        picked = sample_calls(db, args.per_agent, args.seed)
        for c in picked:
            print(f"{c.call_ref}\t{c.agent_id or '-'}")
        print(f"{len(picked)} call(s) marked in review", file=sys.stderr)
        return 0
    raise AssertionError(args.command)
