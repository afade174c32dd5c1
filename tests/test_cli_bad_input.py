"""Every command, given bad input, says what is wrong with which file and exits 2: never a traceback."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture
def garbage(tmp_path):
    path = tmp_path / "garbage.bin"
    path.write_bytes(b"\x00\xffnot what it claims\x01" * 50)
    return path


CASES = {
    "import a missing folder": ["import", "{tmp}/nowhere"],
    "check a garbage transcript": ["check", "--transcript", "{garbage}"],
    "check with a garbage pack": ["check", "--transcript", str(ROOT / "resources/demo/S1.transcript.json"),
                                  "--rules", "{garbage}"],
    "check a folder that is a file": ["check", "--folder", "{garbage}"],
    "transcribe garbage audio": ["transcribe", "{garbage}"],
    "transcribe with a bad model": ["transcribe", str(ROOT / "resources/demo/S1.flac"), "--model", "{tmp}"],
    "agreement of a garbage file": ["stats", "icc", "{garbage}"],
    "import a garbage pack": ["calibration", "import-pack", "{garbage}"],
    "import garbage results": ["calibration", "import-results", "{garbage}"],
    "a session that does not exist": ["calibration", "show", "nope", "--user", "1001", "--password-stdin"],
    "a short centre key": ["sync-setup", "--centre", "GD", "--key", "abc"],
    "upload without set-up": ["upload"],
    "export without set-up": ["export", "--out", "{tmp}/b.zip"],
    "categorise with a garbage category pack": ["categorize", "--database", "--categories", "{garbage}"],
    "categorise a garbage transcript": ["categorize", "--transcript", "{garbage}"],
    "a sample that picks nothing": ["sample", "--format", "json"],
    "a huge list of calls": ["calls", "--limit", "1" + "0" * 20],
    "a huge search": ["search", "退订", "--limit", "1" + "0" * 20],
    "repeat calls within a huge span": ["outcome", "--days", "1" + "0" * 20],
    "no emerging topics at all": ["topics", "--top", "0"],
    "a category pack with only punctuation": ["categorize", "--database", "--categories", "{punct}"],
    "a database that is not one": ["--data-dir", "{baddb}", "calls"],
    "rule accuracy from a database that is not one": ["--data-dir", "{baddb}", "rule-accuracy"],
    "a receiver database in a folder that is a file": ["hub", "add-centre", "GD", "--db", "{garbage}/hub.sqlite3"],
    "batch a missing folder": ["batch", "{tmp}/nowhere", "--out", "{tmp}/out", "--given-transcripts"],
    "batch with a bad model": ["batch", str(ROOT / "resources/demo"), "--out", "{tmp}/out", "--model", "{tmp}"],
    "batch with a garbage pack": ["batch", str(ROOT / "resources/demo"), "--out", "{tmp}/out",
                                  "--given-transcripts", "--rules", "{garbage}"],
    "batch on a scheduler that is not there": ["batch", str(ROOT / "resources/demo"), "--out", "{tmp}/out",
                                               "--given-transcripts", "--scheduler", "tcp://127.0.0.1:9"],
    "a PostgreSQL server that is not there": ["hub", "add-centre", "GD", "--db",
                                             "postgresql+psycopg://nobody@/x?host={tmp}"],
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gets_a_message_not_a_traceback(name, tmp_path, garbage):
    baddb = tmp_path / "baddb"
    baddb.mkdir()
    (baddb / "inspector.sqlite3").write_bytes(b"not a database" * 100)
    punct = tmp_path / "punct.toml"
    punct.write_text("[pack]\nid='x'\n[[category]]\npath=['a']\nphrases=['！！']\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path, garbage=garbage, baddb=baddb, punct=punct) for a in CASES[name]]
    if args[0] != "--data-dir":
        args = ["--data-dir", str(tmp_path / "ws"), *args]
    done = subprocess.run([sys.executable, "-m", "inspector", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.strip(), "the refusal must say why"
