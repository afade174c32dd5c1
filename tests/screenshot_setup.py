"""The one set-up every screenshot shares: a demo workstation with a day's realistic work in it, the application in
a language, its windows as the people open them, grabbing the real (Xvfb) screen, and — on the test side — an Xvfb
screen of a given size and the run of a screenshot script on it.

The scripts (tests/screenshot_*.py) run as separate processes on an Xvfb screen; the tests start them through
:func:`run_script` and check what they print and the PNGs they write to artifacts/screenshots/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

from inspector.domain.people import User
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.resources import demo_folder
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Comment, Deduction, Evaluation, ItemState
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.transcripts import TranscriptRepository
from inspector.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
LEAD = User("9001", "张组长", "lead")
INSPECTOR = User("1001", "李质检", "inspector")
SECOND = User("1002", "王敏", "inspector")
AGENT = User("2639", "陈静", "agent")
CALIBRATION_TITLE = "十一月校准"              # a lead's own words: data in a window's title, in either language


# -- the workstation ------------------------------------------------------------------------------------------
def imported(workspace: Workspace):
    """The demo's six calls imported into a fresh workspace; the open database."""
    db = open_database(workspace.database)
    run_import(demo_folder(), CallRepository(db), TranscriptRepository(db))
    return db


def checked(workspace: Workspace, *, categorised: bool = False, autoscored: bool = False) -> None:
    """The demo imported and checked by the rule pack (as a workstation has it after the nightly batch)."""
    from inspector.findings.checking import check_all
    from inspector.scoring.defaults import default_pack

    db = imported(workspace)
    drain(check_all(db, workspace, default_pack()))
    if categorised:
        from inspector.categories.pack import default_category_pack
        from inspector.findings.categorizing import categorize_all
        from inspector.findings.emotions import measure_all
        drain(categorize_all(db, default_category_pack()))
        drain(measure_all(db))
    if autoscored:
        from inspector.findings.autoscoring import autoscore_all
        drain(autoscore_all(db, default_card(), default_pack()))
    db.close()


def working_day(workspace: Workspace, model: Path | None = None) -> None:
    """A centre mid-week: the demo checked, categorised and scored automatically; accounts for a lead, two
    inspectors and an agent; a drawn sample in 1001's queue; a confirmed R04 red line on S4 evaluated by both
    inspectors, 1002's appealed by the agent (B2); S2 evaluated (A1); three months of 李娜's (3257) history around a
    coaching session; a revealed calibration session of three inspectors; ``model``, the Mandarin model the set-up
    installed, in the workspace's models folder (as `inspector models install-default` puts it)."""
    from inspector.calibration.sessions import CalibrationService, new_session
    from inspector.review import appeals
    from inspector.review.coaching import CoachingService
    from inspector.review.queue import SamplingPlan, draw
    from inspector.scoring.score import prefill
    from inspector.store.calibration import CalibrationRepository
    from inspector.store.evaluations import EvaluationRepository
    from inspector.store.hits import HitRepository
    from inspector.store.users import UserRepository

    checked(workspace, categorised=True, autoscored=True)
    if model is not None:
        (workspace.root / "models").mkdir(exist_ok=True)
        (workspace.root / "models" / model.name).symlink_to(model)
    db = open_database(workspace.database)
    users = UserRepository(db)
    users.create_first_lead(LEAD.id, LEAD.name, "lead-pass-9001")
    for person, password in ((INSPECTOR, "pass-1001x"), (SECOND, "pass-1002x"), (AGENT, "agent-pass-1")):
        users.add(LEAD, person.id, person.name, person.role, password, must_change_password=False)
    users.add(LEAD, "1003", "周严", "inspector", "pass-1003x", must_change_password=False)
    by_ref = {c.call_ref: c for c in CallRepository(db).page(limit=10)}
    draw(db, SamplingPlan(fatal=True, per_agent=1, assignees=(INSPECTOR.id,), due_days=3, seed=4), LEAD)
    hits = HitRepository(db)
    s4 = by_ref["S4"].id
    hits.decide(s4, next(h for h in hits.for_call(s4) if h.rule == "R04"), "confirmed", "未经二次确认即办理",
                INSPECTOR.id)
    card = default_card()
    repo = EvaluationRepository(db, card)

    def submitted(evaluation: Evaluation, who: str) -> Evaluation:
        repo.save(evaluation, who)
        repo.submit(evaluation.uuid, who)
        return evaluation

    for who, comment in ((INSPECTOR.id, "推荐业务前先确认客户意愿"), (SECOND.id, "语速偏快")):
        evaluation = prefill(card, Evaluation(str(uuid.uuid4()), s4, who, card.id, card.version),
                             hits.for_call(s4), hits.decisions(s4), who)
        evaluation = evaluation.with_item(ItemState("B2", (Deduction(2.0, "解释业务资费不清楚", who),)))
        second = submitted(Evaluation(**{**evaluation.__dict__, "comments": (Comment(27.0, 42.0, comment, who),)}),
                           who)
    appeals.file_appeal(repo, second.uuid, AGENT.id, "资费我解释过两遍，录音 00:31 可以听到", item_id="B2")
    submitted(Evaluation(str(uuid.uuid4()), by_ref["S2"].id, INSPECTOR.id, card.id, card.version).with_item(
        ItemState("A1", (Deduction(3.0, "开头语不规范", INSPECTOR.id),))), INSPECTOR.id)
    submitted(Evaluation(str(uuid.uuid4()), by_ref["S1"].id, INSPECTOR.id, card.id, card.version), INSPECTOR.id)
    for n in range(24):                 # 3257's history: C2 lost often before the coaching on 2026-10-01, seldom after
        after = n >= 12
        call_id = db["calls"].insert({"content_hash": f"hist{n}", "path": f"/hist{n}.wav", "call_ref": f"H{n:02d}",
                                      "duration_s": 60, "sample_rate": 8000, "channels": 2, "audio_format": "WAV",
                                      "status": "new", "imported_at": "now", "agent_id": "3257", "agent_name": "李娜",
                                      "started_at": f"2026-{10 if after else 9:02d}-{n % 12 + 2:02d}T10:00:00"}).last_pk
        evaluation = Evaluation(str(uuid.uuid4()), call_id, INSPECTOR.id, card.id, card.version)
        if (n % 12) < (2 if after else 9):
            evaluation = evaluation.with_item(ItemState("C2", (Deduction(2.0, "未先安抚客户情绪", INSPECTOR.id),)))
        submitted(evaluation, INSPECTOR.id)
    voice_of_the_customer(db, by_ref)
    CoachingService(db, card).add(LEAD, "3257", ["C2", "A2"], "先安抚情绪再解释业务；每周复听两通", "2026-10-20",
                                  held_on="2026-10-01")
    service = CalibrationService(CalibrationRepository(db), repo)
    demo_ids = sorted(c.id for c in by_ref.values())
    session = CalibrationRepository(db).add(new_session(CALIBRATION_TITLE, demo_ids[:3], ["1001", "1002", "1003"], card,
                                                        LEAD, LEAD.id, False))
    plans = {LEAD.id: ({"A1": 2}, {"B1": 2}, {"C2": 3}), "1001": ({"A1": 2}, {}, {"C2": 3}),
             "1002": ({}, {}, {}), "1003": ({"A1": 5, "C2": 6}, {"B1": 5, "D2": 2}, {"C2": 8, "A3": 3})}
    for who, plan in plans.items():
        for call_id, deductions in zip(session.call_ids, plan):
            evaluation = service.evaluation_for(session, call_id, who)
            for item, points in deductions.items():
                evaluation = evaluation.with_item(ItemState(item, (Deduction(points, "校准扣分", who),)))
            service.submit(session, service.save(session, evaluation, who).uuid, who)
    service.reveal(session, LEAD)
    db.close()


def voice_of_the_customer(db, by_ref: dict) -> None:
    """What the Voice of the customer views read beyond the demo's own week: the October history calls said what
    S1's caller said (an ordinary enquiry), so this week's complaint words stand out; two callers rang twice
    within a week (S2 then S6, S4 then S5); the post-call survey's satisfaction and resolution."""
    from inspector.transcript.io import load_transcript

    ordinary = load_transcript(demo_folder() / "S1.transcript.json")
    transcripts = TranscriptRepository(db)
    for row in db.query("SELECT id FROM calls WHERE call_ref LIKE 'H%'"):
        transcripts.save(row["id"], "imported", ordinary)
    survey = {"S1": (5, 1, "c-01"), "S2": (3, 1, "c-02"), "S3": (4, 1, "c-03"), "S4": (2, 0, "c-04"),
              "S5": (3, 1, "c-04"), "S6": (1, 0, "c-02")}
    for ref, (satisfaction, resolved, caller) in survey.items():
        db.execute("UPDATE calls SET satisfaction = ?, resolved = ?, caller_hash = ? WHERE id = ?",
                   [satisfaction, resolved, caller, by_ref[ref].id])
    db.conn.commit()


# -- the application on the screen ------------------------------------------------------------------------------
def application(language: str):
    """The QApplication in ``language`` (Qt's own dialogs included), as ``inspector gui`` starts it."""
    from PySide6.QtWidgets import QApplication

    from inspector.ui.i18n import install_translators

    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    return app


def main_window(workspace: Workspace, language: str, user: User = INSPECTOR, show: bool = True):
    """The main window as the log-in opens it for ``user`` (no sound-server check: Xvfb has none)."""
    from inspector.settings import Settings
    from inspector.ui.main_window import MainWindow

    window = MainWindow(workspace, Settings(language=language), check_playback=False, user=user)
    if show:
        window.show()
    return window


def select_call(window, ref: str) -> None:
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == ref))


def grab_screen(app, path: Path, width: int | None = None, height: int | None = None) -> None:
    """The real screen (or its top-left ``width``×``height``): windows, their frames and their dialogs."""
    if width is None:
        app.primaryScreen().grabWindow(0).save(str(path))
    else:
        app.primaryScreen().grabWindow(0, 0, 0, width, height).save(str(path))


def outside_screen(app) -> list[str]:
    """The shown windows that reach past the screen's available area."""
    area = app.primaryScreen().availableGeometry()
    return [f"{type(w).__name__} {w.frameGeometry().getRect()}" for w in app.topLevelWidgets()
            if w.isVisible() and w.isWindow() and not area.contains(w.frameGeometry())]


# -- the test side ---------------------------------------------------------------------------------------------------
@contextmanager
def xvfb_screen(width: int, height: int):
    """A real X screen of this size for the duration; skipped where Xvfb is not installed (a failure in CI)."""
    import pytest

    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing in CI (scripts/install.sh installs it)")
        pytest.skip("Xvfb is not installed (run scripts/install.sh)")
    # Xvfb picks a free display itself and writes its number to the pipe once it listens: a number chosen here
    # could be taken by another run's (or another test worker's) screen, and the test would draw on that one
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()         # empty if Xvfb died before listening
    assert number.isdigit(), f"Xvfb did not start (exit status {proc.poll()})"
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=5)


def run_script(display: str, script: str, data: Path, *args: str, timeout: int = 300) -> dict:
    """Runs tests/<script> on the display with (SHOTS, data, *args); the JSON of its last printed line."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / script), str(SHOTS), str(data), *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}


def assert_painted(name: str, width: int, height: int, colours: int = 12) -> None:
    """The PNG has the screen's size and is painted (a blank or unpainted window has 1–3 colours)."""
    from PySide6.QtGui import QImage

    image = QImage(str(SHOTS / name))
    assert (image.width(), image.height()) == (width, height), name
    seen = {image.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 29)}
    assert len(seen) > colours, f"{name} looks blank"
