"""Bad arguments and pipes on the command line (issue #26, causes 9, 11 and 12): every number and date is
range-checked with a message, a closed pipe ends quietly, and samples go only to people who can review."""

import subprocess
import sys

import pytest

from inspector.domain.people import User
from inspector.review.queue import PlanError, SamplingPlan, draw
from inspector.store.database import open_database
from inspector.store.users import UserRepository
from tests.conftest import ROOT

SAMPLER = User("9001", "张组长", "lead")     # the lead who draws samples

PASSWORD = "secret-9001\n"


def _cli(ws, *args, stdin=PASSWORD):
    return subprocess.run([sys.executable, "-m", "inspector", "--data-dir", str(ws), *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin, timeout=180)


@pytest.fixture
def centre(demo_copy, tmp_path):
    ws = tmp_path / "ws"
    assert _cli(ws, "import", str(demo_copy)).returncode == 0
    db = open_database(ws / "inspector.sqlite3")
    users = UserRepository(db)
    users.create_first_lead("9001", "张组长", "secret-9001")
    users.add(users.get("9001"), "1001", "李质检", "inspector", "start-1001", must_change_password=False)
    users.add(users.get("9001"), "1002", "王质检", "inspector", "start-1002", must_change_password=False)
    users.set_active(users.get("9001"), "1002", False)
    db.close()
    return ws


LEAD = ("--user", "9001", "--password-stdin")


@pytest.mark.parametrize("args, named", [
    (("sample", "--percent", "50", "--due-days", "99999999999", *LEAD), "--due-days"),
    (("sample", "--percent", "50", "--due-days", "-5", *LEAD), "--due-days"),
    (("sample", "--percent", "nan", *LEAD), "--percent"),
    (("sample", "--percent", "50", "--min-duration", "inf", *LEAD), "--min-duration"),
    (("sample", "--percent", "50", "--from", "0001-01-01", *LEAD), "--from"),
    (("topics", "--week-ending", "0001-01-01"), "--week-ending"),
    (("report", "--by", "agent", "--from", "9999-12-31"), "--from"),
    (("report", "--by", "agent", "--threshold", "nan"), "--threshold"),
    (("evaluations", "--min", "nan"), "--min"),
    (("batch", "/nonexistent", "--out", "/tmp/x", "--workers", "0"), "--workers"),
])
def test_every_argument_is_range_checked_with_a_message(centre, args, named):
    done = _cli(centre, *args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and named in done.stderr, done.stderr


def test_a_closed_pipe_ends_the_command_quietly(centre):
    done = subprocess.run(f"'{sys.executable}' -m inspector --data-dir '{centre}' calls --format json --limit 1000 "
                          "| head -c 1", shell=True, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.stdout == "[" and "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr


@pytest.mark.parametrize("assignee, why", [("7777", "no user"), ("1002", "disabled")])
def test_samples_are_assigned_only_to_active_accounts(centre, assignee, why):
    done = _cli(centre, "sample", "--percent", "100", "--assign", f"1001,{assignee}", *LEAD)
    assert done.returncode == 2 and why in done.stderr and "Traceback" not in done.stderr, done.stderr
    db = open_database(centre / "inspector.sqlite3")
    assert db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0      # nothing drawn, all still new
    with pytest.raises(PlanError, match=why):
        draw(db, SamplingPlan(percent=100, assignees=("1001", assignee)), SAMPLER)
    assert _cli(centre, "sample", "--percent", "100", "--assign", "1001", *LEAD).returncode == 0


def test_plans_refuse_values_outside_their_ranges():
    for bad in (dict(percent=float("nan")), dict(percent=50, due_days=-5), dict(percent=50, due_days=10 ** 12),
                dict(percent=50, min_duration_s=float("inf")), dict(percent=50, date_to="9999-12-31")):
        with pytest.raises(PlanError):
            SamplingPlan(**bad)
