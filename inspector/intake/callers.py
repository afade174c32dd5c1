"""Callers' numbers, kept only as a keyed hash: enough to count repeat callers, useless to read back.

A plain hash of a phone number is no protection (all mobile numbers can be hashed in minutes), so the hash
is an HMAC with a secret key that lives beside the database, never in it (``caller.key`` in the workspace,
readable by its owner only). A centre that wants the same hashes on several workstations copies that file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

KEY_BYTES = 32
MIN_KEY_BYTES = 16         # a key a centre copied in may be shorter than ours, never guessably short
_NOT_DIGIT = re.compile(r"\D")


def caller_key(root: Path) -> bytes | None:
    """The workspace's key, created (owner-only) on first use. None when the file holds too little to be a
    key (emptied, cut short): with a guessable key the hashes could be reversed, so numbers are not kept."""
    path = Path(root) / "caller.key"
    if path.exists():
        return _usable(path.read_bytes())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:            # another process created it first: use theirs
        return _usable(path.read_bytes())
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def _usable(key: bytes) -> bytes | None:
    return key if len(key) >= MIN_KEY_BYTES else None


def normalized_number(number: str) -> str:
    """Digits only, without the country code: +86 138-0013-8000 and 13800138000 are one caller."""
    digits = _NOT_DIGIT.sub("", number)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 11:
            return digits[len(prefix):]
    return digits


def caller_hash(number: str, key: bytes) -> str | None:
    digits = normalized_number(number)
    if len(digits) < 5:
        return None
    return hmac.new(key, digits.encode("ascii"), hashlib.sha256).hexdigest()
