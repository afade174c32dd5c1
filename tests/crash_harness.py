"""Kill a saving process at random moments and check that every save that had returned is on disk."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prepare(database: Path) -> int:
    """A database with one call to evaluate; returns its id."""
    from inspector.store.calls import CallRepository, NewCall
    from inspector.store.database import open_database
    db = open_database(database)
    call, _ = CallRepository(db).add(NewCall(call_ref="crash", content_hash="crash", path="/crash.wav",
                                             duration_s=60.0, sample_rate=8000, channels=2, audio_format="WAV"))
    db.close()
    return call.id


def one_kill(database: Path, call_id: int, rng: random.Random) -> tuple[int, list[str]]:
    """Run the save loop, SIGKILL it after a random time; returns (saves reported, problems found)."""
    child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "save_loop.py"), str(database), str(call_id)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    first = child.stdout.readline()            # wait for the first save, then kill at a random moment
    time.sleep(rng.uniform(0.0, 0.08))
    child.kill()
    rest, _ = child.communicate()
    reported = [line.split() for line in (first + rest).splitlines() if line.strip()]
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
