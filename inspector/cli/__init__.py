"""Command-line subcommands; the GUI is the default when none is given (see __main__).

Each command is a module with ``register(subparsers)``, which adds its parser and sets
``handler(args, ctx) -> exit status``; this package only assembles them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from inspector.cli import (acknowledge, appeals, autoscore, batch, calibration, calls, categorize, check, coaching,
                           emotion, evaluations, export_bundle, export_recording, feedback, hub, import_calls, models,
                           outcome, redlines, report, rule_accuracy, sample, search, stats, sync_setup, sync_status,
                           topics, transcribe, upload, users)
from inspector.cli.context import CliContext
from inspector.domain.errors import StorageError
from inspector.workspace import Workspace

COMMANDS = (import_calls, calls, evaluations, acknowledge, sample, appeals, coaching, feedback, redlines, check,
            transcribe, models, stats, calibration, sync_setup, export_bundle, export_recording, upload, sync_status,
            hub, report, users, categorize, search, emotion, outcome, topics, batch, rule_accuracy, autoscore)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inspector", description="Call quality-inspection workstation")
    parser.add_argument("--data-dir", type=Path, help="workspace folder (default: the user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open the bundled demo workspace (imported into its own folder)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="UI language for this run")
    sub = parser.add_subparsers(dest="command")
    for command in COMMANDS:
        command.register(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    ctx = CliContext(Workspace.chosen(args.data_dir, args.demo))
    try:
        return args.handler(args, ctx)
    except StorageError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (`inspector calls | head`): what it wanted was written; the rest goes nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141          # what a shell reports for a writer stopped by SIGPIPE
    finally:
        ctx.close()
