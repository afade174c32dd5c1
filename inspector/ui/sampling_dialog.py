"""Review → Sampling plans (team leads): strata (fatal hits, rules, every signal: automatic score, category,
emotion, survey, repeat callers, listen-to-confirm, a must-review list of calls), filters and assignment,
saved by name, drawn with a seed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog,
                               QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from inspector.domain.people import User
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.window_sizes import open_within_screen
from inspector.intake.call_ids import CallListError, read_call_ids
from inspector.review.queue import (REVIEWERS, PlanError, Sample, SamplingPlan, draw, filtered_counts, load_plan, plan_names,
                                   save_plan)
from inspector.desk.desk import Desk
from inspector.users.policy import NotAllowed
from inspector.ui.tables import fill, read_only_table
from inspector.ui.core_messages import error_text


class SamplingDialog(QDialog):
    def __init__(self, desk: Desk, actor: User, reason_text, parent: QWidget | None = None, *,
                 lane: DatabaseLane) -> None:
        super().__init__(parent)
        db = desk.db
        self.db, self.actor, self.reason_text, self.lane = db, actor, reason_text, lane
        self.last: Sample | None = None
        self.setWindowTitle(self.tr("Sampling plans"))
        self.plans = QComboBox(self)
        self.plans.addItem(self.tr("(new plan)"), None)
        for name in plan_names(db):
            self.plans.addItem(name, name)
        self.plans.currentIndexChanged.connect(self._load)
        self.fatal = QCheckBox(self.tr("Every call with a fatal-rule hit"), self)
        self.fatal.setChecked(True)
        self.rules = QLineEdit(self)
        self.rules.setPlaceholderText(self.tr("e.g. R13, R14"))
        self.auto_below = QSpinBox(self)                   # 0: off
        self.auto_below.setRange(0, 100)
        self.auto_below.setSpecialValueText(self.tr("off"))
        self.category = QLineEdit(self)
        self.category.setPlaceholderText(self.tr("e.g. 资费争议"))
        self.survey_below = QSpinBox(self)                 # 0: off
        self.survey_below.setRange(0, 100)
        self.survey_below.setSpecialValueText(self.tr("off"))
        self.worsened = QCheckBox(self.tr("Customer's emotion worsened"), self)
        self.unresolved = QCheckBox(self.tr("Not resolved"), self)
        self.repeat_callers = QCheckBox(self.tr("Repeat caller (within 7 days)"), self)
        self.listen = QCheckBox(self.tr("A 'listen to confirm' hit"), self)
        self.must_review: tuple[str, ...] = ()
        self.calls_button = QPushButton(self.tr("Must review: import call ids…"), self)
        self.calls_button.clicked.connect(self._choose_calls)
        self.calls_label = QLabel(self)
        self.calls_due = QSpinBox(self)
        self.calls_due.setRange(0, 90)
        self.calls_due.setValue(1)
        self.calls_due.setSuffix(self.tr(" day(s)"))
        self.share = QComboBox(self)
        self.share.addItem(self.tr("none"), None)
        self.share.addItem(self.tr("calls per agent"), "per_agent")
        self.share.addItem(self.tr("% of each agent's calls"), "percent")
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1000)
        self.amount.setDecimals(0)
        self.business = QLineEdit(self)
        self.business.setPlaceholderText(self.tr("any"))
        self.min_duration, self.max_duration = QSpinBox(self), QSpinBox(self)
        for box in (self.min_duration, self.max_duration):
            box.setRange(0, 36000)
            box.setSuffix(self.tr(" s"))
        self.max_duration.setValue(36000)
        self.assignees = QListWidget(self)
        self.people: dict[str, str] = {}          # id → name, to show names beside ids
        never_text = self.tr("never logged in")
        for account in desk.users.accounts():
            self.people[account.id] = account.name
            if not account.active or account.role not in REVIEWERS:      # an agent reviews no one's calls
                continue
            never = account.must_change_password     # still on the password a lead set: never logged in
            text = f"{account.id} {account.name}" + (f" ({never_text})" if never else "")
            item = QListWidgetItem(text, self.assignees)
            item.setData(Qt.UserRole, account.id)
            item.setCheckState(Qt.Checked if account.role == "inspector" and not never else Qt.Unchecked)
        self.agents = dict(desk.calls.agents())
        self.use_dates = QCheckBox(self.tr("Only calls from"), self)
        self.date_from = QDateEdit(QDate.currentDate().addDays(-7), self, calendarPopup=True)
        self.date_to = QDateEdit(QDate.currentDate(), self, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.use_dates.toggled.connect(edit.setEnabled)
        self.previewed: Sample | None = None
        self.previewed_plan: SamplingPlan | None = None
        self.by_load = QCheckBox(self.tr("Assign by load (fewest open calls first) instead of in turn"), self)
        self.due_days = QSpinBox(self)
        self.due_days.setRange(0, 90)
        self.due_days.setValue(3)
        self.due_days.setSuffix(self.tr(" day(s)"))
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("random (recorded)"))
        duration = QHBoxLayout()
        duration.addWidget(self.min_duration)
        duration.addWidget(QLabel("–", self))
        duration.addWidget(self.max_duration)
        share = QHBoxLayout()
        share.addWidget(self.share)
        share.addWidget(self.amount)
        form = QFormLayout()
        form.addRow(self.tr("Plan"), self.plans)
        form.addRow(self.fatal)
        form.addRow(self.tr("Every call with these rules"), self.rules)
        form.addRow(self.tr("Automatic score below"), self.auto_below)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Survey score below"), self.survey_below)
        signals = QHBoxLayout()
        for box in (self.worsened, self.unresolved, self.repeat_callers, self.listen):
            signals.addWidget(box)
        form.addRow(signals)
        listed = QHBoxLayout()
        listed.addWidget(self.calls_button)
        listed.addWidget(self.calls_label, 1)
        listed.addWidget(QLabel(self.tr("due in"), self))
        listed.addWidget(self.calls_due)
        form.addRow(listed)
        form.addRow(self.tr("At random"), share)
        form.addRow(self.tr("Business type"), self.business)
        form.addRow(self.tr("Duration"), duration)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(dates)
        form.addRow(self.tr("Assign to"), self.assignees)
        form.addRow(self.by_load)
        form.addRow(self.tr("Due in"), self.due_days)
        form.addRow(self.tr("Seed"), self.seed)
        self.result = read_only_table(self, [self.tr("Call"), self.tr("Agent"), self.tr("Assigned to"),
                                             self.tr("Due"), self.tr("Why")])
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)           # a long preview wraps instead of widening the dialog
        save = QPushButton(self.tr("Save plan as…"), self)
        save.clicked.connect(self._save)
        preview_button = QPushButton(self.tr("Preview"), self)
        preview_button.setDefault(True)
        preview_button.clicked.connect(self.preview)
        self.assign_button = draw_button = QPushButton(self.tr("Assign these calls"), self)
        self.assign_button.setEnabled(False)          # only what was previewed is assigned
        draw_button.clicked.connect(self.draw)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(save)
        bottom.addWidget(preview_button)
        bottom.addWidget(draw_button)
        bottom.addWidget(buttons)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(self.result)
        right.addWidget(self.summary)            # a row of its own: a preview's breakdown reads as a line
        right.addLayout(bottom)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        open_within_screen(self, "SamplingDialog", QSize(1100, 560))

    def plan(self) -> SamplingPlan:
        share, amount = self.share.currentData(), int(self.amount.value())
        seed = self.seed.text().strip()
        return SamplingPlan(
            fatal=self.fatal.isChecked(),
            rules=tuple(r.strip().upper() for r in self.rules.text().replace("，", ",").split(",") if r.strip()),
            per_agent=amount if share == "per_agent" else None, percent=amount if share == "percent" else None,
            business=self.business.text().strip() or None,
            min_duration_s=self.min_duration.value() or None,
            max_duration_s=self.max_duration.value() if self.max_duration.value() < 36000 else None,
            assignees=tuple(self.assignees.item(i).data(Qt.UserRole) for i in range(self.assignees.count())
                            if self.assignees.item(i).checkState() == Qt.Checked),
            assign_mode="by_load" if self.by_load.isChecked() else "round_robin",
            due_days=self.due_days.value() or None, seed=int(seed) if seed.isdigit() else None,
            auto_below=float(self.auto_below.value()) or None, category=self.category.text().strip() or None,
            worsened=self.worsened.isChecked(), survey_below=float(self.survey_below.value()) or None,
            unresolved=self.unresolved.isChecked(), repeat_callers=self.repeat_callers.isChecked(),
            listen=self.listen.isChecked(), must_review=self.must_review, must_review_due_days=self.calls_due.value(),
            date_from=self.date_from.date().toString("yyyy-MM-dd") if self.use_dates.isChecked() else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if self.use_dates.isChecked() else None)

    def preview(self) -> Sample | None:
        """What the plan would draw and give to whom, nothing assigned: per stratum and per inspector."""
        plan = self.plan()
        try:
            sample = draw(self.db, plan, self.actor, self.plans.currentData(), store=False)
        except (PlanError, NotAllowed) as exc:
            QMessageBox.information(self, self.tr("Sampling plans"), error_text(exc))
            return None
        if not sample.picks:                          # the last result stays; say why nothing more comes
            self.summary.setText(self._why_nothing(plan))
            self.assign_button.setEnabled(False)
            return sample
        self.previewed, self.previewed_plan = sample, plan
        self._show(sample)
        self.summary.setText(self.tr("Preview, nothing assigned yet: %1").replace("%1", self._breakdown(sample)))
        self.assign_button.setEnabled(True)
        return sample

    def draw(self) -> None:
        """Assign what was previewed (the same seed draws the same calls); without a preview, preview first.
        Drawn and stored by an operation on the database lane; the result shows (``last``) once stored."""
        plan = self.plan()
        if self.previewed is None or self.previewed_plan != plan:
            if self.preview() is None or self.previewed is None or self.previewed_plan != plan:
                return
        seeded, actor, name = replace(plan, seed=self.previewed.seed), self.actor, self.plans.currentData()

        def assign(db):
            sample = draw(db, seeded, actor, name)
            return sample, OpChanges(frozenset(p.call_id for p in sample.picks))

        self.lane.run(assign, self._drawn, on_error=self._refused)

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, (PlanError, NotAllowed)):
            raise exc
        QMessageBox.information(self, self.tr("Sampling plans"), error_text(exc))

    def _drawn(self, sample: Sample) -> None:
        self.last = sample
        self.previewed = self.previewed_plan = None
        self.assign_button.setEnabled(False)
        self._show(self.last)
        summary = self.tr("%1 call(s) drawn, seed %2").replace("%1", str(len(self.last.picks))).replace(
            "%2", str(self.last.seed)) + " · " + self._breakdown(self.last)
        if self.last.already or self.last.unknown:
            summary += " · " + self.tr("listed: %1 already in review, %2 not in this workspace").replace(
                "%1", str(len(self.last.already))).replace("%2", str(len(self.last.unknown)))
        self.summary.setText(summary)

    def _show(self, sample: Sample) -> None:
        fill(self.result, [(p.call_ref, self._named(p.agent_id, self.agents), self._named(p.assignee, self.people)
                            if p.assignee else self.tr("(nobody)"), p.due_at or "",
                            ", ".join(self.reason_text(r) for r in p.reasons)) for p in sample.picks])

    @staticmethod
    def _named(who: str | None, names: dict[str, str]) -> str:
        return f"{who} {names.get(who, '')}".strip() if who else ""

    def _breakdown(self, sample: Sample) -> str:
        """How many per stratum (a call's first reason) and per inspector."""
        strata: dict[str, int] = {}
        people: dict[str, int] = {}
        for pick in sample.picks:
            reason = self.reason_text(pick.reasons[0]) if pick.reasons else ""
            strata[reason] = strata.get(reason, 0) + 1
            who = self._named(pick.assignee, self.people) if pick.assignee else self.tr("(nobody)")
            people[who] = people.get(who, 0) + 1
        return (self.tr("%1 call(s): %2").replace("%1", str(len(sample.picks))).replace(
            "%2", ", ".join(f"{k} {v}" for k, v in strata.items()))
            + " · " + ", ".join(f"{k}: {v}" for k, v in people.items()))

    def _why_nothing(self, plan: SamplingPlan) -> str:
        matching, new = filtered_counts(self.db, plan)
        if not matching:
            return self.tr("Nothing to draw: no call matches the filters (business type, duration, dates).")
        if not new:
            return self.tr("Nothing more to draw: all %1 call(s) within the filters are already assigned or "
                           "scored.").replace("%1", str(matching))
        return self.tr("Nothing to draw: %1 call(s) within the filters are not yet assigned, but none has a "
                       "fatal hit, a chosen rule or signal, and no random share is set.").replace("%1", str(new))

    def _choose_calls(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Calls that must be reviewed"), "",
                                              self.tr("Call lists (*.csv *.txt);;All files (*)"))
        if path:
            self.use_calls(Path(path))

    def use_calls(self, path: Path) -> bool:
        try:
            self.must_review = read_call_ids(path)
        except CallListError as exc:
            QMessageBox.information(self, self.tr("Sampling plans"), str(exc))
            return False
        self.calls_label.setText(self.tr("%1: %2 call(s)").replace("%1", path.name)
                                 .replace("%2", str(len(self.must_review))))
        return True

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save plan as"), self.tr("Name:"),
                                        text=self.plans.currentData() or "")
        if not ok:
            return
        plan, actor = self.plan(), self.actor

        def store(db):
            return save_plan(db, name, plan, actor), OpChanges()

        self.lane.run(store, lambda _saved: self._saved(name.strip()), on_error=self._refused)

    def _saved(self, name: str) -> None:
        if self.plans.findData(name) < 0:
            self.plans.addItem(name, name)
        self.plans.setCurrentIndex(self.plans.findData(name))

    def _load(self) -> None:
        name = self.plans.currentData()
        if name is None:
            return
        plan = load_plan(self.db, name)
        self.fatal.setChecked(plan.fatal)
        self.rules.setText(", ".join(plan.rules))
        self.share.setCurrentIndex(self.share.findData("per_agent" if plan.per_agent is not None else
                                                       "percent" if plan.percent is not None else None))
        self.amount.setValue(plan.per_agent if plan.per_agent is not None else plan.percent or 0)
        self.business.setText(plan.business or "")
        self.min_duration.setValue(int(plan.min_duration_s or 0))
        self.max_duration.setValue(int(plan.max_duration_s or 36000))
        for i in range(self.assignees.count()):
            item = self.assignees.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in plan.assignees else Qt.Unchecked)
        self.by_load.setChecked(plan.assign_mode == "by_load")
        self.due_days.setValue(plan.due_days or 0)
        self.seed.setText("" if plan.seed is None else str(plan.seed))
        self.auto_below.setValue(int(plan.auto_below or 0))
        self.category.setText(plan.category or "")
        self.survey_below.setValue(int(plan.survey_below or 0))
        self.worsened.setChecked(plan.worsened)
        self.unresolved.setChecked(plan.unresolved)
        self.repeat_callers.setChecked(plan.repeat_callers)
        self.listen.setChecked(plan.listen)
        self.use_dates.setChecked(plan.date_from is not None or plan.date_to is not None)
        for edit, value in ((self.date_from, plan.date_from), (self.date_to, plan.date_to)):
            if value:
                edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
