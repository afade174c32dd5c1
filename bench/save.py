"""Evaluation save latency (goal p99 ≤ 20 ms) and a longer kill -9 run than the test suite's.

Baseline in the same run: a bare single-row INSERT with the same durability settings (WAL,
synchronous=FULL), so the figure shows what the evaluation logic adds to the disk's own cost.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from inspector.resources import resource_path  # noqa: E402
from inspector.scoring.card import load_card  # noqa: E402
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState  # noqa: E402
from inspector.store.database import open_database  # noqa: E402
from inspector.store.evaluations import EvaluationRepository  # noqa: E402
from tests import crash_harness  # noqa: E402

SAVES = 1000
KILLS = 300


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "bench.sqlite3"
        call_id = crash_harness.prepare(database)
        db = open_database(database)
        card = load_card(resource_path("scorecards", "scorecard-10086.toml"))
        repo = EvaluationRepository(db, card)
        evaluation = Evaluation(str(uuid.uuid4()), call_id, "1001", card.id, card.version)
        latencies = []
        for step in range(SAVES):
            evaluation = evaluation.with_item(ItemState(card.items[step % len(card.items)].id,
                                                        (Deduction(1, f"step {step}", "1001"),)))
            start = time.perf_counter()
            repo.save(evaluation, "1001")
            latencies.append(time.perf_counter() - start)
        db.execute("CREATE TABLE plain (x TEXT)")
        plain = []
        for step in range(SAVES):
            start = time.perf_counter()
            with db.atomic():
                db.execute("INSERT INTO plain VALUES (?)", [str(step)])
            plain.append(time.perf_counter() - start)
        db.close()
        rng = random.Random(1)
        saves, failures = 0, 0
        start = time.perf_counter()
        for _ in range(KILLS):
            count, problems = crash_harness.one_kill(database, call_id, rng)
            saves += count
            failures += bool(problems)
        kill_s = time.perf_counter() - start
    ms = np.array(latencies) * 1000
    base = np.array(plain) * 1000
    print(f"evaluation save:    p50 {np.percentile(ms, 50):6.2f} ms  p99 {np.percentile(ms, 99):6.2f} ms "
          f"over {SAVES} saves  (goal p99 <= 20 ms)")
    print(f"plain insert:       p50 {np.percentile(base, 50):6.2f} ms  p99 {np.percentile(base, 99):6.2f} ms "
          f"(baseline, same durability) -> p99 ratio {np.percentile(ms, 99) / np.percentile(base, 99):.1f}x")
    print(f"kill -9 while saving: {KILLS} kills, {saves} reported saves, {failures} with lost or damaged data "
          f"({kill_s:.0f} s)")


if __name__ == "__main__":
    main()
