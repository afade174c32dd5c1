"""Run under Xvfb by test_screenshots.py: agents in the loop (#29).

A demo workstation where agent 2639 has two submitted evaluations of S4 (a confirmed R04 red line, a
comment); saves agent_<lang>.png (the agent's own window), agent_appeal_<lang>.png (appealing F1),
lead_appeals_<lang>.png (the lead's appeals queue), agent_upheld_<lang>.png (the agent's window after the
lead upheld it), acknowledgements_<lang>.png (who has not acknowledged) and coaching_<lang>.png (a coaching
session's before and after).
"""

import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from inspector.domain.people import User
from inspector.intake.importer import run_import
from inspector.jobs import drain
from inspector.resources import demo_folder
from inspector.review import appeals
from inspector.review.checking import check_all
from inspector.review.coaching import CoachingService
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Comment, Deduction, Evaluation, ItemState
from inspector.scoring.score import prefill
from inspector.settings import Settings
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository
from inspector.ui.agent_window import AgentWindow, AppealDialog
from inspector.ui.i18n import install_translators
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace

LEAD = User("9001", "张组长", "lead")
AGENT = User("2639", "陈静", "agent")


def prepare(workspace: Workspace) -> None:
    db = open_database(workspace.database)
    calls = CallRepository(db)
    run_import(demo_folder(), calls, TranscriptRepository(db))
    drain(check_all(db, workspace, default_pack()))
    users = UserRepository(db)
    users.create_first_lead(LEAD.id, LEAD.name, "lead-pass-1")
    users.add(LEAD, AGENT.id, AGENT.name, "agent", "agent-pass-1", must_change_password=False)
    by_ref = {c.call_ref: c for c in calls.page(limit=10)}
    hits = HitRepository(db)
    s4 = by_ref["S4"].id
    r04 = next(h for h in hits.for_call(s4) if h.rule == "R04")
    hits.decide(s4, r04, "confirmed", "未经二次确认即办理", "1001")
    card = default_card()
    repo = EvaluationRepository(db, card)
    for inspector, comment in (("1001", "推荐业务前先确认客户意愿"), ("1002", "语速偏快")):
        evaluation = prefill(card, Evaluation(str(uuid.uuid4()), s4, inspector, card.id, card.version),
                             hits.for_call(s4), hits.decisions(s4), inspector)
        evaluation = evaluation.with_item(ItemState("B2", (Deduction(2.0, "解释业务资费不清楚", inspector),)))
        evaluation = Evaluation(**{**evaluation.__dict__, "comments": (Comment(27.0, 42.0, comment, inspector),)})
        repo.save(evaluation, inspector)
        repo.submit(evaluation.uuid, inspector)
    for n in range(24):                 # 3257's history: C2 lost often before the coaching on 2026-10-01, seldom after
        after = n >= 12
        call_id = db["calls"].insert({"content_hash": f"hist{n}", "path": f"/hist{n}.wav", "call_ref": f"H{n:02d}",
                                      "duration_s": 60, "sample_rate": 8000, "channels": 2, "audio_format": "WAV",
                                      "status": "new", "imported_at": "now", "agent_id": "3257", "agent_name": "李娜",
                                      "started_at": f"2026-{10 if after else 9:02d}-{n % 12 + 2:02d}T10:00:00"}).last_pk
        evaluation = Evaluation(str(uuid.uuid4()), call_id, "1001", card.id, card.version)
        if (n % 12) < (2 if after else 9):
            evaluation = evaluation.with_item(ItemState("C2", (Deduction(2.0, "未先安抚客户情绪", "1001"),)))
        repo.save(evaluation, "1001")
        repo.submit(evaluation.uuid, "1001")
    CoachingService(db, card).add(LEAD, "3257", ["C2", "A2"], "先安抚情绪再解释业务；每周复听两通", "2026-10-20",
                                  held_on="2026-10-01")
    for ref in ("S1", "S2"):
        evaluation = Evaluation(str(uuid.uuid4()), by_ref[ref].id, "1001", card.id, card.version)
        repo.save(evaluation, "1001")
        repo.submit(evaluation.uuid, "1001")
    db.close()


def main(out: Path, data: Path, language: str) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    workspace = Workspace(data)
    prepare(workspace)
    window = AgentWindow(workspace, Settings(language=language), user=AGENT)
    window.setGeometry(0, 0, 1400, 880)
    window.show()

    def grab(name):
        app.processEvents()
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"{name}_{language}.png"))

    def shoot_agent():
        window.table.setCurrentCell(0, 0)
        deductions = window.tree.topLevelItem(0)
        window.tree.setCurrentItem(deductions.child(deductions.childCount() - 1))
        grab("agent")
        dialog = AppealDialog(window.card, window)
        dialog.item.setCurrentIndex(dialog.item.findData("F1"))
        dialog.reason.setPlainText("录音 00:40 客户说“好的，办吧”，属于明确同意，不应判定未经二次确认。")
        dialog.move(420, 260)
        dialog.show()
        QTimer.singleShot(300, lambda: shoot_appeal(dialog))

    def settle(lane):
        """Until what was asked is stored on the lane (answers are operations on it) and shown."""
        deadline = time.monotonic() + 60
        while lane.busy and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    def shoot_appeal(dialog):
        grab("agent_appeal")
        dialog.close()
        window.appeal_current("F1", dialog.reason.toPlainText())
        settle(window.lane)
        lead = MainWindow(workspace, Settings(language=language), check_playback=False, user=LEAD)
        lead.setGeometry(0, 0, 1400, 880)
        lead.show()
        queue = lead.review.appeals_dialog()
        queue.move(40, 120)
        queue.show()
        QTimer.singleShot(400, lambda: shoot_queue(lead, queue))

    def shoot_queue(lead, queue):
        grab("lead_appeals")
        queue.resolve_row(0, True, "复听 00:40 客户明确同意开通，红线撤销")
        settle(lead.lane)
        queue.close()
        lead.hide()
        window.refresh()
        window.raise_()
        QTimer.singleShot(300, lambda: shoot_upheld(lead))

    def shoot_upheld(lead):
        grab("agent_upheld")
        window.acknowledge_current("已阅，谢谢复核")
        settle(window.lane)
        lead.show()
        lead.raise_()
        dialog = lead.review.acknowledgements_dialog()
        dialog.waiting_only.setChecked(False)
        dialog.move(40, 120)
        dialog.show()
        QTimer.singleShot(400, lambda: shoot_coaching(lead, dialog))

    def shoot_coaching(lead, dialog):
        grab("acknowledgements")
        dialog.close()
        coaching = lead.review.coaching_dialog()
        coaching.move(40, 120)
        coaching.show()
        QTimer.singleShot(400, lambda: finish(lead, coaching))

    def finish(lead, dialog):
        grab("coaching")
        dialog.close()
        lead.close()
        window.close()
        app.quit()

    QTimer.singleShot(600, shoot_agent)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
