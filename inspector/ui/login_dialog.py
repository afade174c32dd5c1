"""Log-in at start; on a new workspace, creating the first team lead instead."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget)

from inspector.domain.people import User
from inspector.store.users import UserError, UserRepository


class LoginDialog(QDialog):
    def __init__(self, users: UserRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.user: User | None = None
        self.first_run = users.is_empty()
        self.setWindowTitle(self.tr("Create the first team lead") if self.first_run else self.tr("Log in"))
        self.user_id = QLineEdit(self)
        self.name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.Password)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        form.addRow(self.tr("Job number (工号)"), self.user_id)
        if self.first_run:
            form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        if self.first_run:
            form.addRow(self.tr("Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, parent=self)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.first_run:
            layout.addWidget(QLabel(self.tr("This workspace has no users yet: create the team lead's account."),
                                    self))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.message.setWordWrap(True)
        self.setMinimumWidth(max(420, self.fontMetrics().horizontalAdvance("中") * 26))   # not a tiny box

    def try_accept(self) -> None:
        user_id, password = self.user_id.text().strip(), self.password.text()
        if self.first_run:
            if password != self.repeat.text():
                self.message.setText(self.tr("The two passwords differ"))
                return
            try:
                self.user = self.users.add(user_id, self.name.text(), "lead", password)
            except UserError as exc:
                self.message.setText(str(exc))
                return
        else:
            self.user = self.users.authenticate(user_id, password)
            if self.user is None:
                self.message.setText(self.tr("Wrong job number or password"))
                self.password.clear()
                return
        self.accept()
