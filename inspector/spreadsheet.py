"""Values that came from outside (sidecar names, teams, business types, evidence words, call references)
written to CSV and XLSX as text, never as something a spreadsheet runs.

Excel and LibreOffice treat a CSV cell starting with = + - @ (or a tab or carriage return before one) as a
formula: ``=HYPERLINK(…)`` phones home, ``=cmd|'/c calc'!A0`` runs a program. Such a cell gets a leading
apostrophe (OWASP's advice: shown as text, and visibly marked); in a workbook every outside value is an
explicit string cell with Excel's quote prefix, so it stays text even after someone edits it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS)


def csv_text(value: Any) -> Any:
    """A CSV cell: outside text neutralised; numbers, booleans and None as they are."""
    return "'" + value if is_formula_like(value) else value


def write_csv_rows(handle: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(handle)
    writer.writerow([csv_text(h) for h in header])
    writer.writerows([csv_text(v) for v in row] for row in rows)


def write_csv_dicts(handle: TextIO, fieldnames: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    write_csv_rows(handle, fieldnames, ([row.get(name) for name in fieldnames] for row in rows))


def set_cell(cell, value: Any) -> None:
    """An openpyxl cell: a string is always a string cell (openpyxl would make "=…" a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
