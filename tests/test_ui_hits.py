"""Hits in the workstation: markers, the hit list, N/Shift+N, decisions, accuracy and pack comparison."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.audio.player import PlayerState
from inspector.rules.hits import hit_key

from inspector.domain.accuracy import accuracy_by_band
from inspector.ui.rules_dialogs import AccuracyDialog
from tests.ui_windows import demo_window
from tests.conftest import ROOT


@pytest.fixture
def window(qtbot, tmp_path, demo_copy):
    win = demo_window(qtbot, tmp_path, demo_copy)
    yield win
    win.close()


def _open_checked(qtbot, win, ref):
    model = win.call_list.model
    win.call_list.select_row(next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == ref))
    qtbot.waitUntil(lambda: win.state.call.call_ref == ref and win.state.hits is not None
                    and win.state.recording is not None, timeout=10_000)


def test_a_call_is_checked_when_first_opened_and_hits_are_shown(qtbot, window):
    _open_checked(qtbot, window, "S6")
    rules = sorted({h.rule for h in window.state.hits})
    assert rules == ["R11", "R13", "R14", "R17"]
    assert window.hits_pane.table.rowCount() == len(window.state.hits)
    labels = {window.hits_pane.table.item(r, 1).text() for r in range(window.hits_pane.table.rowCount())}
    assert "R11 Talking over the customer" in labels                # the English UI names rules in English
    assert "R11" in window.waveform.hit_marker_labels(0)          # agent lane
    assert set(window.waveform.hit_marker_labels(1)) == {"R13"}   # customer lane
    assert any("⚑R13" in window.transcript.segment_text(i) for i in range(window.transcript.segment_count()))
    assert window.call_list.model.call_at(
        next(r for r in range(6) if window.call_list.model.call_at(r).call_ref == "S6")).hit_count == 10


def test_n_and_shift_n_jump_between_hits_and_play_from_a_second_before(qtbot, window):
    _open_checked(qtbot, window, "S4")
    qtbot.keyClick(window, Qt.Key_N)
    first = window.state.hits[window.state.current_hit]
    assert first.rule == "R04"
    assert window.playback.player.state is PlayerState.PLAYING
    assert window.state.playhead == pytest.approx(first.start - 1.0, abs=0.3)
    window.playback.toggle()
    _open_checked(qtbot, window, "S6")
    qtbot.keyClick(window, Qt.Key_N)
    qtbot.keyClick(window, Qt.Key_N)
    assert window.state.current_hit == 1
    qtbot.keyClick(window, Qt.Key_N, Qt.ShiftModifier)
    assert window.state.current_hit == 0
    assert window.hits_pane.table.currentRow() == 0 or window.hits_pane.table.selectedItems()
    window.playback.toggle()


def test_decisions_are_stored_shown_and_counted(qtbot, window):
    _open_checked(qtbot, window, "S6")
    window.state.select_hit(1)                                   # R13 工信部投诉
    qtbot.keyClick(window, Qt.Key_Y)
    window.state.select_hit(3)
    qtbot.keyClick(window, Qt.Key_X)
    window.rules.decide(window.state.hits[4], "rejected", "客户只是抱怨")
    qtbot.waitUntil(lambda: not window.lane.busy)              # stored on the database lane
    stored = window.rules.hits.decisions(window.state.call.id)
    assert stored[hit_key(window.state.hits[1])].decision == "confirmed"
    assert stored[hit_key(window.state.hits[1])].decided_by == "1001"
    assert stored[hit_key(window.state.hits[4])].note == "客户只是抱怨"
    assert window.hits_pane.table.item(1, 4).text() == "Confirmed"
    assert window.hits_pane.table.item(4, 4).text().endswith("客户只是抱怨")
    accuracy = {a.rule: a for a in window.rules.hits.accuracy()}
    assert accuracy["R13"].confirmed == 1
    dialog = AccuracyDialog(window.rules.hits.accuracy(), window.rules.pack, None,
                            accuracy_by_band(window.rules.hits.decided_confidences()))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(accuracy)
    names = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert names and not any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name), names   # English UI
    decided = [window.state.hits[i] for i in (1, 3, 4)]
    top = dialog.bands.rowCount() - 1
    assert dialog.bands.item(top, 0).text() == "0.95–1.00"
    assert int(dialog.bands.item(top, 1).text()) + int(dialog.bands.item(top, 2).text()) == sum(
        h.confidence >= 0.95 for h in decided)


def test_a_decision_is_stored_on_the_database_lane_and_the_row_follows(qtbot, window, monkeypatch):
    """Not on the GUI thread: the lane's own thread and connection store it, and the call's row is told."""
    import threading

    from inspector.store.hits import HitRepository

    _open_checked(qtbot, window, "S6")
    threads, followed = [], []
    decide = HitRepository.decide
    monkeypatch.setattr(HitRepository, "decide",
                        lambda self, *args: (threads.append(threading.current_thread().name), decide(self, *args))[1])
    window.lane.changed.connect(lambda changes: followed.append(changes))
    window.rules.decide(window.state.hits[0], "confirmed")
    assert window.state.decision_for(window.state.hits[0]) is None          # not until it is stored
    qtbot.waitUntil(lambda: not window.lane.busy)
    assert threads == ["inspector-db-lane"]
    assert window.state.decision_for(window.state.hits[0]).decision == "confirmed"
    assert any(c.calls == {window.state.call.id} and c.hits for c in followed)    # then the evaluation follows


def test_check_all_fills_hit_counts(qtbot, window):
    window.rules.check_all()
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=30_000)
    assert window.rules.last_batch.checked == 6
    counts = {window.call_list.model.call_at(r).call_ref: window.call_list.model.call_at(r).hit_count
              for r in range(6)}
    assert counts["S1"] == 0 and counts["S2"] == 2 and counts["S6"] == 10
    window.call_list.hits_only.setChecked(True)
    assert window.call_list.model.total == 5


def test_a_broken_pack_is_refused_and_the_current_one_stays(qtbot, window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    broken = tmp_path / "broken.toml"
    broken.write_text((ROOT / "resources" / "rules" / "rules-10086.toml").read_text(encoding="utf-8")
                      .replace('kind = "rate"', 'kind = "speed"'), encoding="utf-8")
    before = window.rules.pack
    assert window.rules.compare_with(broken) is None
    assert str(broken) in warnings[0] and "R12" in warnings[0]
    assert window.rules.pack is before


def test_comparing_an_edited_pack_lists_changes_without_storing(qtbot, window, tmp_path):
    window.rules.check_all()
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=30_000)
    edited = tmp_path / "edited.toml"
    edited.write_text((ROOT / "resources" / "rules" / "rules-10086.toml").read_text(encoding="utf-8")
                      .replace("min_count = 2", "min_count = 3"), encoding="utf-8")
    window.rules.compare_with(edited, show=False)
    qtbot.waitUntil(lambda: window.rules.last_diffs is not None, timeout=30_000)
    assert [(d.call_ref, [k.split("@")[0] for k in d.removed]) for d in window.rules.last_diffs] == [
        ("S6", ["R11", "R11"])]
    _open_checked(qtbot, window, "S6")
    assert "R11" in {h.rule for h in window.state.hits}


def test_the_overview_draws_both_channels_and_hit_labels_never_overlap(qtbot, window):
    from PySide6.QtCore import QPointF
    from inspector.ui.waveform_items import HitMarkersItem, TimeAxis
    _open_checked(qtbot, window, "S6")
    assert window.waveform.overview_channels_drawn() == 2         # customer-only speech shows in the strip
    corners = [QPointF(x, 0) for x in (100, 104, 108, 300, 112)]
    placed = HitMarkersItem.label_positions(corners, ["R01", "R02", "R03", "R04", "R05"], lambda t: 24, 14)
    boxes = [(x, y, x + 24) for (x, y), _label in placed]
    for i, (x, y, end) in enumerate(boxes):
        assert all(not (y == y2 and x < end2 and x2 < end) for x2, y2, end2 in boxes[i + 1:])
    assert {label for _pos, label in placed} == {"R01", "R02", "R03", "R04"}   # no fourth row: left out
    ticks = TimeAxis("bottom").tickStrings([0.0, 0.02, 0.04, 0.06], 1, 0.02)
    assert len(set(ticks)) == 4 and ticks[1] == "00:00.02"
