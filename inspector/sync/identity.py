"""The workstation's identity towards headquarters and the centre key that signs what it sends.

The key is shared between the centre and headquarters (HMAC-SHA256), set up once; a bundle or request
whose signature does not verify under the key headquarters holds for that centre is refused there.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

import sqlite_utils

from inspector.domain.people import User
from inspector.store.clock import utc_now
from inspector.store.database import storage_errors
from inspector.sync.protocol import sign
from inspector.users.policy import Action
from inspector.users.policy import require as require_right


class SyncError(Exception):
    """Sync cannot go on; the message says what to set up or what went wrong."""


@dataclass(frozen=True)
class SyncIdentity:
    centre_id: str
    workstation_id: str
    key_hex: str
    endpoint: str | None = None
    token: str | None = None

    def sign(self, data: bytes) -> str:
        return sign(self.key_hex, data)


def set_up(db: sqlite_utils.Database, actor: User, centre_id: str, key_hex: str | None = None,
           endpoint: str | None = None, token: str | None = None) -> SyncIdentity:
    """The workstation id is made once and kept when the rest changes: headquarters counts per workstation.
    The set-up decides where every score goes: NotAllowed unless `actor` may configure uploads."""
    require_right(actor, Action.CONFIGURE_SYNC)
    if not centre_id.strip():
        raise SyncError("a centre id is needed (the id headquarters gave this centre)")
    key = key_hex or secrets.token_hex(32)
    try:
        if len(bytes.fromhex(key)) < 16:
            raise ValueError
    except ValueError:
        raise SyncError("the centre key must be at least 32 hexadecimal characters") from None
    current = load(db)
    workstation = current.workstation_id if current else str(uuid.uuid4())
    with storage_errors(db), db.atomic():
        db["sync_identity"].upsert({"id": 1, "centre_id": centre_id.strip(), "workstation_id": workstation,
                                    "key_hex": key, "endpoint": endpoint, "token": token,
                                    "created_at": utc_now()}, pk="id")
    identity = load(db)
    assert identity is not None
    return identity


def load(db: sqlite_utils.Database) -> SyncIdentity | None:
    rows = list(db.query("SELECT centre_id, workstation_id, key_hex, endpoint, token FROM sync_identity"))
    return SyncIdentity(**rows[0]) if rows else None


def require(db: sqlite_utils.Database) -> SyncIdentity:
    identity = load(db)
    if identity is None:
        raise SyncError("sync is not set up on this workstation: enter the centre id and key first "
                        "(File → Upload → Settings, or `inspector sync-setup`)")
    return identity
