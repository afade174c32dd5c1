"""``inspector batch`` on real Dask clusters: a LocalCluster of two worker processes, and a scheduler with
two workers started here, one of them killed mid-batch. Where recognition is not the point the calls
come with the transcripts beside the demo recordings; where it is, the real Mandarin model recognises."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import soundfile as sf

from inspector.categories.match import categorize
from inspector.categories.pack import default_category_pack
from inspector.intake.batch_findings import BatchFindings
from inspector.store.categories import CategoryRepository
from inspector.store.emotion import EmotionRepository
from inspector.intake.importer import run_import
from inspector.findings.checking import outdated_calls
from inspector.rules.checks_file import ChecksFileError, load_checks
from inspector.scoring.defaults import default_pack
from inspector.store.calls import CallRepository
from inspector.domain.calls import CallFilter
from inspector.store.database import open_database
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.transcript.io import load_transcript
from inspector.pipeline.credentials import make_credentials
from tests import batch_gate
from tests.conftest import DEMO, ROOT
from tests.speech_models import MANDARIN

DASK = Path(sys.executable).parent / "dask"
CALLS = ["S1", "S2", "S3", "S4", "S5", "S6"]


def batch(source: Path, out: Path, *options: str, ws: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws), "batch", str(source),
                           "--out", str(out), *options], cwd=ROOT, capture_output=True, text=True, timeout=600)


def report(out: Path) -> dict:
    return json.loads((out / "batch-report.json").read_text(encoding="utf-8"))


def check_hits(transcript: Path, audio: Path, *model: str) -> list[dict]:
    """What ``inspector check`` finds on the same transcript and recording (with ``--model M --profile P``
    doubtful phrases are heard again, as a batch with a model does)."""
    done = subprocess.run([sys.executable, "-m", "inspector", "check", "--transcript", str(transcript),
                           "--audio", str(audio), *model], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def outputs(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def expected_outputs(names: list[str]) -> list[str]:
    return sorted([f"{n}.checks.json" for n in names] + [f"{n}.transcript.json" for n in names]
                  + ["batch-report.json"])


@pytest.fixture(scope="module")
def demo_batch(tmp_path_factory):
    """The demo calls through a LocalCluster of two worker processes, once for the tests below."""
    root = tmp_path_factory.mktemp("batch")
    done = batch(DEMO, root / "out", "--workers", "2", "--given-transcripts", ws=root / "ws")
    assert done.returncode == 0, done.stderr
    return root / "out", done


def test_a_local_cluster_gives_the_hits_of_inspector_check(demo_batch):
    out, done = demo_batch
    assert outputs(out) == expected_outputs(CALLS)
    summary = report(out)
    assert (summary["total"], summary["done"], summary["failed"], summary["workers"]) == (6, 6, [], 2)
    for name in CALLS:
        checked = load_checks(out / f"{name}.checks.json")
        assert checked.audio_sha256 and checked.model_id.startswith("transcript:")
        assert (checked.pack_id, checked.pack_version) == (default_pack().id, default_pack().version)
        assert [h.to_dict() for h in checked.hits] == check_hits(DEMO / f"{name}.transcript.json",
                                                                 DEMO / f"{name}.flac")
    assert sum(len(load_checks(out / f"{n}.checks.json").hits) for n in CALLS) > 10
    assert "6/6 calls" in done.stderr and "audio h per h" in done.stderr


def test_a_second_run_does_nothing(demo_batch, tmp_path):
    out, _ = demo_batch
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("S*.json")}
    again = batch(DEMO, out, "--workers", "2", "--given-transcripts", ws=tmp_path / "ws")
    assert again.returncode == 0, again.stderr
    assert (report(out)["done"], report(out)["already_done"]) == (0, 6)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("S*.json")} == before
    assert "0 to do" in again.stderr and "dashboard" not in again.stderr     # no cluster started


def test_importing_the_output_gives_checked_calls(demo_batch, tmp_path):
    out, _ = demo_batch
    db = open_database(tmp_path / "ws" / "inspector.sqlite3")
    calls, hits = CallRepository(db), HitRepository(db)
    imported = run_import(out, calls, TranscriptRepository(db), BatchFindings(db))
    assert imported.problems == []
    assert sorted(c.call_ref for c in imported.added) == CALLS
    s4 = calls.page(CallFilter(text="S4"))[0]
    assert (s4.agent_name, s4.business_type) == ("陈静", "套餐查询")     # the metadata beside the recordings
    assert outdated_calls(db, default_pack()) == []                     # nothing left to check
    for call in calls.page(CallFilter(), limit=10):
        found = load_checks(out / f"{call.call_ref}.checks.json").hits
        assert hits.for_call(call.id) == sorted(found, key=lambda h: (h.start, h.rule))
        assert call.hit_count == len(found)
        assert hits.checked_on(call.id) == TranscriptRepository(db).latest(call.id)[0]
    categories, emotions = CategoryRepository(db), EmotionRepository(db)
    assert CategoryRepository(db).outdated(default_category_pack()) == []        # categorised by the batch
    for call in calls.page(CallFilter(), limit=10):                           # as the workstation would have
        transcript = TranscriptRepository(db).latest(call.id)[1]
        assert categories.for_call(call.id) == categorize(transcript, hits.for_call(call.id),
                                                           default_category_pack())
        assert emotions.for_call(call.id) is not None
    s6 = calls.page(CallFilter(text="S6"))[0]
    assert [c.path for c in categories.for_call(s6.id)]                      # the angry caller has reasons


def test_a_corrupt_recording_is_reported_and_the_rest_finish(demo_copy, tmp_path):
    source = demo_copy
    whole = (source / "S3.flac").read_bytes()
    (source / "S3.flac").write_bytes(whole[: len(whole) // 3])          # header fine, audio cut short
    (source / "S5.wav").write_bytes(b"RIFF\x00\x00not audio at all" * 40)
    (source / "S5.transcript.json").write_text((DEMO / "S5.transcript.json").read_text(encoding="utf-8"))
    (source / "S5.flac").unlink()
    out = tmp_path / "out"
    done = batch(source, out, "--workers", "2", "--given-transcripts", ws=tmp_path / "ws")
    assert done.returncode == 1, done.stderr
    failed = {Path(f["recording"]).name: f["reason"] for f in report(out)["failed"]}
    assert set(failed) == {"S3.flac", "S5.wav"}
    assert "damaged" in failed["S3.flac"] and "not a readable audio file" in failed["S5.wav"], failed
    assert outputs(out) == expected_outputs(["S1", "S2", "S4", "S6"])
    again = batch(source, out, "--workers", "2", "--given-transcripts", ws=tmp_path / "ws")
    assert again.returncode == 1 and report(out)["already_done"] == 4 and len(report(out)["failed"]) == 2


def test_a_checks_file_that_is_not_one_names_the_file(tmp_path):
    path = tmp_path / "x.checks.json"
    path.write_text('{"format": "inspector-checks", "version": 1, "call_id": "x"}')
    with pytest.raises(ChecksFileError, match=r"x\.checks\.json: key 'recording'"):
        load_checks(path)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _source_of(tmp_path: Path, names: list[str], seconds: float = 15) -> Path:
    """The demo calls' first seconds: enough for each call to take a few seconds of real recognition
    (so a batch can be interrupted mid-way) and no more."""
    source = tmp_path / "calls"
    source.mkdir()
    for name in names:
        samples, rate = sf.read(DEMO / f"{name}.flac", dtype="int16")
        sf.write(source / f"{name}.flac", samples[: int(seconds * rate)], rate)
    shutil.copy(DEMO / "calls.csv", source)
    return source


def _wait_for(pattern: str, folder: Path, timeout: float = 1200) -> None:    # the limit only ends a hang
    deadline = time.monotonic() + timeout
    while not list(folder.glob(pattern)):
        assert time.monotonic() < deadline, f"nothing like {pattern} in {folder}"
        time.sleep(0.2)


@contextmanager
def _ctrl_c_not_ignored():
    """A suite started in the background by a shell (`cmd &`) runs with SIGINT ignored, and a child inherits
    that: its Ctrl+C would then be lost and the batch run to its end. A handler, unlike SIG_IGN, is not
    inherited, so the child starts with Ctrl+C as a terminal gives it."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.fixture
def scheduler_with_two_workers(tmp_path):
    """A real ``dask scheduler`` and two ``dask worker`` processes (no nanny: a killed worker stays dead), set
    up as docs/security.md says: bound to the address given, TLS with the cluster's credentials. The workers
    hold S6 until the test creates the file it is given (tests/batch_gate.py)."""
    from distributed import Client
    from distributed.security import Security
    credentials = make_credentials(tmp_path / "cluster")
    tls = ["--tls-ca-file", str(credentials.ca), "--tls-cert", str(credentials.cert), "--tls-key", str(credentials.key)]
    address = f"tls://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    release = tmp_path / "release-S6"
    gated = os.environ | batch_gate.environment("S6", release) | {"PYTHONPATH": str(ROOT)}
    started = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", port, "--protocol", "tls",
                                 "--no-dashboard", "--dashboard-address", "127.0.0.1:0", *tls], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        started += [subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1", "--no-nanny",
                                      "--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--host", "127.0.0.1",
                                      *tls],
                                     env=gated, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    for _ in range(2)]
        security = Security(tls_ca_file=str(credentials.ca), tls_client_cert=str(credentials.cert),
                            tls_client_key=str(credentials.key), require_encryption=True)
        with Client(address, timeout=60, security=security) as client:
            client.wait_for_workers(2, timeout=120)
        yield address, started[1:], credentials, started[0], release
    finally:
        for process in reversed(started):
            process.kill()
            process.wait(timeout=30)


STRANGER = """
import os, sys
from distributed import Client
from distributed.security import Security
where, ca, kind = sys.argv[1:4]
security = {"none": None, "ca-only": Security(tls_ca_file=ca, require_encryption=True),
            "other-ca": Security.temporary()}[kind]
print("RAN", Client(where, timeout=5, security=security).submit(os.getpid).result(timeout=5))
"""


def test_the_cluster_refuses_clients_without_its_credentials(scheduler_with_two_workers, tmp_path):
    """Issue #26, cause 6: a client without credentials ran code on the scheduler and every worker."""
    import psutil
    address, _workers, credentials, scheduler, _release = scheduler_with_two_workers
    for process in (scheduler, *_workers):                           # bound to the address given, nowhere else
        listening = {c.laddr.ip for c in psutil.Process(process.pid).net_connections("inet") if c.status == "LISTEN"}
        assert listening == {"127.0.0.1"}
    port = address.rsplit(":", 1)[1]
    strangers = [(f"tcp://127.0.0.1:{port}", "none"), (address, "none"),
                 (address, "ca-only"),            # the cluster's CA but no certificate
                 (address, "other-ca")]           # another CA's certificate
    for where, kind in strangers:
        # each in its own process: a plain client's handshake with a TLS scheduler can hang past the Client's
        # own timeout, and a hung attempt has run nothing either
        try:
            tried = subprocess.run([sys.executable, "-c", STRANGER, where, str(credentials.ca), kind], cwd=ROOT,
                                   capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            continue
        assert tried.returncode != 0 and "RAN" not in tried.stdout, (where, kind, tried.stdout)
    source, out = tmp_path / "calls", tmp_path / "out"
    source.mkdir()
    for name in ("S1.flac", "S1.transcript.json", "S3.flac", "S3.transcript.json"):
        shutil.copy(DEMO / name, source / name)
    command = [sys.executable, "-m", "inspector", "--data-dir", str(tmp_path / "ws"), "batch", str(source), "--out",
               str(out), "--scheduler", address, "--given-transcripts"]
    refused = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert refused.returncode == 2 and "--tls" in refused.stderr and "Traceback" not in refused.stderr
    done = subprocess.run([*command, "--tls", str(credentials.ca.parent)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert report(out)["done"] == 2
    plain = subprocess.run([*command[:-3], "--scheduler", f"tcp://10.0.0.1:{port}", "--given-transcripts"], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert plain.returncode == 2 and "tls://" in plain.stderr


@pytest.mark.slow
@pytest.mark.mandarin
def test_a_killed_worker_s_calls_are_done_elsewhere(scheduler_with_two_workers, tmp_path):
    address, workers, credentials, _scheduler, release = scheduler_with_two_workers
    names = ["S2", "S3", "S4", "S6"]
    source, out = _source_of(tmp_path, names), tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "inspector", "--data-dir", str(tmp_path / "ws"), "batch",
                            str(source), "--out", str(out), "--scheduler", address, "--tls", str(credentials.ca.parent),
                            "--model", str(MANDARIN),
                            "--profile", "fast"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _wait_for("*.checks.json", out)
    workers[0].kill()                                   # mid-batch: S6 at least is held until now
    release.touch()
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 0, stderr
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    summary = report(out)
    assert (summary["done"], summary["failed"]) == (len(names), [])
    assert outputs(out) == expected_outputs(names)                  # each call once, nothing half written
    for name in names:
        checked = load_checks(out / f"{name}.checks.json")
        transcript = json.loads((out / f"{name}.transcript.json").read_text(encoding="utf-8"))
        assert transcript["model"] == checked.model_id and checked.model_id.endswith(":fast")
        assert any(s["speaker"] == "customer" for s in transcript["segments"])
        load_transcript(out / f"{name}.transcript.json")
        # the same verdicts as inspector check with the model; what the second hearing quotes (its words'
        # confidences) may differ by a few hundredths, as the shared model decodes a little differently
        # after other calls (see asr/recognizer.py transcribe), so evidence and why are left out here
        assert [_verdict(h.to_dict()) for h in checked.hits] == [_verdict(h) for h in check_hits(
            out / f"{name}.transcript.json", source / f"{name}.flac", "--model", str(MANDARIN), "--profile", "fast")]


def _verdict(hit: dict) -> dict:
    return {k: v for k, v in hit.items() if k not in ("evidence", "why")}


@pytest.mark.slow
@pytest.mark.mandarin
def test_ctrl_c_stops_cleanly_and_a_rerun_resumes(tmp_path):
    names = ["S2", "S3", "S4"]
    source, out = _source_of(tmp_path, names), tmp_path / "out"
    command = [sys.executable, "-m", "inspector", "--data-dir", str(tmp_path / "ws"), "batch", str(source),
               "--out", str(out), "--workers", "2", "--model", str(MANDARIN), "--profile", "fast"]
    release = tmp_path / "release-S4"                  # S4 waits on a worker until this file exists, so the
    with _ctrl_c_not_ignored():
        run = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               env=os.environ | batch_gate.environment("S4", release))  # batch cannot finish first
    _wait_for("*.checks.json", out)
    os.killpg(run.pid, signal.SIGINT)                  # what Ctrl+C in a terminal sends: the whole group
    _wait_for("batch-report.json", out)                # the client has stopped (it writes the report then)
    release.touch()
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 3, stderr
    assert "run the same command to resume" in stderr and "Traceback" not in stderr
    stopped = report(out)
    assert stopped["cancelled"] and 1 <= stopped["done"] < len(names)
    assert not list(out.glob(".*.partial"))
    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert (report(out)["already_done"], report(out)["done"]) == (stopped["done"], len(names) - stopped["done"])
    assert outputs(out) == expected_outputs(names)
