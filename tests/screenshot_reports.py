"""Run under Xvfb by test_ui_reports.py: the Reports window in Chinese over a few weeks of evaluations,
screenshots of the agents and the distribution tabs. Prints one JSON line of facts for the test."""

import json
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run as a script: make `tests` importable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.store.calls import CallRepository
from inspector.domain.calls import NewCall
from inspector.store.evaluations import EvaluationRepository
from inspector.ui.i18n import install_translators
from inspector.ui.reports_window import ReportsWindow
from tests.report_fixtures import fixed_workspace

AGENTS = (("1001", "张三", "一组"), ("1002", "李四", "一组"), ("2001", "王五", "二组"), ("2002", "赵六", "二组"),
          ("3001", "孙七", "三组"))


def more_evaluations(db) -> None:
    """Six weeks of calls for five agents, deductions varying by agent and week."""
    card, calls, repo = default_card(), CallRepository(db), EvaluationRepository(db, default_card())
    for week in range(6):
        for n, (agent, name, team) in enumerate(AGENTS):
            call, _ = calls.add(NewCall(call_ref=f"w{week}-{agent}", agent_id=agent, agent_name=name, team=team,
                                        business_type=("套餐", "流量", "宽带")[(week + n) % 3],
                                        started_at=f"2026-10-{1 + week * 5 + n:02d} 10:00",
                                        content_hash=f"more-{week}-{agent}", path="/x.wav", duration_s=60,
                                        sample_rate=8000, channels=2, audio_format="WAV/PCM_16"))
            inspector = ("i1", "i2", "i3")[(week + n) % 3]
            evaluation = Evaluation(str(uuid.uuid4()), call.id, inspector, card.id, card.version)
            for item, points in (("C2", (week * 3 + n * 2) % 9), ("A1", n % 3), ("B1", (week + n) % 4 * 2)):
                if points:
                    evaluation = evaluation.with_item(ItemState(item, (Deduction(points, "扣分", inspector),)))
            repo.save(evaluation, inspector)
            repo.submit(evaluation.uuid, inspector)


def main(out: Path, data: Path) -> None:
    app = QApplication(sys.argv[:1])
    install_translators(app, "zh_CN")
    fixed = fixed_workspace(data / "inspector.sqlite3")
    more_evaluations(fixed.db)
    window = ReportsWindow(data / "inspector.sqlite3", fixed.db, default_card())
    window.resize(1400, 880)
    window.move(0, 0)
    window.show()

    def shoot(step: int = 0) -> None:
        if window.report is None or window._running is not None:
            QTimer.singleShot(100, lambda: shoot(step))
            return
        if step == 0:
            window.grab().save(str(out / "reports_agents_zh_CN.png"))
            window.tabs.setCurrentIndex(4)
            QTimer.singleShot(300, lambda: shoot(1))
            return
        window.grab().save(str(out / "reports_distribution_zh_CN.png"))
        print(json.dumps({"title": window.windowTitle(), "first_tab": window.tabs.tabText(0)}, ensure_ascii=False))
        window.close()
        app.quit()

    QTimer.singleShot(500, shoot)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
