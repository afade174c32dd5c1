"""Categories in the window: found while checking ahead after an import, shown as a call-list column, a
filter, and on the open call with their evidence."""

from tests.conftest import DEMO
from tests.ui_windows import demo_window


def test_categories_column_filter_and_call_label(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path, DEMO)
    pane = window.call_list
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=30_000)       # checked ahead
    qtbot.waitUntil(lambda: pane.category.count() > 1, timeout=10_000)
    model = pane.model
    column = model.COLUMNS.index("categories")
    shown = {model.call_at(r).call_ref: model.index(r, column).data() for r in range(model.rowCount())}
    assert shown["S2"] == "Line suspension and restoration"             # the pack's path_en in English
    assert "Tariff disputes › Unexplained charges" in shown["S6"] and "Complaints about service attitude" in shown["S6"]
    assert model.headers()[column] == "Categories"

    pane.category.setCurrentIndex(pane.category.findData("资费争议"))
    assert sorted(model.call_at(r).call_ref for r in range(model.rowCount())) == ["S3", "S6"]
    assert pane.category.currentText() == "Tariff disputes (2)"
    pane.category.setCurrentIndex(pane.category.findData("业务办理 › 变更"))
    assert [model.call_at(r).call_ref for r in range(model.rowCount())] == ["S5"]
    pane.category.setCurrentIndex(0)
    assert model.total == 6

    row = next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S6")
    pane.select_row(row)
    qtbot.waitUntil(lambda: window.state.call is not None and window.state.call.call_ref == "S6", timeout=10_000)
    assert window.header.categories.text().startswith("Categories: Complaints about service attitude 100%")
    assert "«乱扣»" in window.header.categories.toolTip()


def test_emotion_column_filter_and_lane(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path, DEMO)
    pane = window.call_list
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=30_000)       # measured ahead
    model = pane.model
    column = model.COLUMNS.index("emotion")
    shown = {model.call_at(r).call_ref: model.index(r, column).data() for r in range(model.rowCount())}
    assert shown["S6"] == "upset" and shown["S1"] == "calm"
    assert model.headers()[column] == "Customer emotion"
    s1 = next(model.call_at(r) for r in range(model.rowCount()) if model.call_at(r).call_ref == "S1")
    window.opener.emotions.replace(s1.id, _worsened(window, s1.id), None)      # none of the demo callers worsens
    pane.worsened_only.setChecked(True)
    assert model.total == 1 and model.index(0, column).data() == "calm → upset ↑"
    pane.worsened_only.setChecked(False)

    row = next(r for r in range(model.rowCount()) if model.call_at(r).call_ref == "S6")
    pane.select_row(row)
    qtbot.waitUntil(lambda: window.state.recording is not None and window.state.call.call_ref == "S6",
                    timeout=10_000)
    lane = window.emotion_lane
    qtbot.waitUntil(lambda: lane.emotion is not None and "loudness" in lane.emotion.basis, timeout=10_000)
    assert lane.caption.text().startswith("Customer emotion: upset → upset · from words, loudness, pitch")
    assert len(lane.bars.opts["x0"]) == len(lane.emotion.turns) == 6
    assert "乱扣" in lane.caption.toolTip()


def _worsened(window, call_id):
    from dataclasses import replace
    emotion = window.opener.emotions.for_call(call_id)
    return replace(emotion, end_label="upset", worsened=True)
