"""Which evaluations a report rests on: the same filter for the window, the CLI and headquarters."""

from __future__ import annotations

from dataclasses import dataclass, replace
from inspector.domain.calendar import day

DATE_BASES = ("call", "evaluation")


class ReportError(ValueError):
    """A filter or export the user asked for cannot be made; the message says what is wrong."""


@dataclass(frozen=True)
class ReportFilter:
    date_from: str | None = None       # ISO date, inclusive
    date_to: str | None = None         # ISO date, inclusive
    date_basis: str = "call"           # "call": when the call took place; "evaluation": when it was submitted
    agent_id: str | None = None
    team: str | None = None
    inspector: str | None = None
    business_type: str | None = None
    category: str | None = None
    card_version: str | None = None
    centre_id: str | None = None       # headquarters only: one centre's evaluations

    def checked(self) -> ReportFilter:
        """The filter with its dates validated; raises ReportError naming the bad value."""
        if self.date_basis not in DATE_BASES:
            raise ReportError(f"date basis must be one of {', '.join(DATE_BASES)}, not {self.date_basis!r}")
        for name, value in (("from", self.date_from), ("to", self.date_to)):
            if value is not None:
                try:
                    day(value)
                except ValueError as exc:
                    raise ReportError(f"--{name}: {exc}") from None
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ReportError(f"the range {self.date_from} … {self.date_to} ends before it starts")
        blank = {name: None for name in ("agent_id", "team", "inspector", "business_type", "category",
                                         "card_version", "centre_id") if getattr(self, name) == ""}
        return replace(self, **blank) if blank else self

    def describe(self) -> str:
        """One line in Chinese for the heading of an exported report."""
        basis = "通话日期" if self.date_basis == "call" else "评估日期"
        parts = [f"{basis} {self.date_from or '…'} 至 {self.date_to or '…'}"]
        for label, value in (("中心", self.centre_id), ("坐席", self.agent_id), ("班组", self.team),
                             ("质检员", self.inspector), ("业务类型", self.business_type),
                             ("类别", self.category), ("评分表版本", self.card_version)):
            if value:
                parts.append(f"{label} {value}")
        return " · ".join(parts)
