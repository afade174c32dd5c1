"""Kill a saving process at random moments and check that every save that had returned is on disk."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prepare(database: Path) -> int:
    """A database with one call to evaluate; returns its id."""
    from inspector.store.calls import CallRepository
    from inspector.domain.calls import NewCall
    from inspector.store.database import open_database
    db = open_database(database)
    call, _ = CallRepository(db).add(NewCall(call_ref="crash", content_hash="crash", path="/crash.wav",
                                             duration_s=60.0, sample_rate=8000, channels=2, audio_format="WAV"))
    db.close()
    return call.id


class SavingProcesses:
    """Runs tests/save_loop.py as a server that forks one saving child per round, so the 200 rounds of the
    test pay for Python and Inspector's imports once instead of 200 times."""

    def __init__(self, database: Path, call_id: int) -> None:
        self.database, self.call_id = database, call_id
        self.server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "save_loop.py"), str(database),
                                        str(call_id), "--serve"], cwd=ROOT, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})

    def one_kill(self, rng: random.Random) -> tuple[int, list[str]]:
        """A saving child SIGKILLed at a random moment after its first save; (saves reported, problems)."""
        self.server.stdin.write("go\n")
        self.server.stdin.flush()
        pid = int(self.server.stdout.readline().split()[1])
        first = self.server.stdout.readline()        # wait for the first save, then kill at a random moment
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        lines = [first] if first.strip() != "end" else []
        while lines and (line := self.server.stdout.readline()).strip() != "end":
            lines.append(line)
        return _check(self.database, lines)

    def close(self) -> None:
        self.server.stdin.close()
        self.server.wait(timeout=60)


def one_kill(database: Path, call_id: int, rng: random.Random) -> tuple[int, list[str]]:
    """Run the save loop, SIGKILL it after a random time; returns (saves reported, problems found)."""
    child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "save_loop.py"), str(database), str(call_id)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    first = child.stdout.readline()            # wait for the first save, then kill at a random moment
    time.sleep(rng.uniform(0.0, 0.08))
    child.kill()
    rest, _ = child.communicate()
    return _check(database, (first + rest).splitlines())


def _check(database: Path, lines: list[str]) -> tuple[int, list[str]]:
    """Every save the process reported before it died is in the database, whole."""
    reported = [line.split() for line in lines if line.strip()]
    problems: list[str] = []
    conn = sqlite3.connect(database)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        if reported:
            ident, step, deductions = reported[-1]
            row = conn.execute("SELECT body FROM evaluations WHERE uuid = ?", [ident]).fetchone()
            if row is None:
                problems.append(f"evaluation {ident} saved at step {step} is missing")
            else:
                saved = {i["item"]: len(i["deductions"]) for i in json.loads(row[0])["items"]}.get("A6", 0)
                audits = conn.execute("SELECT count(*) FROM evaluation_audit WHERE uuid = ?", [ident]).fetchone()[0]
                # the last reported save is there, or the one after it committed just before the kill
                step = int(step)
                if (audits, saved) not in ((step, int(deductions)), (step + 1, (step + 1) % 7)):
                    problems.append(f"{ident}: after {step} reported saves the database holds {audits} saves "
                                    f"with {saved} deductions")
    finally:
        conn.close()
    return len(reported), problems
