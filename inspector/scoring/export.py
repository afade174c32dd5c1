"""CSV export of evaluations, readable by Excel (UTF-8 with BOM in files) and written atomically."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TextIO

from inspector.atomic_file import write_text_atomic


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


def rows_to_csv(rows: list[EvaluationRow], handle: TextIO) -> None:
    writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(EvaluationRow)])
    writer.writeheader()
    for row in rows:
        writer.writerow(asdict(row))


def write_csv(rows: list[EvaluationRow], path: Path) -> None:
    text = io.StringIO(newline="")
    rows_to_csv(rows, text)
    write_text_atomic(Path(path), text.getvalue(), encoding="utf-8-sig")
