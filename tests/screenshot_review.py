"""Run under Xvfb by test_screenshots.py: the Review menu's dialogs and an appeal on the scorecard.

Sets up a demo workstation with a drawn sample, a confirmed red line and an item appeal, then saves
queue_<lang>.png (as inspector 1001), appeal_<lang>.png (the scorecard) and redlines_<lang>.png (as the lead).
"""

import sys
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
from inspector.review.queue import SamplingPlan, draw
from inspector.scoring.defaults import default_card, default_pack
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.settings import Settings
from inspector.store.calls import CallRepository
from inspector.store.database import open_database
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from inspector.store.transcripts import TranscriptRepository
from inspector.store.users import UserRepository
from inspector.ui.i18n import install_translators
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.ui_windows import INSPECTOR

LEAD = User("9001", "张组长", "lead")


def prepare(workspace: Workspace) -> None:
    db = open_database(workspace.database)
    calls = CallRepository(db)
    run_import(demo_folder(), calls, TranscriptRepository(db))
    drain(check_all(db, workspace, default_pack()))
    users = UserRepository(db)                     # samples go only to real, active accounts
    users.create_first_lead(LEAD.id, LEAD.name, "lead-pass-9001")
    users.add(LEAD, INSPECTOR.id, INSPECTOR.name, "inspector", "pass-1001x")
    by_ref = {c.call_ref: c for c in calls.page(limit=10)}
    draw(db, SamplingPlan(fatal=True, per_agent=1, assignees=("1001",), due_days=3, seed=4), LEAD.id)
    hits = HitRepository(db)
    r04 = next(h for h in hits.for_call(by_ref["S4"].id) if h.rule == "R04")
    hits.decide(by_ref["S4"].id, r04, "confirmed", "未经二次确认即办理", INSPECTOR.id)
    card = default_card()
    repo = EvaluationRepository(db, card)
    evaluation = Evaluation(str(uuid.uuid4()), by_ref["S2"].id, INSPECTOR.id, card.id, card.version).with_item(
        ItemState("A1", (Deduction(3.0, "开头语不规范", INSPECTOR.id),)))
    repo.save(evaluation, INSPECTOR.id)
    repo.submit(evaluation.uuid, INSPECTOR.id)
    appeals.file_appeal(repo, evaluation.uuid, "2639", "开头语其实说了，录音开头被截断", item_id="A1")
    db.close()


def main(out: Path, data: Path, language: str) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, language)
    workspace = Workspace(data)
    prepare(workspace)
    window = MainWindow(workspace, Settings(language=language), check_playback=False, user=INSPECTOR)
    window.resize(1400, 880)
    window.show()
    queue = window.review.queue_dialog()
    queue.move(60, 60)
    queue.show()

    def shoot_queue():
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"queue_{language}.png"))
        queue.close()
        model = window.call_list.model
        window.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S2"))
        QTimer.singleShot(100, shoot_appeal)

    def shoot_appeal():
        if window.scorecard.evaluation is None or not window.scorecard.appeals:
            QTimer.singleShot(100, shoot_appeal)
            return
        window.side_tabs.setCurrentWidget(window.scorecard)
        app.processEvents()
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"appeal_{language}.png"))
        window.close()
        lead = MainWindow(workspace, Settings(language=language), check_playback=False, user=LEAD)
        lead.resize(1400, 880)
        lead.show()
        register = lead.review.redlines_dialog()
        register.move(20, 80)
        register.show()
        QTimer.singleShot(400, lambda: shoot_register(lead, register))

    def shoot_register(lead, register):
        app.primaryScreen().grabWindow(0, 0, 0, 1400, 880).save(str(out / f"redlines_{language}.png"))
        register.close()
        lead.close()
        app.quit()

    QTimer.singleShot(500, shoot_queue)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
