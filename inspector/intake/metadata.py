"""Call metadata from a sidecar CSV or JSON in the import folder, keyed by recording file name.

Exports from call-centre platforms name their columns in Chinese or English, so each field accepts the
usual aliases (工号, 坐席, 通话时间, 业务类型 …).
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from inspector.audio.files import FileProblem as SidecarProblem
from inspector.bounded_read import read_text_bounded
from inspector.audio.files import is_sidecar
from inspector.domain.messages import Message
from inspector.intake.callers import caller_hash
from inspector.domain.calls import CallMetadata
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
    "satisfaction": ("satisfaction", "survey_score", "csat", "满意度", "满意度评分", "评价"),
    "resolved": ("resolved", "solved", "是否解决", "解决情况"),
    "caller": ("caller", "caller_number", "ani", "phone", "主叫号码", "来电号码", "客户号码"),
}
MAX_SIDECAR = 256 * 1024 * 1024     # a centre's day of calls is a few MB of metadata
MAX_SATISFACTION = 100          # surveys score 1-5, 1-10 or out of 100
YES = {"1", "true", "yes", "y", "是", "已解决", "解决"}
NO = {"0", "false", "no", "n", "否", "未解决", "没解决"}


def read_sidecars(folder: Path, caller_key: bytes | None = None
                  ) -> tuple[dict[str, CallMetadata], list[SidecarProblem]]:
    """All metadata rows of the folder's CSV/JSON sidecars; transcript JSON files are not sidecars.
    Callers' numbers become keyed hashes here, with ``caller_key``; without a key they are dropped."""
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
            outcome, trouble = _outcome(fields.pop("satisfaction", None), fields.pop("resolved", None),
                                        fields.pop("caller", None), caller_key, number)
            problems.extend(SidecarProblem(path, t) for t in trouble)
            found[Path(name).name] = CallMetadata(**fields, **outcome)
    return found, problems


def _outcome(satisfaction: str | None, resolved: str | None, caller: str | None, key: bytes | None,
             row: int) -> tuple[dict, list[Message]]:
    """The outcome fields as values; a value that cannot be read is left out and said, the row still counts."""
    values: dict = {}
    trouble: list[Message] = []
    if satisfaction is not None:
        try:
            score = float(satisfaction)
        except ValueError:
            trouble.append(Message("row {number}: satisfaction {value} is not a number", number=row,
                                   value=repr(satisfaction)))
        else:       # float() also reads nan, inf and 1e308, which would poison every mean (and the JSON)
            if math.isfinite(score) and 0 <= score <= MAX_SATISFACTION:
                values["satisfaction"] = score
            else:
                trouble.append(Message("row {number}: satisfaction {value} is not a survey score from 0 to "
                                       "{maximum}", number=row, value=repr(satisfaction), maximum=MAX_SATISFACTION))
    if resolved is not None:
        answer = resolved.strip().lower()
        if answer in YES | NO:
            values["resolved"] = answer in YES
        else:
            trouble.append(Message("row {number}: resolved {value} is not yes/no (是/否, 1/0)", number=row,
                                   value=repr(resolved)))
    if caller is not None:
        hashed = caller_hash(caller, key) if key is not None else None
        if hashed is not None:
            values["caller_hash"] = hashed
        else:
            trouble.append(Message("row {number}: the caller's number was not kept (too short, or no caller key)",
                                   number=row))
    return values, trouble


def _read_rows(path: Path) -> list[dict] | None:
    if path.suffix.lower() == ".csv":
        text = read_text_bounded(path, MAX_SIDECAR).removeprefix("\ufeff")
        return list(csv.DictReader(io.StringIO(text, newline="")))
    data = json.loads(read_text_bounded(path, MAX_SIDECAR))
    own = isinstance(data, dict) and str(data.get("format", "")).startswith("inspector-")
    if is_transcript_document(data) or own:
        return None     # a transcript, or a checks file or batch report of Inspector's own
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
