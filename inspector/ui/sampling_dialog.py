"""Review → Sampling plans (team leads): strata, filters and assignment, saved by name, drawn with a seed."""

from __future__ import annotations

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from inspector.review.queue import PlanError, Sample, SamplingPlan, draw, load_plan, plan_names, save_plan
from inspector.store.users import UserRepository
from inspector.ui.tables import fill, read_only_table
from inspector.ui.core_messages import error_text


class SamplingDialog(QDialog):
    def __init__(self, db: sqlite_utils.Database, actor: str, reason_text, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.reason_text = db, actor, reason_text
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
        for user in UserRepository(db).all():
            item = QListWidgetItem(f"{user.id} {user.name}", self.assignees)
            item.setData(Qt.UserRole, user.id)
            item.setCheckState(Qt.Checked if user.role == "inspector" else Qt.Unchecked)
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
        form.addRow(self.tr("At random"), share)
        form.addRow(self.tr("Business type"), self.business)
        form.addRow(self.tr("Duration"), duration)
        form.addRow(self.tr("Assign to"), self.assignees)
        form.addRow(self.by_load)
        form.addRow(self.tr("Due in"), self.due_days)
        form.addRow(self.tr("Seed"), self.seed)
        self.result = read_only_table(self, [self.tr("Call"), self.tr("Agent"), self.tr("Assigned to"),
                                             self.tr("Why")])
        self.summary = QLabel(self)
        save = QPushButton(self.tr("Save plan as…"), self)
        save.clicked.connect(self._save)
        draw_button = QPushButton(self.tr("Draw and assign"), self)
        draw_button.setDefault(True)
        draw_button.clicked.connect(self.draw)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(save)
        bottom.addWidget(draw_button)
        bottom.addWidget(buttons)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(self.result)
        right.addLayout(bottom)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.resize(1100, 560)

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
            due_days=self.due_days.value() or None, seed=int(seed) if seed.isdigit() else None)

    def draw(self) -> Sample | None:
        try:
            self.last = draw(self.db, self.plan(), self.actor, self.plans.currentData())
        except PlanError as exc:
            QMessageBox.information(self, self.tr("Sampling plans"), error_text(exc))
            return None
        fill(self.result, [(p.call_ref, p.agent_id or "", p.assignee or self.tr("(nobody)"),
                            ", ".join(self.reason_text(r) for r in p.reasons)) for p in self.last.picks])
        self.summary.setText(self.tr("%1 call(s) drawn, seed %2").replace("%1", str(len(self.last.picks)))
                             .replace("%2", str(self.last.seed)))
        return self.last

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save plan as"), self.tr("Name:"),
                                        text=self.plans.currentData() or "")
        if not ok:
            return
        try:
            save_plan(self.db, name, self.plan(), self.actor)
        except PlanError as exc:
            QMessageBox.information(self, self.tr("Sampling plans"), error_text(exc))
            return
        if self.plans.findData(name.strip()) < 0:
            self.plans.addItem(name.strip(), name.strip())
        self.plans.setCurrentIndex(self.plans.findData(name.strip()))

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
