"""``inspector export-recording CALL --out F.wav``: a call's recording for use outside Inspector, with a tone
over every personal number and the identity check's names (``--no-redact``: a team lead's decision, recorded
in the export audit like every export)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.audio.errors import AudioError
from inspector.cli.auth import Refused, add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.privacy.recordings import export_recording
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.users.policy import Action


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export-recording", help="a call's recording with personal data silenced")
    parser.add_argument("call", help="the call's reference (call id)")
    parser.add_argument("--out", type=Path, required=True, help="the WAV file to write")
    parser.add_argument("--no-redact", action="store_true", help="the recording as it is (team leads only)")
    add_identity_arguments(parser)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = sign_in(ctx.db, args, Action.EXPORT_UNMASKED if args.no_redact else None)
    calls = CallRepository(ctx.db)
    call = next((c for c in calls.page(CallFilter(text=args.call), limit=1000) if c.call_ref == args.call), None)
    if call is None:
        raise Refused(f"no call {args.call!r}")
    try:
        spans = export_recording(ctx.db, call, args.out, actor, redacted=not args.no_redact)
    except (AudioError, OSError) as exc:
        print(f"inspector export-recording: {call.path}: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"file": str(args.out), "redacted": not args.no_redact,
                      "spans": [{"channel": s.channel, "start": round(s.start, 3), "end": round(s.end, 3)}
                                for s in spans]}, ensure_ascii=False))
    return 0
