"""Every action of the policy is checked by the core service that performs it, not only by the UI or the CLI
that ask in advance: a script or a forgotten dialog calling the service as an inspector gets a refusal and
the database is left exactly as it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from inspector.calibration.pack import export_pack
from inspector.calibration.sessions import new_session
from inspector.domain.people import User
from inspector.privacy.recordings import export_recording
from inspector.privacy.visibility import Visibility
from inspector.review.coaching import CoachingService
from inspector.review.feedback import FeedbackService
from inspector.review.queue import SamplingPlan, draw, save_plan
from inspector.scoring.defaults import default_card
from inspector.store.calls import CallRepository
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationFilter
from inspector.store.redlines import RedLineRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository
from inspector.sync import identity as sync_identity
from inspector.sync.bundle import export_bundle
from inspector.users.policy import Action, NotAllowed
from tests.calibration_fixtures import LEAD, Workstation, lead_session, workstation

INSPECTOR = User("1001", "李质检", "inspector")
OUTSIDER = User("1004", "赵质检", "inspector")       # takes part in no calibration session
AGENT = User("2639", "陈静", "agent")                # answers evaluations, never makes them


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Workstation:
    station = workstation(tmp_path_factory.mktemp("centre"))
    users = UserRepository(station.db)
    for user in (INSPECTOR, OUTSIDER):
        users.add(LEAD, user.id, user.name, user.role, f"pass-{user.id}x", must_change_password=False)
    sync_identity.set_up(station.db, LEAD, "GD-GZ", "ab" * 32)
    lead_session(station, participants=("1001", "1002"))
    return station


def _first_call(station: Workstation):
    return CallRepository(station.db).page(limit=1)[0]


def _dump(station: Workstation) -> list[str]:
    return list(station.db.conn.iterdump())


# What each action looks like when someone without it (an inspector; for scoring, an agent) tries it through
# the core. Actions that change something raise NotAllowed; actions that show something the inspector may not
# see return less (`withheld` says so).
REFUSED: dict[Action, Callable[[Workstation, User], object]] = {
    Action.REOPEN_EVALUATION: lambda s, u: EvaluationRepository(s.db, default_card()).reopen("any", u, "why"),
    Action.RESOLVE_APPEAL: lambda s, u: EvaluationRepository(s.db, default_card()).resolve_appeal(1, u, True, "ok"),
    Action.RUN_CALIBRATION: lambda s, u: new_session("x", s.call_ids()[:3], ["1001", "1002"], default_card(), u),
    Action.EXPORT_UNMASKED: lambda s, u: export_recording(s.db, _first_call(s), s.root / "raw.wav", u,
                                                          redacted=False),
    Action.ASSIGN_REVIEWS: lambda s, u: draw(s.db, SamplingPlan(percent=100, assignees=("1001",)), u),
    Action.MANAGE_REDLINES: lambda s, u: RedLineRepository(s.db).close(1, u, "通报批评"),
    Action.MANAGE_USERS: lambda s, u: UserRepository(s.db).add(u, "1009", "新人", "lead", "pass-1009x"),
    Action.SEE_ALL_EVALUATIONS: lambda s, u: EvaluationRepository(s.db, default_card()).search(
        u, EvaluationFilter(inspector="1002")),
    Action.CONFIGURE_SYNC: lambda s, u: sync_identity.set_up(s.db, u, "GD-SZ", endpoint="https://evil.example"),
    Action.COACH_AGENTS: lambda s, u: CoachingService(s.db, default_card()).add(u, "2639", ["C2"], "练习确认话术",
                                                                                None),
    Action.ANSWER_OWN_EVALUATIONS: lambda s, u: FeedbackService(s.db, default_card()).appeal(u, "any", "不同意"),
    Action.REVIEW_CALLS: lambda s, u: CoachingService(s.db, default_card()).mark(u, "any", "C2"),
}
REFUSED_TO = {Action.REVIEW_CALLS: AGENT}      # everyone else: OUTSIDER, an inspector


def _withheld_calibration(station: Workstation, user: User) -> bool:
    every = station.service.sessions.all()
    return bool(every) and station.service.sessions_for(user) == [] and station.service.sessions_for(LEAD) == every


def _withheld_transcript(station: Workstation, user: User) -> bool:
    call = next(c for c in CallRepository(station.db).page(limit=10) if c.call_ref == "S2")
    _source, said = TranscriptRepository(station.db).latest(call.id)
    return Visibility(station.db, user).transcript(call.id, said) != said == Visibility(station.db, LEAD).transcript(
        call.id, said)


WITHHELD: dict[Action, Callable[[Workstation, User], bool]] = {
    Action.SEE_ALL_CALIBRATION: _withheld_calibration,
    Action.SEE_ALL_TRANSCRIPTS: _withheld_transcript,
}


def test_every_action_of_the_policy_has_its_refusal_here():
    assert set(REFUSED) | set(WITHHELD) == set(Action) and not set(REFUSED) & set(WITHHELD)


@pytest.mark.parametrize("action", sorted(REFUSED, key=str), ids=lambda a: a.name)
def test_the_core_refuses_an_inspector_and_changes_nothing(centre, action):
    before = _dump(centre)
    user = REFUSED_TO.get(action, OUTSIDER)
    with pytest.raises(NotAllowed, match=f"{user.id} may not {action}"):
        REFUSED[action](centre, user)
    assert _dump(centre) == before


@pytest.mark.parametrize("action", sorted(WITHHELD, key=str), ids=lambda a: a.name)
def test_what_an_inspector_may_not_see_is_withheld_by_the_core(centre, action):
    assert WITHHELD[action](centre, OUTSIDER)


def test_an_inspector_lists_only_their_own_evaluations(centre):
    repo = EvaluationRepository(centre.db, default_card())
    assert all(row.inspector == OUTSIDER.id for row in repo.search(OUTSIDER))
    call = _first_call(centre)
    assert all(e.inspector == OUTSIDER.id for e in repo.of_call(call.id, OUTSIDER))


def test_the_other_exports_and_the_saved_plans_are_refused_too(centre, tmp_path):
    """The same actions reached by other services: a bundle (every evaluation), an unmasked calibration pack,
    a saved sampling plan, taking a red-line case."""
    before = _dump(centre)
    session = centre.service.sessions.all()[0]
    attempts = [
        lambda: export_bundle(centre.db, sync_identity.require(centre.db), tmp_path / "b.zip", OUTSIDER),
        lambda: export_pack(centre.db, session, default_card(), tmp_path / "p.zip", "1001", OUTSIDER, masked=False),
        lambda: save_plan(centre.db, "每周红线", SamplingPlan(fatal=True), OUTSIDER),
        lambda: RedLineRepository(centre.db).assign(1, OUTSIDER, "2026-12-31"),
    ]
    for attempt in attempts:
        with pytest.raises(NotAllowed):
            attempt()
    assert _dump(centre) == before and not list(tmp_path.iterdir())
