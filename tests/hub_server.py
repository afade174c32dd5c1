"""The headquarters receiver as its own process (`inspector hub serve`), for the upload tests."""

import socket
import subprocess
import sys
import time

import httpx
import pytest

from inspector.hub.store import HubStore, engine_for

CENTRE, TOKEN, KEY = "GD-GZ", "token-guangzhou-1", "a1" * 32


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def hub(tmp_path):
    """`inspector hub serve` as its own process, with the centre registered."""
    db = tmp_path / "hub.sqlite3"
    store = HubStore(engine_for(str(db)))
    store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "inspector", "hub", "serve", "--db", str(db),
                                "--port", str(port)], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"the receiver did not start: {process.stderr.read()}")
    yield url, store, port
    process.terminate()
    process.wait(timeout=10)


