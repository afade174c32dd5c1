"""The agent's own window and the lead's side of it (#29), against a real demo workstation: an agent sees
only their own submitted evaluations, acknowledges, appeals a fatal item, hears the moment; a lead upholds it
in the appeals queue and sees who has not acknowledged."""

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from inspector.audio.player import Player, PlayerState
from inspector.desk.desk import Desk
from inspector.review.feedback import FeedbackService
from inspector.scoring.defaults import default_card
from inspector.settings import Settings
from inspector.store.evaluations import EvaluationRepository
from inspector.store.outbox import OutboxRepository
from inspector.store.redlines import RedLineRepository
from inspector.ui.agent_window import AgentWindow
from inspector.ui.appeals_dialog import AppealsDialog
from inspector.ui.operations import DatabaseLane
from inspector.ui.acknowledgements_dialog import AcknowledgementsDialog
from inspector.ui.session import main_window
from tests.capturing_output import CapturingOutput
from tests.test_agents_loop import AGENT, LEAD, _scored, checked  # noqa: F401 - the fixture

@pytest.fixture
def workstation(checked):  # noqa: F811 - the imported fixture
    """The demo checked, with 2639's S4 scored (R04 confirmed: F1) and another agent's S1."""
    ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True)
    _scored(db, "S1")
    return ws, db, mine


def agent_window(qtbot, ws):
    window = AgentWindow(ws, Settings(language="en"), Player(lambda rate: CapturingOutput(rate, speedup=1.0)),
                         user=AGENT)
    qtbot.addWidget(window)
    window.show()
    return window


def test_signing_in_as_an_agent_opens_their_own_window(qtbot, workstation):
    ws, _db, _mine = workstation
    window = main_window(ws, Settings(language="en"), AGENT)
    qtbot.addWidget(window)
    assert isinstance(window, AgentWindow)


def test_an_agent_acknowledges_and_appeals_f1_which_a_lead_upholds(qtbot, workstation, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    ws, db, mine = workstation
    window = agent_window(qtbot, ws)
    assert window.table.rowCount() == 1 and window.table.item(0, 0).text() == "S4"     # S1 is not theirs
    assert window.table.item(0, 2).text() == "0"
    deductions = window.tree.topLevelItem(0)
    f1 = next(deductions.child(n) for n in range(deductions.childCount())
              if deductions.child(n).text(0).startswith("F1"))
    assert f1.text(1) == "fatal" and f1.text(2) == "00:26" and "开通" in f1.text(3)
    assert window.acknowledge_button.isEnabled()
    window.acknowledge_current("已阅")
    qtbot.waitUntil(lambda: not window.lane.busy)               # recorded on the database lane
    assert not window.acknowledge_button.isEnabled() and window.table.item(0, 5).text() != "not yet"
    window.appeal_current("F1", "客户回复“办吧”，已同意")
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert window.table.item(0, 6).text() == "waiting for answer"
    refused = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: refused.append(args[2]))
    window.appeal_current("F1", "再来一次")
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert "already appealed" in refused[0]                                       # one open appeal per item
    answers = [line for line in OutboxRepository(db).lines() if line.kind == "agent_answers"]
    assert answers and answers[-1].inspector == AGENT.id and answers[-1].call_ref == "S4"  # listed as her answer

    lane = DatabaseLane(ws.database)
    dialog = AppealsDialog(Desk(db), default_card(), LEAD, lane)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "F1"
    dialog.resolve_row(0, True, "复听确认客户同意")
    qtbot.waitUntil(lambda: not lane.busy)                      # answered on the database lane
    lane.shutdown()
    assert dialog.table.rowCount() == 0
    window.refresh()
    assert (window.table.item(0, 2).text(), window.table.item(0, 3).text(), window.table.item(0, 6).text()) == \
        ("100", "2", "upheld")
    assert window.table.item(0, 5).text() == "not yet"                              # version 2 is new to them
    assert RedLineRepository(db).cases()[0].outcome == "withdrawn on appeal"
    shown = window.grab()
    assert not shown.isNull()


def test_a_moment_plays_from_just_before_it(qtbot, workstation):
    ws, _db, _mine = workstation
    window = agent_window(qtbot, ws)
    deductions = window.tree.topLevelItem(0)
    row = next(deductions.child(n) for n in range(deductions.childCount()) if deductions.child(n).text(2))
    window.tree.itemDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: window.player.state == PlayerState.PLAYING, timeout=10_000)
    assert window.player.position >= window.detail.losses[0].start_s - 1.5
    window.player.stop()


def test_the_lead_sees_who_has_not_acknowledged(qtbot, workstation):
    ws, db, mine = workstation
    service = FeedbackService(db, default_card())
    dialog = AcknowledgementsDialog(service, LEAD)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.counts.text() == "0 of 2 acknowledged"
    service.acknowledge(AGENT, mine.uuid, "收到")
    dialog.refresh()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "S1"
    assert dialog.counts.text() == "1 of 2 acknowledged"
    dialog.waiting_only.setChecked(False)
    assert dialog.table.rowCount() == 2


def test_the_scorecards_appeal_form_offers_the_fatal_items(qtbot, workstation, monkeypatch):
    from inspector.ui.scorecard_pane import ScorecardPane
    offered = []

    def get_item(_parent, _title, _label, choices, *args):
        offered.extend(choices)
        return "", False
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    pane = ScorecardPane(default_card())
    qtbot.addWidget(pane)
    pane._appeal()
    assert {c.split(" ")[0] for c in offered} >= {"A1", "F1", "F2", "F3", "F4"}


def test_the_coaching_dialog_shows_before_and_after_and_records_a_session(qtbot, workstation, monkeypatch):
    from datetime import date

    from inspector.review.coaching import CoachingService
    from inspector.ui.coaching_dialog import CoachingDialog
    from tests.test_agents_loop import _history
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    ws, db, mine = workstation
    _history(db)
    service = CoachingService(db, default_card())
    service.mark(LEAD, mine.uuid, "F1", "R04@26.9-42.1", "二次确认话术")
    lane = DatabaseLane(ws.database)
    dialog = CoachingDialog(service, LEAD, lane)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and dialog.marks.rowCount() == 1
    dialog.add_session("3257", "Q9", "x", date(2026, 10, 1), None)
    qtbot.waitUntil(lambda: not lane.busy)                      # recorded on the database lane, or refused
    assert "Q9" in told[0] and dialog.table.rowCount() == 0    # refused, said why
    dialog.add_session("3257", "C2，B3", "先安抚再解释", date(2026, 10, 1), date(2026, 10, 20))
    qtbot.waitUntil(lambda: not lane.busy)
    lane.shutdown()
    rows = {dialog.table.item(r, 3).text().split(" ")[0]: r for r in range(dialog.table.rowCount())}
    c2 = rows["C2"]
    assert dialog.table.item(c2, 4).text().startswith("8/10") and dialog.table.item(c2, 5).text().startswith("1/11")  # S1 too
    assert dialog.table.item(c2, 7).text() == "improved"
    assert dialog.marks.rowCount() == 1                            # the F1 mark is 2639's, not taken up


def test_the_scorecard_marks_an_item_or_a_hit_for_coaching(qtbot, workstation, monkeypatch):
    from PySide6.QtCore import Qt
    from inspector.ui.scorecard_pane import ScorecardPane
    _ws, _db, mine = workstation
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("话术练习", True))
    pane = ScorecardPane(default_card())
    qtbot.addWidget(pane)
    pane.show_evaluation(mine)
    fatal = pane.tree.findItems("F1", Qt.MatchStartsWith | Qt.MatchRecursive, 0)[0]
    pane.tree.setCurrentItem(fatal)
    assert pane.coach_button.isEnabled()
    with qtbot.waitSignal(pane.coaching_requested) as marked:
        pane.coach_button.click()
    assert marked.args == ["F1", next(f.hit_key for f in mine.fatal if f.item == "F1"), "话术练习"]


def test_a_lead_upholds_a_whole_appeal_for_the_red_line_only(qtbot, checked, monkeypatch):  # noqa: F811
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QListWidget
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("红线不成立，B2 维持", True))
    ws, db = checked
    mine = _scored(db, "S4", confirm_fatal=True, deductions={"B2": 2.0})
    FeedbackService(db, default_card()).appeal(AGENT, mine.uuid, "请撤销红线")
    lane = DatabaseLane(ws.database)
    dialog = AppealsDialog(Desk(db), default_card(), LEAD, lane)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentCell(0, 0)
    offered = []

    def keep_b2():
        chooser = QApplication.activeModalWidget()
        if chooser is None:
            QTimer.singleShot(20, keep_b2)
            return
        choices = chooser.findChild(QListWidget)
        for n in range(choices.count()):
            offered.append(choices.item(n).data(Qt.UserRole))
            if choices.item(n).data(Qt.UserRole) == "B2":
                choices.item(n).setCheckState(Qt.Unchecked)
        chooser.accept()
    QTimer.singleShot(0, keep_b2)
    dialog._resolve(True)
    qtbot.waitUntil(lambda: not lane.busy)                      # answered on the database lane
    lane.shutdown()
    assert offered == ["B2", "F1"]
    after = EvaluationRepository(db, default_card()).get(mine.uuid)
    assert after.version == 2 and after.item("B2").deductions and not any(f.status == "confirmed" for f in after.fatal)
    assert RedLineRepository(db).cases()[0].outcome == "withdrawn on appeal"


def test_the_agents_window_comes_back_at_the_size_it_was_left(qtbot, workstation):
    """As the main window: closed at 700×500, the agent's window opens at 700×500 next time."""
    from inspector.settings import load_settings

    ws, _db, _mine = workstation
    window = agent_window(qtbot, ws)
    window.resize(700, 500)
    window.close()
    assert load_settings().window_sizes.get("AgentWindow") == [700, 500]
    again = AgentWindow(ws, load_settings(), Player(lambda rate: CapturingOutput(rate, speedup=1.0)), user=AGENT)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (700, 500)
    again.close()
