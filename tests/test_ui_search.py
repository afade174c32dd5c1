"""The search window: a homophone typo finds the sentence; double-clicking it opens the call there."""

from PySide6.QtCore import Qt

from tests.conftest import DEMO
from tests.ui_windows import demo_window


def test_search_by_homophone_typo_opens_the_call_at_that_moment(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path, DEMO)
    window.actions_by_key["search"].trigger()
    search = window.tools.search_window
    assert search.isVisible() and search.isWindow()
    search.query.setText("叫你们林导")               # 领导 typed (or heard) as 林导
    qtbot.keyClick(search.query, Qt.Key_Return)
    assert search.table.rowCount() == 1
    assert search.table.item(0, 0).text() == "S6"
    assert search.table.item(0, 3).text() == "≈ 你这什么态度？叫你们领导来！"
    moment = search.found[0].start
    search.speaker.setCurrentIndex(search.speaker.findData("agent"))
    search.run()
    assert search.table.rowCount() == 0 and search.count.text() == "0 sentence(s)"
    search.speaker.setCurrentIndex(0)
    search.run()

    rect = search.table.visualItemRect(search.table.item(0, 3))
    qtbot.mouseClick(search.table.viewport(), Qt.LeftButton, pos=rect.center())   # a view needs the press first
    qtbot.mouseDClick(search.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.state.call is not None and window.state.call.call_ref == "S6"
                    and window.state.recording is not None, timeout=10_000)
    qtbot.waitUntil(lambda: abs(window.state.playhead - moment) < 0.05, timeout=5_000)
    assert abs(window.playback.player.position - moment) < 0.05
