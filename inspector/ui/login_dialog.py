"""Log-in at start and on File → Switch user; on a new workspace, creating the first team lead instead.

A password a lead chose (a new account, a reset) is replaced here before the window opens, so nobody works
under a password somebody else knows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QWidget

from inspector.domain.people import User
from inspector.store.users import UserError, UserRepository
from inspector.ui.account_texts import refusal_text, role_name, user_error_text
from inspector.ui.form_fields import checked_form, password_field


class LoginDialog(QDialog):
    """``offered``: accounts to pick from a list (the demo's), with the password they share filled in."""

    def __init__(self, users: UserRepository, parent: QWidget | None = None,
                 offered: tuple[User, ...] = (), offered_password: str = "") -> None:
        super().__init__(parent)
        self.users = users
        self.user: User | None = None
        self.first_run = users.is_empty()
        self.setWindowTitle(self.tr("Create the first team lead") if self.first_run else self.tr("Log in"))
        self.user_id = QLineEdit(self)
        self.name = QLineEdit(self)
        self.password = password_field(self)
        self.repeat = password_field(self)
        self.offered = QComboBox(self)
        form = QFormLayout()
        if offered and not self.first_run:
            for user in offered:
                self.offered.addItem(f"{user.id} {user.name} · {role_name(user.role)}", user.id)
            self.offered.currentIndexChanged.connect(
                lambda _i: self.user_id.setText(str(self.offered.currentData())))
            form.addRow(self.tr("Demo user"), self.offered)
            self.user_id.setText(offered[0].id)
            self.password.setText(offered_password)
        form.addRow(self.tr("Job number (工号)"), self.user_id)
        if self.first_run:
            form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        if self.first_run:
            form.addRow(self.tr("Repeat password"), self.repeat)
        if self.first_run:
            intro = self.tr("This workspace has no users yet: create the team lead's account.")
        elif offered:
            intro = self.tr("Demo workspace: every demo user's password is %1").replace("%1", offered_password)
        else:
            intro = ""
        self.message = checked_form(self, form, self.try_accept,
                                    self.tr("Create") if self.first_run else self.tr("Log in"), intro)
        for unused in (self.name, self.repeat) if not self.first_run else ():
            unused.hide()            # a child outside the form would be drawn as a white box over its top line
        if not (offered and not self.first_run):
            self.offered.hide()

    def try_accept(self) -> None:
        user_id, password = self.user_id.text().strip(), self.password.text()
        if self.first_run:
            if password != self.repeat.text():
                self.message.setText(self.tr("The two passwords differ"))
                return
            try:
                self.user = self.users.create_first_lead(user_id, self.name.text(), password)
            except UserError as exc:
                self.message.setText(user_error_text(exc))
                return
            self.accept()
            return
        outcome = self.users.log_in(user_id, password)
        if outcome.user is None:
            self.message.setText(refusal_text(outcome.refusal, outcome.locked_until))
            self.password.clear()
            return
        if outcome.must_change_password:
            change = ChangePasswordDialog(self.users, outcome.user, password, self)
            if not change.exec():
                self.message.setText(self.tr("Choose a new password to continue."))
                return
        self.user = outcome.user
        self.accept()


class ChangePasswordDialog(QDialog):
    """The owner's new password, entered twice; the old one was just proven by logging in."""

    def __init__(self, users: UserRepository, user: User, old_password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users, self.user, self.old_password = users, user, old_password
        self.setWindowTitle(self.tr("Choose a new password"))
        self.new = password_field(self)
        self.repeat = password_field(self)
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat password"), self.repeat)
        self.message = checked_form(self, form, self.try_accept, intro=self.tr(
            "%1, your password was set by a team lead: choose your own before you start.").replace("%1", user.name))

    def try_accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ"))
            return
        try:
            self.users.change_password(self.user.id, self.old_password, self.new.text())
        except UserError as exc:
            self.message.setText(user_error_text(exc))
            return
        self.accept()
