import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import soundfile as sf

from inspector.intake.importer import run_import
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from tests.audio_files import tone, write_call
from tests.conftest import ROOT


def _repos(tmp_path):
    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    return CallRepository(db), TranscriptRepository(db)


def test_demo_folder_imports_with_metadata_and_transcripts(tmp_path, demo_copy):
    calls, transcripts = _repos(tmp_path)
    report = run_import(demo_copy, calls, transcripts)
    assert sorted(c.call_ref for c in report.added) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert report.problems == []
    s4 = calls.page(CallFilter(text="S4"))[0]
    assert (s4.agent_id, s4.agent_name, s4.business_type, s4.hotline) == ("2639", "陈静", "套餐查询", "10086")
    assert s4.sample_rate == 8000 and s4.channels == 2
    source, transcript = transcripts.latest(s4.id)
    assert source == "imported" and transcript.call_id == "S4"


def test_import_is_idempotent_even_for_a_renamed_copy(tmp_path, demo_copy):
    calls, transcripts = _repos(tmp_path)
    run_import(demo_copy, calls, transcripts)
    (demo_copy / "S1.flac").rename(demo_copy / "renamed.flac")
    again = run_import(demo_copy, calls, transcripts)
    assert again.added == []
    assert len(again.already_present) == 6
    assert calls.count() == 6
    assert len(transcripts.sources(calls.page(CallFilter(text="S4"))[0].id)) == 1


def test_bad_files_are_listed_and_the_rest_imported(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    write_call(folder / "good1.wav", seed=1)
    write_call(folder / "good2.wav", seed=2, format="WAV", subtype="ULAW")
    (folder / "empty.wav").write_bytes(b"")
    (folder / "corrupt.mp3").write_bytes(os.urandom(2000))
    sf.write(folder / "zero.wav", tone(0.0)[:, None].repeat(2, 1), 8000)
    (folder / "readme.txt").write_text("ignored")
    (folder / "good1.transcript.json").write_text('{"version": 1, "call_id": "g", "segments": []}')
    calls, transcripts = _repos(tmp_path)
    report = run_import(folder, calls, transcripts)
    assert sorted(c.call_ref for c in report.added) == ["good1", "good2"]
    reasons = {p.path.name: p.reason for p in report.problems}
    assert "empty" in reasons["empty.wav"]
    assert "not a readable audio file" in reasons["corrupt.mp3"]
    assert "no samples" in reasons["zero.wav"]
    assert "missing required key 'duration_s'" in reasons["good1.transcript.json"]
    assert "readme.txt" not in reasons


def test_chinese_csv_columns_and_json_sidecar(tmp_path):
    folder = tmp_path / "batch"
    (folder / "day2").mkdir(parents=True)
    write_call(folder / "a.wav", seed=3)
    write_call(folder / "day2" / "b.wav", seed=4)
    (folder / "导出.csv").write_text("录音文件,通话编号,工号,坐席姓名,班组,通话时间,业务类型\n"
                                   "a.wav,20261101-0001,3257,李娜,一组,2026-11-01 09:00,流量查询\n",
                                   encoding="utf-8-sig")
    (folder / "more.json").write_text(json.dumps({"calls": [{"file": "b.wav", "agent_id": "4108",
                                                              "hotline": "10086", "team": "二组"}]}))
    calls, transcripts = _repos(tmp_path)
    report = run_import(folder, calls, transcripts)
    assert report.problems == []
    by_ref = {c.call_ref: c for c in report.added}
    assert by_ref["20261101-0001"].agent_name == "李娜"
    assert by_ref["20261101-0001"].business_type == "流量查询"
    assert by_ref["b"].agent_id == "4108"
    assert (by_ref["20261101-0001"].team, by_ref["b"].team) == ("一组", "二组")
    assert calls.get(by_ref["b"].id).team == "二组"


def test_broken_sidecar_is_reported_and_recordings_still_imported(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    write_call(folder / "a.wav", seed=5)
    (folder / "meta.json").write_text("[{broken")
    calls, transcripts = _repos(tmp_path)
    report = run_import(folder, calls, transcripts)
    assert [c.call_ref for c in report.added] == ["a"]
    assert report.problems[0].path.name == "meta.json"


def test_killed_mid_import_loses_nothing_and_rerun_completes(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    total = 120
    for i in range(total):
        write_call(folder / f"call{i:03d}.wav", 0.2, seed=i)
    data = tmp_path / "ws"
    command = [sys.executable, "-m", "inspector", "--data-dir", str(data), "import", str(folder)]
    counts = []
    for kill_after in (5, 40, 80):
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 600                  # only ends a hang
        while time.monotonic() < deadline and proc.poll() is None:
            if _count(data) >= kill_after:
                break
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(data / "inspector.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts.append(conn.execute("SELECT count(*) FROM calls").fetchone()[0])
        conn.close()
    assert counts == sorted(counts) and counts[0] >= 5
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    conn = sqlite3.connect(data / "inspector.sqlite3")
    assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM calls").fetchone() == (total, total)


def _count(data) -> int:
    path = data / "inspector.sqlite3"
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(path, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM calls").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_a_cancelled_import_keeps_what_it_added(tmp_path):
    import threading

    from inspector.intake.importer import import_folder
    from inspector.jobs import drain

    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(5):
        write_call(folder / f"c{i}.wav", 0.2, seed=i)
    calls, transcripts = _repos(tmp_path)
    cancel = threading.Event()
    job = import_folder(folder, calls, transcripts, cancel)
    next(job), next(job), next(job)        # two files imported; the third, announced, still finishes
    cancel.set()
    report = drain(job)
    assert report.cancelled
    assert calls.count() == len(report.added) == 3


def test_a_wav_cut_short_is_imported_with_a_warning_naming_both_lengths(tmp_path):
    import numpy as np
    import soundfile as sf
    from inspector.intake.importer import run_import
    from inspector.store.calls import CallRepository
    from inspector.store.database import open_database
    from inspector.store.transcripts import TranscriptRepository

    folder = tmp_path / "in"
    folder.mkdir()
    whole = folder / "whole.wav"
    sf.write(whole, np.zeros((16000, 2), dtype=np.int16), 8000, subtype="PCM_16")       # 2 s stereo
    cut = folder / "cut.wav"
    cut.write_bytes(whole.read_bytes()[:44 + 3200])                                    # 0.1 s of it
    db = open_database(tmp_path / "db.sqlite3")
    report = run_import(folder, CallRepository(db), TranscriptRepository(db))
    assert sorted(c.call_ref for c in report.added) == ["cut", "whole"]
    assert [(w.path.name, str(w.reason)) for w in report.warnings] == [
        ("cut.wav", "the recording is cut short: the header promises 2.0 s, the file holds 0.1 s")]
