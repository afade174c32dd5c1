"""Commands' expected failures become one line on stderr and an exit status, never a traceback."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from inspector.archive import ArchiveError
from inspector.cli.auth import Refused
from inspector.jobs import Cancelled
from inspector.domain.errors import StorageError
from inspector.domain.accounts import UserError
from inspector.sync.identity import SyncError
from inspector.users.policy import NotAllowed

Handler = Callable[[argparse.Namespace, object], int]


def user_errors(handler: Handler) -> Handler:
    """Exit 2 for a bad set-up, file, account or password, 3 when cancelled."""
    @functools.wraps(handler)
    def guarded(args: argparse.Namespace, ctx: object) -> int:
        try:
            return handler(args, ctx)
        except (SyncError, ArchiveError, StorageError, Refused, UserError, NotAllowed) as exc:
            print(f"inspector {args.command}: {exc}", file=sys.stderr)
            return 2
        except Cancelled:
            print(f"inspector {args.command}: cancelled", file=sys.stderr)
            return 3
    return guarded
