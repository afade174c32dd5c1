"""``inspector transcribe AUDIO``: a transcript v1 of a recording, on stdout or into a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.asr.choice import choose_model
from inspector.asr.pool import ModelPool
from inspector.asr.profiles import DEFAULT_PROFILE, PROFILES
from inspector.asr.recognizer import AsrError, transcribe
from inspector.audio.errors import AudioError
from inspector.audio.recording import decode
from inspector.cli.context import CliContext
from inspector.transcript.io import save_transcript, to_dict


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("transcribe", help="speech recognition of a recording (agent left, customer right)")
    parser.add_argument("audio", type=Path)
    parser.add_argument("--model", type=Path, help="a Vosk model folder (default: the first one found)")
    parser.add_argument("--format", choices=("json",), default="json")
    parser.add_argument("--out", type=Path, help="write the transcript to this file instead of stdout")
    parser.add_argument("--profile", choices=tuple(PROFILES), default=DEFAULT_PROFILE,
                        help="decoding profile: accurate (default: the model's own search) or fast (3x faster)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        loaded = choose_model(ctx.workspace, ModelPool(), args.model, profile=args.profile)
        recording = decode(args.audio)
        transcript = transcribe(loaded, recording, call_id=args.audio.stem)
    except (AsrError, AudioError) as exc:
        print(f"inspector transcribe: {exc}", file=sys.stderr)
        return 2
    if args.out:
        save_transcript(transcript, args.out)
    else:
        print(json.dumps(to_dict(transcript), ensure_ascii=False, indent=1))
    return 0
