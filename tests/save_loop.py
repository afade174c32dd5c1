"""Child process for the crash test: saves evaluations in a loop and reports each save that returned.

Run by test_evaluations.py and bench/save.py, which kill it with SIGKILL at random moments.
"""

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


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
