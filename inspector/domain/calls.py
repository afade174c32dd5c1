"""A call as stored and listed, what an import knows of one, and what the call list filters by."""

from __future__ import annotations

from dataclasses import dataclass


SORTABLE = ("call_ref", "agent_id", "started_at", "duration_s", "status", "hit_count", "business_type",
            "auto_score")                     # the call list's columns that sort (store.calls.SORT_KEYS)
CALL_STATUSES = ("new", "assigned", "in_review", "reviewed", "reopened", "appealed")  # derived by triggers


@dataclass(frozen=True, kw_only=True)
class CallMetadata:
    """What a call-centre export says about a call; every field may be missing."""

    call_ref: str | None = None
    agent_id: str | None = None
    agent_name: str | None = None
    team: str | None = None           # 班组
    started_at: str | None = None
    hotline: str | None = None
    business_type: str | None = None
    title: str | None = None
    satisfaction: float | None = None     # post-call survey score (满意度), as the centre scores it
    resolved: bool | None = None          # 是否解决
    caller_hash: str | None = None        # HMAC of the caller's number (intake.callers); never the number


@dataclass(frozen=True, kw_only=True)
class NewCall(CallMetadata):
    """What an import knows about a recording before it is in the database."""

    call_ref: str
    content_hash: str
    path: str
    duration_s: float
    sample_rate: int
    channels: int
    audio_format: str


@dataclass(frozen=True, kw_only=True)
class Call(NewCall):
    id: int = 0
    status: str = "new"
    hit_count: int = 0
    imported_at: str = ""
    auto_score: float | None = None       # the automatic score's total (scoring.auto); None: not scored


@dataclass(frozen=True)
class CallFilter:
    agent_id: str | None = None
    date_from: str | None = None      # inclusive, ISO date
    date_to: str | None = None        # inclusive, ISO date
    status: str | None = None
    has_hits: bool | None = None
    text: str = ""                    # substring of call id, agent name or business type
    category: str | None = None       # a level-1 category name or a full path ("资费争议 › 扣费不明")
    worsened: bool | None = None      # the customer's emotion worsened during the call
    auto_below: float | None = None   # the automatic score is below this mark
