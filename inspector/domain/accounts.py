"""Accounts as the users list shows them, log-in outcomes, and the account rules a change can break."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum

from inspector.domain.people import User


MESSAGES = {
    "short_password": "the password needs at least {n} characters",
    "long_password": "the password may have at most {n} characters",
    "password_is_id": "the password may not be the job number",
    "one_kind": "the password needs two kinds of characters (letters, digits, symbols)",
    "same_password": "the new password must differ from the old one",
    "missing_fields": "a user needs a job number (工号) and a name",
    "missing_name": "a user needs a name",
    "bad_id": "a job number is 1 to {n} letters, digits, '.', '-' or '_', starting with a letter or digit",
    "bad_name": "a name is 1 to {n} characters without control characters",
    "missing_old": "the old password is empty: give the current password first",
    "bad_role": "role must be one of {roles}",
    "exists": "user {id} already exists",
    "not_empty": "this workspace already has users: a lead adds new ones",
    "own_account": "you cannot disable your own account",
    "last_lead": "the workspace must keep at least one active team lead",
    "unknown": "no user {id}",
    "refused": "{reason}",
}


class UserError(ValueError):
    """A change that breaks a rule (short password, unknown role, the last lead disabled…).

    ``code`` and ``params`` let the UI word it in its own language; ``str()`` is the English for the CLI."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(MESSAGES[code].format(**params))
        self.code, self.params = code, params


class Refusal(StrEnum):
    """Why a log-in failed; the UI and the CLI word it each in their own way."""

    WRONG = "wrong job number or password"
    DISABLED = "this account is disabled"
    LOCKED = "too many failed attempts: this account is locked for a while"


@dataclass(frozen=True)
class Account:
    """A user as the users list shows it: who, and the state of their log-in."""

    id: str
    name: str
    role: str
    active: bool
    must_change_password: bool
    locked_until: str | None

    @property
    def user(self) -> User:
        return User(self.id, self.name, self.role)

    def locked(self, now: datetime | None = None) -> bool:
        """``locked_until`` stays stored after it has passed (until the next log-in): only a future one locks."""
        moment = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
        return self.locked_until is not None and self.locked_until > moment


@dataclass(frozen=True)
class LogIn:
    """The outcome of a log-in attempt: a user, or why not."""

    user: User | None
    refusal: Refusal | None = None
    must_change_password: bool = False
    locked_until: str | None = None
