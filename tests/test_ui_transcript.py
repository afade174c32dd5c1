"""The transcript view: word highlight following playback, click to seek, search, low confidence, corrections."""

import pytest
from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QColor, QTextCursor

from inspector.open_call.state import ReviewState
from inspector.domain.calls import Call
from inspector.transcript.model import Segment, Transcript, Word
from inspector.ui.transcript_pane import CURRENT_WORD, TranscriptPane


def _transcript():
    return Transcript("t", 10.0, (
        Segment("agent", 0.5, 2.0, "您好 很 高兴", (Word("您好", 0.5, 1.0, 0.95), Word("很", 1.0, 1.3, 0.4),
                                                 Word("高兴", 1.3, 2.0, 0.9))),
        Segment("customer", 3.0, 4.0, "我 想 查 话费", (Word("我", 3.0, 3.2, 0.9), Word("想", 3.2, 3.4, 0.9),
                                                   Word("查", 3.4, 3.6, 0.9), Word("话费", 3.6, 4.0, 0.9))),
        Segment("unknown", 5.0, 6.0, "没有词时间的一句"),
    ))


@pytest.fixture
def pane(qtbot):
    state = ReviewState()
    state.open_call(Call(content_hash="h", path="/x", call_ref="t", duration_s=10.0, sample_rate=8000, channels=2,
                         audio_format="WAV", id=1))
    widget = TranscriptPane(state)
    qtbot.addWidget(widget)
    state.set_transcript(_transcript())
    return widget


def _background_at(pane, text):
    cursor = pane.view.document().find(text)
    probe = QTextCursor(pane.view.document())
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat().background().color()


def test_segments_by_speaker_and_the_word_being_spoken_is_highlighted(pane):
    assert pane.segment_count() == 3
    assert "Agent" in pane.segment_text(0) and "Customer" in pane.segment_text(1)
    pane.state.set_playhead(1.5)
    assert pane.current_word_text() == "高兴"
    assert _background_at(pane, "高兴") == CURRENT_WORD
    pane.state.set_playhead(3.5)
    assert pane.current_word_text() == "查"
    assert _background_at(pane, "高兴") != CURRENT_WORD


def test_clicking_a_word_or_a_sentence_seeks(pane, qtbot):
    with qtbot.waitSignal(pane.seek_requested) as seek:
        pane.view.anchorClicked.emit(QUrl("w:1:3"))
    assert seek.args == [3.6]
    with qtbot.waitSignal(pane.seek_requested) as seek:
        pane.view.anchorClicked.emit(QUrl("s:2"))
    assert seek.args == [5.0]


def test_search_next_and_previous_wrap(pane):
    pane.search.setText("话费")
    assert pane.find(forward=True)
    first = pane.view.textCursor().selectionStart()
    pane.search.setText("您好")
    assert pane.find(forward=True)
    assert pane.view.textCursor().selectionStart() < first
    assert pane.find(forward=False)           # wraps round to the same single match
    pane.search.setText("不存在")
    assert not pane.find()


def test_low_confidence_words_are_marked(pane):
    cursor = pane.view.document().find("很")
    probe = QTextCursor(pane.view.document())
    probe.setPosition(cursor.selectionEnd())
    assert probe.charFormat().foreground().color() == QColor("#b9770e")
    assert "0.40" in probe.charFormat().toolTip()


def test_corrections_are_requested_with_what_changed(pane, qtbot):
    with qtbot.waitSignal(pane.edit_requested) as edit:
        pane.correct_word(0, 1, "非常")
    assert edit.args == [("word", 0, 1, "非常")]
    with qtbot.waitSignal(pane.edit_requested) as edit:
        pane.correct_segment(2, speaker="agent")
    assert edit.args == [("speaker", 2, None, "agent")]


def _answer_dialog(qtbot, text):
    """Fill the correction dialog once it is open, and save it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        seen["shown"] = dialog.value()
        seen["width"] = dialog.width()
        box = dialog.findChild(QPlainTextEdit)
        box.setPlainText(text)
        dialog.accept()
    QTimer.singleShot(200, answer)
    return seen


def test_the_sentence_at_the_cursor_opens_a_wide_correction_of_the_whole_sentence(pane, qtbot):
    """What F2 opens (the window's action, see test_ui_workday) when nothing is playing."""
    pane.resize(700, 400)
    pane.show()
    pane.activateWindow()
    qtbot.waitActive(pane)
    third = pane.view.document().find("没有词时间")          # no word timings: no anchor on this text
    assert not pane.view.anchorAt(pane.view.cursorRect(third).center())
    assert pane.segment_at_position(third.selectionStart()) == 2   # the context menu finds its sentence
    pane.view.setTextCursor(third)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    seen = _answer_dialog(qtbot, "没有词时间的一句话")
    with qtbot.waitSignal(pane.edit_requested, timeout=5000) as edit:
        pane.correct_current()
    assert seen["shown"] == "没有词时间的一句" and seen["width"] >= 560
    assert edit.args == [("text", 2, None, "没有词时间的一句话")]


def test_a_corrected_sentence_is_marked(pane):
    pane.mark_edited({1})
    assert "✎" in pane.segment_text(1) and "✎" not in pane.segment_text(0)
    pane.mark_edited(set())
    assert "✎" not in pane.segment_text(1)
