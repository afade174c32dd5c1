"""Attacks on the workstation's accounts (issue #26, causes 1, 8, 11 and 12): parallel guessing, racing
first leads and duplicate ids, passwords that are not text, ids that tell whether they exist, hostile names."""

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from inspector.store import users as users_module
from inspector.store.database import open_database
from inspector.store.users import LOCK_AFTER_FAILURES, UserRepository
from inspector.domain.accounts import Refusal, UserError
from tests.conftest import ROOT

LEAD_PASSWORD = "secret-9001"


def _start(ws, *args):
    return subprocess.Popen([sys.executable, "-m", "inspector", "--data-dir", str(ws), *args], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _cli(ws, *args, stdin=b""):
    done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws), *args], cwd=ROOT,
                          capture_output=True, input=stdin, timeout=120)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def _waiting_for_stdin(process) -> bool:
    try:
        return Path(f"/proc/{process.pid}/wchan").read_text().endswith(("pipe_read", "pipe_wait"))
    except OSError:
        return False


def _together(processes, stdin: bytes) -> list[tuple[int, str]]:
    """Every process is given its input once all of them wait for it, so their attempts overlap as much as
    they can (the outcome asserted is the same however they overlap)."""
    deadline = time.monotonic() + 120
    while not all(_waiting_for_stdin(p) for p in processes) and time.monotonic() < deadline:
        time.sleep(0.05)
    for process in processes:
        process.stdin.write(stdin)
        process.stdin.flush()
    answers = []
    for process in processes:
        _out, err = process.communicate(timeout=300)
        answers.append((process.returncode, err.decode()))
    assert not [e for _c, e in answers if "Traceback" in e], answers
    return answers


@pytest.fixture
def workspace(tmp_path):
    ws = tmp_path / "ws"
    db = open_database(ws / "inspector.sqlite3")
    repo = UserRepository(db)
    repo.create_first_lead("9001", "张组长", LEAD_PASSWORD)
    repo.add(repo.get("9001"), "1002", "王质检", "inspector", "start-1002", must_change_password=False)
    db.close()
    return ws


@pytest.mark.slow
def test_parallel_guesses_from_separate_processes_lock_after_five(workspace):
    guesses = [_start(workspace, "users", "audit", "--as", "9001", "--password-stdin") for _ in range(16)]
    answers = _together(guesses, b"wrong-guess-1\n")
    assert all(code == 2 for code, _e in answers)
    wrong = [e for _c, e in answers if "wrong" in e]
    locked = [e for _c, e in answers if "locked" in e]
    assert len(wrong) == LOCK_AFTER_FAILURES and len(locked) == 16 - LOCK_AFTER_FAILURES, answers
    right = _cli(workspace, "users", "audit", "--as", "9001", "--password-stdin", stdin=b"secret-9001\n")
    assert right.returncode == 2 and b"locked" in right.stderr


@pytest.mark.parametrize("shared", [False, True], ids=["own connections", "one connection"])
def test_parallel_guesses_in_one_process_check_at_most_five_passwords(workspace, monkeypatch, shared):
    path = workspace / "inspector.sqlite3"
    salt = open_database(path).execute("SELECT salt FROM users WHERE id = '9001'").fetchone()[0]
    checked, real_hash = [], users_module._hash
    monkeypatch.setattr(users_module, "_hash", lambda pw, s: (checked.append(s == salt), real_hash(pw, s))[1])
    one = UserRepository(open_database(path))
    outcomes, start = [], threading.Barrier(40)

    def guess(n: int) -> None:
        repo = one if shared else UserRepository(open_database(path))
        start.wait()
        outcomes.append(repo.log_in("9001", f"guess-{n:04d}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(checked) == LOCK_AFTER_FAILURES
    assert [o.refusal for o in outcomes].count(Refusal.WRONG) == LOCK_AFTER_FAILURES
    assert one.log_in("9001", LEAD_PASSWORD).refusal == Refusal.LOCKED


def test_a_right_password_among_the_counted_attempts_lifts_the_lock(workspace):
    repo = UserRepository(open_database(workspace / "inspector.sqlite3"))
    for n in range(LOCK_AFTER_FAILURES - 1):
        assert repo.log_in("9001", f"guess-{n}").refusal == Refusal.WRONG
    assert repo.log_in("9001", LEAD_PASSWORD).user is not None       # the 5th attempt, and right
    assert repo.account("9001").locked_until is None
    assert [a["what"] for a in repo.audit("9001")].count("locked") == 0


def test_two_first_leads_cannot_be_made_at_once(tmp_path):
    ws = tmp_path / "ws"
    _cli(ws, "calls")                                          # the database exists before the race
    racers = [_start(ws, "users", "add", f"900{n}", "--name", f"组长{n}", "--role", "lead", "--password-stdin")
              for n in range(4)]
    answers = _together(racers, b"secret-9000\n")
    assert sorted(code for code, _e in answers) == [0, 2, 2, 2], answers
    leads = UserRepository(open_database(ws / "inspector.sqlite3")).accounts()
    assert len(leads) == 1


def test_the_same_id_added_at_once_is_one_account_and_clear_refusals(workspace):
    racers = [_start(workspace, "users", "add", "1003", "--name", "赵质检", "--role", "inspector", "--as", "9001",
                     "--password-stdin") for _ in range(4)]
    answers = _together(racers, b"secret-9001\nstart-1003\n")
    assert sorted(code for code, _e in answers) == [0, 2, 2, 2], answers
    assert all("already exists" in e for code, e in answers if code == 2)
    repo = UserRepository(open_database(workspace / "inspector.sqlite3"))
    with pytest.raises(UserError, match="already exists"):
        repo.add(repo.get("9001"), "1003", "x", "inspector", "start-1003")


def test_a_password_line_that_is_not_utf8_is_refused_uncounted(workspace):
    for _ in range(LOCK_AFTER_FAILURES + 1):
        done = _cli(workspace, "users", "audit", "--as", "9001", "--password-stdin", stdin=b"\xff\xfesecret\n")
        assert done.returncode == 2 and b"not UTF-8" in done.stderr
    assert _cli(workspace, "users", "audit", "--as", "9001", "--password-stdin",
                stdin=b"secret-9001\n").returncode == 0


def test_answers_never_tell_whether_a_job_number_exists(workspace):
    repo = UserRepository(open_database(workspace / "inspector.sqlite3"))
    for user_id in ("1002", "7777"):
        outcomes = [repo.log_in(user_id, f"guess-{n}") for n in range(LOCK_AFTER_FAILURES + 1)]
        assert [o.refusal for o in outcomes] == [Refusal.WRONG] * LOCK_AFTER_FAILURES + [Refusal.LOCKED], user_id
    real = _cli(workspace, "users", "audit", "--as", "1002", "--password-stdin", stdin=b"guess-x\n")
    unknown = _cli(workspace, "users", "audit", "--as", "7777", "--password-stdin", stdin=b"guess-x\n")
    assert real.stderr.replace(b"1002", b"ID") == unknown.stderr.replace(b"7777", b"ID")


def test_an_empty_old_password_does_not_count_as_a_failure(workspace):
    for _ in range(LOCK_AFTER_FAILURES + 1):
        done = _cli(workspace, "users", "passwd", "1002", "--password-stdin", stdin=b"\nmine-1002x\n")
        assert done.returncode == 2 and b"empty" in done.stderr
    repo = UserRepository(open_database(workspace / "inspector.sqlite3"))
    assert repo.log_in("1002", "start-1002").user is not None


@pytest.mark.parametrize("user_id, name, why", [
    ("10\x1b[31m02", "王质检", b"job number"), ("1002\n9001", "王质检", b"job number"), ("9" * 10_000, "王质检", b"job number"),
    ("1003", "王\u202e检", b"control"), ("1003", "王\x00检", b"control"), ("1003", "王" * 30_000, b"control"),
])
def test_ids_and_names_without_control_characters_within_limits(workspace, user_id, name, why):
    done = _cli(workspace, "users", "add", user_id, "--name", name, "--role", "inspector", "--as", "9001",
                "--password-stdin", stdin=b"secret-9001\nstart-1003\n") if "\x00" not in name else None
    if done is not None:
        assert done.returncode == 2 and why in done.stderr
    repo = UserRepository(open_database(workspace / "inspector.sqlite3"))
    with pytest.raises(UserError):
        repo.add(repo.get("9001"), user_id, name, "inspector", "start-1003")
    if why == b"control":
        with pytest.raises(UserError):
            repo.rename(repo.get("9001"), "1002", name)
    assert [a.id for a in repo.accounts()] == ["1002", "9001"]
