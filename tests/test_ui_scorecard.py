"""The scorecard pane in the window: prefill from decided hits, deductions, N/A, fatal review, submit."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from inspector.domain.people import User
from inspector.review.queue import SamplingPlan, draw
from inspector.rules.hits import hit_key
from inspector.scoring.defaults import default_card
from inspector.scoring.score import score
from tests.ui_windows import demo_window, lead_window

SAMPLER = User("9001", "张组长", "lead")     # the lead who draws samples


@pytest.fixture
def window(qtbot, tmp_path, demo_copy, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    win = demo_window(qtbot, tmp_path, demo_copy)
    win.told = told
    yield win
    win.close()


def _open(qtbot, win, ref):
    model = win.call_list.model
    win.call_list.select_row(next(r for r in range(6) if model.call_at(r).call_ref == ref))
    qtbot.waitUntil(lambda: win.state.call.call_ref == ref and win.scorecard.evaluation is not None,
                    timeout=10_000)


def _total(win):
    return score(win.scorecard.card, win.scorecard.evaluation).total


def test_confirmed_hits_deduct_and_rejected_ones_do_not(qtbot, window):
    _open(qtbot, window, "S6")
    assert _total(window) == 100.0 and window.scorecard.evaluation.status == "draft"
    r11 = [i for i, h in enumerate(window.state.hits) if h.rule == "R11"]
    for index in r11:
        window.state.select_hit(index)
        qtbot.keyClick(window, Qt.Key_Y)
    qtbot.waitUntil(lambda: not window.lane.busy)              # stored on the database lane
    assert _total(window) == 94.0
    assert "Total: 94" in window.scorecard.total.text()
    window.state.select_hit(r11[0])
    qtbot.keyClick(window, Qt.Key_X)
    qtbot.waitUntil(lambda: not window.lane.busy)              # stored on the database lane
    assert _total(window) == 97.0
    stored = window.scoring.repo.for_call(window.state.call.id, "1001")
    assert stored.item("D1").deductions[0].hit_key is not None


def test_fatal_hits_wait_for_review_and_block_submission(qtbot, window):
    _open(qtbot, window, "S4")
    assert [f.status for f in window.scorecard.evaluation.fatal] == ["pending"]
    assert "waiting for review" in window.scorecard.total.text()
    window.scoring.submit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert window.told and "F1" in window.told[-1]
    window.scorecard._fatal_changed("F1", "confirmed")
    qtbot.waitUntil(lambda: not window.lane.busy)
    qtbot.waitUntil(lambda: _total(window) == 0.0, timeout=3000)
    assert "fatal item confirmed" in window.scorecard.total.text()
    window.scoring.submit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert window.scorecard.evaluation.status == "submitted"
    assert not window.scorecard.deduct_button.isEnabled()


def test_a_fatal_item_decided_on_the_card_decides_its_hit_and_holds_through_a_new_check(qtbot, window):
    """Confirming F1 on the card left its hit undecided: no red-line case, and the next check of the call put
    the item back to "pending review" (a quick Submit then stored it pending and was refused)."""
    _open(qtbot, window, "S4")
    evaluation = window.scorecard.evaluation
    raised_by = next(f.hit_key for f in evaluation.fatal if f.item == "F1")
    hit = next(h for h in window.state.hits if hit_key(h) == raised_by)
    window.scorecard._fatal_changed("F1", "confirmed")
    qtbot.waitUntil(lambda: window.state.decision_for(hit) is not None)
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert window.state.decision_for(hit).decision == "confirmed"
    call_id = window.state.call.id
    assert [c.rule for c in window.desk.redlines.cases(status="open", call_id=call_id)] == [hit.rule]
    window.rules.check_current()
    qtbot.waitUntil(lambda: not window.tasks.active() and not window.lane.busy)
    assert [f.status for f in window.scorecard.evaluation.fatal] == ["confirmed"] and _total(window) == 0.0
    assert [f.status for f in window.scoring.repo.for_call(call_id, window.user.id).fatal] == ["confirmed"]


def test_manual_deduction_na_and_comment_are_saved_with_audit(qtbot, window):
    _open(qtbot, window, "S1")
    pane = window.scorecard
    pane.select("A6")
    assert pane.deduct_button.isEnabled() and not pane.na_button.isEnabled()     # A6 has no N/A
    pane.deduct("A6", 1.5, "语气生硬")
    qtbot.waitUntil(lambda: not window.lane.busy)
    pane.select("A2")
    assert pane.na_button.isEnabled()
    pane.set_na("A2", True)
    qtbot.waitUntil(lambda: not window.lane.busy)
    pane.playhead = 12.0
    pane.add_comment("此处应先核验身份", 12.0)
    qtbot.waitUntil(lambda: not window.lane.busy)
    stored = window.scoring.repo.for_call(window.state.call.id, "1001")
    assert stored.item("A6").deductions[0].reason == "语气生硬" and stored.item("A2").na
    assert stored.comments[0].start_s == 12.0
    assert _total(window) == 98.5
    whats = [a["what"] for a in window.scoring.repo.audit(stored.uuid)]
    assert whats == ["A6", "A2", "comments"]


def test_evaluations_dialog_filters_and_exports(qtbot, window, tmp_path):
    from inspector.ui.evaluations_dialog import EvaluationsDialog
    _open(qtbot, window, "S4")
    window.scorecard._fatal_changed("F1", "confirmed")
    qtbot.waitUntil(lambda: not window.lane.busy)
    qtbot.waitUntil(lambda: _total(window) == 0.0, timeout=3000)
    window.scoring.submit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    _open(qtbot, window, "S1")
    window.scorecard.add_comment("开场白完整", 1.0)          # a first change: S1's draft starts here
    qtbot.waitUntil(lambda: not window.lane.busy)
    dialog = EvaluationsDialog(window.desk, default_card(), window.user)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    dialog.fatal_only.setChecked(True)
    assert [r.call_ref for r in dialog.rows] == ["S4"]
    dialog.fatal_only.setChecked(False)
    dialog.use_dates.setChecked(True)
    dialog.date_from.setDate(dialog.date_from.date().fromString("2026-11-02", "yyyy-MM-dd"))
    dialog.date_to.setDate(dialog.date_to.date().fromString("2026-11-02", "yyyy-MM-dd"))
    assert [r.call_ref for r in dialog.rows] == ["S1"]
    dialog.use_dates.setChecked(False)
    dialog.export_to(tmp_path / "e.csv")
    assert "S4" in (tmp_path / "e.csv").read_text(encoding="utf-8-sig")


def test_sampling_plans_from_the_review_menu_draw_assign_and_filter_the_list(qtbot, tmp_path, demo_copy):
    lead = lead_window(qtbot, tmp_path, demo_copy)
    dialog = lead.review.sampling_dialog()
    qtbot.addWidget(dialog)
    dialog.fatal.setChecked(False)
    dialog.share.setCurrentIndex(dialog.share.findData("per_agent"))
    dialog.amount.setValue(1)
    dialog.seed.setText("7")
    dialog.draw()
    qtbot.waitUntil(lambda: not lead.lane.busy)                 # assigned on the database lane
    sample = dialog.last
    assert len(sample.picks) == 6 and dialog.result.rowCount() == 6
    dialog.accept()
    lead.call_list.status.setCurrentIndex(lead.call_list.status.findData("assigned"))
    qtbot.waitUntil(lambda: lead.call_list.model.total == 6, timeout=5_000)


def test_the_review_menu_refuses_lead_dialogs_to_an_inspector(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[1]))
    window.actions_by_key["sample"].trigger()
    window.actions_by_key["redlines"].trigger()
    assert len(shown) == 2


def test_a_lead_reopens_a_submitted_evaluation_an_inspector_cannot(qtbot, tmp_path, demo_copy, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    lead = lead_window(qtbot, tmp_path, demo_copy)
    _open(qtbot, lead, "S1")
    assert not lead.scorecard.reopen_button.isHidden() and lead.scorecard.evaluation.inspector == "9001"
    lead.scoring.submit()
    qtbot.waitUntil(lambda: not lead.lane.busy)
    lead.scoring.reopen("复核")
    qtbot.waitUntil(lambda: not lead.lane.busy)
    assert (lead.scorecard.evaluation.status, lead.scorecard.evaluation.version) == ("reopened", 2)
    lead.close()


def test_an_inspector_has_no_reopen_button(qtbot, window):
    _open(qtbot, window, "S1")
    assert window.scorecard.reopen_button.isHidden()


def test_appeals_are_recorded_on_submitted_evaluations_and_resolved_by_a_lead(qtbot, tmp_path, demo_copy,
                                                                               monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    lead = lead_window(qtbot, tmp_path, demo_copy)
    _open(qtbot, lead, "S2")
    pane = lead.scorecard
    assert not pane.appeal_button.isEnabled()                  # only a submitted evaluation
    pane.deduct("A6", -1, "调整：加回 1 分")                      # adjustments go both ways, clamped
    qtbot.waitUntil(lambda: not lead.lane.busy)
    assert _total(lead) == 100.0
    lead.scoring.submit()
    qtbot.waitUntil(lambda: not lead.lane.busy)
    assert pane.appeal_button.isEnabled()
    lead.scoring.appeal("开头语其实说了，录音开头被截断")
    qtbot.waitUntil(lambda: not lead.lane.busy)
    assert [a["status"] for a in pane.appeals] == ["open"] and pane.resolve_button.isEnabled()
    assert pane.appeals[0]["agent_id"] == "1046"
    lead.scoring.resolve(pane.appeals[0]["id"], True, "复核属实")
    qtbot.waitUntil(lambda: not lead.lane.busy)
    assert [a["status"] for a in pane.appeals] == ["upheld"] and not pane.resolve_button.isEnabled()
    lead.close()


def test_a_comment_is_anchored_to_the_selection_when_there_is_one(qtbot, window):
    _open(qtbot, window, "S1")
    window.state.set_selection(3.0, 6.5)
    start, end = window.scorecard.selection
    window.scorecard.add_comment("这段语速偏快", start, end)
    qtbot.waitUntil(lambda: not window.lane.busy)
    comment = window.scoring.repo.for_call(window.state.call.id, "1001").comments[0]
    assert (comment.start_s, comment.end_s) == (3.0, 6.5)


def test_the_submit_button_says_what_will_be_locked_and_asks(qtbot, window, monkeypatch):
    asked = []
    answer = [QMessageBox.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: (asked.append(args[2]), answer[0])[1])
    _open(qtbot, window, "S4")
    window.scorecard.submit_requested.emit()              # a pending fatal item: explained, nothing asked
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert not asked and "Fatal item(s) F1 still wait for review" in window.told[-1]
    window.scorecard._fatal_changed("F1", "rejected")
    qtbot.waitUntil(lambda: not window.lane.busy)
    qtbot.waitUntil(lambda: window.scorecard.evaluation.fatal[0].status == "rejected", timeout=3000)
    window.scorecard.submit_requested.emit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert "S4" in asked[-1] and "locked" in asked[-1] and window.scorecard.evaluation.status != "submitted"
    answer[0] = QMessageBox.Yes
    window.scorecard.submit_requested.emit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert window.scorecard.evaluation.status == "submitted"
    row = window.call_list.model.row_of(window.state.call.id)
    assert window.call_list.model.call_at(row).status == "reviewed"     # the list follows at once


def test_the_deduction_dialog_names_the_item_and_its_maximum(qtbot, window, monkeypatch):
    from inspector.ui import scorecard_pane
    seen = {}

    def fake_exec(dialog):
        seen["about"], seen["max"] = dialog.about.text(), dialog.points.maximum()
        return False
    monkeypatch.setattr(scorecard_pane._DeductionDialog, "exec", fake_exec)
    _open(qtbot, window, "S2")
    monkeypatch.setattr(window.scorecard, "selected_item", lambda: "A1")
    window.scorecard._deduct()
    assert seen == {"about": "A1 Greeting and job number — at most 5 point(s)", "max": 5.0}   # the English UI


def test_the_list_keeps_its_selection_through_a_background_recheck(qtbot, window):
    table = window.call_list.table
    _open(qtbot, window, "S6")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Down)
    qtbot.waitUntil(lambda: window.state.call.call_ref == "S5", timeout=5000)
    window.rules.last_batch = None
    window.rules.check_all()                              # rows update under the user's feet
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=20_000)
    assert window.call_list.model.call_at(table.currentIndex().row()).call_ref == "S5"
    qtbot.keyClick(table, Qt.Key_Down)
    qtbot.waitUntil(lambda: window.state.call.call_ref == "S4", timeout=5000)


def test_the_status_filter_counts_each_status(qtbot, window):
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=20_000)     # checked ahead
    draw(window.db, SamplingPlan(rules=("R13",), assignees=("1001",), seed=1), SAMPLER)
    window.call_list.apply_filter()
    texts = [window.call_list.status.itemText(i) for i in range(window.call_list.status.count())]
    assert "New (5)" in texts and "Assigned (1)" in texts and "Reviewed (0)" in texts


def test_the_evaluation_list_shows_each_evaluations_appeal(qtbot, window):
    from inspector.review import appeals
    from inspector.ui.evaluations_dialog import EvaluationsDialog
    _open(qtbot, window, "S2")
    window.scoring.submit()
    qtbot.waitUntil(lambda: not window.lane.busy)
    appeals.file_appeal(window.scoring.repo, window.scorecard.evaluation.uuid, "1046", "开头语说了", item_id="A1")
    dialog = EvaluationsDialog(window.desk, default_card(), window.user)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "S2")
    assert dialog.table.item(row, 6).text() == "Open"


def test_scores_are_stored_on_the_database_lane_and_quick_changes_build_on_each_other(qtbot, window, monkeypatch):
    """Each change is shown at once and stored in order on the lane's thread: two changes made before the
    first is stored both arrive, and the call's row follows the published change."""
    import threading

    from inspector.store.evaluations import EvaluationRepository

    _open(qtbot, window, "S1")
    threads, followed = [], []
    save = EvaluationRepository.save
    monkeypatch.setattr(EvaluationRepository, "save",
                        lambda self, *args: (threads.append(threading.current_thread().name), save(self, *args))[1])
    window.lane.changed.connect(followed.append)
    window.scorecard.deduct("A6", 1.5, "语气生硬")
    window.scorecard.set_na("A2", True)                      # before the deduction is stored
    assert window.scorecard.evaluation.item("A6").deductions          # shown at once
    qtbot.waitUntil(lambda: not window.lane.busy)
    stored = window.scoring.repo.for_call(window.state.call.id, "1001")
    assert stored.item("A6").deductions[0].reason == "语气生硬" and stored.item("A2").na
    assert set(threads) == {"inspector-db-lane"}
    assert any(c.evaluation and c.calls == {window.state.call.id} for c in followed)
