"""Who is acting on the command line: ``--user ID`` (or ``--as LEAD``) with that user's password read from
standard input (``--password-stdin``), so it is in neither the shell history nor the process list.

The rules are the log-in dialog's: a disabled, locked or wrong account is refused, a password that must be
changed is changed first, and ``users.policy`` decides what the role allows.
"""

from __future__ import annotations

import argparse
import sys

import sqlite_utils

from inspector.domain.people import User
from inspector.store.users import UserRepository
from inspector.users.policy import Action, allowed


class Refused(Exception):
    """Who is asking could not be established, or may not do this; the message says which."""


def add_identity_arguments(parser: argparse.ArgumentParser, flag: str = "--user", required: bool = True) -> None:
    parser.add_argument(flag, dest="actor_id", metavar="ID", required=required, help="who is acting (工号)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password(s) from standard input, one per line")


MAX_LINE = 4096         # a password, key or token; a longer line is refused, not read into memory


def _line(what: str) -> str | None:
    """One line of standard input as UTF-8 without its line end (a Windows one too), None when input has
    ended. Read as bytes, so a line in another encoding is a message naming it, not a traceback."""
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.readline(MAX_LINE + 1) if stream is not None else sys.stdin.readline(MAX_LINE + 1).encode()
    if not raw:
        return None
    if len(raw) > MAX_LINE:
        raise Refused(f"the {what} on standard input is longer than {MAX_LINE} bytes")
    try:
        return raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise Refused(f"the {what} on standard input is not UTF-8 text") from None


def read_line(what: str = "line") -> str:
    """An optional line: "" when input has ended."""
    return _line(what) or ""


def read_password(what: str) -> str:
    """A line that must be there: a missing one is refused, naming what was expected, so that a forgotten
    pipe says so instead of counting as a wrong password."""
    line = _line(what)
    if line is None:
        raise Refused(f"standard input ended before the {what} (one password per line)")
    return line


def sign_in(db: sqlite_utils.Database, args: argparse.Namespace, action: Action | None = None,
            agents: bool = False) -> User:
    """The acting user, after their password (the next line of stdin) and, when given, the action are checked.
    An agent is let in only where the command says ``agents=True`` (their own evaluations, acknowledging,
    appealing): every other command is the staff's, whatever it forgets to check later."""
    user_id = args.actor_id
    if not args.password_stdin:
        raise Refused(f"{user_id}: acting as a user needs --password-stdin and the password on standard input")
    password = read_password(f"password of {user_id}")
    if not password:              # never right (passwords have a minimum length): not a failed attempt either
        raise Refused(f"{user_id}: the password on standard input is empty")
    outcome = UserRepository(db).log_in(user_id, password)
    if outcome.user is None:
        raise Refused(f"{user_id}: {outcome.refusal}")
    if outcome.must_change_password:
        raise Refused(f"{user_id} must choose a new password first: inspector users passwd {user_id} "
                      "--password-stdin (old and new password on two lines)")
    if outcome.user.is_agent and not agents:
        raise Refused(f"{user_id} is an agent: agents may only see, acknowledge and appeal their own evaluations")
    if action is not None and not allowed(outcome.user, action):
        raise Refused(f"{user_id} may not {action} (team leads only)")
    return outcome.user
