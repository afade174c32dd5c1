"""The scorecard beside the waveform: items prefilled from confirmed hits, the inspector's deductions,
N/A, fatal items under review, comments at the playhead, and the total updating as it changes.

Every change is saved at once (autosave); the pane emits ``changed`` with the new evaluation and the
window stores it, so a crash loses at most the change being typed. An evaluation nobody has changed yet is
shown but not stored ("not started"), so merely opening a call leaves no draft behind. A lead may show
another inspector's evaluation (``whose``), read-only. The call's automatic score (``suggestion``) stands
in its own column beside the inspector's: a suggestion to look at, never written into the evaluation.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDoubleSpinBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from inspector.scoring.auto import AutoScore
from inspector.scoring.card import Scorecard
from inspector.scoring.evaluation import Comment, Deduction, Evaluation, FatalState, ItemState
from inspector.scoring.score import score
from inspector.ui.dialog_buttons import form_above_buttons
from inspector.ui.i18n import english_ui

FATAL_RED = QColor("#c0392b")


COACHING_ITEM = Qt.UserRole + 3     # the item a row belongs to (items, their deductions, fatal items)


class ScorecardPane(QWidget):
    changed = Signal(object)           # the edited Evaluation, to be saved
    submit_requested = Signal()
    reopen_requested = Signal(str)       # the lead's reason
    appeal_requested = Signal(str, str)  # the agent's 申诉 text, the item appealed ("" for the whole evaluation)
    resolve_requested = Signal(int, bool, str)   # appeal id, upheld, the lead's resolution
    seek_requested = Signal(float)
    whose_chosen = Signal(str)           # an evaluation's uuid, or "" for the signed-in user's own
    coaching_requested = Signal(str, str, str)   # item id, hit key ("" for the item as a whole), note

    def __init__(self, card: Scorecard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.evaluation: Evaluation | None = None
        self.stored = True                   # False: prefilled, not saved until the first change
        self.read_only = False               # another inspector's evaluation, shown to a lead
        self.user = ""
        self.whose = QComboBox(self)
        self.whose.setToolTip(self.tr("Whose evaluation of this call is shown"))
        self.whose.hide()
        self.whose.activated.connect(lambda _i: self.whose_chosen.emit(str(self.whose.currentData())))
        self.playhead = 0.0
        self.selection: tuple[float, float] | None = None
        self.hit_times: dict[str, float] = {}
        self.hit_labels: dict[str, str] = {}   # hit key → "R14 <rule name in the UI language>: evidence"
        self.suggestion: AutoScore | None = None     # the call's automatic score, shown beside, never saved
        self.total = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)             # "Not started: saved at your first change" wraps, never cut
        self.tree = QTreeWidget(self)
        self.tree.header().setDefaultSectionSize(40)   # the stretched Basis never below it (Qt's 100 overflowed)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Points"), self.tr("Score"), self.tr("Suggested"),
                                   self.tr("Basis")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Interactive)
        self.tree.header().setStretchLastSection(True)
        # Points, Score and Suggested hold numbers (and the fatal items' state boxes, elided to them): a number's
        # width each, so the item names keep their room; a longer English head is elided, whole on hover
        number = self.fontMetrics().horizontalAdvance("100.0") + 14
        states = max(self.fontMetrics().horizontalAdvance(self.tr(t)) for t in ("Pending review", "Confirmed"))
        for column in (1, 2, 3):
            self.tree.header().setSectionResizeMode(column, QHeaderView.Interactive)
            self.tree.setColumnWidth(column, max(number, min(states + 30, 80)) if column == 2 else number)
            self.tree.headerItem().setToolTip(column, self.tree.headerItem().text(column))
        self.tree.headerItem().setToolTip(3, self.tr("The automatic score from the rule hits: a suggestion, "
                                                     "never submitted"))
        self.tree.viewport().installEventFilter(self)
        self.tree.setFocusPolicy(Qt.StrongFocus)     # as the hit table: a click ends typing in a search box
        self.deduct_button = QPushButton(self.tr("Deduct…"), self)
        self.na_button = QPushButton(self.tr("N/A"), self)
        self.na_button.setCheckable(True)
        self.comment_button = QPushButton(self.tr("Comment…"), self)
        self.comment_button.setToolTip(self.tr("Anchored to the selection, or to the playhead without one"))
        self.submit_button = QPushButton(self.tr("Submit"), self)
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.appeal_button = QPushButton(self.tr("Record appeal…"), self)
        self.resolve_button = QPushButton(self.tr("Resolve appeal…"), self)
        self.coach_button = QPushButton(self.tr("Mark for coaching…"), self)
        self.coach_button.setToolTip(self.tr("The selected item, or the selected hit's deduction, for the agent's "
                                             "next coaching session"))
        self.appeals: list[dict] = []
        for button in (self.deduct_button, self.na_button, self.comment_button, self.submit_button,
                       self.reopen_button, self.appeal_button, self.resolve_button, self.coach_button):
            button.setFocusPolicy(Qt.NoFocus)
        top = QHBoxLayout()
        top.addWidget(self.whose)
        top.addWidget(self.total, 1)
        top.addWidget(self.status)
        buttons = QHBoxLayout()
        for button in (self.deduct_button, self.na_button, self.comment_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        after = QHBoxLayout()              # what happens to a submitted evaluation: a row of its own
        after.addWidget(self.coach_button)
        after.addStretch(1)
        after.addWidget(self.appeal_button)
        after.addWidget(self.resolve_button)
        after.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addLayout(after)
        self.deduct_button.clicked.connect(self._deduct)
        self.na_button.clicked.connect(self._toggle_na)
        self.comment_button.clicked.connect(self._comment)
        self.submit_button.clicked.connect(self.submit_requested.emit)
        self.reopen_button.clicked.connect(self._reopen)
        self.appeal_button.clicked.connect(self._appeal)
        self.resolve_button.clicked.connect(self._resolve)
        self.coach_button.clicked.connect(self._coach)
        self.tree.currentItemChanged.connect(lambda *_: self._sync_buttons())
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.show_evaluation(None)

    # -- showing ---------------------------------------------------------------------------------
    def show_evaluation(self, evaluation: Evaluation | None) -> None:
        current = self.selected_item()
        self.evaluation = evaluation
        self.tree.clear()
        if evaluation is None:
            self.total.setText(self.tr("No evaluation"))
            self.status.setText("")
            self._sync_buttons()
            return
        result = score(self.card, evaluation)
        english = english_ui()                     # the card's name_en in the English UI, as the rules have
        sections: dict[str, QTreeWidgetItem] = {}
        for item in self.card.items:
            parent = sections.get(item.section)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [f"{item.section} {self.card.name_of(item.section, english)}"])
                parent.setExpanded(True)
                sections[item.section] = parent
            state = evaluation.item(item.id)
            basis = self.tr("N/A") if state.na and item.na_allowed else ""
            row = QTreeWidgetItem(parent, [f"{item.id} {self.card.name_of(item.id, english)}", f"{item.points:g}",
                                           f"{result.items[item.id]:g}", *self._suggested(item.id, item.points),
                                           basis])
            row.setToolTip(3, self._suggested_why(item.id))
            row.setData(0, Qt.UserRole, item.id)
            row.setData(0, COACHING_ITEM, item.id)
            for deduction in state.deductions:
                child = QTreeWidgetItem(row, ["", f"{-deduction.points:+g}", "", "",
                                              self.hit_labels.get(deduction.hit_key or "", deduction.reason)])
                child.setData(0, Qt.UserRole + 1, deduction.hit_key)
                child.setData(0, COACHING_ITEM, item.id)
            row.setExpanded(bool(state.deductions))
            if current == item.id:
                self.tree.setCurrentItem(row)
        fatal_parent = QTreeWidgetItem(self.tree, [self.tr("Fatal items")])
        fatal_parent.setExpanded(True)
        states = {f.item: f for f in evaluation.fatal}
        for fatal in self.card.fatal:
            state = states.get(fatal.id)
            row = QTreeWidgetItem(fatal_parent, [f"{fatal.id} {self.card.name_of(fatal.id, english)}", "", "", self._suggested_fatal(fatal.id),
                                                 state.reason if state else ""])
            box = QComboBox(self.tree)
            # as narrow as a score: "Pending review" in English widened the Score column past the Suggested one
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(1)
            for key, text in (("", "—"), ("pending", self.tr("Pending review")), ("confirmed", self.tr("Confirmed")),
                              ("rejected", self.tr("Rejected"))):
                box.addItem(text, key)
            box.setCurrentIndex(max(0, box.findData(state.status if state else "")))
            box.setToolTip(box.currentText())
            box.setEnabled(self._editable())
            box.currentIndexChanged.connect(lambda _i, f=fatal.id, b=box: self._fatal_changed(f, b.currentData()))
            self.tree.setItemWidget(row, 2, box)
            if state is not None and state.status != "rejected":
                row.setForeground(0, QBrush(FATAL_RED))
            if state is not None and state.hit_key:
                row.setData(0, Qt.UserRole + 1, state.hit_key)
            row.setData(0, COACHING_ITEM, fatal.id)
        if evaluation.comments:
            notes = QTreeWidgetItem(self.tree, [self.tr("Comments")])
            notes.setExpanded(True)
            for comment in evaluation.comments:
                child = QTreeWidgetItem(notes, [f"{comment.start_s:.1f} s", "", "", "", comment.text])
                child.setData(0, Qt.UserRole + 2, comment.start_s)
        if self.appeals:
            section = QTreeWidgetItem(self.tree, [self.tr("Appeals")])
            section.setExpanded(True)
            labels = {"open": self.tr("Open"), "upheld": self.tr("Upheld"), "rejected": self.tr("Rejected")}
            for appeal in self.appeals:
                due = self.tr("answer by %1").replace("%1", appeal["due_at"]) if appeal.get("due_at") else ""
                # the deadline leads the wide last column: in the narrow points column it was cut off
                QTreeWidgetItem(section, [f"v{appeal['version']} {appeal.get('item_id') or ''} {appeal['agent_id']}",
                                          "", labels.get(appeal["status"], appeal["status"]), "",
                                          (f"{due} · " if due else "") + appeal["text"]
                                          + (f" → {appeal['resolution']}" if appeal["resolution"] else "")])
        self._fit_columns()
        text = self.tr("Total: %1").replace("%1", f"{result.total:g}")
        if result.fatal:
            text += " " + self.tr("(fatal item confirmed)")
        elif result.pending_fatal:
            text += " " + self.tr("(fatal item waiting for review)")
        if self.suggestion is not None:
            text += " · " + self.tr("suggested %1").replace("%1", f"{self.suggestion.total:g}")
        self.total.setText(text)
        self.total.setStyleSheet("color: #c0392b; font-weight: bold;" if result.fatal else "font-weight: bold;")
        status = ({"draft": self.tr("Draft, saved"), "submitted": self.tr("Submitted"),
                   "reopened": self.tr("Reopened")}.get(evaluation.status, evaluation.status)
                  + f" · v{evaluation.version}") if self.stored else self.tr("Not started: saved at your first change")
        if self.read_only:
            status = self.tr("Read only: %1's evaluation").replace("%1", evaluation.inspector) + " · " + status
        pending = [a for a in self.appeals if a["status"] == "open"]
        if pending:        # an open appeal is what a lead or inspector must see first, not at the bottom
            status += " · " + self.tr("appeal open: %1, answer by %2").replace(
                "%1", pending[0].get("item_id") or self.tr("whole evaluation")).replace("%2", pending[0].get("due_at") or "–")
        self.status.setText(status)
        self._sync_buttons()

    def _suggested(self, item_id: str, points: float) -> list[str]:
        """The points the automatic score leaves the item ("?": no rule gives evidence for it)."""
        if self.suggestion is None:
            return [""]
        if item_id in self.suggestion.unknown:
            return ["?"]
        found = self.suggestion.items.get(item_id)
        return [f"{points - found.deduction:g}" if found is not None else ""]

    def _suggested_why(self, item_id: str) -> str:
        found = self.suggestion.items.get(item_id) if self.suggestion is not None else None
        if self.suggestion is not None and item_id in self.suggestion.unknown:
            return self.tr("No rule gives evidence for this item")
        if found is None or not found.deduction:
            return ""
        return (self.tr("−%1 from %2, confidence %3").replace("%1", f"{found.deduction:g}")
                .replace("%2", ", ".join(found.rules)).replace("%3", f"{found.confidence:.2f}"))

    def _suggested_fatal(self, fatal_id: str) -> str:
        if self.suggestion is None:
            return ""
        if fatal_id in self.suggestion.fatal:
            return self.tr("red line")
        if fatal_id in self.suggestion.review:
            return self.tr("review")
        return "?" if fatal_id in self.suggestion.unknown else ""

    def selected_item(self) -> str | None:
        row = self.tree.currentItem()
        return row.data(0, Qt.UserRole) if row is not None else None

    def select(self, item_id: str) -> None:
        for row in self.tree.findItems(item_id, Qt.MatchStartsWith | Qt.MatchRecursive, 0):
            if row.data(0, Qt.UserRole) == item_id:
                self.tree.setCurrentItem(row)

    # -- editing ---------------------------------------------------------------------------------
    def deduct(self, item_id: str, points: float, reason: str) -> None:
        state = self.evaluation.item(item_id)
        self._emit(self.evaluation.with_item(ItemState(item_id, (*state.deductions, Deduction(points, reason,
                                                                                              self.user)),
                                                       state.na)))

    def set_na(self, item_id: str, na: bool) -> None:
        state = self.evaluation.item(item_id)
        self._emit(self.evaluation.with_item(ItemState(item_id, state.deductions, na)))

    def add_comment(self, text: str, start: float, end: float | None = None) -> None:
        self._emit(replace(self.evaluation, comments=(*self.evaluation.comments, Comment(start, end, text, self.user))))

    def _fit_columns(self) -> None:
        """A long item name (in English) is elided, never pushing the points, scores and suggestions out of view."""
        header = self.tree.header()              # the stretched Basis keeps its default size at least
        others = sum(header.sectionSize(c) for c in (1, 2, 3)) + header.defaultSectionSize()
        longest = self.tree.fontMetrics().horizontalAdvance("A1 Greeting and job number") + 48
        self.tree.setColumnWidth(0, max(120, min(self.tree.sizeHintForColumn(0), longest,
                                                 self.tree.viewport().width() - others)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()                    # the names take what the numbers leave, at every width
        return False

    def _fatal_changed(self, fatal_id: str, status: str) -> None:
        if self.evaluation is None or not status:
            return
        current = next((f for f in self.evaluation.fatal if f.item == fatal_id), None)
        if current is not None and current.status == status:
            return
        reason = current.reason if current else self.tr("set by the inspector")
        updated = self.evaluation.with_fatal(FatalState(fatal_id, status, reason, self.user,
                                                        current.hit_key if current else None))
        # Saving rebuilds the tree, which deletes the combo box whose signal is running: defer it.
        QTimer.singleShot(0, lambda: self._emit(updated))

    def _emit(self, evaluation: Evaluation) -> None:
        self.changed.emit(evaluation)

    def offer(self, choices: list[tuple[str, str]], current: str) -> None:
        """(label, uuid) pairs for the chooser, "" standing for one's own; hidden when there is no choice."""
        self.whose.blockSignals(True)
        self.whose.clear()
        for label, uuid in choices:
            self.whose.addItem(label, uuid)
        self.whose.setCurrentIndex(max(0, self.whose.findData(current)))
        self.whose.blockSignals(False)
        self.whose.setVisible(len(choices) > 1)

    def _editable(self) -> bool:
        return self.evaluation is not None and self.evaluation.status != "submitted" and not self.read_only

    def _sync_buttons(self) -> None:
        item_id = self.selected_item()
        item = next((i for i in self.card.items if i.id == item_id), None)
        editable = self._editable()
        self.deduct_button.setEnabled(editable and item is not None)
        self.na_button.setEnabled(editable and item is not None and item.na_allowed)
        self.na_button.setChecked(bool(item and self.evaluation and self.evaluation.item(item.id).na))
        self.comment_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        submitted = self.evaluation is not None and self.evaluation.status == "submitted"
        self.reopen_button.setEnabled(submitted)
        self.appeal_button.setEnabled(submitted)
        self.resolve_button.setEnabled(any(a["status"] == "open" for a in self.appeals))
        row = self.tree.currentItem()
        self.coach_button.setEnabled(self.stored and self.evaluation is not None and row is not None
                                     and row.data(0, COACHING_ITEM) is not None)

    def _deduct(self) -> None:
        item_id = self.selected_item()
        if item_id is None:
            return
        item = next(i for i in self.card.items if i.id == item_id)
        dialog = _DeductionDialog(self, about=self.tr("%1 %2 — at most %3 point(s)").replace("%1", item.id)
                                  .replace("%2", self.card.name_of(item.id, english_ui()))
                                  .replace("%3", f"{item.cap or item.points:g}"))
        dialog.points.setMaximum(item.cap or item.points)
        if dialog.exec() and dialog.reason.text().strip():
            self.deduct(item_id, dialog.points.value(), dialog.reason.text().strip())

    def _toggle_na(self) -> None:
        item_id = self.selected_item()
        if item_id is not None:
            self.set_na(item_id, self.na_button.isChecked())

    def _comment(self) -> None:
        dialog = _DeductionDialog(self, comment=True)
        if dialog.exec() and dialog.reason.text().strip():
            start, end = self.selection if self.selection else (self.playhead, None)
            self.add_comment(dialog.reason.text().strip(), start, end)

    def _reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Reopen evaluation"), self.tr("Why is it reopened?"))
        if ok and reason.strip():
            self.reopen_requested.emit(reason.strip())

    def _appeal(self) -> None:
        whole = self.tr("The whole evaluation")
        choices = [whole] + [f"{item.id} {self.card.name_of(item.id, english_ui())}"
                             for item in (*self.card.items, *self.card.fatal)]
        item, ok = QInputDialog.getItem(self, self.tr("Record appeal"), self.tr("What does the agent appeal?"),
                                        choices, 0, False)
        if not ok:
            return
        text, ok = QInputDialog.getText(self, self.tr("Record appeal"), self.tr("The agent's reasons:"))
        if ok and text.strip():
            self.appeal_requested.emit(text.strip(), "" if item == whole else item.split(" ", 1)[0])

    def _coach(self) -> None:
        row = self.tree.currentItem()
        item_id = row.data(0, COACHING_ITEM) if row is not None else None
        if item_id is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Mark for coaching"),
                                        self.tr("What should the coaching work on? (optional)"))
        if ok:
            self.coaching_requested.emit(item_id, row.data(0, Qt.UserRole + 1) or "", note.strip())

    def _resolve(self) -> None:
        open_appeals = [a for a in self.appeals if a["status"] == "open"]
        if not open_appeals:
            return
        choice, ok = QInputDialog.getItem(self, self.tr("Resolve appeal"), self.tr("Decision:"),
                                          [self.tr("Upheld"), self.tr("Rejected")], 0, False)
        if not ok:
            return
        resolution, ok = QInputDialog.getText(self, self.tr("Resolve appeal"), self.tr("Resolution:"))
        if ok:
            self.resolve_requested.emit(open_appeals[0]["id"], choice == self.tr("Upheld"), resolution.strip())

    def _double_clicked(self, row: QTreeWidgetItem, _column: int) -> None:
        key = row.data(0, Qt.UserRole + 1)
        at = row.data(0, Qt.UserRole + 2)
        if key and key in self.hit_times:
            self.seek_requested.emit(max(0.0, self.hit_times[key] - 1.0))
        elif at is not None:
            self.seek_requested.emit(float(at))


class _DeductionDialog(QDialog):
    def __init__(self, parent: QWidget, comment: bool = False, about: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comment") if comment else self.tr("Deduction"))
        self.about = QLabel(about, self)      # which item, and the most it can lose
        self.points = QDoubleSpinBox(self)
        self.points.setRange(-100, 100)     # a negative adjustment gives points back, with its reason
        self.points.setSingleStep(0.5)
        self.points.setValue(1)
        self.reason = QLineEdit(self)
        form = QFormLayout()
        if about:
            form.addRow(self.about)
        if not comment:
            form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Text") if comment else self.tr("Reason"), self.reason)
        form_above_buttons(self, form)
