"""Test session set-up: offscreen Qt, private data folders, and the real sound server on demand."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests import sound_server  # noqa: E402
from tests.speech_models import MANDARIN, MISSING  # noqa: E402  (found before any test hides the data folder)

pytest_plugins = ["tests.hub_server", "tests.postgres_server"]   # a real receiver process; its PostgreSQL

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"
ARTIFACTS = ROOT / "artifacts"


def pytest_runtest_setup(item):
    """A test marked ``mandarin`` needs the real Mandarin model: skipped without one, failed in CI."""
    if item.get_closest_marker("mandarin") and MANDARIN is None:
        if os.environ.get("CI"):
            pytest.fail(f"the Mandarin tests must run in CI: {MISSING}")
        pytest.skip(MISSING)


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Never read or write the user's real settings or data."""
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INSPECTOR_CONFIG_DIR", str(tmp_path / "config"))
    yield


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """A test that leaves a worker or playback thread running fails, like napari's QThread check."""
    before = set(threading.enumerate())
    yield
    leftovers = [t for t in threading.enumerate()
                 if t not in before and t.is_alive() and t.name.startswith("inspector")]
    for thread in leftovers:
        thread.join(timeout=3)
    assert not [t for t in leftovers if t.is_alive()], f"threads left running: {leftovers}"


@pytest.fixture(scope="session")
def null_sink():
    reason = sound_server.available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the audio tests must run in CI: {reason}")
        pytest.skip(reason)
    sink = sound_server.NullSink()
    previous = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = sink.server
    yield sink
    if previous is None:
        os.environ.pop("PULSE_SERVER", None)
    else:
        os.environ["PULSE_SERVER"] = previous
    sink.close()


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    """The demo workspace copied, so a test may add or break files without touching resources/."""
    target = tmp_path / "demo"
    shutil.copytree(DEMO, target)
    return target
