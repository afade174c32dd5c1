"""A centre's accounts: scrypt-hashed passwords (a memory-hard KDF from the standard library), roles,
disabled accounts, passwords a lead resets, a lock after repeated failures, and an audit of every change.

Every change is made by an actor whom ``users.policy`` allows to manage users; the only exception is the
first lead of an empty workspace, who has nobody to be created by.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import sqlite_utils

from inspector.domain.people import Role, User
from inspector.store.clock import utc_now
from inspector.users.passwords import MAX_ID, MAX_NAME, WORKSTATION, id_is_valid, name_is_valid, password_problem
from inspector.users.policy import Action, NotAllowed, require
from inspector.domain.accounts import UserError, Refusal, Account, LogIn

ROLES = tuple(Role)
MIN_PASSWORD = WORKSTATION.min_length
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}


def refuse_agent(db: sqlite_utils.Database, actor: str) -> None:
    """Agents answer evaluations, never make them (not even of their own calls): checked against the account,
    here in the core, so no window or command that forgets to ask gets around it."""
    row = db.execute("SELECT role FROM users WHERE id = ?", [actor]).fetchone()
    if row is not None and row[0] == "agent":
        raise NotAllowed(f"{actor} is an agent and may not score calls or decide on rule hits")


def check_password(password: str, user_id: str) -> None:
    """Minimum rules a centre's auditors ask for: long enough, not the job number, not one kind of character."""
    problem = password_problem(password, user_id, WORKSTATION)
    if problem is not None:
        raise UserError(problem[0], **problem[1])


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError("missing_name")
    if not name_is_valid(name):
        raise UserError("bad_name", n=MAX_NAME)
    return name


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)


_COLUMNS = "id, name, role, active, must_change_password, locked_until"


def _account(row: dict) -> Account:
    return Account(row["id"], row["name"], row["role"], bool(row["active"]), bool(row["must_change_password"]),
                   row["locked_until"])


_ATTEMPTS = threading.Lock()     # threads sharing one connection take turns at the counting transaction


@dataclass(frozen=True)
class _Attempt:
    salt: bytes | None              # None: no such account
    pw_hash: bytes | None
    locked_until: str | None        # refused unchecked: locked until then
    locks: str | None               # this attempt reached the limit: the account is locked until then unless it is right


class UserRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # -- reading -----------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._db.execute("SELECT count(*) FROM users").fetchone()[0] == 0

    def get(self, user_id: str) -> User | None:
        account = self.account(user_id)
        return account.user if account is not None else None

    def account(self, user_id: str) -> Account | None:
        rows = list(self._db.query(f"SELECT {_COLUMNS} FROM users WHERE id = ?", [user_id]))
        return _account(rows[0]) if rows else None

    def accounts(self) -> list[Account]:
        return [_account(r) for r in self._db.query(f"SELECT {_COLUMNS} FROM users ORDER BY id")]

    def all(self, active_only: bool = True) -> list[User]:
        """Who can be assigned work or invited to calibration: by default only those who can log in."""
        return [a.user for a in self.accounts() if a.active or not active_only]

    def audit(self, user_id: str | None = None) -> list[dict]:
        if user_id is None:
            return list(self._db.query("SELECT * FROM user_audit ORDER BY id"))
        return list(self._db.query("SELECT * FROM user_audit WHERE user_id = ? ORDER BY id", [user_id]))

    # -- changing ----------------------------------------------------------------------------------
    def create_first_lead(self, user_id: str, name: str, password: str) -> User:
        """Only an empty workspace may create an account without an actor: its first team lead."""
        return self._insert(user_id, name, Role.LEAD, password, by=user_id.strip(), must_change=False, first=True)

    def add(self, actor: User, user_id: str, name: str, role: str, password: str,
            must_change_password: bool = True) -> User:
        """A new account's password was chosen by the lead, so by default its owner replaces it at first log-in."""
        self._require_manager(actor)
        return self._insert(user_id, name, role, password, by=actor.id, must_change=must_change_password)

    def rename(self, actor: User, user_id: str, name: str) -> None:
        self._require_manager(actor)
        name = check_name(name)
        old = self._require(user_id)
        with self._db.atomic():
            self._db.execute("UPDATE users SET name = ? WHERE id = ?", [name, user_id])
            self._audit(actor.id, user_id, "name", f"{old.name} → {name}")

    def set_role(self, actor: User, user_id: str, role: str) -> None:
        self._require_manager(actor)
        if role not in ROLES:
            raise UserError("bad_role", roles=", ".join(ROLES))
        old = self._require(user_id)
        with self._db.atomic():
            self._db.execute("UPDATE users SET role = ? WHERE id = ?", [role, user_id])
            self._keep_a_lead()
            self._audit(actor.id, user_id, "role", f"{old.role} → {role}")

    def set_active(self, actor: User, user_id: str, active: bool) -> None:
        """A disabled account cannot log in; its evaluations, decisions and audit stay as they were."""
        self._require_manager(actor)
        self._require(user_id)
        if not active and user_id == actor.id:
            raise UserError("own_account")
        with self._db.atomic():
            self._db.execute("UPDATE users SET active = ? WHERE id = ?", [int(active), user_id])
            self._keep_a_lead()
            self._audit(actor.id, user_id, "enabled" if active else "disabled")

    def reset_password(self, actor: User, user_id: str, password: str) -> None:
        """The lead hands over a temporary password; the account is unlocked and must change it at log-in."""
        self._require_manager(actor)
        self._require(user_id)
        check_password(password, user_id)
        with self._db.atomic():
            self._set_password(user_id, password, must_change=True)
            self._audit(actor.id, user_id, "password reset")

    def change_password(self, user_id: str, old: str, new: str) -> User:
        """The owner's own change: proves the old password (through the lock rules) first; an empty one is
        never right, so it is refused without counting as a failed attempt."""
        if not old:
            raise UserError("missing_old")
        outcome = self.log_in(user_id, old)
        if outcome.user is None:
            raise UserError("refused", reason=outcome.refusal)
        if new == old:
            raise UserError("same_password")
        check_password(new, user_id)
        with self._db.atomic():
            self._set_password(user_id, new, must_change=False)
            self._audit(user_id, user_id, "password changed")
        return outcome.user

    # -- logging in --------------------------------------------------------------------------------
    def log_in(self, user_id: str, password: str, now: datetime | None = None) -> LogIn:
        """Locks the account after LOCK_AFTER_FAILURES failures in a row, so a password cannot be guessed at
        the speed of a script; success clears the count.

        The attempt is counted before its password is checked, in one transaction with the lock check: however
        many attempts run at once (threads, processes), no more than LOCK_AFTER_FAILURES passwords are
        checked before the lock, and a right one among them lifts it. Job numbers without an account are
        counted and locked the same way, so no answer tells whether one exists."""
        now = now or datetime.now(timezone.utc)
        if not id_is_valid(user_id):
            _hash(password, b"\0" * 16)          # no account can have this id: same work, same answer
            return LogIn(None, Refusal.WRONG)
        attempt = self._count_attempt(user_id, now)
        if attempt.locked_until is not None:
            return LogIn(None, Refusal.LOCKED, locked_until=attempt.locked_until)
        if attempt.salt is None:
            _hash(password, b"\0" * 16)        # same work for unknown ids: no timing hint that an id exists
            return LogIn(None, Refusal.WRONG)
        if not hmac.compare_digest(_hash(password, attempt.salt), attempt.pw_hash):
            if attempt.locks:
                with self._db.atomic():
                    self._audit(user_id, user_id, "locked", f"{LOCK_AFTER_FAILURES} failed log-ins, until {attempt.locks}")
            return LogIn(None, Refusal.WRONG)
        with _ATTEMPTS, self._db.atomic():
            self._db.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", [user_id])
        account = self._require(user_id)
        if not account.active:
            return LogIn(None, Refusal.DISABLED)
        return LogIn(account.user, must_change_password=account.must_change_password)

    def authenticate(self, user_id: str, password: str) -> User | None:
        """For one action on the command line: the same rules as logging in."""
        return self.log_in(user_id, password).user

    # -- internals ---------------------------------------------------------------------------------
    def _insert(self, user_id: str, name: str, role: str, password: str, by: str, must_change: bool,
                first: bool = False) -> User:
        """Checks and inserts in one write transaction, so two simultaneous first leads or two accounts with
        one id cannot both pass the check (the slow hash is made before it, outside)."""
        user_id = user_id.strip()
        if not user_id or not name.strip():
            raise UserError("missing_fields")
        if not id_is_valid(user_id):
            raise UserError("bad_id", n=MAX_ID)
        name = check_name(name)
        if role not in ROLES:
            raise UserError("bad_role", roles=", ".join(ROLES))
        check_password(password, user_id)
        salt = os.urandom(16)
        pw_hash = _hash(password, salt)
        try:
            with self._db.atomic():
                if first and not self.is_empty():
                    raise UserError("not_empty")
                if self.account(user_id) is not None:
                    raise UserError("exists", id=user_id)
                self._db["users"].insert({"id": user_id, "name": name, "role": role, "salt": salt,
                                          "pw_hash": pw_hash, "created_at": utc_now(),
                                          "active": 1, "must_change_password": int(must_change)})
                self._audit(by, user_id, "added", role)
        except sqlite3.IntegrityError as exc:
            raise UserError("exists", id=user_id) from exc
        return User(user_id, name, role)

    def _set_password(self, user_id: str, password: str, must_change: bool) -> None:
        salt = os.urandom(16)
        self._db.execute("UPDATE users SET salt = ?, pw_hash = ?, must_change_password = ?, failed_logins = 0, "
                         "locked_until = NULL WHERE id = ?", [salt, _hash(password, salt), int(must_change), user_id])

    def _count_attempt(self, user_id: str, now: datetime) -> _Attempt:
        """One write transaction: an account locked now is refused; otherwise this attempt is counted (and the
        one that reaches the limit locks at once: it is still checked, and a right password lifts the lock)."""
        moment = now.isoformat(timespec="seconds")
        with _ATTEMPTS, self._db.atomic():
            row = self._db.execute("SELECT salt, pw_hash, failed_logins, locked_until FROM users WHERE id = ?",
                                   [user_id]).fetchone()
            table = "users" if row is not None else "unknown_logins"
            if row is None:
                self._db.execute("DELETE FROM unknown_logins WHERE last_at < ?",
                                 [(now - timedelta(days=1)).isoformat(timespec="seconds")])
                row = (None, None, *(self._db.execute("SELECT failed_logins, locked_until FROM unknown_logins "
                                                      "WHERE id = ?", [user_id]).fetchone() or (0, None)))
            salt, pw_hash, failures, locked_until = row
            if locked_until is not None and locked_until > moment:
                return _Attempt(None, None, locked_until, None)
            failures += 1
            locks = (now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds") \
                if failures >= LOCK_AFTER_FAILURES else None
            if table == "users":
                self._db.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                                 [0 if locks else failures, locks, user_id])
            else:
                self._db.execute("INSERT OR REPLACE INTO unknown_logins (id, failed_logins, locked_until, last_at) "
                                 "VALUES (?, ?, ?, ?)", [user_id, 0 if locks else failures, locks, moment])
        return _Attempt(salt, pw_hash, None, locks)

    def _keep_a_lead(self) -> None:
        """Inside the change's transaction, so a refused change leaves nothing behind."""
        leads = self._db.execute("SELECT count(*) FROM users WHERE role = 'lead' AND active = 1").fetchone()[0]
        if leads == 0:
            raise UserError("last_lead")

    def _require_manager(self, actor: User) -> None:
        """The actor's role as stored now, not as it was at log-in: a lead demoted or disabled meanwhile by
        another lead keeps no power over accounts in a window that is still open."""
        account = self.account(actor.id)
        stored = account.user if account is not None and account.active else User(actor.id, actor.name, "")
        require(stored, Action.MANAGE_USERS)

    def _require(self, user_id: str) -> Account:
        account = self.account(user_id)
        if account is None:
            raise UserError("unknown", id=user_id)
        return account

    def _audit(self, by: str, user_id: str, what: str, detail: str = "") -> None:
        self._db["user_audit"].insert({"at": utc_now(), "by": by, "user_id": user_id, "what": what,
                                       "detail": detail})
