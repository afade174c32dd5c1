"""An imported list of call ids that must be reviewed (complaints from 10080, complaint tickets): one id per
line, or a CSV whose header has a call-id column (the same names as the metadata sidecars: call_id, 通话编号,
流水号 …). Errors name the file and what is wrong with it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from inspector.intake.metadata import ALIASES

MAX_BYTES = 50 * 1024 * 1024


class CallListError(ValueError):
    """The list cannot be read; the message names the file and the problem."""


def read_call_ids(path: Path) -> tuple[str, ...]:
    """The ids in file order, each once, blanks skipped."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CallListError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB: not a list of call ids")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CallListError(f"{path}: cannot read the list of calls ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise CallListError(f"{path}: not UTF-8 text (save the list as UTF-8 CSV)") from exc
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise CallListError(f"{path}: no call ids in the file")
    ids = _csv_ids(path, text) if "," in lines[0] or "\t" in lines[0] else [line.strip() for line in lines]
    if ids and ids[0].strip().lower() in ALIASES["call_ref"]:
        ids = ids[1:]               # a one-column list with its header
    ids = [i.strip() for i in ids if i and i.strip()]
    if not ids:
        raise CallListError(f"{path}: no call ids in the file")
    return tuple(dict.fromkeys(ids))


def _csv_ids(path: Path, text: str) -> list[str]:
    dialect = "excel-tab" if "\t" in text.splitlines()[0] else "excel"
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise CallListError(f"{path}: not a readable CSV ({exc})") from exc
    header = [h.strip().lower() for h in rows[0]]
    column = next((n for n, h in enumerate(header) if h in ALIASES["call_ref"]), None)
    if column is None:
        raise CallListError(f"{path}: no call-id column in the header (one of {', '.join(ALIASES['call_ref'])}); "
                            f"the header has: {', '.join(rows[0])}")
    return [row[column] for row in rows[1:] if len(row) > column]
