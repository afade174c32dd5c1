"""File → Search all calls (Ctrl+Shift+F): sentences across every call and transcript version, homophones
included, filtered by speaker, agent, dates, category and rule hit. Double-clicking a sentence opens its
call in the main window at that moment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from inspector.ui.category_names import category_text
from inspector.ui.window_sizes import open_within_screen
from inspector.desk.desk import Desk
from inspector.domain.search import Found, SearchFilter
from inspector.ui.tables import fill, read_only_table

LIMIT = 200


class SearchWindow(QWidget):
    """Emits ``open_at(call_id, seconds)`` when a sentence is double-clicked."""

    open_at = Signal(int, float)

    def __init__(self, desk: Desk, parent: QWidget | None = None,
                 shown: Callable[[list[Found]], list[Found]] = lambda found: found) -> None:
        super().__init__(parent, Qt.Window)       # a window of its own beside the main window, not modal
        self._desk = desk
        self.shown = shown                        # the signed-in user's view (privacy.visibility: masked or not)
        self.found: list[Found] = []
        self.setWindowTitle(self.tr("Search all calls"))
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Words said in a call (a homophone typo still finds them)"))
        self.speaker = QComboBox(self)
        for label, key in ((self.tr("Both speakers"), None), (self.tr("Agent"), "agent"),
                           (self.tr("Customer"), "customer")):
            self.speaker.addItem(label, key)
        self.agent = QComboBox(self)
        self.category = QComboBox(self)
        self.rule = QLineEdit(self)
        self.rule.setPlaceholderText(self.tr("Rule hit, e.g. R06"))
        self.use_dates = QCheckBox(self.tr("Dates"), self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1), self, calendarPopup=True)
        self.date_to = QDateEdit(QDate.currentDate(), self, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.go = QPushButton(self.tr("Search"), self)
        self.count = QLabel(self)
        self.table = read_only_table(self, [self.tr("Call"), self.tr("Time"), self.tr("Speaker"),
                                            self.tr("Sentence")])
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectRows)

        first = QHBoxLayout()
        first.addWidget(self.query, 3)
        first.addWidget(self.speaker)
        first.addWidget(self.go)
        second = QHBoxLayout()
        for widget in (self.agent, self.category, self.rule, self.use_dates, self.date_from, self.date_to):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.table)

        self.query.returnPressed.connect(self.run)
        self.go.clicked.connect(self.run)
        self.table.cellDoubleClicked.connect(self._open)
        self.reload_choices()
        open_within_screen(self, "SearchWindow", QSize(900, 560))

    def reload_choices(self) -> None:
        self.agent.clear()
        self.agent.addItem(self.tr("All agents"), None)
        for agent_id, name in self._desk.calls.agents():
            self.agent.addItem(f"{agent_id} {name}".strip(), agent_id)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for label, count in self._desk.categories.in_use():
            self.category.addItem(f"{category_text(label)} ({count})", label)

    def current_filter(self) -> SearchFilter:
        dates = self.use_dates.isChecked()
        return SearchFilter(
            speaker=self.speaker.currentData(), agent_id=self.agent.currentData(),
            date_from=self.date_from.date().toString("yyyy-MM-dd") if dates else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if dates else None,
            category=self.category.currentData(), rule=self.rule.text().strip().upper() or None)

    def run(self) -> None:
        """A query is one indexed lookup (tens of milliseconds on 100,000 calls, see bench/search.py)."""
        self.found = self.shown(self._desk.search(self.query.text(), self.current_filter(), LIMIT))
        speakers = {"agent": self.tr("Agent"), "customer": self.tr("Customer")}
        fill(self.table, [(f.call, f"{int(f.start // 60)}:{f.start % 60:04.1f}", speakers.get(f.speaker, f.speaker),
                           ("≈ " if f.by_sound else "") + f.text) for f in self.found])
        self.count.setText(self.tr("%n sentence(s)", "", len(self.found)))

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.found):
            self.open_at.emit(self.found[row].call_id, self.found[row].start)
