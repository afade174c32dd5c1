"""Opening the workstation database: WAL, foreign keys, and migrations applied in one transaction each."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from inspector.store.migrations import MIGRATIONS, Migration
from inspector.domain.errors import StorageError

SCHEMA_VERSION = len(MIGRATIONS)


def open_database(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate. Raises StorageError for a newer or unreadable database."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(path)
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except (sqlite3.DatabaseError, OSError) as exc:
        raise StorageError(f"{path}: cannot open the database ({exc})") from exc
    if version > len(migrations):
        conn.close()
        raise StorageError(f"{path}: the database was written by a newer Inspector (schema {version}, "
                           f"this version knows {len(migrations)}); update Inspector to open it")
    for migration in migrations[version:]:
        _apply(conn, path, migration)
    return WorkstationDatabase(conn)


def _create_private(path: Path) -> None:
    """Scores, names and phone numbers are readable by the workstation's own account only; SQLite gives its
    -wal and -shm files the database file's mode, so they follow."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


class WorkstationDatabase(sqlite_utils.Database):
    """Write transactions begin IMMEDIATE: a deferred one that reads first cannot wait for another
    connection's write lock (SQLite answers "database is locked" at once instead of honouring the busy
    timeout), and the window, the import and the background checks each write on their own connection."""

    @contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        if self.conn.in_transaction:
            with super().atomic():          # nested: a savepoint inside the outer transaction
                yield self
            return
        with storage_errors(self):              # a read-only file or a full disk: the file named, not a traceback
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")


@contextmanager
def storage_errors(db: sqlite_utils.Database) -> Iterator[None]:
    """Turn SQLite's write failures into a StorageError that says which file and what to do; the
    transaction inside has been rolled back, so what was saved before is untouched."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        path = db.execute("PRAGMA database_list").fetchone()[2] or "the database"
        text = str(exc)
        if "full" in text:
            advice = "the disk is full: free some space and save again"
        elif "readonly" in text or "read-only" in text:
            advice = "the database is read-only: check the folder's permissions"
        else:
            advice = text
        raise StorageError(f"{path}: not saved, {advice}; nothing saved earlier was lost") from exc


def _apply(conn: sqlite3.Connection, path: Path, migration: Migration) -> None:
    try:
        conn.execute("BEGIN IMMEDIATE")
        migration.apply(conn)
        conn.execute(f"PRAGMA user_version = {migration.number}")
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StorageError(f"{path}: migration {migration.number:04d}_{migration.name} failed ({exc}); "
                           "nothing was changed") from exc
