"""HTTP upload of the outbox: batches keyed per evaluation version, retried with exponential backoff and
full jitter, then a count-and-hash check against the receiver.

Entries are marked `sent` before the request leaves and `acknowledged` only when the receiver answered
for them, so a crash, a dropped connection or a timeout at any point leaves them to be sent again; the
receiver's (uuid, version) key turns a second delivery into a harmless duplicate.
"""

from __future__ import annotations

import random
import ssl
import threading
from collections.abc import Generator
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from inspector.jobs import Progress
from inspector.jobs import Cancelled
from inspector.store.outbox import OutboxEntry, OutboxRepository, enqueue_unsent_answers
from inspector.sync.protocol import canonical_json, inventory_digest
from inspector.sync.identity import SyncError, SyncIdentity

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 8          # per request, the first one included
    base_s: float = 0.5
    cap_s: float = 30.0
    timeout_s: float = 20.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter (AWS architecture blog): spreads the retries of many workstations after an outage."""
        return rng.uniform(0, min(self.cap_s, self.base_s * 2 ** attempt))


@dataclass
class UploadReport:
    acknowledged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    retries: int = 0
    resent_missing: int = 0
    reconciled: bool = False


def upload(db: sqlite_utils.Database, identity: SyncIdentity, url: str | None = None, batch_size: int = 100,
           policy: RetryPolicy = RetryPolicy(), cancel: threading.Event | None = None, ca_file: str | None = None,
           rng: random.Random | None = None) -> Generator[Progress, None, UploadReport]:
    endpoint = url or identity.endpoint
    if not endpoint:
        raise SyncError("no upload address: set one in the sync settings or pass --to URL")
    if not identity.token:
        raise SyncError("no upload token: headquarters issues one per centre; enter it in the sync settings")
    enqueue_unsent_answers(db)
    outbox = OutboxRepository(db)
    report = UploadReport()
    sender = _Sender(endpoint, identity, policy, cancel or threading.Event(), ca_file, rng or random.Random(), report)
    with sender:
        for round_number in range(2):       # the second round re-sends what the receiver turned out to lack
            todo = outbox.entries(("pending", "sent"))
            for start in range(0, len(todo), batch_size):
                batch = todo[start:start + batch_size]
                yield Progress(start, len(todo), f"{start}/{len(todo)}")
                _deliver(outbox, sender, identity, batch, report)
            yield Progress(len(todo), len(todo), "checking with the receiver")
            missing = _reconcile(outbox, sender, identity)
            if not missing:
                report.reconciled = True
                break
            if round_number == 0:
                outbox.requeue(missing)
                report.resent_missing += len(missing)
    return report


def _deliver(outbox: OutboxRepository, sender: _Sender, identity: SyncIdentity, batch: list[OutboxEntry],
             report: UploadReport) -> None:
    outbox.mark_sent(batch)
    body = canonical_json({"centre_id": identity.centre_id, "workstation_id": identity.workstation_id,
                           "items": [{"key": e.key, "uuid": e.uuid, "version": e.version, "digest": e.digest,
                                      "payload": e.payload} for e in batch]}).encode("utf-8")
    try:
        answer = sender.request("POST", "/api/v1/evaluations", body)
    except SyncError as exc:
        outbox.mark_failed(batch, str(exc))
        raise
    by_key = {e.key: e for e in batch}
    acknowledged, rejected = [], []
    for result in answer.get("results", []):
        entry = by_key.get(result.get("key"))
        if entry is None:
            continue
        if result.get("status") in ("stored", "duplicate"):
            acknowledged.append((entry.uuid, entry.version))
        elif result.get("status") == "rejected":
            rejected.append((entry.uuid, entry.version, result.get("reason") or "rejected"))
            report.rejected.append((entry.key, result.get("reason") or "rejected"))
    outbox.mark_acknowledged(acknowledged)
    outbox.mark_rejected(rejected)
    report.acknowledged += len(acknowledged)


def _reconcile(outbox: OutboxRepository, sender: _Sender, identity: SyncIdentity) -> list[tuple[str, int]]:
    """The count-and-hash check; only when it disagrees is the receiver's key list fetched."""
    local = [(e.uuid, e.version, e.digest) for e in outbox.entries(("acknowledged",))]
    query = f"?workstation_id={identity.workstation_id}"
    summary = sender.request("GET", f"/api/v1/inventory{query}")
    if summary.get("count") == len(local) and summary.get("digest") == inventory_digest(local):
        return []
    remote = {tuple(k) for k in sender.request("GET", f"/api/v1/inventory/keys{query}").get("keys", [])}
    return [(u, v) for u, v, d in local if (u, v, d) not in remote]


class _Sender:
    """One HTTP client with the retry loop; raises SyncError when a request cannot succeed."""

    def __init__(self, endpoint: str, identity: SyncIdentity, policy: RetryPolicy, cancel: threading.Event,
                 ca_file: str | None, rng: random.Random, report: UploadReport) -> None:
        self.identity, self.policy, self.cancel, self.rng, self.report = identity, policy, cancel, rng, report
        # HTTPS is always verified: against the system's CAs, or a centre's own CA file when given
        verify = ssl.create_default_context(cafile=ca_file) if ca_file else True
        self.client = httpx.Client(base_url=endpoint.rstrip("/"), verify=verify, timeout=policy.timeout_s,
                                   headers={"Authorization": f"Bearer {identity.token}"})

    def __enter__(self) -> _Sender:
        return self

    def __exit__(self, *_exc) -> None:
        self.client.close()

    def request(self, method: str, path: str, body: bytes | None = None) -> dict:
        headers = {}
        if body is not None:
            headers = {"Content-Type": "application/json", "X-Inspector-Signature": self.identity.sign(body)}
        last = ""
        for attempt in range(self.policy.attempts):
            if self.cancel.is_set():
                raise Cancelled()
            try:
                response = self.client.request(method, path, content=body, headers=headers)
            except httpx.TransportError as exc:
                last = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            else:
                if response.status_code < 300:
                    try:
                        return response.json()
                    except ValueError:
                        last = f"HTTP {response.status_code} with a body that is not JSON"
                elif response.status_code in RETRY_STATUS:
                    last = f"HTTP {response.status_code}"
                else:
                    raise SyncError(f"{self.client.base_url}{path}: refused with HTTP {response.status_code}: "
                                    f"{_detail(response)}")
            if attempt + 1 < self.policy.attempts:
                self.report.retries += 1
                if self.cancel.wait(self.policy.delay(attempt, self.rng)):
                    raise Cancelled()
        raise SyncError(f"{self.client.base_url}{path}: gave up after {self.policy.attempts} attempts ({last}); "
                        "everything not acknowledged is sent again next time")


def _detail(response: httpx.Response) -> str:
    try:
        return str(response.json().get("detail", response.text))
    except ValueError:
        return response.text[:200]
