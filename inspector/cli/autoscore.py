"""``inspector autoscore``: the automatic score of every call (scoring.auto), a suggestion kept apart from
the inspectors' evaluations.

``--database`` checks the calls whose hits are outdated first (new calls, a new pack or tariff pack, a new
transcript), scores those whose score is outdated, stores them and prints one JSON line per call:
``{"call", "score", "fatal": [item ids], "items": {"A1": {"deduction", "confidence", "rules"}, …},
"unknown": [item ids], "review": [item ids]}`` (``score`` null for a call with no transcript to check).
``--transcript FILE [--audio FILE]`` scores one transcript without storing anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.audio.activity import analyse
from inspector.audio.errors import AudioError
from inspector.audio.recording import decode
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.jobs import drain
from inspector.findings.autoscoring import autoscore_all
from inspector.findings.checking import check_all
from inspector.rules.engine import check_call
from inspector.rules.pack import PackError
from inspector.scoring.auto import auto_score, covered_items
from inspector.scoring.defaults import chosen_pack, default_card
from inspector.store.autoscores import AutoScoreRepository
from inspector.store.calls import CallRepository
from inspector.transcript.io import TranscriptError, load_transcript


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("autoscore", help="score every call automatically from its rule hits (a suggestion)")
    parser.add_argument("--database", action="store_true", help="every call of the workspace: check what is "
                        "outdated, score, store, one JSON line per call")
    parser.add_argument("--transcript", type=Path, help="score one transcript v1 JSON file (nothing stored)")
    parser.add_argument("--audio", type=Path, help="with --transcript: the recording, for measured acoustic rules")
    parser.add_argument("--rules", type=Path, help="a rule pack (TOML) instead of the default one")
    parser.add_argument("--tariffs", type=Path, help="a tariff and policy pack (TOML) instead of the one the "
                        "rule pack names")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        pack = chosen_pack(args.rules, args.tariffs)
        if args.transcript is not None:
            transcript = load_transcript(args.transcript)
            activity = None
            if args.audio is not None:
                recording = decode(args.audio)
                activity = analyse(recording.samples, recording.sample_rate)
            card = default_card()
            found = auto_score(card, check_call(pack, transcript, activity), covered_items(card, pack))
            _print(found.to_json(transcript.call_id), args.format)
            return 0
        if not args.database:
            print("inspector autoscore: give --database or --transcript FILE", file=sys.stderr)
            return 2
    except (PackError, TranscriptError, AudioError) as exc:
        print(f"inspector autoscore: {exc}", file=sys.stderr)
        return 2
    return _database(ctx, pack, args.format)


def _database(ctx: CliContext, pack, fmt: str) -> int:
    db, card = ctx.db, default_card()
    checked = drain(check_all(db, ctx.workspace, pack, only_outdated=True))
    result = drain(autoscore_all(db, card, pack))
    scores = dict(AutoScoreRepository(db).all())
    unknown_all = [i.id for i in (*card.items, *card.fatal)]
    for call_id, ref in CallRepository(db).all_refs():
        found = scores.get(call_id)
        line = found.to_json(ref) if found is not None else {"call": ref, "score": None, "fatal": [], "items": {},
                                                            "unknown": unknown_all, "review": []}
        _print(line, fmt)
    print(f"inspector autoscore: checked {checked.checked} call(s) first; scored {result.scored} "
          f"({result.fatal} with a red line); {len(checked.without_transcript)} without a transcript; "
          f"{len(scores)} call(s) have an automatic score", file=sys.stderr)
    return 0


def _print(line: dict, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(line, ensure_ascii=False))
        return
    score = "—" if line["score"] is None else f"{line['score']:g}"
    lost = ", ".join(f"{k} −{v['deduction']:g}" for k, v in line["items"].items() if v["deduction"])
    fatal = f"  致命 {','.join(line['fatal'])}" if line["fatal"] else ""
    print(f"{line['call']}\t{score}{fatal}\t{lost}")
