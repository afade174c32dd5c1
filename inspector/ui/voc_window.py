"""File → Voice of the customer (Ctrl+Shift+V): why customers call (top reasons), what they newly talk
about (emerging topics of the week, with examples), repeat callers and complaints, and the QA score beside
the customers' satisfaction. Computed in the background (reports.voc.voc_job)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from inspector.reports.topics import MIN_CALLS
from inspector.ui.category_names import category_text
from inspector.ui.window_sizes import open_within_screen
from inspector.reports.voc import VoiceOfCustomer, voc_job
from inspector.desk.desk import on_own_desk
from inspector.ui.tables import fill, read_only_table
from inspector.ui.tasks import TaskHandle, TaskRunner


def _number(value) -> str:
    return "—" if value is None else f"{value:g}"


class VocWindow(QWidget):
    def __init__(self, database: Path, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(self.tr("Voice of the customer"))
        self._database = database
        self._tasks = tasks
        self.result: VoiceOfCustomer | None = None
        self._running: TaskHandle | None = None
        self.week_ending = QDateEdit(QDate.currentDate(), self, calendarPopup=True)
        self.week_ending.setDisplayFormat("yyyy-MM-dd")
        self.days = QSpinBox(self)
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.status = QLabel(self)
        self.reasons = read_only_table(self, [self.tr("Category"), self.tr("Calls"), self.tr("Share"),
                                              self.tr("Week before"), self.tr("Change")])
        self.topics_label = QLabel(self)
        self.topics = read_only_table(self, [self.tr("Words"), self.tr("Calls this week"), self.tr("Before"),
                                             self.tr("Rise"), self.tr("Example")])
        self.repeats_label = QLabel(self)
        self.repeats = read_only_table(self, [self.tr("Call"), self.tr("Earlier call"), self.tr("Days after"),
                                              self.tr("Again about")])
        self.agents_label = QLabel(self)
        self.agents = read_only_table(self, [self.tr("Agent"), self.tr("Evaluations"), self.tr("QA mean"),
                                             self.tr("Surveyed"), self.tr("Satisfaction"), self.tr("Resolved")])
        self.tabs = QTabWidget(self)
        for title, widgets in ((self.tr("Top reasons"), [self.reasons]),
                               (self.tr("Emerging topics"), [self.topics_label, self.topics]),
                               (self.tr("Repeat callers"), [self.repeats_label, self.repeats]),
                               (self.tr("QA vs satisfaction"), [self.agents_label, self.agents])):
            page = QWidget(self.tabs)
            column = QVBoxLayout(page)
            for widget in widgets:
                column.addWidget(widget)
            self.tabs.addTab(page, title)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Week ending"), self))
        top.addWidget(self.week_ending)
        top.addWidget(QLabel(self.tr("Repeat within"), self))
        top.addWidget(self.days)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.refresh_button.clicked.connect(self.refresh)
        open_within_screen(self, "VocWindow", QSize(960, 600))

    def refresh(self):
        day = date.fromisoformat(self.week_ending.date().toString("yyyy-MM-dd"))
        days = self.days.value()
        self.status.setText(self.tr("Computing…"))
        if self._running is not None:
            self._running.cancel()              # a newer choice of week: the older result is never shown
        job = on_own_desk(self._database, lambda desk, cancel: voc_job(desk.db, day, days, cancel))
        self._running = self._tasks.submit("voc", job, self._show,
                                           on_error=lambda error: self.status.setText(str(error)))
        return self._running

    def _show(self, result: VoiceOfCustomer) -> None:
        self.result = result
        self.status.setText(self.tr("%n categorised call(s) this week", "", result.categorised_calls))
        fill(self.reasons, [(category_text(r.category), str(r.calls), f"{r.share:.0%}", str(r.previous_calls),
                             f"{r.change:+d}" + ("" if r.change_rate is None else f" ({r.change_rate:+.0%})"))
                            for r in result.reasons])
        t = result.topics
        self.topics_label.setText(self.tr("Customers' words in %1 – %2 (%3 calls) against %4 – %5 (%6 calls)")
                                  .replace("%1", t.week[0]).replace("%2", t.week[1])
                                  .replace("%3", str(t.calls_this_week)).replace("%4", t.baseline[0])
                                  .replace("%5", t.baseline[1]).replace("%6", str(t.calls_before))
                                  + ("" if t.topics else " — " + self.tr(
                                      "no words rose: a topic is the same words in at least %n of the week's calls",
                                      "", MIN_CALLS)))
        fill(self.topics, [(x.words, str(x.calls_this_week), str(x.calls_before), f"{x.rise:g}",
                            f"{x.examples[0].call} «{x.examples[0].text}»" if x.examples else "")
                           for x in t.topics])
        o = result.outcome
        self.repeats_label.setText(self.tr("%1 of %2 callers called again within %3 days: %4 repeat calls, "
                                           "%5 about the same category (repeat complaints)")
                                   .replace("%1", str(o.repeat_callers)).replace("%2", str(o.calls_with_caller))
                                   .replace("%3", str(o.days)).replace("%4", str(len(o.repeat_calls)))
                                   .replace("%5", str(o.repeat_complaints)))
        fill(self.repeats, [(r.call, r.previous, f"{r.days_after:g}", "、".join(category_text(c) for c in r.categories)) for r in o.repeat_calls])
        correlation = o.qa_satisfaction_correlation
        self.agents_label.setText(
            self.tr("QA score against satisfaction over %1 calls: r = %2").replace("%1", str(o.qa_satisfaction_pairs))
            .replace("%2", "—" if correlation is None else f"{correlation:.2f}"))
        fill(self.agents, [(a.agent_id, str(a.evaluations), _number(a.qa_mean), str(a.surveyed),
                            _number(a.satisfaction_mean),
                            "—" if a.resolved_rate is None else f"{a.resolved_rate:.0%}") for a in o.agents])
