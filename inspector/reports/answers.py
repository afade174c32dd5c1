"""The agents' answers per centre (issue #29), defined once for the centre's ``inspector report --by answers``
and headquarters' ``/api/v1/reports?by=answers``: each side reads its own rows into the records below and
this module computes the figures.

- acknowledgement rate = acknowledged / due, over the submitted production evaluations in the report's scope:
  an evaluation is *due* once its current version's answer window (ANSWER_DAYS after its submission) has
  closed on ``as_of`` (domain/answer_window.py), or earlier if the agent already acknowledged it; *acknowledged* means its current
  version was (an upheld appeal makes a new version, acknowledged anew). Evaluations still inside their window
  and not yet acknowledged count neither way.
- appeals filed / upheld / rejected / open: every appeal of an evaluation in scope, by its state.
- coaching sessions: sessions held in the report's date range (any date basis) with the agent filter applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from inspector.domain.answer_window import answer_by


@dataclass(frozen=True)
class AnsweredEvaluation:
    centre: str
    submitted_at: str           # the current version's submission (UTC)
    acknowledged: bool          # the current version was acknowledged


@dataclass(frozen=True)
class AppealState:
    centre: str
    status: str                 # open, upheld, rejected


@dataclass(frozen=True)
class AnswerRow:
    centre_id: str
    evaluations: int
    due: int
    acknowledged: int
    acknowledgement_rate: float | None
    appeals_filed: int
    appeals_upheld: int
    appeals_rejected: int
    appeals_open: int
    coaching_sessions: int


def answer_rows(evaluations: Iterable[AnsweredEvaluation], appeals: Iterable[AppealState],
                sessions: Iterable[str], as_of: str) -> tuple[AnswerRow, ...]:
    """One row per centre that has anything; ``sessions`` names each coaching session's centre."""
    figures: dict[str, dict[str, int]] = {}

    def of(centre: str) -> dict[str, int]:
        return figures.setdefault(centre, dict.fromkeys(
            ("evaluations", "due", "acknowledged", "filed", "upheld", "rejected", "open", "sessions"), 0))

    for evaluation in evaluations:
        row = of(evaluation.centre)
        row["evaluations"] += 1
        if evaluation.acknowledged or answer_by(evaluation.submitted_at) < as_of:
            row["due"] += 1
            row["acknowledged"] += evaluation.acknowledged
    for appeal in appeals:
        row = of(appeal.centre)
        row["filed"] += 1
        if appeal.status in ("upheld", "rejected", "open"):
            row[appeal.status] += 1
    for centre in sessions:
        of(centre)["sessions"] += 1
    return tuple(AnswerRow(centre, f["evaluations"], f["due"], f["acknowledged"],
                           round(f["acknowledged"] / f["due"], 4) if f["due"] else None, f["filed"], f["upheld"],
                           f["rejected"], f["open"], f["sessions"]) for centre, f in sorted(figures.items()))


def answer_json(rows: Iterable[AnswerRow]) -> list[dict]:
    return [dict(vars(row)) for row in rows]
