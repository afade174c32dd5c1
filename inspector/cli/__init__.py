"""Command-line subcommands; the GUI is the default when none is given (see __main__)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from inspector.cli import check, transcribe
from inspector.intake.importer import run_import
from inspector.store.calls import CallFilter, CallRepository
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
    check.add_parser(sub)
    transcribe.add_parser(sub)
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
    try:
        db = open_database(workspace.database)
    except StorageError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return 2
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
    raise AssertionError(args.command)
