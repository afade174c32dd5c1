"""Who may do what, decided in one place from the acting user's role.

The UI asks it to show or hide controls, the CLI after checking a password, and the core repositories
before they change anything, so a control hidden by mistake or a script cannot get around it.
"""

from __future__ import annotations

from enum import StrEnum

from inspector.domain.people import Role, User


class Action(StrEnum):
    REOPEN_EVALUATION = "reopen an evaluation"
    RESOLVE_APPEAL = "resolve an appeal"
    RUN_CALIBRATION = "run calibration sessions"
    SEE_ALL_CALIBRATION = "see every calibration session"
    EXPORT_UNMASKED = "export unmasked personal numbers"
    ASSIGN_REVIEWS = "draw samples and assign calls for review"
    MANAGE_REDLINES = "own and close red-line cases"
    MANAGE_USERS = "manage users"
    SEE_ALL_EVALUATIONS = "open every inspector's evaluations"
    CONFIGURE_SYNC = "set up or redirect uploads to headquarters"
    SEE_ALL_TRANSCRIPTS = "see personal numbers and names in every call's transcript"
    REVIEW_CALLS = "score calls and decide on rule hits"
    ANSWER_OWN_EVALUATIONS = "acknowledge or appeal their own evaluations"
    COACH_AGENTS = "record coaching sessions"


_LEAD_ACTIONS = frozenset({Action.REOPEN_EVALUATION, Action.RESOLVE_APPEAL, Action.RUN_CALIBRATION,
                           Action.SEE_ALL_CALIBRATION, Action.EXPORT_UNMASKED, Action.ASSIGN_REVIEWS,
                           Action.MANAGE_REDLINES, Action.SEE_ALL_EVALUATIONS, Action.CONFIGURE_SYNC,
                           Action.SEE_ALL_TRANSCRIPTS, Action.REVIEW_CALLS, Action.COACH_AGENTS})
_GRANTS: dict[str, frozenset[Action]] = {
    Role.INSPECTOR: frozenset({Action.REVIEW_CALLS}),
    Role.AGENT: frozenset({Action.ANSWER_OWN_EVALUATIONS}),    # nothing else: not even scoring their own calls
    Role.LEAD: _LEAD_ACTIONS | {Action.MANAGE_USERS},
    Role.ADMIN: _LEAD_ACTIONS | {Action.MANAGE_USERS},
}


class NotAllowed(Exception):
    """The acting user may not do this; the message says who and what."""


def allowed(actor: User | None, action: Action) -> bool:
    return actor is not None and action in _GRANTS.get(actor.role, frozenset())


def require(actor: User | None, action: Action) -> None:
    if not allowed(actor, action):
        who = actor.id if actor is not None else "nobody signed in"
        only = {Action.REVIEW_CALLS: "inspectors and team leads only",
                Action.ANSWER_OWN_EVALUATIONS: "agents only"}.get(action, "team leads only")
        raise NotAllowed(f"{who} may not {action} ({only})")
