"""The ``inspector check`` command-line contract."""

import json
import subprocess
import sys

from tests.conftest import DEMO, ROOT


def _check(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "inspector", "check", *args], cwd=cwd, capture_output=True,
                          text=True)


def test_json_hits_for_a_transcript_with_its_audio():
    result = _check("--transcript", str(DEMO / "S5.transcript.json"), "--audio", str(DEMO / "S5.flac"),
                    "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert sorted({h["rule"] for h in hits}) == ["R09", "R10"]
    for hit in hits:
        assert {"rule", "start", "end", "speaker", "evidence", "confidence"} <= set(hit)


def test_no_hits_is_still_success():
    result = _check("--transcript", str(DEMO / "S1.transcript.json"))
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_a_custom_pack(tmp_path):
    pack = (ROOT / "resources" / "rules" / "rules-10086.toml").read_text(encoding="utf-8")
    custom = tmp_path / "strict.toml"
    custom.write_text(pack.replace("max_cpm = 280", "max_cpm = 150"), encoding="utf-8")
    result = _check("--transcript", str(DEMO / "S1.transcript.json"), "--rules", str(custom))
    assert [h["rule"] for h in json.loads(result.stdout)] == ["R12"]


def test_bad_inputs_fail_with_a_message(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "call_id": "x", "duration_s": 3, "segments": [{"speaker": "agent"}]}')
    result = _check("--transcript", str(broken))
    assert result.returncode == 2 and "segment 0: missing required key 'start'" in result.stderr
    bad_pack = tmp_path / "pack.toml"
    bad_pack.write_text("[pack]\nid = 1\n")
    result = _check("--transcript", str(DEMO / "S1.transcript.json"), "--rules", str(bad_pack))
    assert result.returncode == 2 and str(bad_pack) in result.stderr
    result = _check(str(DEMO / "S1.flac"), "--model", str(tmp_path))
    assert result.returncode == 2 and "not a usable Vosk model" in result.stderr
    result = _check()
    assert result.returncode == 2 and "--transcript" in result.stderr


def test_folder_batch_writes_one_line_per_call():
    result = _check("--folder", str(DEMO))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["call"] for line in lines] == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert sorted({h["rule"] for h in lines[3]["hits"]}) == ["R04"]


def test_database_batch_stores_hits(tmp_path, demo_copy):
    data = str(tmp_path / "ws")
    subprocess.run([sys.executable, "-m", "inspector", "--data-dir", data, "import", str(demo_copy)], cwd=ROOT,
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", data, "check", "--database"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = {json.loads(line)["call"]: json.loads(line)["hits"] for line in result.stdout.splitlines()}
    assert sorted({h["rule"] for h in lines["S6"]}) == ["R11", "R13", "R14", "R17"]
    assert lines["S1"] == []
    listed = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", data, "calls", "--format", "json"],
                            cwd=ROOT, capture_output=True, text=True)
    counts = {c["call_ref"]: c["hit_count"] for c in json.loads(listed.stdout)}
    assert counts["S1"] == 0 and counts["S6"] == len(lines["S6"])
