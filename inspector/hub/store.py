"""The receiver's storage, through SQLAlchemy Core so that one code path serves the default SQLite file and
a PostgreSQL server at headquarters scale (``--db postgresql+psycopg://user@host/inspector_hub``, with the
psycopg driver installed).

Exactly-once rests on the primary key (uuid, version): a second delivery of the same version is a
duplicate whatever route it came by (upload retry, bundle, both), and a different content under the same
key is refused, never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from inspector.hub.report_rows import PayloadError, report_rows, store_report_rows
from inspector.hub.schema import upgrade
from inspector.hub.tables import centres, evaluations
from inspector.sync.protocol import inventory_digest

@dataclass(frozen=True)
class Centre:
    id: str
    name: str
    key_hex: str


def engine_for(db: str) -> Engine:
    """A file path means SQLite (WAL, like the workstation); anything with :// is an SQLAlchemy URL."""
    url = db if "://" in db else f"sqlite:///{db}"
    if "://" not in db and db != ":memory:":
        _owner_only(Path(db))
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record) -> None:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA busy_timeout=10000")
    upgrade(engine)
    return engine


def _owner_only(path: Path) -> None:
    """The file holds every centre's key: only the account running the receiver reads it (SQLite gives its
    journal files the same permissions)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)


class CentreExists(Exception):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class HubStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add_centre(self, centre_id: str, name: str, key_hex: str, token: str | None = None,
                   rotate: bool = False) -> str:
        """Returns the centre's upload token (made here unless given); only its hash is stored. An existing
        centre's key and token change only when `rotate` says so: its workstations must be set up again."""
        token = token or secrets.token_urlsafe(24)
        if not rotate and self.centre_key(centre_id) is not None:
            raise CentreExists(f"centre {centre_id} is already registered; its key and token change only with "
                               "--rotate (then every workstation of the centre needs the new ones)")
        with self.engine.begin() as conn:
            conn.execute(centres.delete().where(centres.c.id == centre_id))
            conn.execute(centres.insert().values(id=centre_id, name=name, key_hex=key_hex,
                                                 token_sha256=token_hash(token)))
        return token

    def centre_by_token(self, token: str) -> Centre | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(centres).where(centres.c.token_sha256 == token_hash(token))).first()
        return Centre(row.id, row.name, row.key_hex) if row else None

    def centre_key(self, centre_id: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(centres.c.key_hex).where(centres.c.id == centre_id)).first()
        return row.key_hex if row else None

    def receive(self, centre_id: str, workstation_id: str, uuid: str, version: int, digest: str, payload: str,
                via: str) -> tuple[str, str]:
        """("stored" | "duplicate" | "rejected", reason), committed before it returns, with the rows reports
        count (hub.report_rows) in the same transaction."""
        received_at = datetime.now(UTC).isoformat(timespec="milliseconds")
        try:
            rows = report_rows(centre_id, workstation_id, json.loads(payload), received_at)
        except (PayloadError, ValueError) as exc:
            return "rejected", str(exc)
        try:
            with self.engine.begin() as conn:
                conn.execute(evaluations.insert().values(
                    uuid=uuid, version=version, centre_id=centre_id, workstation_id=workstation_id, digest=digest,
                    payload=payload, via=via, received_at=received_at))
                store_report_rows(conn, rows)
            return "stored", ""
        except IntegrityError:
            with self.engine.connect() as conn:
                row = conn.execute(select(evaluations.c.digest, evaluations.c.centre_id).where(
                    (evaluations.c.uuid == uuid) & (evaluations.c.version == version))).first()
            if row is not None and row.digest == digest and row.centre_id == centre_id:
                return "duplicate", ""
            return "rejected", f"evaluation {uuid} version {version} already arrived with different content"

    def inventory(self, centre_id: str, workstation_id: str) -> list[tuple[str, int, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(evaluations.c.uuid, evaluations.c.version, evaluations.c.digest).where(
                (evaluations.c.centre_id == centre_id) & (evaluations.c.workstation_id == workstation_id)))
            return [(r.uuid, r.version, r.digest) for r in rows]

    def summary(self, centre_id: str, workstation_id: str) -> dict:
        keys = self.inventory(centre_id, workstation_id)
        return {"count": len(keys), "digest": inventory_digest(keys)}

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(evaluations)).scalar_one()
