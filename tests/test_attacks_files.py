"""Files that are not what they claim (issue #26, cause 10): a recording name that is not UTF-8 in a batch,
/dev/zero and a named pipe given as exchange, transcript or rule files: bounded before anything is read."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from inspector.store.database import open_database
from inspector.store.users import UserRepository
from tests.conftest import DEMO, ROOT


def _cli(ws, *args, stdin=""):
    done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws), *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin, timeout=240)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_a_batch_with_a_name_that_is_not_utf8_writes_its_report(tmp_path):
    source = tmp_path / "calls"
    source.mkdir()
    for name in ("S1.flac", "S1.transcript.json"):
        shutil.copy(DEMO / name, source / name)
    shutil.copy(DEMO / "S2.flac", os.fsdecode(bytes(source) + b"/bad\xffname.flac"))
    done = _cli(tmp_path / "ws", "batch", str(source), "--out", str(tmp_path / "out"), "--given-transcripts",
                "--workers", "1")
    assert done.returncode == 1, done.stderr
    report = json.loads((tmp_path / "out" / "batch-report.json").read_text(encoding="utf-8"))
    assert report["done"] == 1 and [f["recording"] for f in report["failed"]] == [f"{source}/bad\\xffname.flac"]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pack.inspector-pack"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("hostile", ["/dev/zero", "fifo"])
def test_exchange_transcript_and_pack_files_that_are_devices_or_pipes_are_refused_unread(tmp_path, fifo, hostile):
    path = str(fifo) if hostile == "fifo" else hostile
    ws = tmp_path / "ws"
    users = UserRepository(open_database(ws / "inspector.sqlite3"))
    users.create_first_lead("9001", "张组长", "secret-9001")
    for args in (("calibration", "import-pack", path, "--user", "9001", "--password-stdin"),
                 ("calibration", "import-results", path, "--user", "9001", "--password-stdin"),
                 ("check", "--transcript", path), ("check", "--transcript", str(DEMO / "S1.transcript.json"),
                                                   "--rules", path)):
        done = _cli(ws, *args, stdin="secret-9001\n")
        assert done.returncode == 2 and path in done.stderr and "not a regular file" in done.stderr, done.stderr
