"""The wire format shared by the workstation and the headquarters receiver: how an evaluation version is
named, serialised, digested and signed, and how the two sides compare what they hold.

Both sides import this module and nothing else of each other, so it imports only the standard library.
"""

from __future__ import annotations

import hashlib
import hmac
import json


def idempotency_key(uuid: str, version: int) -> str:
    """What the receiver deduplicates by: one evaluation version, whichever route it arrives by."""
    return f"{uuid}:{version}"


def canonical_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest_of(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def inventory_digest(keys: list[tuple[str, int, str]]) -> str:
    """One hash over (uuid, version, digest) triples in a fixed order; both sides compute it the same way
    so a count-and-hash check needs no list exchange when everything matches."""
    lines = sorted(f"{uuid}:{version}:{digest}" for uuid, version, digest in keys)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def sign(key_hex: str, data: bytes) -> str:
    """HMAC-SHA256 under the centre key shared with headquarters."""
    return hmac.new(bytes.fromhex(key_hex), data, hashlib.sha256).hexdigest()


def signature_matches(key_hex: str, data: bytes, signature: str | None) -> bool:
    return signature is not None and hmac.compare_digest(sign(key_hex, data), signature.strip())
