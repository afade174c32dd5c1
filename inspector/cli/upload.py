"""``inspector upload``: send the outbox to headquarters, then check counts and hashes with the receiver."""

from __future__ import annotations

import argparse
import json
import sys

from inspector.cli.arguments import count_between, number_between
from inspector.cli.auth import Refused, add_identity_arguments, sign_in
from inspector.cli.context import CliContext
from inspector.cli.errors import user_errors
from inspector.store.outbox import OutboxRepository
from inspector.sync import identity as sync_identity
from inspector.sync.upload import RetryPolicy, upload
from inspector.users.policy import Action


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("upload", help="send the outbox to headquarters")
    parser.add_argument("--to", help="receiver URL (default: the configured one)")
    parser.add_argument("--batch", type=count_between(1, 1000), default=100)
    parser.add_argument("--backoff", type=number_between(0, 3600), default=RetryPolicy.base_s, help="first retry delay in seconds")
    parser.add_argument("--attempts", type=count_between(1, 100), default=RetryPolicy.attempts)
    parser.add_argument("--timeout", type=number_between(0.1, 3600), default=RetryPolicy.timeout_s)
    parser.add_argument("--ca-file", help="trust this CA bundle instead of the system's (HTTPS)")
    add_identity_arguments(parser, required=False)
    parser.set_defaults(handler=run)


@user_errors
def run(args: argparse.Namespace, ctx: CliContext) -> int:
    identity = sync_identity.require(ctx.db)
    if args.to or args.ca_file:       # another receiver, or another CA to trust: the token and every score go there
        if args.actor_id is None:
            raise Refused("--to and --ca-file send the upload token and every score elsewhere: a lead or admin "
                          "says so with --user ID --password-stdin")
        sign_in(ctx.db, args, Action.CONFIGURE_SYNC)
    policy = RetryPolicy(args.attempts, args.backoff, RetryPolicy.cap_s, args.timeout)
    job = upload(ctx.db, identity, args.to, args.batch, policy, ca_file=args.ca_file)
    while True:
        try:
            progress = next(job)
        except StopIteration as stop:
            report = stop.value
            break
        print(f"\r{progress.text}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(json.dumps({"acknowledged": report.acknowledged, "rejected": report.rejected, "retries": report.retries,
                      "resent_missing": report.resent_missing, "reconciled": report.reconciled,
                      **OutboxRepository(ctx.db).counts()}, ensure_ascii=False))
    if report.resent_missing:
        print(f"the receiver lacked {report.resent_missing} acknowledged evaluation version(s): sent again",
              file=sys.stderr)
    return 0 if report.reconciled and not report.rejected else 1
