"""The receiver against hostile requests: nothing is read before the token is checked, bodies are capped,
a malformed item is refused on its own, and the receiver tells strangers nothing."""

import json
import os
import socket
import stat
import subprocess
import sys

import httpx
import psutil

from inspector.hub.store import HubStore, engine_for
from inspector.sync.protocol import canonical_json, digest_of, idempotency_key, sign
from tests.conftest import ROOT
from tests.hub_server import CENTRE, KEY, TOKEN


def _signed(url: str, body: dict) -> httpx.Response:
    data = json.dumps(body).encode()
    return httpx.post(f"{url}/api/v1/evaluations", content=data, timeout=10, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json",
        "X-Inspector-Signature": sign(KEY, data)})


def _item(uuid: str, version: int, payload: object) -> dict:
    text = payload if isinstance(payload, str) else canonical_json(payload)
    return {"key": idempotency_key(uuid, version), "uuid": uuid, "version": version, "digest": digest_of(text),
            "payload": text}


def _receiver_rss(port: int) -> int:
    process = next(p for p in psutil.process_iter(["cmdline"]) if str(port) in (p.info["cmdline"] or [])
                   and "serve" in p.info["cmdline"])
    return process.memory_info().rss


def test_an_unauthenticated_body_is_refused_unread_and_a_large_one_gets_413(hub):
    """The issue's measure: the receiver grew from 95 MB to 1.32 GB on an anonymous 400 MB chunked POST."""
    url, _store, port = hub
    before = _receiver_rss(port)

    def chunks(count):
        for _ in range(count):                       # streamed (chunked), as an attacker would
            yield b"x" * (1024 * 1024)
    refused = httpx.post(f"{url}/api/v1/evaluations", content=chunks(200), timeout=60)
    assert refused.status_code == 401
    large = httpx.post(f"{url}/api/v1/bundles", content=chunks(200), timeout=60,
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert large.status_code == 413
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:    # a 10 GB body announced
        raw.sendall(f"POST /api/v1/bundles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n"
                    f"Content-Length: {10 ** 10}\r\n\r\n".encode())
        assert raw.recv(100).startswith(b"HTTP/1.1 413")
    assert _receiver_rss(port) - before < 80 * 1024 * 1024     # far from the 200 MB it was sent


def test_a_malformed_item_is_refused_alone_and_the_batch_goes_on(hub):
    url, store, _port = hub
    from inspector.scoring.defaults import default_card
    card = default_card()
    good = _item("u-good", 1, {"uuid": "u-good", "version": 1, "inspector": "1001", "card_id": card.id,
                               "card_version": card.version, "total": 100.0, "fatal": False,
                               "submitted_at": "2026-11-24T08:00:00+00:00", "audit": [],
                               "body": {"items": [], "fatal": [], "comments": []},
                               "call": {"content_hash": "h", "call_ref": "S1", "agent_id": "3257",
                                        "agent_name": "李娜", "started_at": "2026-11-02T09:10:00"}})
    bad = [_item("u-list", 1, [1, 2]), _item("u-seven", 1, 7), _item("u-null", 1, None),
           _item("u-big", 2 ** 63, {"uuid": "u-big", "version": 2 ** 63}),
           _item("u-nan", 1, '{"uuid": "u-nan", "version": 1, "total": NaN}'),
           {**_item("u-long", 1, {}), "uuid": "u" * 100_000}]
    answer = _signed(url, {"centre_id": CENTRE, "workstation_id": "ws", "items": [good, *bad]})
    assert answer.status_code == 200, answer.text
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["stored"] + ["rejected"] * len(bad)
    assert store.count() == 1


def test_health_tells_strangers_nothing(hub):
    url, _store, _port = hub
    assert httpx.get(f"{url}/healthz", timeout=5).json() == {"ok": True, "database": "ok"}     # no count, no name


def test_add_centre_again_needs_rotate_and_the_key_file_is_the_owners_alone(tmp_path):
    db = tmp_path / "hub.sqlite3"
    base = [sys.executable, "-m", "inspector", "hub", "add-centre", CENTRE, "--db", str(db)]
    first = subprocess.run(base, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0
    again = subprocess.run(base, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 2 and "--rotate" in again.stderr and "Traceback" not in again.stderr
    assert HubStore(engine_for(str(db))).centre_key(CENTRE) == json.loads(first.stdout)["key"]
    rotated = subprocess.run([*base, "--rotate"], cwd=ROOT, capture_output=True, text=True)
    assert rotated.returncode == 0 and json.loads(rotated.stdout)["key"] != json.loads(first.stdout)["key"]
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
