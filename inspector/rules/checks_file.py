"""``NAME.checks.json``: a call checked away from the workstation (by the centre's batch run), as a file.

It carries what is needed to trust the hits without re-checking: the recording's SHA-256 (the hits
belong to that audio only), the model that made the transcript, the rule pack and version, and what
further steps found (``findings``, with each step's version in ``step_versions``). The same file tells
a re-run that the call is already done: see ``run_key``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from inspector.bounded_read import read_text_bounded
from inspector.rules.hits import Hit

FORMAT = "inspector-checks"
FORMAT_VERSION = 1
SUFFIX = ".checks.json"
MAX_CHECKS = 64 * 1024 * 1024
_HIT_FIELDS = {f.name: f.type for f in fields(Hit)}


class ChecksFileError(ValueError):
    """A checks file that cannot be used, the file and the key named."""


@dataclass(frozen=True)
class CheckedCall:
    call_id: str
    recording: str                 # the recording's path as the batch read it
    audio_sha256: str
    duration_s: float
    model_id: str                  # the recogniser that made the transcript ("transcript:…" for a given one)
    pack_id: str
    pack_version: str
    hits: tuple[Hit, ...]
    findings: dict[str, Any] = field(default_factory=dict)
    step_versions: dict[str, str] = field(default_factory=dict)

    def run_key(self) -> tuple:
        """Equal keys mean the same work on the same audio: a re-run skips the call."""
        return (self.audio_sha256, self.model_id, self.pack_id, self.pack_version,
                tuple(sorted(self.step_versions.items())))


def to_dict(checked: CheckedCall) -> dict[str, Any]:
    return {"format": FORMAT, "version": FORMAT_VERSION, "call_id": checked.call_id,
            "recording": checked.recording, "audio_sha256": checked.audio_sha256,
            "duration_s": checked.duration_s, "model_id": checked.model_id, "pack_id": checked.pack_id,
            "pack_version": checked.pack_version, "hits": [h.to_dict() for h in checked.hits],
            "findings": checked.findings, "step_versions": checked.step_versions}


def dumps(checked: CheckedCall) -> str:
    return json.dumps(to_dict(checked), ensure_ascii=False, indent=1) + "\n"


def load_checks(path: Path) -> CheckedCall:
    try:
        data = json.loads(read_text_bounded(path, MAX_CHECKS))
    except OSError as exc:
        raise ChecksFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChecksFileError(f"{path}: not a JSON checks file ({exc})") from exc
    return from_dict(data, str(path))


def from_dict(data: Any, origin: str) -> CheckedCall:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ChecksFileError(f"{origin}: not an Inspector checks file (no \"format\": \"{FORMAT}\")")
    if data.get("version") != FORMAT_VERSION:
        raise ChecksFileError(f"{origin}: checks format version {data.get('version')!r} is not supported "
                              f"(this Inspector reads version {FORMAT_VERSION})")
    text = {key: _require(data, key, str, origin) for key in
            ("call_id", "recording", "audio_sha256", "model_id", "pack_id", "pack_version")}
    duration = _require(data, "duration_s", (int, float), origin)
    hits = tuple(_hit(raw, f"{origin}: hit {index}") for index, raw in
                 enumerate(_require(data, "hits", list, origin)))
    findings = data.get("findings", {})
    versions = data.get("step_versions", {})
    if not isinstance(findings, dict) or not isinstance(versions, dict):
        raise ChecksFileError(f"{origin}: 'findings' and 'step_versions' must be objects")
    return CheckedCall(**text, duration_s=float(duration), hits=hits, findings=findings,
                       step_versions={str(k): str(v) for k, v in versions.items()})


def _hit(raw: Any, where: str) -> Hit:
    if not isinstance(raw, dict):
        raise ChecksFileError(f"{where}: must be a JSON object")
    missing = [name for name in _HIT_FIELDS if name not in raw]
    if missing:
        raise ChecksFileError(f"{where}: missing key(s) {', '.join(missing)}")
    try:
        hit = Hit(**{name: raw[name] for name in _HIT_FIELDS})
        float(hit.start), float(hit.end), float(hit.confidence), float(hit.deduction)
    except (TypeError, ValueError) as exc:
        raise ChecksFileError(f"{where}: {exc}") from exc
    return hit


def _require(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ChecksFileError(f"{where}: key '{key}' is missing or of the wrong type")
    return value
