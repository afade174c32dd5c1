"""``inspector import FOLDER``: every recording below a folder, with its sidecar metadata and transcripts; a
 batch run's output folder brings its recordings in already checked."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.cli.context import CliContext
from inspector.intake.batch_findings import BatchFindings
from inspector.intake.callers import caller_key
from inspector.intake.importer import run_import
from inspector.store.calls import CallRepository
from inspector.store.transcripts import TranscriptRepository


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="import every recording of a folder")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.folder.is_dir():
        print(f"inspector: {args.folder}: not a folder", file=sys.stderr)
        return 2
    report = run_import(args.folder, CallRepository(ctx.db), TranscriptRepository(ctx.db), BatchFindings(ctx.db),
                        caller_key(ctx.workspace.root))
    if args.format == "json":
        print(json.dumps({"added": [c.call_ref for c in report.added],
                          "already_present": [c.call_ref for c in report.already_present],
                          "problems": [{"file": str(p.path), "reason": p.reason} for p in report.problems],
                          "warnings": [{"file": str(p.path), "reason": p.reason} for p in report.warnings]},
                         ensure_ascii=False))
    else:
        print(f"added {len(report.added)}, already present {len(report.already_present)}, "
              f"problems {len(report.problems)}")
        for problem in report.problems:
            print(f"  {problem.path}: {problem.reason}", file=sys.stderr)
        for warning in report.warnings:
            print(f"  warning: {warning.path}: {warning.reason}", file=sys.stderr)
    return 0
