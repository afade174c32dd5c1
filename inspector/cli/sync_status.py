"""``inspector sync-status``: how many evaluation versions are pending, sent, acknowledged, rejected."""

from __future__ import annotations

import argparse
import json

from inspector.cli.context import CliContext
from inspector.store.outbox import OutboxRepository


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync-status", help="how many evaluation versions are pending, sent, acknowledged")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    outbox = OutboxRepository(ctx.db)
    counts = outbox.counts()
    rejected = [{"key": e.key, "reason": e.last_error} for e in outbox.entries(("rejected",))]
    if args.format == "json":
        print(json.dumps({**counts, "rejected_items": rejected}, ensure_ascii=False))
    else:
        print("  ".join(f"{k} {v}" for k, v in counts.items()))
        for item in rejected:
            print(f"  rejected {item['key']}: {item['reason']}")
    return 0
