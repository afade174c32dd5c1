"""The transcript view: word highlight following playback, click to seek, search, low confidence, corrections."""

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QTextCursor

from inspector.review.state import ReviewState
from inspector.store.calls import Call
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
