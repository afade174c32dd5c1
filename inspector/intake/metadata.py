"""Call metadata from a sidecar CSV or JSON in the import folder, keyed by recording file name.

Exports from call-centre platforms name their columns in Chinese or English, so each field accepts the
usual aliases (工号, 坐席, 通话时间, 业务类型 …).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.messages import Message
from inspector.store.calls import CallMetadata
from inspector.transcript.io import is_transcript_document

ALIASES: dict[str, tuple[str, ...]] = {
    "file": ("file", "filename", "file_name", "recording", "文件", "文件名", "录音文件"),
    "call_ref": ("call_id", "call_ref", "id", "通话id", "通话编号", "流水号"),
    "agent_id": ("agent_id", "job_number", "工号", "坐席工号"),
    "agent_name": ("agent_name", "agent", "坐席", "坐席姓名", "姓名"),
    "team": ("team", "班组", "组别"),
    "started_at": ("started_at", "time", "start_time", "datetime", "通话时间", "开始时间"),
    "hotline": ("hotline", "line", "热线", "热线号码"),
    "business_type": ("business_type", "business", "业务类型", "业务"),
    "title": ("title", "summary", "标题", "摘要"),
}


@dataclass(frozen=True)
class SidecarProblem:
    path: Path
    reason: str


def is_sidecar(path: Path) -> bool:
    return path.suffix.lower() in {".csv", ".json"}


def read_sidecars(folder: Path) -> tuple[dict[str, CallMetadata], list[SidecarProblem]]:
    """All metadata rows of the folder's CSV/JSON sidecars; transcript JSON files are not sidecars."""
    found: dict[str, CallMetadata] = {}
    problems: list[SidecarProblem] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or not is_sidecar(path) or path.name.endswith(".transcript.json"):
            continue
        try:
            rows = _read_rows(path)
        except (OSError, UnicodeDecodeError, csv.Error, json.JSONDecodeError, ValueError) as exc:
            problems.append(SidecarProblem(path, Message("metadata could not be read: {detail}", detail=str(exc))))
            continue
        if rows is None:
            continue
        for number, row in enumerate(rows, start=1):
            fields = _canonical(row)
            name = fields.pop("file", None)
            if not name:
                problems.append(SidecarProblem(path, Message("row {number} has no file name column", number=number)))
                continue
            found[Path(name).name] = CallMetadata(**fields)
    return found, problems


def _read_rows(path: Path) -> list[dict] | None:
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return list(csv.DictReader(handle))
    data = json.loads(path.read_text(encoding="utf-8"))
    if is_transcript_document(data):
        return None
    if isinstance(data, dict) and isinstance(data.get("calls"), list):
        data = data["calls"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ValueError("expected a list of call objects or {\"calls\": [...]}")
    return data


def _canonical(row: dict) -> dict[str, str]:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    fields: dict[str, str] = {}
    for name, aliases in ALIASES.items():
        for alias in aliases:
            value = lowered.get(alias)
            if value not in (None, ""):
                fields[name] = str(value).strip()
                break
    return fields
