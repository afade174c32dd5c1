"""What every command handler receives: the workspace, and its database opened on first use.

Commands that never touch the workstation database (stats, hub, transcribe) never open it, so they work
on a read-only or missing workspace.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from inspector.store.database import open_database
from inspector.workspace import Workspace


@dataclass
class CliContext:
    workspace: Workspace
    _db: sqlite_utils.Database | None = field(default=None, init=False, repr=False)

    @property
    def db(self) -> sqlite_utils.Database:
        """Raises StorageError (the file named) when the database cannot be opened."""
        if self._db is None:
            self._db = open_database(self.workspace.database)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
