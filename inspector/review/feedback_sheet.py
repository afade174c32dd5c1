"""The printable feedback sheet (质检反馈单) for centres whose agents have no workstation: one self-contained
HTML file per agent and period, with each evaluation's score, deductions and their reasons, fatal items,
the inspector's comments, the appeals with the leads' answers, and the hit moments' audio embedded.

Nothing is loaded from outside (styles inline, audio as data: URLs), so it opens from a shared folder or a
USB stick and prints as it looks. Personal data is masked as the privacy rules say for anything leaving the
workstation: numbers in reasons, evidence and comments are masked, the clips carry a tone over every
personal span, and the export is recorded in the export audit. Only a team lead exports it.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import sqlite_utils

from inspector.atomic_file import write_bytes_atomic
from inspector.audio.errors import AudioError
from inspector.domain.people import User
from inspector.privacy.masking import mask_text
from inspector.privacy.recordings import redacted_recording
from inspector.review.feedback import FeedbackDetail, FeedbackService
from inspector.scoring.card import Scorecard
from inspector.store.calls import CallRepository
from inspector.store.export_audit import ExportAudit
from inspector.store.transcripts import TranscriptRepository
from inspector.users.policy import Action, require

CLIP_BEFORE_S = 2.0       # a clip starts a little before the moment …
CLIP_AFTER_S = 10.0       # … and runs long enough to hear the sentence and the answer
MAX_CLIPS = 8             # per evaluation: a sheet stays a few megabytes, not a recording archive


@dataclass(frozen=True)
class Sheet:
    html: str
    evaluations: int
    clips: int


def _clip(recording, start_s: float) -> str:
    """A mono 16-bit WAV (both channels mixed) of the moment, as a data: URL."""
    rate = recording.sample_rate
    first = max(0, int((start_s - CLIP_BEFORE_S) * rate))
    last = min(recording.frames, int((start_s + CLIP_AFTER_S) * rate))
    mono = np.clip(recording.samples[:, first:last].mean(axis=0), -1.0, 1.0)
    buffer = io.BytesIO()
    sf.write(buffer, mono, rate, format="WAV", subtype="PCM_16")
    return "data:audio/wav;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _masked(text: str) -> str:
    return _e(mask_text(text))


STATES = {"open": "待答复", "upheld": "申诉成立", "rejected": "申诉驳回"}
STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 0 0 6px; }
.summary { margin: 8px 0 18px; } .summary span { margin-right: 18px; }
section.evaluation { border: 1px solid #bbb; border-radius: 4px; padding: 12px 14px; margin: 0 0 16px;
  page-break-inside: avoid; }
.score { font-size: 20px; font-weight: bold; } .fatal { color: #b00020; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } table.losses tr > :nth-child(2), table.losses tr > :nth-child(3) { white-space: nowrap; }
audio { height: 28px; width: 260px; }
.sign { margin-top: 10px; font-size: 13px; } .muted { color: #666; font-size: 12px; }
@media print { audio { display: none; } body { margin: 10mm; } }
"""


def _evaluation_html(detail: FeedbackDetail, clips: dict[float, str]) -> str:
    line = detail.line
    fatal = ' <span class="fatal">触犯红线（致命项），本次得分为 0</span>' if line.fatal else ""
    rows = []
    for loss in detail.losses:
        points = '<span class="fatal">致命</span>' if loss.fatal else f"-{loss.points:g}"
        audio = (f'<audio controls preload="none" src="{clips[loss.start_s]}"></audio>'
                 if loss.start_s is not None and loss.start_s in clips else "")
        rows.append(f"<tr><td>{_e(loss.item)} {_e(loss.name)}</td><td>{points}</td><td>{_clock(loss.start_s)}</td>"
                    f"<td>{_masked(loss.reason)}</td><td>{audio}</td></tr>")
    losses = ("<table class='losses'><thead><tr><th>评分项</th><th>扣分</th><th>时间点</th><th>原因</th><th>录音</th>"
              f"</tr></thead><tbody>{''.join(rows)}</tbody></table>") if rows else "<p>本次无扣分。</p>"
    comments = "".join(f"<li>{_clock(c.start_s)} {_masked(c.text)}</li>" for c in detail.comments)
    appeals = "".join(
        f"<li>{_e(a['item_id'] or '整体评价')}：{_masked(a['text'])} — {STATES.get(a['status'], _e(a['status']))}"
        + (f"；组长答复：{_masked(a['resolution'])}" if a["resolution"] else "") + "</li>" for a in detail.appeals)
    ack = (f"已于 {_e(detail.acknowledgement['at'][:16].replace('T', ' '))} 确认知悉"
           + (f"：{_masked(detail.acknowledgement['comment'])}" if detail.acknowledgement["comment"] else "")
           if detail.acknowledgement else "坐席确认签字：__________　日期：__________")
    return (f'<section class="evaluation" data-uuid="{_e(line.uuid)}"><h2>通话 {_e(line.call)} · '
            f"{_e((line.started_at or '')[:16].replace('T', ' '))}</h2>"
            f'<div><span class="score">{line.score:g} 分</span>{fatal}'
            f' <span class="muted">第 {line.version} 版 · 质检员 {_e(line.inspector)} · '
            f"请于 {_e(line.answer_by)} 前确认或申诉</span></div>{losses}"
            + (f"<h3>质检员评语</h3><ul>{comments}</ul>" if comments else "")
            + (f"<h3>申诉</h3><ul>{appeals}</ul>" if appeals else "")
            + f'<div class="sign">{ack}</div></section>')


def build_sheet(db: sqlite_utils.Database, card: Scorecard, actor: User, agent_id: str,
                date_from: str | None = None, date_to: str | None = None) -> Sheet:
    """The sheet's HTML; raises NotAllowed for anyone but a lead."""
    require(actor, Action.SEE_ALL_EVALUATIONS)
    service = FeedbackService(db, card)
    lines = service.all_lines(actor, agent_id, date_from, date_to)
    calls, transcripts = CallRepository(db), TranscriptRepository(db)
    sections, total_clips = [], 0
    for line in lines:
        detail = service.lead_detail(actor, line.uuid)
        moments = sorted({loss.start_s for loss in detail.losses if loss.start_s is not None})[:MAX_CLIPS]
        clips: dict[float, str] = {}
        if moments:
            call = calls.get(line.call_id)
            try:
                recording = redacted_recording(Path(call.path), transcripts.every_version(call.id))
                clips = {moment: _clip(recording, moment) for moment in moments}
            except AudioError:
                clips = {}            # the sheet still says what and where; the clip is missing, not the sheet
        total_clips += len(clips)
        sections.append(_evaluation_html(detail, clips))
    name = next((line.agent_name for line in lines if line.agent_name), "") or ""
    period = f"{date_from or '最早'} 至 {date_to or '最新'}"
    mean = f"{sum(l.score for l in lines) / len(lines):.1f}" if lines else "—"
    acknowledged = sum(1 for l in lines if l.acknowledged)
    body = "".join(sections) or "<p>该时段内没有已提交的质检结果。</p>"
    page = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>质检反馈单 {_e(agent_id)}</title>'
            f"<style>{STYLE}</style></head><body><h1>质检反馈单 · {_e(name)}（工号 {_e(agent_id)}）</h1>"
            f'<div class="summary"><span>时段：{_e(period)}</span><span id="count">质检 {len(lines)} 通</span>'
            f'<span id="mean">平均分 {mean}</span><span id="acknowledged">已确认 {acknowledged} / {len(lines)}</span>'
            f"</div>{body}<p class='muted'>个人信息已按隐私规定遮蔽。如有异议，请在截止日期前向组长提出申诉。</p>"
            "</body></html>")
    return Sheet(page, len(lines), total_clips)


def export_sheet(db: sqlite_utils.Database, card: Scorecard, actor: User, agent_id: str, out: Path,
                 date_from: str | None = None, date_to: str | None = None) -> Sheet:
    """Writes the sheet atomically and records the export (masked) in the export audit."""
    sheet = build_sheet(db, card, actor, agent_id, date_from, date_to)
    write_bytes_atomic(out, sheet.html.encode("utf-8"))
    ExportAudit(db).record(actor.id, "feedback sheet", str(out), True,
                           f"agent {agent_id}, {sheet.evaluations} evaluation(s), {sheet.clips} clip(s)")
    return sheet
