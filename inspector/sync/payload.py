"""The upload payload, defined once: what a workstation freezes of each submitted evaluation version
(store/outbox.py builds it with these models) and what the headquarters receiver validates and reads
(hub/report_rows.py parses it with them). Next to the wire protocol (sync/protocol.py) and, like it, free of
the rest of Inspector, so the outbox may freeze payloads with it.

Versions (``payload_version``; a payload without one is version 1):

1. The evaluation (body, total, fatal), its call (agent, team, business type, start), the evaluation's
   audit, the call's appeals and red-line register (``redlines``, with the register's field names) and the
   customer's voice (categories, emotion, survey score, resolution). Sent by workstations up to #25; the
   receiver still takes it (tests/data/payloads/ keeps real ones). Workstations from before the red-line
   register (#15) sent no ``redlines``: each confirmed fatal item of theirs is an open case.
2. Adds the call's automatic checks: whether the call was checked (``call.checked``) and each automatic hit
   (``call.hits``: rule, name, item, severity, the production decision), so headquarters counts hits per
   100 checked calls from the same hits the centre's rule report counts; and a second kind of payload,
   the call's red-line register after a lead changed it (``payload_kind: "redline_register"``), so a case
   closed after the evaluation was submitted is closed at headquarters too. It travels like an evaluation
   version (the outbox, the (uuid, version) key, bundles): its uuid is made from the call's content hash
   and its first submitted evaluation (register_uuid), and each change is the next version.
3. Adds the agents' side (issue #29), two more kinds of payload that travel the same way:
   ``agent_answers``, an evaluation's acknowledgements and appeals as they stand after an agent or a lead
   changed them (keyed by answers_uuid of the evaluation, each change the next version), so an
   acknowledgement, a filed appeal and a rejected appeal (which makes no new evaluation version) reach
   headquarters without waiting for one; and ``coaching_session``, a coaching session as it was recorded
   (agent, coach, date, items, follow-up; random uuid, version 1). The session's agreed actions stay at the
   centre: free text about one named agent's conduct that may hold personal matters (health, family,
   discipline), and headquarters counts sessions, it does not read them. Acknowledgement comments and appeal
   texts are masked (privacy.masking) as for an agent's own view.

What the call carries of the customer is never text: no transcript, no caller number or its hash.
"""

from __future__ import annotations

import uuid as uuids
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

PAYLOAD_VERSION = 3
VERSIONS = (1, 2, 3)

__all__ = ["PAYLOAD_VERSION", "VERSIONS", "AnswersPayload", "CoachingPayload", "EvaluationPayload", "PayloadInvalid",
           "RegisterPayload", "answers_uuid", "parse_payload", "register_uuid"]


class _Part(BaseModel):
    # a newer workstation may add fields: the receiver keeps the raw payload and reads what it knows
    model_config = ConfigDict(extra="ignore", frozen=True)


class Deduction(_Part):
    points: float
    reason: str = ""
    by: str = ""
    hit_key: str | None = None          # a deduction made from a rule hit names it: "R05@12.3-14.5"


class ItemState(_Part):
    item: str
    deductions: tuple[Deduction, ...] = ()
    na: bool = False


class FatalState(_Part):
    item: str
    status: Literal["pending", "confirmed", "rejected"]
    reason: str = ""
    by: str = ""
    hit_key: str | None = None


class Comment(_Part):
    start_s: float
    end_s: float | None = None
    text: str
    by: str


class Body(_Part):
    items: tuple[ItemState, ...] = ()
    fatal: tuple[FatalState, ...] = ()
    comments: tuple[Comment, ...] = ()


class Category(_Part):
    path: str                           # "投诉/资费争议"
    confidence: float


class Emotion(_Part):
    start: str
    end: str
    worsened: bool


class RuleHit(_Part):
    """One automatic hit on the call (version 2), as the centre's rule report counts it."""

    rule: str
    name: str
    item: str | None = None
    severity: str = ""
    decision: Literal["confirmed", "rejected"] | None = None     # the production decision, if any


class Call(_Part):
    content_hash: str
    call_ref: str = ""
    agent_id: str | None = None
    agent_name: str | None = None
    team: str | None = None
    business_type: str | None = None
    started_at: str | None = None
    categories: tuple[Category, ...] = ()
    emotion: Emotion | None = None
    satisfaction: float | None = None
    resolved: bool | None = None
    checked: bool | None = None         # version 2; None: not said (version 1)
    hits: tuple[RuleHit, ...] = ()


class AuditEntry(_Part):
    version: int
    at: str
    by: str
    what: str
    old: Any = None
    new: Any = None


class Appeal(_Part):
    id: int
    version: int
    item_id: str | None = None
    agent_id: str
    text: str = ""
    status: str
    filed_at: str
    due_at: str | None = None
    resolved_by: str | None = None
    resolution: str | None = None
    resolved_at: str | None = None


class RedLineCase(_Part):
    """A case of the call's red-line register (store/redlines.py), with the register's own field names."""

    rule: str
    rule_name: str = ""
    evidence: str = ""
    start: float = 0.0
    confirmed_by: str = ""
    opened_at: str
    owner: str | None = None
    due_at: str | None = None
    status: Literal["open", "closed"]
    outcome: str | None = None
    closed_at: str | None = None


class EvaluationPayload(_Part):
    payload_kind: Literal["evaluation"] = "evaluation"
    payload_version: int = Field(1, ge=1)
    uuid: str = Field(min_length=1, max_length=36)
    version: int = Field(ge=1)
    inspector: str
    card_id: str
    card_version: str
    total: float
    fatal: bool
    body: Body
    submitted_at: str
    call: Call
    audit: tuple[AuditEntry, ...] = ()
    appeals: tuple[Appeal, ...] = ()
    redlines: tuple[RedLineCase, ...] | None = None     # None: a workstation from before the register

    def wire(self) -> dict:
        """The JSON-ready dict the outbox freezes (canonical_json of it is the payload's text)."""
        return self.model_dump(mode="json")


class RegisterCall(_Part):
    content_hash: str
    call_ref: str = ""
    agent_id: str | None = None
    agent_name: str | None = None


class RegisterPayload(_Part):
    """The call's red-line register as it stands after a lead's change (version 2)."""

    payload_kind: Literal["redline_register"]
    payload_version: int = Field(2, ge=2)
    uuid: str = Field(min_length=1, max_length=36)
    version: int = Field(ge=1)
    as_of: str                          # when the register changed (UTC)
    changed_by: str
    call: RegisterCall
    redlines: tuple[RedLineCase, ...]

    def wire(self) -> dict:
        return self.model_dump(mode="json")


def register_uuid(content_hash: str, evaluation_uuid: str) -> str:
    """The register's key at headquarters: made from the call and the first evaluation of it this workstation
    submitted (random, so no other centre or workstation makes the same key), which headquarters has too."""
    return str(uuids.uuid5(uuids.NAMESPACE_URL, f"inspector:redline-register:{content_hash}:{evaluation_uuid}"))


class Acknowledgement(_Part):
    """An agent's 确认知悉 of one version of the evaluation."""

    version: int = Field(ge=1)
    agent_id: str
    at: str
    comment: str = ""


class AnswersPayload(_Part):
    """An evaluation's acknowledgements and appeals as they stand after a change (version 3)."""

    payload_kind: Literal["agent_answers"]
    payload_version: int = Field(3, ge=3)
    uuid: str = Field(min_length=1, max_length=36)
    version: int = Field(ge=1)
    as_of: str
    changed_by: str
    evaluation_uuid: str = Field(min_length=1, max_length=36)
    call: RegisterCall
    acknowledgements: tuple[Acknowledgement, ...] = ()
    appeals: tuple[Appeal, ...] = ()

    def wire(self) -> dict:
        return self.model_dump(mode="json")


class CoachingPayload(_Part):
    """A coaching session as recorded (version 3); its agreed actions stay at the centre."""

    payload_kind: Literal["coaching_session"]
    payload_version: int = Field(3, ge=3)
    uuid: str = Field(min_length=1, max_length=36)
    version: int = Field(1, ge=1)
    agent_id: str
    coach: str
    held_on: str                        # YYYY-MM-DD
    items: tuple[str, ...]
    follow_up: str | None = None
    created_at: str

    def wire(self) -> dict:
        return self.model_dump(mode="json")


def answers_uuid(evaluation_uuid: str) -> str:
    """The key of an evaluation's answers at headquarters: one per evaluation, whichever version."""
    return str(uuids.uuid5(uuids.NAMESPACE_URL, f"inspector:agent-answers:{evaluation_uuid}"))


class PayloadInvalid(ValueError):
    """A payload the receiver cannot read: the reason names the field."""


Payload = EvaluationPayload | RegisterPayload | AnswersPayload | CoachingPayload
MODELS = {"redline_register": RegisterPayload, "agent_answers": AnswersPayload, "coaching_session": CoachingPayload}


def parse_payload(data: object) -> Payload:
    """A received payload (already decoded JSON) read as its version says; raises PayloadInvalid. A version
    newer than VERSIONS is read for what this receiver knows (its new fields wait in the stored payload),
    so a centre that upgrades first loses nothing."""
    kind = data.get("payload_kind") if isinstance(data, dict) else None
    model = MODELS.get(kind, EvaluationPayload) if isinstance(kind, str) else EvaluationPayload
    try:
        payload = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "payload"
        raise PayloadInvalid(f"the payload is not a complete evaluation: {where}: {first['msg']} "
                             f"({exc.error_count()} problem{'s' if exc.error_count() > 1 else ''})") from exc
    return payload
