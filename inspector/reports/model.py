"""What a report holds: plain rows per section, computed once (compute.build_report) and then only drawn
(the Reports window, the dashboard) or written (HTML, XLSX, CSV, JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field

from inspector.reports.filters import ReportFilter


@dataclass(frozen=True, kw_only=True)
class ScoreStats:
    """Scores of a group of evaluations. pass_rate: the share at or above the threshold (fatal ones fail)."""

    calls: int
    evaluations: int
    mean: float | None
    min: float | None
    fatal: int
    pass_rate: float | None


@dataclass(frozen=True, kw_only=True)
class AutoStats:
    """The automatic score over every call of a group (auto_calls, auto_mean) and how it agrees with the
    reviewed score on the calls that have both: mean absolute difference, share within ±3 points."""

    auto_calls: int = 0
    auto_mean: float | None = None
    agreement_calls: int = 0
    agreement_mad: float | None = None
    agreement_within_3: float | None = None


@dataclass(frozen=True, kw_only=True)
class AgentRow(AutoStats, ScoreStats):
    centre_id: str             # agents and teams are their centre's ('' on a workstation)
    agent_id: str
    agent_name: str
    team: str
    worst_items: tuple[tuple[str, float], ...] = ()     # (item, points lost in all) where the agent loses most


@dataclass(frozen=True, kw_only=True)
class TeamRow(AutoStats, ScoreStats):
    centre_id: str
    team: str
    agents: int


@dataclass(frozen=True, kw_only=True)
class BusinessRow(ScoreStats):
    business_type: str


@dataclass(frozen=True, kw_only=True)
class CentreRow(ScoreStats):
    centre_id: str
    agents: int
    fatal_rate: float | None
    red_lines_open: int
    red_lines_closed: int = 0


@dataclass(frozen=True)
class InspectorRow:
    """leniency: the inspector's mean minus the mean of everyone in the report (positive: more lenient)."""

    inspector: str
    evaluations: int
    mean: float | None
    leniency: float | None
    days: int
    per_day: float


@dataclass(frozen=True)
class ItemRow:
    """mean_deduction: points lost on the item per evaluation; loss_rate: share of evaluations losing any."""

    item: str
    name: str
    kind: str                  # "item" or "fatal"
    points: float | None
    evaluations: int
    losing: int                # evaluations that lost points on it (fatal items: where it was confirmed)
    loss_rate: float | None
    mean_deduction: float | None
    total_lost: float


@dataclass(frozen=True)
class ItemGroupRow:
    by: str                    # "team" or "agent"
    centre: str
    group: str
    item: str
    evaluations: int
    losing: int
    mean_deduction: float


@dataclass(frozen=True)
class AgreementRow:
    """The automatic score against the reviewed one per card item (and "total"), on the calls with both:
    mean absolute difference, share of calls where they agree (the total within ±3 points, an item within
    0.5), and the bias (automatic minus reviewed: > 0 the machine is more lenient)."""

    item: str
    name: str
    points: float | None
    calls: int
    mad: float | None
    agree: float | None
    bias: float | None


@dataclass(frozen=True)
class RuleCount:
    """What a source counted for one rule; rejected is None where it is not known (headquarters sees only
    the confirmed hits that cost points in a submitted evaluation)."""

    rule: str
    name: str
    red_line: bool
    hits: int
    calls_with_hits: int
    confirmed: int
    rejected: int | None


@dataclass(frozen=True)
class RuleRow:
    rule: str
    name: str
    red_line: bool
    hits: int
    calls_with_hits: int
    per_100_calls: float | None
    confirmed: int
    rejected: int | None
    precision: float | None


@dataclass(frozen=True)
class RuleTrendRow:
    rule: str
    period: str
    hits: int
    calls: int
    per_100_calls: float | None


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int


@dataclass(frozen=True)
class Distribution:
    bins: tuple[Bin, ...]
    threshold: float
    below: int                 # evaluations under the threshold (fatal ones included)
    evaluations: int


@dataclass(frozen=True)
class RedLineCase:
    """A red-line case: from the register where there is one, else one per confirmed fatal-rule hit
    (see reports.red_lines)."""

    call_ref: str
    agent_id: str
    agent_name: str
    team: str
    rule: str
    name: str
    opened_on: str             # YYYY-MM-DD
    closed_on: str | None
    status: str                # "open" or "closed"
    age_days: int              # to the closing day, or to the report's day while open
    centre: str = ""


@dataclass(frozen=True)
class RedLineSummary:
    by: str                    # "rule" or "agent"
    key: str
    name: str
    open: int
    closed: int
    oldest_open_days: int | None


@dataclass(frozen=True)
class TrendPoint:
    group: str                 # agent id, centre id, or "" for everyone
    period: str                # first day of the week (or month)
    evaluations: int
    mean: float | None
    fatal: int


@dataclass(frozen=True)
class InspectorDay:
    inspector: str
    day: str
    evaluations: int


@dataclass(frozen=True)
class Basis:
    """What a report rests on: the calls and evaluations it counts (and the calls rule rates are over)."""

    calls: int
    evaluations: int
    checked_calls: int


@dataclass(frozen=True)
class Report:
    filter: ReportFilter
    threshold: float
    as_of: str
    basis: Basis
    agents: tuple[AgentRow, ...] = ()
    agent_trend: tuple[TrendPoint, ...] = ()
    teams: tuple[TeamRow, ...] = ()
    business: tuple[BusinessRow, ...] = ()
    centres: tuple[CentreRow, ...] = ()
    centre_trend: tuple[TrendPoint, ...] = ()
    centre_trend_unit: str = "week"       # week or month (long ranges)
    inspectors: tuple[InspectorRow, ...] = ()
    inspector_days: tuple[InspectorDay, ...] = ()
    items: tuple[ItemRow, ...] = ()
    item_groups: tuple[ItemGroupRow, ...] = ()
    rules: tuple[RuleRow, ...] = ()
    rule_trend: tuple[RuleTrendRow, ...] = ()
    distribution: Distribution = field(default_factory=lambda: Distribution((), 0.0, 0, 0))
    red_lines: tuple[RedLineCase, ...] = ()
    red_line_summary: tuple[RedLineSummary, ...] = ()
    agreement: tuple[AgreementRow, ...] = ()
    categories: tuple = ()                 # category_change.CategoryRow, the period's and its change
    category_periods: object = None        # category_change.CategoryPeriods of those rows


@dataclass(frozen=True)
class RuleCounts:
    """What a source counted about rule hits within the report's filter: per rule, per rule and day, and
    the calls the rates are over (per day for the trend)."""

    rules: tuple[RuleCount, ...] = ()
    by_day: tuple[tuple[str, str, int], ...] = ()      # (rule, YYYY-MM-DD, hits)
    calls_by_day: tuple[tuple[str, int], ...] = ()     # (YYYY-MM-DD, calls)
    calls: int = 0
