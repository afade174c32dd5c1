"""One place decides who may do what; the repositories ask it, so a hidden button is not the only guard."""

import pytest

from inspector.domain.people import User
from inspector.users.policy import Action, NotAllowed, allowed, require

INSPECTOR = User("1001", "李质检", "inspector")
LEAD = User("9001", "张组长", "lead")
ADMIN = User("0001", "管理员", "admin")


AGENT = User("3257", "赵坐席", "agent")
AGENTS_OWN = {Action.ANSWER_OWN_EVALUATIONS}


def test_inspectors_may_do_none_of_the_lead_actions():
    assert {action for action in Action if allowed(INSPECTOR, action)} == {Action.REVIEW_CALLS}


def test_leads_and_admins_may_do_every_lead_action():
    assert all(allowed(LEAD, action) for action in Action if action not in AGENTS_OWN)
    assert all(allowed(ADMIN, action) for action in Action if action not in AGENTS_OWN)


def test_an_agent_may_only_answer_their_own_evaluations():
    assert {action for action in Action if allowed(AGENT, action)} == AGENTS_OWN
    assert not any(allowed(user, Action.ANSWER_OWN_EVALUATIONS) for user in (INSPECTOR, LEAD, ADMIN))
    with pytest.raises(NotAllowed, match="3257 may not score calls and decide on rule hits"):
        require(AGENT, Action.REVIEW_CALLS)


def test_an_unknown_role_or_nobody_may_do_nothing():
    assert not any(allowed(User("x", "x", "guest"), action) for action in Action)
    with pytest.raises(NotAllowed, match="nobody signed in may not reopen"):
        require(None, Action.REOPEN_EVALUATION)


def test_the_refusal_names_who_and_what():
    with pytest.raises(NotAllowed, match="1001 may not export unmasked personal numbers"):
        require(INSPECTOR, Action.EXPORT_UNMASKED)
