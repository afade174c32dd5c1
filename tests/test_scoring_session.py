"""The scoring session: one user scoring in one scope (production or a calibration session), the same service
behind the scorecard pane and ``inspector appeals resolve``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from inspector.domain.people import User
from inspector.review.scoring import ScoringSession
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Deduction, ItemState
from inspector.store.evaluations import EvaluationRepository
from inspector.domain.evaluations import EvaluationLocked
from inspector.store.users import UserRepository
from inspector.users.policy import NotAllowed
from tests.calibration_fixtures import LEAD, lead_session, workstation
from tests.conftest import ROOT

INSPECTOR = User("1001", "李质检", "inspector")
COLLEAGUE = User("1002", "王质检", "inspector")


@pytest.fixture
def centre(tmp_path):
    station = workstation(tmp_path / "ws")
    users = UserRepository(station.db)
    for user in (INSPECTOR, COLLEAGUE):
        users.add(LEAD, user.id, user.name, user.role, f"pass-{user.id}x", must_change_password=False)
    return station


def _session(station, user, calibration=None) -> ScoringSession:
    card = default_card()
    return ScoringSession(EvaluationRepository(station.db, card), card, user, calibration)


def _deduct(evaluation, item="A1", points=2.0, who="1001"):
    return evaluation.with_item(ItemState(item, (Deduction(points, "扣分", who),)))


def test_production_scoring_save_submit_reopen_appeal_and_answer(centre):
    call_id = centre.call_ids()[0]
    mine, colleague, lead = _session(centre, INSPECTOR), _session(centre, COLLEAGUE), _session(centre, LEAD)
    blank, stored = mine.evaluation_for(call_id)
    assert not stored and blank.inspector == INSPECTOR.id and blank.session_id is None
    saved = mine.save(_deduct(blank))
    assert mine.evaluation_for(call_id) == (saved, True)
    with pytest.raises(NotAllowed, match="1002 may not edit 1001's"):
        colleague.save(_deduct(saved, points=5.0, who="1002"))
    assert colleague.others(call_id) == [] and [e.uuid for e in lead.others(call_id)] == [saved.uuid]
    submitted = mine.submit(saved)
    with pytest.raises(EvaluationLocked):
        mine.save(_deduct(submitted, points=1.0))
    with pytest.raises(NotAllowed, match="may not reopen"):
        mine.reopen(submitted.uuid, "我想改")
    reopened = lead.reopen(submitted.uuid, "复核")
    assert reopened.status == "reopened" and reopened.version == submitted.version + 1
    again = mine.submit(mine.save(_deduct(reopened, points=1.0)))
    appeal = mine.appeal(again.uuid, "2639", "开头语其实说了", item_id="A1")
    with pytest.raises(NotAllowed, match="may not resolve an appeal"):
        mine.resolve(appeal, True, "同意")
    answered = lead.resolve(appeal, True, "录音里有开头语")
    assert answered.status == "submitted" and answered.item("A1").deductions == ()


def test_a_calibration_session_scores_its_calls_in_its_own_scope(centre):
    session = lead_session(centre, participants=("1001", "1002"))
    inside, outside = session.call_ids[0], next(c for c in centre.call_ids() if c not in session.call_ids)
    mine = _session(centre, INSPECTOR, (centre.service, session))
    assert mine.calibrating(inside) and not mine.calibrating(outside)
    assert mine.decision_scope(inside) != "" and mine.decision_scope(outside) == ""
    blank, stored = mine.evaluation_for(inside)
    assert not stored and blank.session_id == session.id
    mine.submit(mine.save(_deduct(blank)))
    assert EvaluationRepository(centre.db, default_card()).for_call(inside, INSPECTOR.id) is None   # production
    assert mine.others(inside) == []                                  # blind: nobody else's score is offered
    production, stored = mine.evaluation_for(outside)                 # a call outside the session: as usual
    assert production.session_id is None and not stored
    outsider = _session(centre, User("1004", "赵质检", "inspector"), (centre.service, session))
    with pytest.raises(NotAllowed, match="does not take part"):
        outsider.may_change(inside)


def test_a_lead_answers_an_appeal_on_the_command_line(centre):
    call_id = centre.call_ids()[0]
    mine = _session(centre, INSPECTOR)
    submitted = mine.submit(mine.save(_deduct(mine.evaluation_for(call_id)[0], item="B1", points=3.0)))
    appeal = mine.appeal(submitted.uuid, "2639", "不同意扣分", item_id="B1")

    def resolve(user, password, *options):
        return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(centre.root), "appeals",
                               "resolve", str(appeal), *options, "--user", user, "--password-stdin"],
                              cwd=ROOT, capture_output=True, text=True, input=password + "\n", timeout=120)

    refused = resolve("1001", "pass-1001x", "--uphold", "--answer", "我同意我自己")
    assert refused.returncode != 0 and "may not resolve an appeal" in refused.stderr
    assert "Traceback" not in refused.stderr
    done = resolve(LEAD.id, "lead-pass", "--reject", "--answer", "扣分成立")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"appeal": appeal, "status": "rejected", "uuid": submitted.uuid,
                                       "version": submitted.version, "score": 97.0}
    missing = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(centre.root), "appeals",
                              "resolve", "999", "--reject", "--answer", "x", "--user", LEAD.id,
                              "--password-stdin"], cwd=ROOT, capture_output=True, text=True,
                             input="lead-pass\n", timeout=120)
    assert missing.returncode == 2 and "no appeal 999" in missing.stderr
