"""CSV export of evaluations, readable by Excel (UTF-8 with BOM in files) and written atomically."""

from __future__ import annotations

import csv
from dataclasses import asdict, fields
from pathlib import Path
from typing import TextIO

from inspector.store.evaluations import EvaluationRow


def rows_to_csv(rows: list[EvaluationRow], handle: TextIO) -> None:
    writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(EvaluationRow)])
    writer.writeheader()
    for row in rows:
        writer.writerow(asdict(row))


def write_csv(rows: list[EvaluationRow], path: Path) -> None:
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8-sig") as handle:
        rows_to_csv(rows, handle)
    tmp.replace(path)
