"""Headquarters users: their own log-in for the dashboard and the reports API, apart from the centres'
upload tokens (a centre must not read other centres' figures). Passwords are stored as salted scrypt
hashes with their parameters; a log-in opens a session whose token only the browser holds (its SHA-256
is stored), so a copied database opens no session."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from inspector.hub.store import token_hash
from inspector.hub.tables import hq_sessions, hq_users

SESSION_HOURS = 12
MIN_PASSWORD = 8
_N, _R, _P = 2 ** 14, 8, 1


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
        if not user_id.strip():
            raise AccountError("a headquarters user needs an id")
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
        row = {"id": user_id.strip(), "name": name.strip() or user_id.strip(), "password_hash": hash_password(password),
               "created_at": _now().isoformat(timespec="seconds")}
        with self.engine.begin() as conn:
            conn.execute(delete(hq_sessions).where(hq_sessions.c.user_id == row["id"]))
            conn.execute(delete(hq_users).where(hq_users.c.id == row["id"]))
            conn.execute(hq_users.insert().values(**row))
        return HqUser(row["id"], row["name"])

    def log_in(self, user_id: str, password: str) -> str | None:
        """A new session token, or None for an unknown user or a wrong password (same work either way)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(hq_users).where(hq_users.c.id == user_id)).first()
        matches = password_matches(password, row.password_hash if row else _stand_in())
        if row is None or not matches:
            return None
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(delete(hq_sessions).where(hq_sessions.c.expires_at < _now().isoformat()))
            conn.execute(hq_sessions.insert().values(
                token_sha256=token_hash(token), user_id=row.id,
                expires_at=(_now() + timedelta(hours=SESSION_HOURS)).isoformat()))
        return token

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


@cache
def _stand_in() -> str:
    """A hash to check unknown users' passwords against, so an unknown id costs as much as a wrong password."""
    return hash_password(secrets.token_hex(8))
