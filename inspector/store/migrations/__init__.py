"""The schema as numbered migration files; ``PRAGMA user_version`` records how many have run.

``NNNN_name.sql`` is run whole by SQLite's own parser (so a migration may create triggers), and
``NNNN_name.py`` defines ``migrate(conn)`` for steps SQL cannot express, such as reshaping stored JSON.
Either runs inside one IMMEDIATE transaction opened by the runner: a Python step must use
``conn.execute`` only, never ``executescript`` (which would commit half a migration).

Append only: a released migration is never edited, because databases in the field already ran it.
docs/schema.md describes every table; a test keeps the two in step.
"""

from __future__ import annotations

import importlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_(\w+)\.(sql|py)$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    sql: str | None = None                                      # an SQL script, or
    step: Callable[[sqlite3.Connection], None] | None = None    # a Python step

    def apply(self, conn: sqlite3.Connection) -> None:
        """Run inside the caller's transaction: the runner commits or rolls back."""
        if self.step is not None:
            self.step(conn)
            return
        # sqlite3.Connection.executescript would COMMIT the open transaction first; complete_statement lets
        # SQLite decide where each statement (a trigger body included) ends.
        pending = ""
        for line in (self.sql or "").splitlines(keepends=True):
            pending += line
            if sqlite3.complete_statement(pending):
                conn.execute(pending)
                pending = ""
        if pending.strip():
            conn.execute(pending)       # a trailing comment runs as nothing; a cut-off statement fails here


def load_migrations(package: str = __name__) -> tuple[Migration, ...]:
    """Every migration file of the package in order; a gap or a duplicate number is a packaging error."""
    found: dict[int, Migration] = {}
    for entry in resources.files(package).iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        number, name, kind = int(match[1]), match[2], match[3]
        if number in found:
            raise RuntimeError(f"two migrations numbered {number:04d}")
        if kind == "sql":
            found[number] = Migration(number, name, sql=entry.read_text(encoding="utf-8"))
        else:
            module = importlib.import_module(f"{package}.{entry.name[:-3]}")
            found[number] = Migration(number, name, step=module.migrate)
    if sorted(found) != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..{len(found)} without gaps: {sorted(found)}")
    return tuple(found[n] for n in sorted(found))


MIGRATIONS = load_migrations()
