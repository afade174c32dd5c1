"""The headquarters receiver as its own process (`inspector hub serve`), for the upload tests."""

import socket
import ssl
import subprocess
import sys
import tempfile
import time

import httpx
import pytest

from inspector.hub.store import HubStore, engine_for

CENTRE, TOKEN, KEY = "GD-GZ", "token-guangzhou-1", "a1" * 32


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_hub(db: str, *extra: str, scheme: str = "http", verify: bool | ssl.SSLContext = True):
    """`inspector hub serve` as its own process with the centre registered; yields (url, store, port)."""
    store = HubStore(engine_for(db))
    store.add_centre(CENTRE, "广州中心", KEY, TOKEN)
    port = free_port()
    # the log goes to a file: a pipe nobody reads fills up with the tracebacks of failed requests (the
    # database-down test makes dozens) and the receiver then blocks on its next log line, every request with it
    log = tempfile.TemporaryFile("w+")
    process = subprocess.Popen([sys.executable, "-m", "inspector", "hub", "serve", "--db", str(db),
                                "--port", str(port), *extra], stderr=log, text=True)
    url = f"{scheme}://127.0.0.1:{port}"
    deadline = time.monotonic() + 120            # only ends a hang: on a busy machine the start takes its time
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=10, verify=verify).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.seek(0)
            pytest.fail(f"the receiver did not start: {log.read()}")
        time.sleep(0.1)
    try:
        yield url, store, port
    finally:                          # also when a test closes the generator itself (test_dashboard_browser)
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def hub(hub_database):
    """The receiver on SQLite and, in a second run of the test, on PostgreSQL."""
    yield from start_hub(hub_database)


@pytest.fixture
def tls_hub(tmp_path):
    """The receiver over HTTPS with a certificate from a private test CA; also yields the CA file."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert_file, key_file, ca_file = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    ca.cert_pem.write_to_path(str(ca_file))
    for url, store, port in start_hub(str(tmp_path / "hub.sqlite3"), "--certfile", str(cert_file), "--keyfile", str(key_file),
                                      scheme="https", verify=ssl.create_default_context(cafile=str(ca_file))):
        yield url, store, ca_file
