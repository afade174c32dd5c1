"""``inspector models list | install-default``: the speech models this workstation can use, and getting
the default Mandarin model onto a fresh machine (the install script calls it)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.asr.default_model import ensure_default_model
from inspector.asr.discovery import discover, user_models_folder
from inspector.asr.installer import ModelInstallError
from inspector.cli.context import CliContext
from inspector.jobs import drain


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("models", help="speech models: list them, install the default Mandarin model")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every model found, with its language and state")
    listing.add_argument("--verify", action="store_true", help="also check known models' checksums (slow)")
    listing.add_argument("--format", choices=("json", "text"), default="text")
    default = actions.add_parser("install-default", help="install vosk-model-small-cn-0.22 unless it is there")
    default.add_argument("--shared", type=Path, help="a folder that may hold the model already (../shared/models)")
    default.add_argument("--into", type=Path, help="the models folder (default: the user's data folder)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.action == "list":
        found = discover(ctx.workspace, verify=args.verify)
        rows = [{"name": m.name, "language": m.language, "source": m.source, "usable": m.check.usable,
                 "verified": m.check.verified, "path": str(m.path), "problem": m.check.problem()} for m in found]
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False))
        else:
            for r in rows:
                state = "verified" if r["verified"] else "usable" if r["usable"] else r["problem"]
                print(f"{r['name']}\t{r['language'] or '?'}\t{r['source']}\t{state}\t{r['path']}")
        return 0
    try:
        outcome = drain(ensure_default_model(args.into or user_models_folder(), args.shared))
    except ModelInstallError as exc:
        print(f"inspector models: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"model": outcome.path.name, "path": str(outcome.path), "how": outcome.how},
                     ensure_ascii=False))
    return 0
