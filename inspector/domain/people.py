"""Who uses a workstation, and in which role."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    INSPECTOR = "inspector"   # scores calls, decides on hits
    LEAD = "lead"             # a team lead: also reopens, resolves appeals, runs calibration
    ADMIN = "admin"           # manages the workstation's people and settings
    AGENT = "agent"           # a hotline agent (account id = their 工号): sees, acknowledges and appeals
                              # only their own submitted evaluations


@dataclass(frozen=True)
class User:
    id: str
    name: str
    role: str

    @property
    def is_lead(self) -> bool:
        """Leads and admins see and steer everyone's work (users.policy decides the details)."""
        return self.role in (Role.LEAD, Role.ADMIN)

    @property
    def is_agent(self) -> bool:
        return self.role == Role.AGENT
