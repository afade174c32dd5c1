"""Reading a ratings table for the ``stats`` command: a header row, the unit id first, one column per rater,
an empty cell for a missing rating.

Other tools write these files (spreadsheets exported as CSV, often with a BOM), so every defect is reported
with its line and column instead of becoming a silently wrong statistic.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np


class RatingsFileError(ValueError):
    """The file is not a usable ratings table; the message names the file, line and problem."""


@dataclass(frozen=True)
class RatingsTable:
    units: list[str]
    raters: list[str]
    values: np.ndarray        # units × raters, NaN where a rating is missing
    labels: list[str] | None  # category names when the file holds text categories (codes index into it)


def read_ratings(path: Path, allow_text: bool = False) -> RatingsTable:
    """Numbers are taken as they are; text categories only when `allow_text` (nominal data), coded in
    order of first appearance."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RatingsFileError(f"{path}: cannot read the ratings file ({exc})") from exc
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2 or len(rows[0]) < 3:
        raise RatingsFileError(f"{path}: needs a header row (unit, rater, rater, …) and at least one unit row "
                               "with two or more rater columns")
    header = [h.strip() for h in rows[0]]
    raters = header[1:]
    cells: list[list[str]] = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise RatingsFileError(f"{path}: line {number} has {len(row)} columns, the header has {len(header)}")
        cells.append([c.strip() for c in row[1:]])
    labels: list[str] = []
    values = np.full((len(cells), len(raters)), np.nan)
    for u, row in enumerate(cells):
        for r, cell in enumerate(row):
            if not cell:
                continue
            try:
                values[u, r] = float(cell)
            except ValueError:
                if not allow_text:
                    raise RatingsFileError(f"{path}: line {u + 2}, column {raters[r]!r}: {cell!r} is not a "
                                           "number") from None
                if cell not in labels:
                    labels.append(cell)
                values[u, r] = labels.index(cell)
    if labels and any(_is_number(c) for row in cells for c in row if c):
        raise RatingsFileError(f"{path}: mixes numbers and text categories; use one or the other")
    return RatingsTable([r[0].strip() for r in rows[1:]], raters, values, labels or None)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
