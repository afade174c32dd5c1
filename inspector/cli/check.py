"""``inspector check``: rule hits for one transcript, a folder of transcripts, or the whole workspace.

The JSON output is a contract other tools rely on: a list of hits (or one line per call in the batch
forms), each with at least rule, start, end, speaker, evidence and confidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.asr.choice import choose_model
from inspector.asr.pool import ModelPool
from inspector.asr.profiles import DEFAULT_PROFILE, PROFILES
from inspector.asr.recognizer import AsrError, LoadedModel, transcribe
from inspector.asr.relisten import GrammarListener
from inspector.audio.activity import analyse
from inspector.audio.errors import AudioError
from inspector.audio.recording import decode
from inspector.cli.context import CliContext
from inspector.jobs import drain
from inspector.scoring.defaults import chosen_pack
from inspector.rules.engine import check_call
from inspector.rules.hits import Hit
from inspector.rules.pack import PackError, RulePack
from inspector.findings.checking import check_all
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.domain.errors import StorageError
from inspector.store.hits import HitRepository
from inspector.transcript.io import TranscriptError, load_transcript


class CommandError(Exception):
    """A bad input: printed to stderr, exit status 2."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="run the rule checks (default pack unless --rules)")
    parser.add_argument("recording", nargs="?", type=Path, help="a recording to transcribe, then check")
    parser.add_argument("--transcript", type=Path, help="a transcript v1 JSON file")
    parser.add_argument("--audio", type=Path, help="the call's recording, for measured acoustic rules")
    parser.add_argument("--rules", type=Path, help="a rule pack (TOML)")
    parser.add_argument("--tariffs", type=Path, help="a tariff and policy pack (TOML) for the C2 rule, instead of "
                        "the one the rule pack names")
    parser.add_argument("--folder", type=Path, help="check every *.transcript.json in a folder")
    parser.add_argument("--database", action="store_true", help="check every call of the workspace, store hits")
    parser.add_argument("--model", type=Path, help="the Vosk model for checking a recording; with --transcript and "
                        "--audio, or --database, doubtful phrases are heard again on the audio with it")
    parser.add_argument("--profile", choices=tuple(PROFILES), default=DEFAULT_PROFILE,
                        help="the model's decoding profile, as `inspector batch --profile` (the same hits as a batch)")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    workspace = ctx.workspace
    try:
        pack = chosen_pack(args.rules, args.tariffs)
        if args.database:
            return _database(ctx, pack, choose_model(workspace, ModelPool(), args.model, profile=args.profile) if args.model else None)
        if args.folder:
            return _folder(args, pack)
        if args.transcript:
            loaded = choose_model(workspace, ModelPool(), args.model, profile=args.profile) if args.model and args.audio else None
            hits = _check_file(args.transcript, args.audio, pack, loaded)
            _print_hits(hits, args.format)
            return 0
        if args.recording:
            recording = decode(args.recording)
            loaded = choose_model(workspace, ModelPool(), args.model, profile=args.profile)
            transcript = transcribe(loaded, recording, call_id=args.recording.stem)
            _print_hits(check_call(pack, transcript, analyse(recording.samples, recording.sample_rate),
                                   GrammarListener(loaded, recording)), args.format)
            return 0
        raise CommandError("give --transcript FILE, --folder DIR or --database")
    except (CommandError, PackError, TranscriptError, AudioError, StorageError, AsrError) as exc:
        print(f"inspector check: {exc}", file=sys.stderr)
        return 2


def _check_file(transcript_path: Path, audio_path: Path | None, pack: RulePack,
                loaded: LoadedModel | None = None) -> list[Hit]:
    """With the audio, acoustic rules are measured; with a model too, doubtful phrases are heard again."""
    transcript = load_transcript(transcript_path)
    activity = listener = None
    if audio_path is not None:
        recording = decode(audio_path)
        activity = analyse(recording.samples, recording.sample_rate)
        listener = GrammarListener(loaded, recording) if loaded is not None else None
    return check_call(pack, transcript, activity, listener)


def _print_hits(hits: list[Hit], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False))
        return
    for h in hits:
        print(f"{h.rule}\t{h.start:7.1f}–{h.end:7.1f}\t{h.speaker}\t{h.confidence:.2f}\t{h.evidence}")


def _folder(args: argparse.Namespace, pack: RulePack) -> int:
    if not args.folder.is_dir():
        raise CommandError(f"{args.folder}: not a folder")
    failures = 0
    for path in sorted(args.folder.glob("*.transcript.json")):
        stem = path.name[: -len(".transcript.json")]
        audio = next((p for p in sorted(path.parent.glob(stem + ".*")) if p != path), None)
        try:
            hits = _check_file(path, audio, pack)
        except (TranscriptError, AudioError) as exc:
            failures += 1
            print(json.dumps({"call": stem, "file": str(path), "error": str(exc)}, ensure_ascii=False))
            continue
        print(json.dumps({"call": stem, "file": str(path), "hits": [h.to_dict() for h in hits]},
                         ensure_ascii=False))
    return 1 if failures else 0


def _database(ctx: CliContext, pack: RulePack, loaded: LoadedModel | None) -> int:
    db = ctx.db
    result = drain(check_all(db, ctx.workspace, pack, listen_with=loaded))
    calls = CallRepository(db)
    hits = HitRepository(db)
    for call in calls.page(CallFilter(), limit=max(1, calls.count())):
        found = hits.for_call(call.id)
        line = {"call": call.call_ref, "hits": None if found is None else [h.to_dict() for h in found]}
        print(json.dumps(line, ensure_ascii=False))
    print(f"checked {result.checked} call(s), {result.hits} hit(s); "
          f"{len(result.without_transcript)} without a transcript", file=sys.stderr)
    return 0
