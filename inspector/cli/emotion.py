"""``inspector emotion``: how the customer felt at the start and the end of each call, and whether it
worsened, from the words and the voice. A pointer for listening, not a verdict.

``--transcript FILE [--audio FILE]`` prints one call's result as JSON; ``--database`` measures the
workspace's calls (decoding each recording that is still there), stores and prints one JSON line per call.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.audio.errors import AudioError
from inspector.audio.recording import decode
from inspector.cli.context import CliContext
from inspector.emotion.turns import customer_emotion
from inspector.jobs import drain
from inspector.findings.emotions import measure_all
from inspector.store.calls import CallRepository
from inspector.domain.errors import StorageError
from inspector.store.emotion import EmotionRepository
from inspector.transcript.io import TranscriptError, load_transcript


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("emotion", help="customer emotion at the start and end of calls (words and voice)")
    parser.add_argument("--transcript", type=Path, help="a transcript v1 JSON file")
    parser.add_argument("--audio", type=Path, help="the call's recording (else words only)")
    parser.add_argument("--database", action="store_true", help="measure every call of the workspace and store")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        if args.transcript:
            recording = decode(args.audio) if args.audio else None
            emotion = customer_emotion(load_transcript(args.transcript), recording)
            print(json.dumps(None if emotion is None else emotion.to_dict(), ensure_ascii=False))
            return 0
        if args.database:
            return _database(ctx)
        print("inspector emotion: give --transcript FILE [--audio FILE] or --database", file=sys.stderr)
        return 2
    except (TranscriptError, AudioError, StorageError) as exc:
        print(f"inspector emotion: {exc}", file=sys.stderr)
        return 2


def _database(ctx: CliContext) -> int:
    db = ctx.db
    result = drain(measure_all(db))
    repo = EmotionRepository(db)
    ids = [r[0] for r in db.execute("SELECT id FROM calls ORDER BY id")]
    for call_id, ref in (CallRepository(db).refs(ids) if ids else {}).items():
        emotion = repo.for_call(call_id)
        line = None if emotion is None else {"start": emotion.start_label, "end": emotion.end_label,
                                             "worsened": emotion.worsened, "basis": list(emotion.basis)}
        print(json.dumps({"call": ref, "emotion": line}, ensure_ascii=False))
    print(f"measured {result.measured} call(s), {result.worsened} worsened; {len(result.without_voice)} "
          f"without their recording (words only), {len(result.without_customer)} without customer turns",
          file=sys.stderr)
    return 0
