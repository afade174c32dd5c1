"""``inspector calls``: the imported calls, newest first."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from inspector.cli.arguments import count_between
from inspector.cli.context import CliContext
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.categories import CategoryRepository
from inspector.store.emotion import EmotionRepository


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calls", help="list imported calls")
    parser.add_argument("--agent")
    parser.add_argument("--category", help="only calls of this category (level-1 name or full path)")
    parser.add_argument("--worsened", action="store_true", help="only calls whose customer's emotion worsened")
    parser.add_argument("--limit", type=count_between(1, 10 ** 9), default=50)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    flt = CallFilter(agent_id=args.agent, category=args.category, worsened=True if args.worsened else None)
    rows = CallRepository(ctx.db).page(flt, limit=args.limit)
    if args.format == "json":
        categories = CategoryRepository(ctx.db)
        emotions = EmotionRepository(ctx.db).summaries_for([c.id for c in rows])
        print(json.dumps([asdict(c) | {"categories": _categories(categories, c.id),
                                       "emotion": _emotion(emotions.get(c.id))} for c in rows],
                         ensure_ascii=False))
    else:
        for c in rows:
            print(f"{c.id}\t{c.call_ref}\t{c.agent_id or '-'}\t{c.started_at or '-'}\t{c.duration_s:.1f}s")
    return 0


def _categories(repo: CategoryRepository, call_id: int) -> list[dict] | None:
    """None when the call was never categorised (``inspector categorize --database``)."""
    found = repo.for_call(call_id)
    return None if found is None else [{"path": list(c.path), "confidence": c.confidence} for c in found]


def _emotion(summary: tuple[str, str, bool] | None) -> dict | None:
    """None when it was never measured (``inspector emotion --database``)."""
    return None if summary is None else {"start": summary[0], "end": summary[1], "worsened": summary[2]}
