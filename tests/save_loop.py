"""Child process for the crash test: saves evaluations in a loop and reports each save that returned.

Run by test_evaluations.py and bench/save.py, which kill it with SIGKILL at random moments.
"""

import os
import sys
import uuid
from pathlib import Path

from inspector.resources import resource_path
from inspector.scoring.card import load_card
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository


def main(database: Path, call_id: int) -> None:
    db = open_database(database)
    card = load_card(resource_path("scorecards", "scorecard-10086.toml"))
    repo = EvaluationRepository(db, card)
    ident = str(uuid.uuid4())
    evaluation = Evaluation(ident, call_id, "1001", card.id, card.version)
    for step in range(1, 10_000):
        deductions = tuple(Deduction(0.5, f"step {n}", "1001") for n in range(step % 7))
        evaluation = evaluation.with_item(ItemState("A6", deductions))
        repo.save(evaluation, "1001")
        print(f"{ident} {step} {len(deductions)}", flush=True)


def serve(database: Path, call_id: int) -> None:
    """With the modules imported once, fork a saving child for each line read: prints the child's pid, lets
    it report its saves on the same output, and prints ``end`` once it is dead (killed by the caller)."""
    for _ in sys.stdin:
        child = os.fork()
        if child == 0:
            main(database, call_id)
            os._exit(0)
        print(f"pid {child}", flush=True)
        os.waitpid(child, 0)
        print("end", flush=True)


if __name__ == "__main__":
    (serve if sys.argv[3:] == ["--serve"] else main)(Path(sys.argv[1]), int(sys.argv[2]))
