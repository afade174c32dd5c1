"""The Voice of the customer window: top reasons from the categorised demo calls, the week's topics and the
outcome tabs, computed in the background."""

from PySide6.QtCore import QDate

from tests.conftest import DEMO
from tests.ui_windows import demo_window


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_voice_of_the_customer_window(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path, DEMO)
    qtbot.waitUntil(lambda: window.rules.last_batch is not None, timeout=30_000)      # categorised ahead
    window.actions_by_key["voc"].trigger()
    voc = window.tools.voc_window
    qtbot.waitUntil(lambda: voc.result is not None, timeout=20_000)
    voc.result = None
    voc.week_ending.setDate(QDate(2026, 11, 7))
    voc.refresh()
    qtbot.waitUntil(lambda: voc.result is not None, timeout=20_000)
    reasons = _rows(voc.reasons)                      # the demo's calls are all of that week: each one new
    assert reasons[0][:2] == ["Services", "3"] and ["Tariff disputes", "2", "33%", "0", "+2"] in reasons
    assert ["Tariff disputes › Unexplained charges", "2", "33%", "0", "+2"] in reasons
    assert voc.status.text() == "6 categorised call(s) this week"
    voc.result = None
    voc.week_ending.setDate(QDate(2026, 11, 14))      # the week after: every reason fell to nothing
    voc.refresh()
    qtbot.waitUntil(lambda: voc.result is not None, timeout=20_000)
    assert ["Tariff disputes", "0", "0%", "2", "-2 (-100%)"] in _rows(voc.reasons)
    voc.result = None
    voc.week_ending.setDate(QDate(2026, 11, 7))
    voc.refresh()
    qtbot.waitUntil(lambda: voc.result is not None, timeout=20_000)
    assert voc.topics_label.text().startswith("Customers' words in 2026-11-01 – 2026-11-07 (6 calls)")
    assert voc.result.topics.calls_this_week == 6
    assert voc.result.topics.topics == () and voc.topics_label.text().endswith(   # an empty list says why
        "no words rose: a topic is the same words in at least 3 of the week's calls")
    assert voc.repeats_label.text().startswith("0 of 0 callers")          # the demo sidecar has no numbers
    assert [r[0] for r in _rows(voc.agents)] == ["1046", "2639", "3071", "3257", "4108", "5520"]
