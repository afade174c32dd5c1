"""Headquarters users: their own log-in for the dashboard and the reports API, apart from the centres'
upload tokens (a centre must not read other centres' figures). Passwords are stored as salted scrypt
hashes with their parameters; a log-in opens a session whose token only the browser holds (its SHA-256
is stored), so a copied database opens no session.

The receiver faces a network, so log-ins are throttled where a script would guess: an account (known or
not: the answer never tells which) is locked for LOCK_MINUTES after LOCK_AFTER failures in a row, and a
client address after CLIENT_LOCK_AFTER failures whatever accounts it tried. Each attempt is counted before
its password is checked, in one transaction, so parallel attempts cannot slip past the count; every
attempt is recorded (hq_login_log) and every failure logged."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import cache

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from inspector.hub.store import token_hash
from inspector.hub.tables import hq_login_failures, hq_login_log, hq_sessions, hq_users
from inspector.users.passwords import MAX_ID, MAX_NAME, RECEIVER, id_is_valid, name_is_valid, password_problem

SESSION_HOURS = 12
MIN_PASSWORD = RECEIVER.min_length
LOCK_AFTER = 5
CLIENT_LOCK_AFTER = 20
LOCK_MINUTES = 15
_N, _R, _P = 2 ** 14, 8, 1
log = logging.getLogger("inspector.hub.login")

PASSWORD_RULES = {
    "short_password": "the password needs at least {n} characters",
    "long_password": "the password may have at most {n} characters",
    "password_is_id": "the password may not be the user id",
    "few_kinds": "the password needs {n} kinds of characters: letters, digits and symbols",
    "one_kind": "the password needs letters, digits and symbols",
    "repetitive": "the password needs at least {n} different characters",
}


class Refusal(StrEnum):
    WRONG = "unknown user or wrong password"
    LOCKED = "too many failed log-ins: this account is locked for a while"
    CLIENT = "too many failed log-ins from this address: try again later"


@dataclass(frozen=True)
class LogInOutcome:
    token: str | None
    refusal: Refusal | None = None
    retry_after_s: int = 0


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class HqUser:
    id: str
    name: str


def hash_password(password: str, salt: bytes | None = None, n: int = _N, r: int = _R, p: int = _P) -> str:
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    try:
        _kind, n, r, p, salt, _digest = stored.split("$")
        again = hash_password(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(again, stored)


def _now() -> datetime:
    return datetime.now(UTC)


class Accounts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add_user(self, user_id: str, name: str, password: str) -> HqUser:
        """Adds the user, or sets a new name and password for one that exists (their sessions end)."""
        if not id_is_valid(user_id.strip()):
            raise AccountError(f"a headquarters user id is 1 to {MAX_ID} letters, digits, '.', '-' or '_'")
        if name.strip() and not name_is_valid(name.strip()):
            raise AccountError(f"a name is 1 to {MAX_NAME} characters without control characters")
        problem = password_problem(password, user_id, RECEIVER)
        if problem is not None:
            raise AccountError(PASSWORD_RULES[problem[0]].format(**problem[1]))
        row = {"id": user_id.strip(), "name": name.strip() or user_id.strip(), "password_hash": hash_password(password),
               "created_at": _now().isoformat(timespec="seconds")}
        with self.engine.begin() as conn:
            conn.execute(delete(hq_sessions).where(hq_sessions.c.user_id == row["id"]))
            conn.execute(delete(hq_users).where(hq_users.c.id == row["id"]))
            conn.execute(hq_users.insert().values(**row))
        return HqUser(row["id"], row["name"])

    def log_in(self, user_id: str, password: str, client: str = "") -> LogInOutcome:
        """A new session token, or why not. Unknown and known users cost the same work and get the same
        answers (wrong, then locked), so the answers do not tell which ids exist."""
        now = _now()
        user_key, client_key = f"user:{user_id[:MAX_ID * 4]}", f"client:{client[:64]}"
        user_locks = False
        with self.engine.begin() as conn:          # writes first: the transaction holds the write lock at once
            client_locked, _ = _count(conn, client_key, CLIENT_LOCK_AFTER, now)
            user_locked = None
            if client_locked is None:
                user_locked, user_locks = _count(conn, user_key, LOCK_AFTER, now)
            row = conn.execute(select(hq_users).where(hq_users.c.id == user_id)).first() \
                if id_is_valid(user_id) else None
        if client_locked or user_locked:
            refusal = Refusal.CLIENT if client_locked else Refusal.LOCKED
            return self._refused(user_id, client, refusal, client_locked or user_locked, now)
        matches = password_matches(password, row.password_hash if row else _stand_in())
        if row is None or not matches:
            return self._refused(user_id, client, Refusal.WRONG, None, now, locked_now=user_locks)
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(delete(hq_login_failures).where(hq_login_failures.c.key == user_key))
            conn.execute(delete(hq_sessions).where(hq_sessions.c.expires_at < now.isoformat()))
            conn.execute(hq_sessions.insert().values(
                token_sha256=token_hash(token), user_id=row.id,
                expires_at=(now + timedelta(hours=SESSION_HOURS)).isoformat()))
            conn.execute(hq_login_log.insert().values(at=now.isoformat(timespec="seconds"), user_id=row.id,
                                                      client=client[:64], outcome="ok"))
        return LogInOutcome(token)

    def _refused(self, user_id: str, client: str, refusal: Refusal, until: str | None, now: datetime,
                 locked_now: bool = False) -> LogInOutcome:
        outcome = {Refusal.WRONG: "locked" if locked_now else "wrong", Refusal.LOCKED: "refused-locked",
                   Refusal.CLIENT: "refused-client"}[refusal]
        with self.engine.begin() as conn:
            conn.execute(hq_login_log.insert().values(at=now.isoformat(timespec="seconds"),
                                                      user_id=user_id[:64], client=client[:64], outcome=outcome))
        log.warning("failed log-in: user %r from %s: %s", user_id[:64], client or "?", outcome)
        wait = int((datetime.fromisoformat(until) - now).total_seconds()) + 1 if until else 0
        return LogInOutcome(None, refusal, max(wait, 0))

    def attempts(self) -> list[dict]:
        """The log-in record, oldest first (what an auditor reads)."""
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(hq_login_log).order_by(hq_login_log.c.id))]

    def user_of(self, token: str | None) -> HqUser | None:
        if not token:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(hq_users.c.id, hq_users.c.name).join_from(
                hq_sessions, hq_users, hq_sessions.c.user_id == hq_users.c.id).where(
                (hq_sessions.c.token_sha256 == token_hash(token)) &
                (hq_sessions.c.expires_at > _now().isoformat()))).first()
        return HqUser(row.id, row.name) if row else None

    def log_out(self, token: str | None) -> None:
        if token:
            with self.engine.begin() as conn:
                conn.execute(delete(hq_sessions).where(hq_sessions.c.token_sha256 == token_hash(token)))


def _count(conn: Connection, key: str, limit: int, now: datetime) -> tuple[str | None, bool]:
    """(the end of a lock in force, or None; whether this attempt reached the limit). An attempt on a key that
    is not locked is one more failure in a row (a series quiet for LOCK_MINUTES starts again), counted by
    the database itself so that simultaneous attempts each count; the one that reaches the limit locks the
    key at once (a right password then lifts an account's lock)."""
    t, stamp = hq_login_failures, now.isoformat()
    quiet = (now - timedelta(minutes=LOCK_MINUTES)).isoformat()
    locked = (t.c.locked_until.is_not(None)) & (t.c.locked_until > stamp)
    counting = update(t).where(t.c.key == key).returning(t.c.failures, t.c.locked_until)
    row = conn.execute(counting.values(failures=case((locked, t.c.failures), (t.c.last_at < quiet, 1),
                                                     else_=t.c.failures + 1), last_at=stamp)).first()
    if row is None:
        try:
            with conn.begin_nested():
                conn.execute(insert(t).values(key=key, failures=1, last_at=stamp))
            row = (1, None)
        except IntegrityError:              # a simultaneous attempt made the row first
            row = conn.execute(counting.values(failures=t.c.failures + 1, last_at=stamp)).first()
    failures, until = row
    if until is not None and until > stamp:
        return until, False
    if failures < limit:
        return None, False
    conn.execute(update(t).where(t.c.key == key).values(
        failures=0, locked_until=(now + timedelta(minutes=LOCK_MINUTES)).isoformat()))
    return None, True


@cache
def _stand_in() -> str:
    """A hash to check unknown users' passwords against, so an unknown id costs as much as a wrong password."""
    return hash_password(secrets.token_hex(8))
