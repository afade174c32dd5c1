"""Later upload: the outbox, signed bundles, PII masking, and upload to a real receiver over HTTP on
127.0.0.1 through a proxy that injects faults, with the uploader killed and restarted mid-way."""

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile

import httpx
import pytest

from inspector.archive import ArchiveError, write_archive
from inspector.hub.store import HubStore, engine_for
from inspector.store.database import open_database
from inspector.store.outbox import OutboxRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import export_bundle, read_bundle
from inspector.privacy.masking import mask_text, mask_transcript
from inspector.sync.upload import RetryPolicy, upload
from inspector.jobs import drain
from inspector.transcript.model import Segment, Transcript, Word
from inspector.store.users import UserRepository
from tests.calibration_fixtures import LEAD, submitted, workstation
from tests.fault_proxy import FaultProxy
from tests.hub_server import CENTRE, KEY, TOKEN, free_port



@pytest.fixture
def station(tmp_path):
    ws = workstation(tmp_path / "ws")
    sync_identity.set_up(ws.db, LEAD, CENTRE, KEY, token=TOKEN)
    return ws


def test_submission_writes_its_outbox_entry_and_a_resubmission_is_a_new_version(station):
    made = submitted(station, 3, reopen=1)
    entries = OutboxRepository(station.db).entries()
    assert sorted((e.uuid, e.version) for e in entries) == sorted(
        [(u, 1) for u in made] + [(made[0], 2)])
    first, second = sorted((e for e in entries if e.uuid == made[0]), key=lambda e: e.version)
    assert json.loads(first.payload)["body"] != json.loads(second.payload)["body"]   # frozen as submitted
    assert json.loads(second.payload)["audit"][-1]["what"] == "status"
    assert all(e.status == "pending" for e in entries)


def test_personal_numbers_are_masked_in_text_and_words():
    assert mask_text("我的手机号是13812345678") == "我的手机号是*******5678"
    assert mask_text("身份证 44010619900101123X 没错") == "身份证 **************123X 没错"
    assert mask_text("卡号 6222 0212 3456 7890") == "卡号 **** **** **** 7890"
    assert mask_text("幺三八一二三四五六七八") == "*******五六七八"
    assert mask_text("工号 10086，订单 12345") == "工号 10086，订单 12345"          # short numbers stay
    transcript = Transcript("c", 10, (Segment("customer", 0, 3, "号码 13812345678", (
        Word("号码", 0, 1), Word("13812345678", 1, 3))),))
    masked = mask_transcript(transcript).segments[0]
    assert masked.text == "号码 *******5678" and masked.words[1].text == "*******5678" and masked.words[0].text == "号码"


def test_bundle_is_signed_checksummed_and_masked(station, tmp_path):
    submitted(station, 5)
    call = station.call_ids()[0]
    TranscriptRepository(station.db).save(call, "imported", Transcript("x", 5, (
        Segment("customer", 0, 2, "我的号码是13812345678"),)))
    identity = sync_identity.require(station.db)
    manifest = export_bundle(station.db, identity, tmp_path / "b.zip", LEAD, transcripts=True)
    assert manifest["counts"]["evaluations"] == 5 and manifest["masked"]
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        text = archive.read("transcripts.jsonl").decode()
    assert "13812345678" not in text and "*******5678" in text
    archive, items = read_bundle(tmp_path / "b.zip", {CENTRE: KEY}.get)
    assert len(items) == 5 and archive.manifest["workstation_id"] == identity.workstation_id
    with pytest.raises(ArchiveError, match="does not match its signature"):
        read_bundle(tmp_path / "b.zip", {CENTRE: "b2" * 32}.get)
    with pytest.raises(ArchiveError, match="does not know"):
        read_bundle(tmp_path / "b.zip", {}.get)
    assert not list(tmp_path.glob(".*partial"))


def test_100_random_single_byte_corruptions_are_all_detected(station, tmp_path):
    submitted(station, 4)
    export_bundle(station.db, sync_identity.require(station.db), tmp_path / "b.zip", LEAD)
    original = (tmp_path / "b.zip").read_bytes()
    rng = random.Random(2026)
    for n in range(100):
        data = bytearray(original)
        position = rng.randrange(len(data))
        data[position] ^= rng.randrange(1, 256)
        damaged = tmp_path / f"d{n}.zip"
        damaged.write_bytes(bytes(data))
        with pytest.raises(ArchiveError, match=f"d{n}.zip"):
            read_bundle(damaged, {CENTRE: KEY}.get)


def test_a_bundle_from_a_newer_format_is_refused_clearly(station, tmp_path):
    submitted(station, 1)
    identity = sync_identity.require(station.db)
    write_archive(tmp_path / "new.zip", {"format": "inspector-bundle", "format_version": 9,
                                         "centre_id": CENTRE}, {"evaluations.v9": b"{}"}, seal=identity.sign)
    with pytest.raises(ArchiveError, match="newer Inspector .bundle format 9; this version reads up to 1"):
        read_bundle(tmp_path / "new.zip", {CENTRE: KEY}.get)


def test_bundle_import_at_the_receiver_is_idempotent_and_checked(station, hub, tmp_path):
    url, store, _port = hub
    submitted(station, 6, reopen=2)
    export_bundle(station.db, sync_identity.require(station.db), tmp_path / "b.zip", LEAD)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/zip"}
    body = (tmp_path / "b.zip").read_bytes()
    first = httpx.post(f"{url}/api/v1/bundles", content=body, headers=headers).json()
    assert (first["stored"], first["duplicates"], first["rejected"]) == (8, 0, [])
    again = httpx.post(f"{url}/api/v1/bundles", content=body, headers=headers).json()
    assert (again["stored"], again["duplicates"]) == (0, 8)
    assert store.count() == 8
    damaged = bytearray(body)
    damaged[len(damaged) // 2] ^= 0xFF
    refused = httpx.post(f"{url}/api/v1/bundles", content=bytes(damaged), headers=headers)
    assert refused.status_code == 400 and "bundle" in refused.json()["detail"]
    assert httpx.post(f"{url}/api/v1/bundles", content=body,
                      headers={**headers, "Authorization": "Bearer nope"}).status_code == 401


def test_upload_refuses_a_forged_signature_and_reports_it(station, hub):
    url, store, _port = hub
    submitted(station, 2)
    forged = sync_identity.set_up(station.db, LEAD, CENTRE, "c3" * 32, token=TOKEN)
    with pytest.raises(sync_identity.SyncError, match="HTTP 403: the request signature does not match"):
        drain(upload(station.db, forged, url))
    assert store.count() == 0
    assert all(e.status == "sent" and "403" in e.last_error for e in OutboxRepository(station.db).entries())


def test_the_receiver_missing_acknowledged_versions_gets_them_again(station, hub):
    url, store, _port = hub
    submitted(station, 10)
    report = drain(upload(station.db, sync_identity.require(station.db), url))
    assert report.acknowledged == 10 and report.reconciled
    with store.engine.begin() as conn:                 # headquarters lost three rows (a restore from backup)
        conn.exec_driver_sql("DELETE FROM evaluations WHERE uuid IN (SELECT uuid FROM evaluations LIMIT 3)")
    report = drain(upload(station.db, sync_identity.require(station.db), url))
    assert report.resent_missing == 3 and report.reconciled and store.count() == 10


def _run_upload(root, url, *extra):
    process = subprocess.Popen([sys.executable, "-m", "inspector", "--data-dir", str(root), "upload", "--to", url,
                                "--backoff", "0.01", "--attempts", "40", "--timeout", "1", "--batch", "25",
                                "--user", LEAD.id, "--password-stdin", *extra],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdin.write("lead-pass\n")        # --to sends the scores elsewhere: a lead says so
    process.stdin.flush()
    return process


@pytest.mark.slow
def test_1000_evaluations_arrive_exactly_once_through_faults_and_a_kill(station, hub):
    url, store, port = hub
    submitted(station, 1000, reopen=20)
    proxy = FaultProxy(port, {"pass": 55, "drop_before": 8, "drop_after": 8, "http500": 7, "http503": 7,
                              "stall": 5, "duplicate": 10})
    try:
        first = _run_upload(station.root, proxy.url)
        deadline = time.monotonic() + 900                  # only ends a hang
        while store.count() < 300 and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        assert first.poll() is None, f"the upload ended before it could be killed: {first.communicate()}"
        os.kill(first.pid, signal.SIGKILL)                   # the workstation dies mid-upload
        first.wait()
        assert 300 <= store.count() < 1020
        second = _run_upload(station.root, proxy.url)
        out, err = second.communicate(timeout=300)
        assert second.returncode == 0, err
        summary = json.loads(out)
    finally:
        proxy.close()
    assert summary["reconciled"] and summary["acknowledged"] + summary["pending"] + summary["sent"] >= 1
    assert {k: summary[k] for k in ("pending", "sent", "acknowledged", "rejected")} == {
        "pending": 0, "sent": 0, "acknowledged": 1020, "rejected": 0}
    local = {(e.uuid, e.version, e.digest) for e in OutboxRepository(station.db).entries()}
    identity = sync_identity.require(station.db)
    remote = store.inventory(CENTRE, identity.workstation_id)
    assert len(remote) == 1020 and set(remote) == local                 # every version exactly once
    assert {a for a, n in proxy.seen.items() if n} == set(proxy.actions)   # every fault really happened
    status = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(station.root), "sync-status",
                             "--format", "json"], capture_output=True, text=True, timeout=60)
    assert json.loads(status.stdout)["acknowledged"] == 1020


def test_upload_without_setup_or_address_says_what_is_missing(tmp_path):
    root = tmp_path / "fresh"
    open_database(root / "inspector.sqlite3")
    result = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(root), "upload"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "sync is not set up" in result.stderr
    UserRepository(open_database(root / "inspector.sqlite3")).create_first_lead("9001", "组长", "lead-pass")
    subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(root), "sync-setup", "--centre", "X1",
                    "--user", "9001", "--password-stdin"], check=True, capture_output=True, timeout=60,
                   input=b"lead-pass\n")
    result = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(root), "upload"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no upload address" in result.stderr


def test_an_unreachable_receiver_gives_up_clearly_and_keeps_everything(station):
    submitted(station, 3)
    with pytest.raises(sync_identity.SyncError, match="gave up after 3 attempts"):
        drain(upload(station.db, sync_identity.require(station.db), f"http://127.0.0.1:{free_port()}",
                     policy=RetryPolicy(attempts=3, base_s=0.01, timeout_s=1)))
    counts = OutboxRepository(station.db).counts()
    assert counts["sent"] == 3 and counts["acknowledged"] == 0


def test_the_openapi_document_in_docs_is_current():
    from pathlib import Path

    from inspector.hub.app import create_app

    documented = json.loads((Path(__file__).parents[1] / "docs" / "hub-openapi.json").read_text(encoding="utf-8"))
    assert documented == create_app(HubStore(engine_for(":memory:"))).openapi()


def test_a_full_disk_during_export_keeps_the_previous_bundle_and_names_the_file(station, tmp_path, monkeypatch):
    submitted(station, 2)
    identity = sync_identity.require(station.db)
    target = tmp_path / "scores.inspector-bundle"
    export_bundle(station.db, identity, target, LEAD)
    before = target.read_bytes()
    submitted(station, 1)

    def no_space(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("inspector.archive.os.fsync", no_space)
    with pytest.raises(ArchiveError, match="scores.inspector-bundle: cannot write .No space left on device"):
        export_bundle(station.db, identity, target, LEAD)
    assert target.read_bytes() == before and not list(tmp_path.glob(".*partial"))
    assert OutboxRepository(station.db).counts()["pending"] == 3          # nothing lost on the workstation


def test_https_is_verified_by_default_and_a_private_ca_can_be_trusted(station, tls_hub):
    url, store, ca_file = tls_hub
    submitted(station, 3)
    refused = _run_upload(station.root, url, "--attempts", "1")
    _out, err = refused.communicate(timeout=60)
    assert refused.returncode == 2 and "CERTIFICATE_VERIFY_FAILED" in err and store.count() == 0
    trusted = _run_upload(station.root, url, "--ca-file", str(ca_file))
    out, err = trusted.communicate(timeout=60)
    assert trusted.returncode == 0, err
    assert json.loads(out)["acknowledged"] == 3 and store.count() == 3


def test_the_upload_carries_the_calls_categories_emotion_and_outcome(station):
    from inspector.categories.pack import default_category_pack
    from inspector.findings.categorizing import categorize_all
    from inspector.findings.emotions import measure_all
    from inspector.store.calls import CallRepository

    drain(categorize_all(station.db, default_category_pack()))
    drain(measure_all(station.db))
    calls = {c.id: c for c in CallRepository(station.db).page()}
    first = station.call_ids()[0]
    station.db.execute("UPDATE calls SET satisfaction = 4, resolved = 1, caller_hash = 'h' WHERE id = ?", [first])
    made = submitted(station, 6)
    payloads = {json.loads(e.payload)["call"]["call_ref"]: json.loads(e.payload)["call"]
                for e in OutboxRepository(station.db).entries() if e.uuid in made}
    assert payloads["S2"]["categories"] == [{"path": "停复机", "confidence": 0.84}]
    assert payloads["S6"]["emotion"] == {"start": "upset", "end": "upset", "worsened": False}
    shown = payloads[calls[first].call_ref]
    assert (shown["satisfaction"], shown["resolved"]) == (4.0, True) and "caller_hash" not in shown
