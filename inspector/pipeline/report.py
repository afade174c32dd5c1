"""``DIR/batch-report.json``: what a run did and every recording it could not do, with the reason, so an
operator can fix those files and run again (finished calls are skipped)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from inspector.atomic_file import write_text_atomic
from inspector.audio.files import shown_path
from inspector.pipeline.plan import Plan

REPORT_NAME = "batch-report.json"
FORMAT = "inspector-batch-report"


@dataclass(frozen=True)
class Failure:
    recording: str
    reason: str


@dataclass
class BatchSummary:
    source: str
    model_id: str
    pack: str
    total: int = 0
    done: int = 0
    already_done: int = 0
    failures: list[Failure] = field(default_factory=list)
    cancelled: bool = False
    audio_s: float = 0.0
    cpu_s: float = 0.0          # in the calls' steps, summed over the workers
    wall_s: float = 0.0
    workers: int = 0

    def planned(self, plan: Plan) -> BatchSummary:
        """What is known before any call runs: the total, the calls already done, the unusable files."""
        self.total = plan.total
        self.already_done = len(plan.already_done)
        self.failures.extend(Failure(shown_path(p.path), p.reason) for p in plan.problems)
        return self

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": 1, "source": self.source, "model_id": self.model_id,
                "pack": self.pack, "total": self.total, "done": self.done, "already_done": self.already_done,
                "failed": [{"recording": f.recording, "reason": f.reason} for f in self.failures],
                "cancelled": self.cancelled, "audio_s": round(self.audio_s, 1), "wall_s": round(self.wall_s, 1),
                "cpu_s": round(self.cpu_s, 1), "workers": self.workers,
                "audio_hours_per_core_hour": round(self.audio_s / self.cpu_s, 2) if self.cpu_s else None}


def write_report(out: Path, summary: BatchSummary) -> Path:
    path = out / REPORT_NAME
    write_text_atomic(path, json.dumps(summary.to_dict(), ensure_ascii=False, indent=1) + "\n")
    return path
