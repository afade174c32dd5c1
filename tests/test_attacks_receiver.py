"""The headquarters receiver's log-in under attack (issue #26, causes 4 and 5): throttled per account and per
client with every failure logged, password rules, log-in bodies bounded before reading, frame and script
policies, and database URLs printed without their password."""

import asyncio
import logging
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from inspector.cli.hub import shown_db
from inspector.hub.accounts import CLIENT_LOCK_AFTER, LOCK_AFTER, AccountError, Accounts
from inspector.hub.app import create_app
from inspector.hub.guard import GuardedBodies
from inspector.hub.store import HubStore, engine_for
from tests.conftest import ROOT

PASSWORD = "Hq-pass-2026!"


@pytest.fixture
def receiver(tmp_path):
    store = HubStore(engine_for(str(tmp_path / "hub.sqlite3")))
    accounts = Accounts(store.engine)
    accounts.add_user("hq1", "总部质检", PASSWORD)
    return store, accounts, TestClient(GuardedBodies(create_app(store), store))


def _log_in(client, user, password):
    return client.post("/api/v1/login", json={"user": user, "password": password})


def test_guessing_locks_the_account_after_five_and_the_right_password_waits(receiver, caplog):
    _store, accounts, client = receiver
    with caplog.at_level(logging.WARNING, logger="inspector.hub.login"):
        answers = [_log_in(client, "hq1", f"guess-{n}").status_code for n in range(40)]
    assert answers == [401] * LOCK_AFTER + [429] * (40 - LOCK_AFTER)
    refused = _log_in(client, "hq1", PASSWORD)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert len([r for r in caplog.records if "hq1" in r.getMessage()]) == 41          # every failure logged
    outcomes = [a["outcome"] for a in accounts.attempts()]
    assert outcomes[:LOCK_AFTER + 1] == ["wrong"] * (LOCK_AFTER - 1) + ["locked", "refused-locked"]


def test_unknown_users_answer_exactly_like_known_ones(receiver):
    _store, _accounts, client = receiver
    known = [(r.status_code, r.json()["detail"]) for r in (_log_in(client, "hq1", f"g-{n}") for n in range(7))]
    unknown = [(r.status_code, r.json()["detail"]) for r in (_log_in(client, "nobody", f"g-{n}") for n in range(7))]
    assert known == unknown


def test_one_client_guessing_across_accounts_is_stopped(receiver):
    _store, _accounts, client = receiver
    answers = [_log_in(client, f"user{n}", "guess-guess").status_code for n in range(CLIENT_LOCK_AFTER + 3)]
    assert answers[:CLIENT_LOCK_AFTER] == [401] * CLIENT_LOCK_AFTER and set(answers[CLIENT_LOCK_AFTER:]) == {429}
    assert _log_in(client, "hq1", PASSWORD).status_code == 429         # this address waits, whoever it names


def test_a_right_password_within_the_limit_logs_in_and_clears_the_count(receiver):
    _store, _accounts, client = receiver
    for n in range(LOCK_AFTER - 1):
        assert _log_in(client, "hq1", f"guess-{n}").status_code == 401
    assert _log_in(client, "hq1", PASSWORD).status_code == 200
    for n in range(LOCK_AFTER - 1):
        assert _log_in(client, "hq1", f"guess-{n}").status_code == 401


@pytest.mark.parametrize("password", ["aaaaaaaa", "aaaaaaaaaaaa", "abcdefgh1234", "hq1hq1hq1hq1!", "Aa1!Aa1!Aa1!"])
def test_headquarters_passwords_follow_the_receiver_rules(receiver, password):
    _store, accounts, _client = receiver
    with pytest.raises(AccountError):
        accounts.add_user("hq2", "x", password)


def test_the_cli_refuses_a_weak_headquarters_password(tmp_path):
    done = subprocess.run([sys.executable, "-m", "inspector", "hub", "add-user", "hq1", "--db",
                           str(tmp_path / "hub.sqlite3")], cwd=ROOT, capture_output=True, text=True,
                          input="aaaaaaaa\n", timeout=120)
    assert done.returncode == 2 and "at least 12" in done.stderr and "Traceback" not in done.stderr


def test_a_log_in_body_is_refused_before_it_is_read(receiver):
    store, _accounts, _client = receiver
    app = GuardedBodies(create_app(store), store)
    chunk, chunks, read, sent = b"x" * 65536, 1024, [], []          # 64 MB offered, streamed without a length

    async def receive():
        read.append(len(chunk))
        return {"type": "http.request", "body": chunk, "more_body": len(read) < chunks}

    async def send(message):
        sent.append(message)

    for headers in ([], [(b"content-length", str(len(chunk) * chunks).encode())]):
        read.clear()
        sent.clear()
        scope = {"type": "http", "method": "POST", "path": "/api/v1/login", "headers": headers,
                 "query_string": b"", "client": ("10.0.0.9", 5000), "server": ("hq", 8086), "scheme": "http",
                 "root_path": "", "http_version": "1.1"}
        asyncio.run(app(scope, receive, send))
        assert sent[0]["status"] == 413 and sum(read) <= 2 * len(chunk), sum(read)


def test_pages_and_answers_forbid_framing_and_foreign_scripts(receiver):
    _store, _accounts, client = receiver
    for path in ("/login", "/dashboard", "/api/v1/me", "/healthz"):
        answer = client.get(path, follow_redirects=False)
        assert answer.headers["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
        assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
    assert "<script>" not in client.get("/login").text                  # the log-in runs under the policy too
    assert client.get("/dashboard/assets/login.js").status_code == 200


def test_database_urls_are_printed_without_their_password(tmp_path):
    url = "postgresql+psycopg://hub:S3cretPW@127.0.0.1:9/inspector_hub"
    assert "S3cretPW" not in shown_db(url) and "hub:***@127.0.0.1" in shown_db(url)
    for args in (("hub", "add-centre", "GD", "--db", url), ("hub", "serve", "--db", url, "--port", "1")):
        done = subprocess.run([sys.executable, "-m", "inspector", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 2 and "S3cretPW" not in done.stderr + done.stdout and "***" in done.stderr
