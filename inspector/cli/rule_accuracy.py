"""``inspector rule-accuracy``: how often the inspectors confirmed rule hits, per rule and per confidence
band, so a lead can see whether a 0.9 hit is right about 9 times in 10 and recalibrate the pack."""

from __future__ import annotations

import argparse
import json

from inspector.cli.context import CliContext
from inspector.store.hits import HitRepository
from inspector.domain.accuracy import accuracy_by_band


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rule-accuracy", help="precision of rule hits from inspectors' decisions")
    parser.add_argument("--rule", help="only this rule's hits (e.g. R02)")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    hits = HitRepository(ctx.db)
    rules = [a for a in hits.accuracy() if args.rule is None or a.rule == args.rule]
    bands = accuracy_by_band(hits.decided_confidences(args.rule))
    if args.format == "json":
        print(json.dumps({"rules": [{"rule": a.rule, "confirmed": a.confirmed, "rejected": a.rejected,
                                     "precision": a.precision} for a in rules],
                          "bands": [{"low": b.low, "high": b.high, "confirmed": b.confirmed, "rejected": b.rejected,
                                     "precision": b.precision} for b in bands]}, ensure_ascii=False))
        return 0
    print("rule   confirmed  rejected  precision")
    for a in rules:
        print(f"{a.rule:<6} {a.confirmed:9d} {a.rejected:9d}  {_share(a.precision)}")
    print("\nconfidence   confirmed  rejected  precision")
    for b in bands:
        print(f"{b.low:.2f}–{b.high:.2f}  {b.confirmed:9d} {b.rejected:9d}  {_share(b.precision)}")
    return 0


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:6.0%}"
