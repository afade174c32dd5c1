"""Review → Coaching (team leads): each session's items with the agent's losses before and after it and
whether that is an improvement, the items still marked and waiting, and a form for a new session. The
figures come from ``review.coaching``; this dialog only shows them and records sessions through it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import User
from inspector.review.coaching import CoachingService, ItemEffect, Share
from inspector.ui.core_messages import error_text
from inspector.ui.i18n import english_ui
from inspector.ui.tables import fill, read_only_table
from inspector.users.policy import NotAllowed

FOLLOW_UP_DAYS = 30


def _share(share: Share) -> str:
    if not share.evaluations:
        return "—"
    low, high = share.interval
    return f"{share.lost}/{share.evaluations} ({100 * share.rate:.0f}%, {100 * low:.0f}–{100 * high:.0f}%)"


class SessionForm(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New coaching session"))
        self.agent = QLineEdit(self)
        self.items = QLineEdit(self)
        self.items.setPlaceholderText("C2,B3")
        self.actions = QLineEdit(self)
        self.held = QDateEdit(QDate.currentDate(), self)
        self.follow_up = QDateEdit(QDate.currentDate().addDays(FOLLOW_UP_DAYS), self)
        for edit in (self.held, self.follow_up):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Agent (工号):"), self.agent)
        form.addRow(self.tr("Items:"), self.items)
        form.addRow(self.tr("Agreed actions:"), self.actions)
        form.addRow(self.tr("Held on:"), self.held)
        form.addRow(self.tr("Follow-up:"), self.follow_up)
        form.addRow(buttons)
        open_within_screen(self, "SessionForm", QSize(460, 220))


class CoachingDialog(QDialog):
    def __init__(self, service: CoachingService, actor: User, lane: DatabaseLane,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.actor, self.lane = service, actor, lane
        self.effects: list[ItemEffect] = []
        self.setWindowTitle(self.tr("Coaching"))
        self.table = read_only_table(self, [self.tr("Agent"), self.tr("Held on"), self.tr("Coach"), self.tr("Item"),
                                            self.tr("Lost before"), self.tr("Lost after"), self.tr("Drop"),
                                            self.tr("Verdict"), self.tr("Actions"), self.tr("Follow-up")])
        self.marks_label = QLabel(self)
        self.marks = read_only_table(self, [self.tr("Agent"), self.tr("Call"), self.tr("Item"), self.tr("Note"),
                                            self.tr("Marked by")])
        new = QPushButton(self.tr("New session…"), self)
        new.clicked.connect(self._new_session)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(new)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Losses on the coached items in the agent's evaluations, 90 days before "
                                        "the session against from its day on (95% intervals)"), self))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.marks_label)
        layout.addWidget(self.marks, 1)
        layout.addLayout(bottom)
        open_within_screen(self, "CoachingDialog", QSize(1150, 560))
        self.refresh()

    def refresh(self) -> None:
        verdicts = {"improved": self.tr("improved"), "worse": self.tr("worse"), "unclear": self.tr("not clear yet"),
                    "no data yet": self.tr("no data yet")}
        self.effects = self.service.effects()
        fill(self.table, [(e.session.agent_id, e.session.held_on, e.session.coach, f"{e.item} {self.service.item_name(e.item, english_ui())}",
                           _share(e.before), _share(e.after),
                           f"{100 * e.difference[0]:+.0f}% … {100 * e.difference[1]:+.0f}%" if e.difference else "—",
                           verdicts.get(e.verdict, e.verdict), e.session.actions, e.session.follow_up or "")
                          for e in self.effects])
        waiting = self.service.marks()
        self.marks_label.setText(self.tr("Marked for coaching, waiting for a session: %1").replace("%1",
                                                                                             str(len(waiting))))
        fill(self.marks, [(m["agent_id"], m["call_ref"], m["item_id"] + (f" ({m['hit_key']})" if m["hit_key"] else ""),
                           m["note"], m["marked_by"]) for m in waiting])

    def add_session(self, agent: str, items: str, actions: str, held: date, follow_up: date | None) -> None:
        """Recorded by an operation on the database lane; the tables follow once it is stored, a refusal is
        said in the dialog."""
        actor, card = self.actor, self.service.card

        def record(db):
            return CoachingService(db, card).add(actor, agent.strip(), items.replace("，", ",").split(","), actions,
                                                 follow_up.isoformat() if follow_up else None,
                                                 held.isoformat()), OpChanges()

        self.lane.run(record, lambda _id: self.refresh(), on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, (NotAllowed, ValueError)):
            raise exc
        QMessageBox.information(self, self.tr("Not recorded"), error_text(exc))

    def _new_session(self) -> None:
        form = SessionForm(self)
        if form.exec() == QDialog.Accepted:
            self.add_session(form.agent.text(), form.items.text(), form.actions.text(),
                             form.held.date().toPython(), form.follow_up.date().toPython())

