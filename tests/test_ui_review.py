"""The Review menu's dialogs against a real demo workstation: my queue, appeals and the red-line register."""

import uuid

from PySide6.QtWidgets import QMessageBox

from inspector.domain.people import User
from inspector.review import appeals
from inspector.review.queue import SamplingPlan, draw
from inspector.scoring.defaults import default_card
from inspector.scoring.evaluation import Deduction, Evaluation, ItemState
from inspector.store.evaluations import EvaluationRepository
from inspector.store.hits import HitRepository
from tests.ui_windows import demo_window, lead_window

SAMPLER = User("9001", "张组长", "lead")     # the lead who draws samples


def _ref(win, ref):
    return next(c for c in win.calls.page(limit=10) if c.call_ref == ref)


def test_my_queue_shows_progress_and_opens_a_call(qtbot, tmp_path, demo_copy):
    window = demo_window(qtbot, tmp_path, demo_copy)
    draw(window.db, SamplingPlan(percent=100, assignees=("1001",), due_days=2, seed=1), SAMPLER)
    card = default_card()
    s3 = _ref(window, "S3")
    repo = EvaluationRepository(window.db, card)
    repo.save(Evaluation(str(uuid.uuid4()), s3.id, "1001", card.id, card.version), "1001")
    repo.submit(repo.for_call(s3.id, "1001").uuid, "1001")
    dialog = window.review.queue_dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 6 and dialog.progress.text() == "1/6 done"
    row = next(r for r in range(6) if dialog.table.item(r, 1).text() == "S5")
    dialog.table.cellDoubleClicked.emit(row, 1)
    qtbot.waitUntil(lambda: window.state.call is not None and window.state.call.call_ref == "S5", timeout=5_000)


def test_a_lead_upholds_an_item_appeal_from_the_appeals_queue(qtbot, tmp_path, demo_copy, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    lead = lead_window(qtbot, tmp_path, demo_copy)
    card = default_card()
    s2 = _ref(lead, "S2")
    repo = EvaluationRepository(lead.db, card)
    evaluation = Evaluation(str(uuid.uuid4()), s2.id, "1001", card.id, card.version).with_item(
        ItemState("A1", (Deduction(3.0, "无开头语", "1001"),)))
    repo.save(evaluation, "1001")
    repo.submit(evaluation.uuid, "1001")
    appeals.file_appeal(repo, evaluation.uuid, "2639", "录音开头被截断", item_id="A1")
    dialog = lead.review.appeals_dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "A1"
    dialog.resolve_row(0, True, "复听确认有开头语")
    qtbot.waitUntil(lambda: not lead.lane.busy)                 # answered on the database lane
    assert dialog.table.rowCount() == 0                         # no longer open
    after = repo.get(evaluation.uuid)
    assert after.version == 2 and after.status == "submitted" and after.item("A1").deductions == ()


def test_the_register_lists_a_confirmed_r04_hit_and_a_lead_closes_it(qtbot, tmp_path, demo_copy):
    lead = lead_window(qtbot, tmp_path, demo_copy)
    qtbot.waitUntil(lambda: lead.rules.last_batch is not None, timeout=20_000)  # checked ahead
    s4 = _ref(lead, "S4")
    hits = HitRepository(lead.db)
    r04 = next(h for h in hits.for_call(s4.id) if h.rule == "R04")
    hits.decide(s4.id, r04, "confirmed", "", "1001")
    dialog = lead.review.redlines_dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text().startswith("R04")
    dialog.close_case(0, "通报批评")
    qtbot.waitUntil(lambda: not lead.lane.busy)                 # closed on the database lane
    assert dialog.table.rowCount() == 0
    dialog.open_only.setChecked(False)
    assert dialog.table.item(0, 9).text() == "通报批评"
    dialog.export_to(tmp_path / "r.csv")
    assert "通报批评" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_importing_checks_ahead_so_hit_counts_are_known_before_opening(qtbot, tmp_path, demo_copy):
    window = demo_window(qtbot, tmp_path, demo_copy)
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=20_000)
    assert window.rules.last_batch.checked == 6
    assert _ref(window, "S6").hit_count > 0       # known ahead: the list counts calls nobody has opened
    assert window.state.call.call_ref == window.call_list.model.call_at(0).call_ref   # the day starts on a call
