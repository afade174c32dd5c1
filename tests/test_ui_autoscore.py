"""The automatic score in the window: a call-list column and filter, a suggestion beside the inspector's
own score on the scorecard (never saved), and the sampling dialog's new strata."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.store.autoscores import AutoScoreRepository
from tests.ui_windows import demo_window, lead_window


@pytest.fixture
def window(qtbot, tmp_path, demo_copy, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    win = demo_window(qtbot, tmp_path, demo_copy)
    qtbot.waitUntil(lambda: win.db.execute("SELECT count(*) FROM auto_scores").fetchone()[0] == 6, timeout=60_000)
    win.call_list.reload()
    yield win
    win.close()


def _column(model, key):
    return model.COLUMNS.index(key)


def test_the_call_list_shows_sorts_and_filters_the_automatic_score(window):
    pane, model = window.call_list, window.call_list.model
    column = _column(model, "auto_score")
    assert model.headers()[column] == "Auto score"
    shown = {model.call_at(r).call_ref: model.data(model.index(r, column)) for r in range(model.rowCount())}
    assert shown["S4"] == "0" and float(shown["S1"]) >= 90
    pane.auto_below.setValue(90)
    assert {model.call_at(r).call_ref for r in range(model.rowCount())} == {
        c.call_ref for c in window.calls.page(limit=10) if c.auto_score < 90}
    pane.auto_below.setValue(0)
    assert model.total == 6
    model.sort(column)
    assert model.call_at(0).call_ref == "S4"


def test_the_scorecard_shows_the_suggestion_beside_and_never_saves_it(qtbot, window):
    model = window.call_list.model
    window.call_list.select_row(next(r for r in range(6) if model.call_at(r).call_ref == "S2"))
    qtbot.waitUntil(lambda: window.state.call.call_ref == "S2" and window.scorecard.evaluation is not None,
                    timeout=10_000)
    auto = AutoScoreRepository(window.db).for_call(window.state.call.id)
    pane = window.scorecard
    assert f"suggested {auto.total:g}" in pane.total.text() and "Total: 100" in pane.total.text()
    assert pane.tree.headerItem().text(3) == "Suggested"
    a1 = next(row for row in pane.tree.findItems("A1", Qt.MatchStartsWith | Qt.MatchRecursive, 0))
    assert a1.text(3) == f"{5 - auto.items['A1'].deduction:g}" and "R01" in a1.toolTip(3)
    assert a1.text(2) == "5"                                              # the inspector's own is untouched
    assert window.scoring.repo.for_call(window.state.call.id, "1001") is None     # nothing stored by showing it


def test_the_sampling_dialog_draws_on_the_new_signals_and_a_list_of_calls(qtbot, tmp_path, demo_copy,
                                                                          monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    win = lead_window(qtbot, tmp_path, demo_copy)
    qtbot.waitUntil(lambda: win.db.execute("SELECT count(*) FROM auto_scores").fetchone()[0] == 6, timeout=60_000)
    dialog = win.review.sampling_dialog()
    qtbot.addWidget(dialog)
    dialog.fatal.setChecked(False)
    dialog.auto_below.setValue(90)
    listed = tmp_path / "complaints.txt"
    listed.write_text("S5\nNOPE\n", encoding="utf-8")
    assert dialog.use_calls(listed) and "2" in dialog.calls_label.text()
    assert not dialog.use_calls(tmp_path / "missing.csv")
    dialog.draw()
    qtbot.waitUntil(lambda: not win.lane.busy)                  # assigned on the database lane
    sample = dialog.last
    reasons = {p.call_ref: p.reasons for p in sample.picks}
    assert reasons["S5"][0] == "must review" and "auto below 90" in reasons["S4"]
    assert sample.unknown == ("NOPE",) and "not in this workspace" in dialog.summary.text()
    texts = [dialog.result.item(r, 4).text() for r in range(dialog.result.rowCount())]
    assert any("must review" in t for t in texts) and any("automatic score below 90" in t for t in texts)
    win.close()
