"""The transcript beside the waveform: who said what, the word being spoken highlighted as audio plays,
click a word to hear it, search, low-confidence words marked, and corrections of words, text or speaker.

The document is built once per transcript with each word's character range remembered, so following
playback only re-formats the previous and the current word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMenu,
                               QPlainTextEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget)

from inspector.asr.sources import RECOGNISED_PREFIX, is_recognised
from inspector.open_call.state import ReviewState
from inspector.transcript.model import SPEAKERS, Transcript
from inspector.ui.dialog_buttons import form_above_buttons
from inspector.ui.evidence_text import evidence_text
from inspector.ui.waveform_items import format_time

LOW_CONFIDENCE = 0.6
CURRENT_WORD = QColor(255, 214, 102)
CURRENT_SEGMENT = QColor(255, 246, 214)
LOW_CONFIDENCE_COLOUR = QColor("#b9770e")
HIT_COLOUR = QColor("#b03a2e")
EDITED_COLOUR = QColor("#7d3c98")
EDITED_MARK = " ✎"


@dataclass(frozen=True)
class Span:
    """Where a segment or a word sits in the document."""

    segment: int
    word: int | None
    start: int
    end: int


class TranscriptPane(QWidget):
    def show_versions(self, versions: list[tuple[str, str]], shown: str | None) -> None:
        """(source, created_at) of each version; the one shown is selected."""
        self.versions.clear()
        for source, created_at in versions:
            self.versions.addItem(self.version_label(source, created_at), source)
        self.versions.setCurrentIndex(max(0, self.versions.findData(shown)))
        self.versions.setVisible(bool(versions))

    def version_label(self, source: str, created_at: str) -> str:
        day = created_at[5:16].replace("T", " ")
        if is_recognised(source):
            model = source[len(RECOGNISED_PREFIX):].split(":")[0]
            return self.tr("Recognised: %1 (%2)").replace("%1", model).replace("%2", day)
        return {"edited": self.tr("Corrected (%1)"), "imported": self.tr("Imported (%1)")}.get(
            source, self.tr("Reference (%1)")).replace("%1", day)

    seek_requested = Signal(float)
    edit_requested = Signal(object)       # (kind, segment, word, new value)
    version_chosen = Signal(str)          # a transcript version's source
    transcribe_requested = Signal()       # a call without a transcript: Speech → Transcribe this call
    replay_requested = Signal(float)      # the correction dialog's Replay: play from this time

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._segments: list[Span] = []
        self._words: list[Span] = []
        self._current_word: Span | None = None
        self._current_segment: int | None = None
        self._edited: set[int] = set()
        self.header = QLabel(self)
        self.header.setWordWrap(True)          # wraps in a narrow window, but never to one word a line
        self.header.setMinimumWidth(self.header.fontMetrics().horizontalAdvance("Transcript: 13") + 8)
        self.planned_model: Callable[[], str | None] = lambda: None   # the window says which model would run
        # the signed-in user's view of a transcript (privacy.visibility); a masked one cannot be corrected
        self.shown: Callable[[Transcript], Transcript] = lambda transcript: transcript
        self.masked = False
        self.transcribe_button = QPushButton(self)
        self.transcribe_button.clicked.connect(self.transcribe_requested)
        self.transcribe_button.hide()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find in transcript"))
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("在转写文本中查找") + 24)
        self.previous_button = QPushButton(self.tr("Previous"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.versions = QComboBox(self)
        self.versions.setToolTip(self.tr("Which version of the transcript is shown; rules and the scorecard "
                                         "use the one shown"))
        self.versions.setSizeAdjustPolicy(QComboBox.AdjustToContents)   # "导入（12-02 18:51）" whole
        self.versions.activated.connect(lambda index: self.version_chosen.emit(self.versions.itemData(index)))
        # two short rows, not one long one: the version's whole name and the search both fit a narrow pane,
        # and the pane's width does not change with what a call has (the call list beside keeps its width)
        top = QHBoxLayout()
        top.addWidget(self.versions)
        top.addWidget(self.header, 1)
        top.addWidget(self.transcribe_button)
        finding = QHBoxLayout()
        finding.addWidget(self.search, 1)
        finding.addWidget(self.previous_button)
        finding.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(finding)
        layout.addWidget(self.view)
        self.view.anchorClicked.connect(self._clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.search.returnPressed.connect(lambda: self.find(forward=True))
        self.next_button.clicked.connect(lambda: self.find(forward=True))
        self.previous_button.clicked.connect(lambda: self.find(forward=False))
        state.transcript_changed.connect(self._show)
        state.hits_changed.connect(lambda _h: self._show(state.transcript))
        state.playhead_changed.connect(self._follow)
        self._show(None)

    def _offer_transcription(self, offer: bool) -> None:
        """A call without a transcript offers to transcribe it, naming the model that would do it."""
        model = self.planned_model() if offer else None
        if offer and model:
            self.transcribe_button.setText(self.tr("Transcribe with %1").replace("%1", model))
            self.transcribe_button.setToolTip(self.tr("Speech → Transcribe this call"))
        elif offer:
            self.transcribe_button.setText(self.tr("Install a speech model…"))
            self.transcribe_button.setToolTip(self.tr("No speech model is installed: Speech → Speech models"))
        self.transcribe_button.setVisible(offer)

    def mark_edited(self, segments: set[int]) -> None:
        """Sentences corrected by hand in the version shown get a mark (✎), so a correction is seen as saved."""
        if segments != self._edited:
            self._edited = set(segments)
            self._show(self.state.transcript)

    def edited_segments(self) -> set[int]:
        return set(self._edited)

    # -- queries for the window and tests --------------------------------------------------------
    def segment_count(self) -> int:
        return len(self._segments)

    def segment_text(self, index: int) -> str:
        span = self._segments[index]
        return self._text(span.start, span.end)

    def current_word_text(self) -> str | None:
        return None if self._current_word is None else self._text(self._current_word.start, self._current_word.end)

    def speaker_name(self, speaker: str) -> str:
        return {"agent": self.tr("Agent"), "customer": self.tr("Customer")}.get(speaker, self.tr("Unknown"))

    # -- building the document -------------------------------------------------------------------
    def _show(self, transcript: Transcript | None) -> None:
        self.masked = False
        self._segments, self._words = [], []
        self._current_word, self._current_segment = None, None
        document = self.view.document()   # reused: a new document per call would pile up in memory
        document.clear()
        self._offer_transcription(transcript is None and self.state.call is not None)
        for finding in (self.search, self.previous_button, self.next_button):
            finding.setVisible(transcript is not None)   # nothing to find; and the row keeps its width
        if transcript is None:
            self.header.setText(self.tr("No transcript for this call") if self.state.call else "")
            return
        original, transcript = transcript, self.shown(transcript)
        self.masked = transcript != original
        self.header.setText(self.tr("Transcript: %n segment(s)", "", len(transcript.segments)))
        cursor = QTextCursor(document)
        hits = self.state.hits or []
        for index, segment in enumerate(transcript.segments):
            if index:
                cursor.insertBlock()
            block_start = cursor.position()
            label = QTextCharFormat()
            label.setForeground(QColor("#1f6fb2" if segment.speaker == "agent" else "#2e8b57"
                                       if segment.speaker == "customer" else "#555555"))
            label.setAnchor(True)
            label.setAnchorHref(f"s:{index}")
            cursor.insertText(f"[{format_time(segment.start)}] {self.speaker_name(segment.speaker)}：", label)
            if segment.words:
                for w_index, word in enumerate(segment.words):
                    fmt = QTextCharFormat()
                    fmt.setAnchor(True)
                    fmt.setAnchorHref(f"w:{index}:{w_index}")
                    if word.conf is not None and word.conf < LOW_CONFIDENCE:
                        fmt.setForeground(LOW_CONFIDENCE_COLOUR)
                        fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
                        fmt.setToolTip(self.tr("Low confidence: %1").replace("%1", f"{word.conf:.2f}"))
                    start = cursor.position()
                    cursor.insertText(word.text, fmt)
                    self._words.append(Span(index, w_index, start, cursor.position()))
                    cursor.insertText(" ", QTextCharFormat())
            else:
                cursor.insertText(segment.text, QTextCharFormat())
            if index in self._edited:
                mark = QTextCharFormat()
                mark.setForeground(EDITED_COLOUR)
                mark.setToolTip(self.tr("Corrected by hand"))
                cursor.insertText(EDITED_MARK, mark)
            own = [h for h in hits if segment.start - 0.05 <= h.start <= segment.end
                   and h.speaker in (segment.speaker, "both")]
            if own:
                flag = QTextCharFormat()
                flag.setForeground(HIT_COLOUR)
                flag.setToolTip("\n".join(f"{h.rule} {self.state.rule_name(h)}: {evidence_text(h.evidence)}"
                                           for h in own))
                cursor.insertText("".join(f" ⚑{h.rule}" for h in own), flag)
            self._segments.append(Span(index, None, block_start, cursor.position()))

    def _text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        return cursor.selectedText()

    # -- following playback ----------------------------------------------------------------------
    def _follow(self, seconds: float) -> None:
        transcript = self.state.transcript
        if transcript is None:
            return
        segment = transcript.segment_at(seconds)
        if segment != self._current_segment:
            self._paint(self._segment_span(self._current_segment), QColor(Qt.transparent), block=True)
            self._current_segment = segment
            span = self._segment_span(segment)
            self._paint(span, CURRENT_SEGMENT, block=True)
            if span is not None:
                self._reveal(span)
        word = None
        if segment is not None:
            seg = transcript.segments[segment]
            index = next((i for i, w in enumerate(seg.words) if w.start <= seconds <= w.end + 0.05), None)
            if index is not None:
                word = next((s for s in self._words if s.segment == segment and s.word == index), None)
        if word != self._current_word:
            self._paint(self._current_word, QColor(Qt.transparent))
            self._current_word = word
            self._paint(word, CURRENT_WORD)

    def _segment_span(self, index: int | None) -> Span | None:
        return self._segments[index] if index is not None and index < len(self._segments) else None

    def _paint(self, span: Span | None, colour: QColor, block: bool = False) -> None:
        if span is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(span.start)
        if block:
            fmt = cursor.blockFormat()
            fmt.setBackground(colour)
            cursor.setBlockFormat(fmt)
            return
        cursor.setPosition(span.end, QTextCursor.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        cursor.mergeCharFormat(fmt)

    def _reveal(self, span: Span) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(span.start)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    # -- interaction -----------------------------------------------------------------------------
    def _clicked(self, url: QUrl) -> None:
        transcript = self.state.transcript
        if transcript is None:
            return
        parts = url.toString().split(":")
        segment = transcript.segments[int(parts[1])]
        start = segment.words[int(parts[2])].start if parts[0] == "w" else segment.start
        self.seek_requested.emit(start)

    def find(self, forward: bool = True) -> bool:
        """Select the next (or previous) match of the search text, wrapping at the ends."""
        text = self.search.text().strip()
        if not text:
            return False
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindBackward
        found = self.view.document().find(text, self.view.textCursor(), flags)
        if found.isNull():
            edge = QTextCursor(self.view.document())
            edge.movePosition(QTextCursor.Start if forward else QTextCursor.End)
            found = self.view.document().find(text, edge, flags)
        if found.isNull():
            self.state.say(self.tr("“%1” is not in the transcript").replace("%1", text))
            return False
        self.view.setTextCursor(found)
        return True

    def segment_at_position(self, position: int) -> int | None:
        """The sentence holding a character of the document: text without word timings has no anchor."""
        return next((span.segment for span in self._segments if span.start <= position <= span.end), None)

    def _context_menu(self, position) -> None:
        anchor = self.view.anchorAt(position)
        if anchor:
            parts = anchor.split(":")
            segment, word = int(parts[1]), int(parts[2]) if parts[0] == "w" else None
        else:
            segment, word = self.segment_at_position(self.view.cursorForPosition(position).position()), None
        if segment is None:
            return
        menu = QMenu(self)
        if word is not None:
            menu.addAction(self.tr("Correct this word…"), lambda: self.correct_word(segment, word))
        menu.addAction(self.tr("Correct this sentence…") + "\tF2", lambda: self.correct_segment(segment))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def current_segment(self) -> int | None:
        """The sentence being played, else the one holding the text cursor, else the last one begun before
        the playhead (a pause between sentences)."""
        if self._current_segment is not None:
            return self._current_segment
        at_cursor = self.segment_at_position(self.view.textCursor().position()) if self._segments else None
        if at_cursor is not None or self.state.transcript is None:
            return at_cursor
        begun = [i for i, s in enumerate(self.state.transcript.segments) if s.start <= self.state.playhead]
        return begun[-1] if begun else (0 if self.state.transcript.segments else None)

    def correct_current(self) -> None:
        segment = self.current_segment()
        if segment is not None and self.state.transcript is not None:
            self.correct_segment(segment)

    def correct_word(self, segment: int, word: int, text: str | None = None) -> None:
        if self.masked:            # corrections start from the words as said, which this user may not see
            return
        spoken = self.state.transcript.segments[segment].words[word]
        current = spoken.text
        if text is None:
            dialog = _CorrectionDialog(self, current, None, (spoken.start, spoken.end))
            if not dialog.exec():
                return
            text = dialog.value()
        if text.strip() and text.strip() != current:
            self.edit_requested.emit(("word", segment, word, text.strip()))

    def correct_segment(self, segment: int, text: str | None = None, speaker: str | None = None) -> None:
        if self.masked:
            return
        seg = self.state.transcript.segments[segment]
        if text is None and speaker is None:
            dialog = _CorrectionDialog(self, seg.text, seg.speaker, (seg.start, seg.end))
            if not dialog.exec():
                return
            text, speaker = dialog.value(), dialog.speaker.currentData()
        if speaker and speaker != seg.speaker:
            self.edit_requested.emit(("speaker", segment, None, speaker))
        if text is not None and text.strip() and text.strip() != seg.text:
            self.edit_requested.emit(("text", segment, None, text.strip()))


class _CorrectionDialog(QDialog):
    """Wide enough to read the whole sentence; a word is one line, a sentence wraps in a text box.
    It says when the words were said and what they were, and plays them again (Replay) while one types."""

    def __init__(self, parent: TranscriptPane, text: str, speaker: str | None,
                 span: tuple[float, float] = (0.0, 0.0)) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct the transcript"))
        self.when = QLabel(f"{format_time(span[0])} – {format_time(span[1])}", self)
        self.replay = QPushButton(self.tr("Replay"), self)
        self.replay.setAutoDefault(False)
        self.replay.clicked.connect(lambda: parent.replay_requested.emit(span[0]))
        when = QHBoxLayout()
        when.addWidget(self.when, 1)
        when.addWidget(self.replay)
        self.original = QLabel(text, self)
        self.original.setWordWrap(True)
        self.original.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text = QLineEdit(text, self) if speaker is None else QPlainTextEdit(text, self)
        if isinstance(self.text, QPlainTextEdit):
            self.text.setTabChangesFocus(True)
            lines = max(3, min(8, len(text) // 40 + 2))
            self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * lines + 16)
        self.speaker = QComboBox(self)
        form = QFormLayout()
        form.addRow(self.tr("Time"), when)
        form.addRow(self.tr("Original"), self.original)
        form.addRow(self.tr("Text"), self.text)
        if speaker is not None:
            for key in SPEAKERS:
                self.speaker.addItem(parent.speaker_name(key), key)
            self.speaker.setCurrentIndex(SPEAKERS.index(speaker))
            form.addRow(self.tr("Speaker"), self.speaker)
        form_above_buttons(self, form)
        self.setMinimumWidth(max(560, self.fontMetrics().horizontalAdvance("中") * 36))

    def value(self) -> str:
        return self.text.toPlainText() if isinstance(self.text, QPlainTextEdit) else self.text.text()
