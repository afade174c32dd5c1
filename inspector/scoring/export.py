"""CSV export of evaluations, readable by Excel (UTF-8 with BOM in files) and written atomically."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TextIO

from inspector.atomic_file import write_text_atomic
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Evaluation
from inspector.scoring.score import score
from inspector.spreadsheet import write_csv_dicts


@dataclass(frozen=True)
class EvaluationRow:
    """One line of the evaluation list and of its CSV export."""

    uuid: str
    call_ref: str
    agent_id: str | None
    agent_name: str | None
    call_started_at: str | None
    inspector: str
    status: str
    version: int
    total: float
    fatal: bool
    card_id: str
    card_version: str
    updated_at: str
    appeal: str | None = None       # the latest appeal's state: open, upheld, rejected


ItemColumns = dict[str, float | str]


def item_columns(card: Scorecard, evaluation: Evaluation) -> ItemColumns:
    """One column per card item: the points it kept (A1 … D3), and each fatal item's state (F1 … F4:
    confirmed, pending, rejected, or empty when it never came up)."""
    result = score(card, evaluation)
    states = {f.item: f.status for f in evaluation.fatal}
    return {**{i.id: result.items[i.id] for i in card.items}, **{f.id: states.get(f.id, "") for f in card.fatal}}


def item_column_names(card: Scorecard) -> list[str]:
    return [i.id for i in card.items] + [f.id for f in card.fatal]


def rows_to_csv(rows: list[EvaluationRow], handle: TextIO, items: list[ItemColumns] | None = None,
                item_names: Sequence[str] = ()) -> None:
    """``items``, when given, holds each row's item columns (item_columns) in the order of rows, under the
    headers ``item_names``."""
    write_csv_dicts(handle, [f.name for f in fields(EvaluationRow)] + list(item_names),
                    (asdict(row) | (items[n] if items else {}) for n, row in enumerate(rows)))


def write_csv(rows: list[EvaluationRow], path: Path, items: list[ItemColumns] | None = None,
              item_names: Sequence[str] = ()) -> None:
    text = io.StringIO(newline="")
    rows_to_csv(rows, text, items, item_names)
    write_text_atomic(Path(path), text.getvalue(), encoding="utf-8-sig")
