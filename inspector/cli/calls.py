"""``inspector calls``: the imported calls, newest first."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from inspector.cli.context import CliContext
from inspector.store.calls import CallFilter, CallRepository


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calls", help="list imported calls")
    parser.add_argument("--agent")
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = CallRepository(ctx.db).page(CallFilter(agent_id=args.agent), limit=args.limit)
    if args.format == "json":
        print(json.dumps([asdict(c) for c in rows], ensure_ascii=False))
    else:
        for c in rows:
            print(f"{c.id}\t{c.call_ref}\t{c.agent_id or '-'}\t{c.started_at or '-'}\t{c.duration_s:.1f}s")
    return 0
