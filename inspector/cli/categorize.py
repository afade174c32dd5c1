"""``inspector categorize``: why customers called, by the category pack (default unless --categories).

``--transcript FILE`` prints one call's categories as JSON; ``--database`` categorises the workspace's calls
(after their rule checks, which categories may rest on), stores them and prints one JSON line per call.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.categories.match import categorize
from inspector.categories.pack import (CategoryPackError, default_category_pack, load_category_pack,
                                       require_known_rules)
from inspector.cli.context import CliContext
from inspector.jobs import drain
from inspector.findings.runner import CATEGORIES, RULES, Packs, run_findings
from inspector.rules.engine import check_call
from inspector.rules.pack import PackError
from inspector.scoring.defaults import default_pack
from inspector.store.calls import CallRepository
from inspector.store.categories import CategoryRepository
from inspector.domain.errors import StorageError
from inspector.transcript.io import TranscriptError, load_transcript


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("categorize", help="find why customers called (category pack)")
    parser.add_argument("--transcript", type=Path, help="a transcript v1 JSON file")
    parser.add_argument("--database", action="store_true", help="categorise every call of the workspace and store")
    parser.add_argument("--categories", type=Path, help="a category pack (TOML)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        pack = load_category_pack(args.categories) if args.categories else default_category_pack()
        if args.categories:
            require_known_rules(pack, {rule.id for rule in default_pack().rules}, args.categories)
        if args.transcript:
            transcript = load_transcript(args.transcript)
            found = categorize(transcript, check_call(default_pack(), transcript, None), pack)
            print(json.dumps([c.to_dict() for c in found], ensure_ascii=False))
            return 0
        if args.database:
            return _database(ctx, pack)
        print("inspector categorize: give --transcript FILE or --database", file=sys.stderr)
        return 2
    except (CategoryPackError, PackError, TranscriptError, StorageError) as exc:
        print(f"inspector categorize: {exc}", file=sys.stderr)
        return 2


def _database(ctx: CliContext, pack) -> int:
    db = ctx.db
    result = drain(run_findings(db, ctx.workspace, Packs(default_pack(), pack), (RULES, CATEGORIES),
                                only_outdated=True, redo=(CATEGORIES,)))     # rule hits first where outdated
    repo = CategoryRepository(db)
    refs = CallRepository(db).refs([r[0] for r in db.execute("SELECT id FROM calls ORDER BY id")] or [0])
    for call_id, ref in refs.items():
        found = repo.for_call(call_id)
        print(json.dumps({"call": ref, "categories": None if found is None else [c.to_dict() for c in found]},
                         ensure_ascii=False))
    print(f"categorised {result.categorized} call(s), {result.categories} categorie(s); "
          f"{len(result.without_transcript)} without a transcript", file=sys.stderr)
    return 0
