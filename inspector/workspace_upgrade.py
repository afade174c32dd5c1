"""The first start of a newer Inspector on an older workspace: a named backup of the database, then its
migrations, before anything else opens it.

An upgrade replaces the application, never the workspace; the migrations are what carry the scores across,
and a migration that went wrong in the field must be recoverable. So the database as the older version left
it is copied whole (SQLite's online backup, the WAL included) to ``backups/`` under a name that says which
schema it had, which version upgraded it and when. A newer database is left alone here: opening it is
refused by ``open_database`` itself, before anything is written.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector.store.database import SCHEMA_VERSION, open_database
from inspector.domain.errors import StorageError
from inspector.workspace import Workspace

BACKUP_FOLDER = "backups"


@dataclass(frozen=True)
class Upgrade:
    database: Path
    from_schema: int
    to_schema: int
    backup: Path

    def message(self) -> str:
        return (f"{self.database}: workspace upgraded (database schema {self.from_schema} → {self.to_schema}); "
                f"the database as it was before is kept in {self.backup}")


def stored_schema(database: Path) -> int | None:
    """The schema a database was last written with, read without writing; None when there is no database
    (or no readable one: opening it later says what is wrong)."""
    if not database.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def upgrade_workspace(workspace: Workspace, version: str, schema: int = SCHEMA_VERSION) -> Upgrade | None:
    """Back up and migrate a database of an older schema; None when there is nothing to upgrade (no
    database, a current one, or a newer one, which the caller's open_database refuses)."""
    database = workspace.database
    found = stored_schema(database)
    if found is None or found == 0 or found >= schema:
        return None
    backup = backup_path(workspace, found, version)
    backup_database(database, backup)
    open_database(database).close()
    return Upgrade(database, found, schema, backup)


def backup_path(workspace: Workspace, schema: int, version: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return workspace.root / BACKUP_FOLDER / f"inspector-schema{schema}-before-{version}-{stamp}.sqlite3"


def backup_database(database: Path, backup: Path) -> None:
    """A consistent copy in one file (no -wal beside it to lose), readable by the workstation's account only
    (like the database itself)."""
    try:
        backup.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(backup, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()
    except (OSError, sqlite3.DatabaseError) as exc:
        raise StorageError(f"{database}: not upgraded, the backup to {backup} failed ({exc}); "
                           "nothing was changed") from exc
