"""A centre's accounts: hashed passwords, roles, disabled accounts, resets, the lock after failures, the audit
that cannot be rewritten, files only their owner reads, and the same rules on the command line."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from inspector.domain.people import User
from inspector.settings import Settings, save_settings, settings_file
from inspector.store.database import open_database
from inspector.store.users import LOCK_AFTER_FAILURES, UserRepository
from inspector.domain.accounts import Refusal, UserError
from inspector.users.policy import NotAllowed
from tests.conftest import ROOT

LEAD = User("9001", "张组长", "lead")


@pytest.fixture
def users(tmp_path):
    return UserRepository(open_database(tmp_path / "db.sqlite3"))


@pytest.fixture
def centre(users):
    users.create_first_lead(LEAD.id, LEAD.name, "secret-9001")
    return users


def test_passwords_are_hashed_checked_and_held_to_minimum_rules(centre, tmp_path):
    row = sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT salt, pw_hash FROM users").fetchone()
    assert b"secret-9001" not in row[1] and len(row[0]) == 16 and len(row[1]) == 32
    assert centre.authenticate("9001", "secret-9001").is_lead
    assert centre.authenticate("9001", "wrong") is None
    assert centre.authenticate("0000", "secret-9001") is None
    for bad, why in (("abc12", "at least 8"), ("10021002", "two kinds"), ("1002", "at least 8"),
                     ("abcdefgh", "two kinds")):
        with pytest.raises(UserError, match=why):
            centre.add(LEAD, "1002", "王质检", "inspector", bad)
    with pytest.raises(UserError, match="job number"):
        centre.add(LEAD, "pass-1002", "王质检", "inspector", "pass-1002")
    with pytest.raises(UserError, match="already exists"):
        centre.add(LEAD, "9001", "x", "lead", "another-one")
    with pytest.raises(UserError, match="already has users"):
        centre.create_first_lead("9002", "x", "another-one")
    assert centre.get("1002") is None


def test_only_leads_and_admins_manage_accounts(centre):
    inspector = centre.add(LEAD, "1001", "李质检", "inspector", "start-1001")
    with pytest.raises(NotAllowed):
        centre.add(inspector, "1002", "王质检", "inspector", "start-1002")
    admin = centre.add(LEAD, "8001", "系统管理员", "admin", "start-8001")
    centre.add(admin, "1002", "王质检", "inspector", "start-1002")
    assert [(a.id, a.role) for a in centre.accounts()] == [("1001", "inspector"), ("1002", "inspector"),
                                                          ("8001", "admin"), ("9001", "lead")]


def test_a_lead_demoted_or_disabled_since_log_in_manages_nobody(centre):
    centre.add(LEAD, "9002", "刘组长", "lead", "secret-9002", must_change_password=False)
    deputy = User("9002", "刘组长", "lead")                         # as signed in, in a window still open
    centre.set_role(LEAD, "9002", "inspector")
    with pytest.raises(NotAllowed):
        centre.add(deputy, "1003", "赵质检", "inspector", "start-1003")
    centre.set_role(LEAD, "9002", "lead")
    centre.set_active(LEAD, "9002", False)
    with pytest.raises(NotAllowed):
        centre.set_role(deputy, "9001", "inspector")
    assert centre.get("1003") is None and centre.get("9001").role == "lead"


def test_a_new_or_reset_password_must_be_changed_at_log_in(centre):
    centre.add(LEAD, "1001", "李质检", "inspector", "start-1001")
    first = centre.log_in("1001", "start-1001")
    assert first.user.id == "1001" and first.must_change_password
    with pytest.raises(UserError, match="differ"):
        centre.change_password("1001", "start-1001", "start-1001")
    centre.change_password("1001", "start-1001", "mine-1001")
    assert not centre.log_in("1001", "mine-1001").must_change_password
    centre.reset_password(LEAD, "1001", "temp-1001")
    assert centre.log_in("1001", "mine-1001").user is None
    assert centre.log_in("1001", "temp-1001").must_change_password


def test_a_disabled_user_cannot_log_in_and_the_last_lead_stays(centre):
    centre.add(LEAD, "1001", "李质检", "inspector", "start-1001")
    centre.set_active(LEAD, "1001", False)
    refused = centre.log_in("1001", "start-1001")
    assert refused.user is None and refused.refusal == Refusal.DISABLED
    assert centre.all() == [LEAD] and len(centre.all(active_only=False)) == 2
    centre.set_active(LEAD, "1001", True)
    assert centre.log_in("1001", "start-1001").user is not None
    with pytest.raises(UserError, match="your own"):
        centre.set_active(LEAD, "9001", False)
    with pytest.raises(UserError, match="at least one active team lead"):
        centre.set_role(LEAD, "9001", "inspector")
    assert centre.get("9001").role == "lead"          # the refused change left nothing behind
    centre.add(LEAD, "9002", "赵组长", "lead", "start-9002")
    centre.set_role(LEAD, "9001", "admin")
    assert centre.get("9001").role == "admin"


def test_repeated_failures_lock_the_account_for_a_while(centre):
    now = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)
    for _ in range(LOCK_AFTER_FAILURES):
        assert centre.log_in("9001", "guess", now).refusal == Refusal.WRONG
    locked = centre.log_in("9001", "secret-9001", now + timedelta(minutes=1))
    assert locked.user is None and locked.refusal == Refusal.LOCKED and locked.locked_until
    assert centre.log_in("9001", "secret-9001", now + timedelta(hours=1)).user == LEAD
    for _ in range(LOCK_AFTER_FAILURES - 1):       # success cleared the count: four more misses lock nothing
        centre.log_in("9001", "guess", now + timedelta(hours=1))
    assert centre.log_in("9001", "secret-9001", now + timedelta(hours=1)).user == LEAD


def test_every_change_is_audited_and_the_audit_is_append_only(centre, tmp_path):
    centre.add(LEAD, "1001", "李质检", "inspector", "start-1001")
    centre.rename(LEAD, "1001", "李明")
    centre.set_active(LEAD, "1001", False)
    centre.reset_password(LEAD, "1001", "temp-1001")
    assert [(a["by"], a["what"]) for a in centre.audit("1001")] == [
        ("9001", "added"), ("9001", "name"), ("9001", "disabled"), ("9001", "password reset")]
    conn = sqlite3.connect(tmp_path / "db.sqlite3")      # foreign keys off: an audit row without its evaluation
    conn.execute("INSERT INTO evaluation_audit (uuid, version, at, by, what, old, new) "
                 "VALUES ('u', 1, '2026-11-24', '1001', 'status', 'draft', 'submitted')")
    for statement in ("UPDATE user_audit SET by = 'x'", "DELETE FROM user_audit",
                      "UPDATE evaluation_audit SET by = 'x'", "DELETE FROM evaluation_audit"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)


def test_the_database_and_settings_are_the_owners_alone(tmp_path):
    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    UserRepository(db).create_first_lead("9001", "张组长", "secret-9001")
    for name in ("inspector.sqlite3", "inspector.sqlite3-wal"):
        assert stat.S_IMODE(os.stat(tmp_path / "ws" / name).st_mode) == 0o600, name
    save_settings(Settings(), tmp_path / "config")
    assert stat.S_IMODE(os.stat(settings_file(tmp_path / "config")).st_mode) == 0o600


# -- the command line -----------------------------------------------------------------------------------------

def _cli(ws, *args, stdin=""):
    done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws), *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_users_from_the_command_line(tmp_path):
    ws = tmp_path / "ws"
    first = _cli(ws, "users", "add", "9001", "--name", "张组长", "--role", "lead", "--password-stdin",
                 stdin="secret-9001\n")
    assert first.returncode == 0 and json.loads(first.stdout)["role"] == "lead"
    refused = _cli(ws, "users", "add", "1002", "--name", "王质检", "--role", "inspector", "--as", "9001",
                   "--password-stdin", stdin="wrong-pass1\nstart-1002\n")
    assert refused.returncode == 2 and "wrong" in refused.stderr
    no_lead = _cli(ws, "users", "add", "1002", "--name", "王质检", "--role", "inspector", "--password-stdin",
                   stdin="start-1002\n")
    assert no_lead.returncode == 2 and "--as" in no_lead.stderr
    listed = _cli(ws, "users", "list", "--format", "json", "--as", "9001", "--password-stdin", stdin="secret-9001\n")
    assert json.loads(listed.stdout) == [{"id": "9001", "name": "张组长", "role": "lead", "active": True,
                                          "must_change_password": False}]
    added = _cli(ws, "users", "add", "1002", "--name", "王质检", "--role", "inspector", "--as", "9001",
                 "--password-stdin", stdin="secret-9001\nstart-1002\n")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout) == {"id": "1002", "name": "王质检", "role": "inspector", "active": True,
                                        "must_change_password": True}
    not_lead = _cli(ws, "users", "disable", "9001", "--as", "1002", "--password-stdin", stdin="start-1002\n")
    assert not_lead.returncode == 2
    changed = _cli(ws, "users", "passwd", "1002", "--password-stdin", stdin="start-1002\nmine-1002\n")
    assert changed.returncode == 0 and not json.loads(changed.stdout)["must_change_password"]
    disabled = _cli(ws, "users", "disable", "1002", "--as", "9001", "--password-stdin", stdin="secret-9001\n")
    assert disabled.returncode == 0 and json.loads(disabled.stdout)["active"] is False
    reset = _cli(ws, "users", "reset-password", "1002", "--as", "9001", "--password-stdin",
                 stdin="secret-9001\ntemp-1002x\n")
    assert reset.returncode == 0 and json.loads(reset.stdout)["must_change_password"] is True
    audit = _cli(ws, "users", "audit", "1002", "--as", "9001", "--password-stdin", stdin="secret-9001\n")
    assert [a["what"] for a in json.loads(audit.stdout)] == ["added", "password changed", "disabled",
                                                            "password reset"]


@pytest.mark.slow
def test_the_command_line_refuses_a_missing_password_without_locking_the_account(tmp_path):
    ws = tmp_path / "ws"
    as_lead = _cli(ws, "users", "add", "9001", "--name", "张组长", "--role", "lead", "--as", "9001",
                   "--password-stdin", stdin="secret-9001\nnew-lead-1\n")
    assert as_lead.returncode == 2 and "--as" in as_lead.stderr        # the first lead is made without --as
    assert UserRepository(open_database(ws / "inspector.sqlite3")).is_empty()
    first = _cli(ws, "users", "add", "9001", "--name", "张组长", "--role", "lead", "--password-stdin",
                 stdin="secret-9001\r\n")
    assert first.returncode == 0, first.stderr
    for stdin in ["", "\n"] * LOCK_AFTER_FAILURES:                      # a forgotten pipe, an empty line
        refused = _cli(ws, "users", "audit", "--as", "9001", "--password-stdin", stdin=stdin)
        assert refused.returncode == 2 and "9001" in refused.stderr and "Traceback" not in refused.stderr
    half = _cli(ws, "users", "add", "1002", "--name", "王质检", "--role", "inspector", "--as", "9001",
                "--password-stdin", stdin="secret-9001\n")
    assert half.returncode == 2 and "new user's password" in half.stderr
    spaced = _cli(ws, "users", "add", "1002", "--name", "王质检", "--role", "inspector", "--as", "9001",
                  "--password-stdin", stdin="secret-9001\r\n start 1002 \r\n")
    assert spaced.returncode == 0, spaced.stderr                         # not locked; spaces are the password's
    changed = _cli(ws, "users", "passwd", "1002", "--password-stdin", stdin=" start 1002 \nmine-1002x\n")
    assert changed.returncode == 0, changed.stderr


def test_sync_setup_prints_neither_key_nor_token(tmp_path):
    key, token = "ab" * 32, "upload-token-secret"
    UserRepository(open_database(tmp_path / "ws" / "inspector.sqlite3")).create_first_lead("9001", "组长", "secret-9001")
    done = _cli(tmp_path / "ws", "sync-setup", "--centre", "GD", "--secrets-stdin", "--endpoint", "http://x",
                "--user", "9001", "--password-stdin", stdin=f"secret-9001\n{key}\n{token}\n")
    assert done.returncode == 0, done.stderr
    assert key not in done.stdout and token not in done.stdout
    shown = json.loads(done.stdout)
    assert shown["token_set"] is True and len(shown["key_fingerprint"]) == 16
