"""Local users with passwords hashed by scrypt (a memory-hard KDF from the standard library)."""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite_utils

from inspector.domain.people import User
from inspector.store.clock import utc_now

ROLES = ("inspector", "lead")    # what the users table accepts (admin comes with user management)
MIN_PASSWORD = 6
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}


class UserError(ValueError):
    pass


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)


class UserRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def is_empty(self) -> bool:
        return self._db.execute("SELECT count(*) FROM users").fetchone()[0] == 0

    def add(self, user_id: str, name: str, role: str, password: str) -> User:
        if not user_id.strip() or not name.strip():
            raise UserError("a user needs a 工号 and a name")
        if role not in ROLES:
            raise UserError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD:
            raise UserError(f"the password needs at least {MIN_PASSWORD} characters")
        if self.get(user_id) is not None:
            raise UserError(f"user {user_id} already exists")
        salt = os.urandom(16)
        with self._db.atomic():
            self._db["users"].insert({"id": user_id.strip(), "name": name.strip(), "role": role, "salt": salt,
                                      "pw_hash": _hash(password, salt),
                                      "created_at": utc_now()})
        return User(user_id.strip(), name.strip(), role)

    def get(self, user_id: str) -> User | None:
        rows = list(self._db.query("SELECT id, name, role FROM users WHERE id = ?", [user_id]))
        return User(**rows[0]) if rows else None

    def all(self) -> list[User]:
        return [User(**r) for r in self._db.query("SELECT id, name, role FROM users ORDER BY id")]

    def authenticate(self, user_id: str, password: str) -> User | None:
        row = self._db.execute("SELECT salt, pw_hash FROM users WHERE id = ?", [user_id]).fetchone()
        if row is None:
            _hash(password, b"\0" * 16)        # same work for unknown ids: no timing hint that an id exists
            return None
        return self.get(user_id) if hmac.compare_digest(_hash(password, row[0]), row[1]) else None
