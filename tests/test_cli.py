import json
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT


def _run(*args):
    return subprocess.run([sys.executable, "-m", "inspector", *args], cwd=ROOT, capture_output=True, text=True)


def test_import_and_list_from_the_command_line(tmp_path, demo_copy):
    data = str(tmp_path / "ws")
    result = _run("--data-dir", data, "import", str(demo_copy), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(result.stdout)["added"]) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    listed = _run("--data-dir", data, "calls", "--agent", "2639", "--format", "json")
    assert [c["call_ref"] for c in json.loads(listed.stdout)] == ["S4"]


def test_errors_go_to_stderr_with_a_non_zero_exit(tmp_path):
    missing = _run("--data-dir", str(tmp_path / "ws"), "import", str(tmp_path / "nope"))
    assert missing.returncode != 0 and "not a folder" in missing.stderr
    newer = tmp_path / "newer"
    newer.mkdir()
    conn = sqlite3.connect(newer / "inspector.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    refused = _run("--data-dir", str(newer), "calls")
    assert refused.returncode == 2 and "newer Inspector" in refused.stderr


def test_main_py_and_module_entry_agree():
    result = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "import" in result.stdout
