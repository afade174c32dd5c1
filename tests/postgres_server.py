"""A throwaway PostgreSQL cluster for the receiver's tests: Debian's server binaries, initdb into a temporary
folder, listening only on a Unix socket in that folder, removed at the end of the session."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """The server refuses to run as root, so as root it runs as the `postgres` system user."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
        self.data, self.socket_dir = self.root / "data", self.root / "run"
        self.socket_dir.mkdir()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
            self.root.chmod(0o755)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "inspector", "--no-sync", "-E", "UTF8",
                  "--locale=C")
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", str(self.root / "server.log"), "start", "-o",
                  f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off")

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin_dir / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def new_database(self) -> str:
        """An empty database of its own for one test; returns its SQLAlchemy URL."""
        name = f"hub_{uuid.uuid4().hex[:12]}"
        self._run("createdb", "-h", str(self.socket_dir), "-U", "inspector", name)
        return f"postgresql+psycopg://inspector@/{name}?host={self.socket_dir}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_cluster():
    bin_dir = _bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("the PostgreSQL tests must run in CI: Debian's postgresql package is not installed")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    cluster = PostgresCluster(bin_dir)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_database(request, tmp_path) -> str:
    """The receiver's database as `hub serve --db` takes it: an SQLite file, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "hub.sqlite3")
    return request.getfixturevalue("postgres_cluster").new_database()
