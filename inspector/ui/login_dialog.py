"""Log-in at start and on File → Switch user; on a new workspace, creating the first team lead instead.

A password a lead chose (a new account, a reset) is replaced here before the window opens, so nobody works
under a password somebody else knows. The log-in itself writes (failed attempts, a lock, the audit): it is an
operation on the sign-in's database lane, and the dialog waits for its answer without blocking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from inspector.domain.people import User
from inspector.desk.desk import Desk
from inspector.domain.accounts import UserError
from inspector.ui.account_texts import refusal_text, role_name, user_error_text
from inspector.ui.form_fields import checked_form, password_field
from inspector.ui.operations import DatabaseLane, OpChanges


class LoginDialog(QDialog):
    """``offered``: accounts to pick from a list (the demo's), with the password they share filled in."""

    def __init__(self, desk: Desk, lane: DatabaseLane, parent: QWidget | None = None,
                 offered: tuple[User, ...] = (), offered_password: str = "") -> None:
        super().__init__(parent)
        self.lane = lane
        self.user: User | None = None
        self.first_run = desk.users.is_empty()
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
        if self.lane.busy:                      # the answer to the last press is on its way: not counted twice
            return
        user_id, password, name = self.user_id.text().strip(), self.password.text(), self.name.text()
        if self.first_run:
            if password != self.repeat.text():
                self.message.setText(self.tr("The two passwords differ"))
                return
            self.lane.run(lambda db: (Desk(db).users.create_first_lead(user_id, name, password), OpChanges()),
                          self._signed_in, on_error=shown_in(self.message))
            return
        self.lane.run(lambda db: (Desk(db).users.log_in(user_id, password), OpChanges()),
                      lambda outcome: self._answered(outcome, password), on_error=shown_in(self.message))

    def _answered(self, outcome, password: str) -> None:
        if outcome.user is None:
            self.message.setText(refusal_text(outcome.refusal, outcome.locked_until))
            self.password.clear()
            return
        if outcome.must_change_password:
            change = ChangePasswordDialog(self.lane, outcome.user, password, self)
            if not change.exec():
                self.message.setText(self.tr("Choose a new password to continue."))
                return
        self._signed_in(outcome.user)

    def _signed_in(self, user: User) -> None:
        self.user = user
        self.accept()


class ChangePasswordDialog(QDialog):
    """The owner's new password, entered twice; the old one was just proven by logging in."""

    def __init__(self, lane: DatabaseLane, user: User, old_password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lane, self.user, self.old_password = lane, user, old_password
        self.setWindowTitle(self.tr("Choose a new password"))
        self.new = password_field(self)
        self.repeat = password_field(self)
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat password"), self.repeat)
        self.message = checked_form(self, form, self.try_accept, intro=self.tr(
            "%1, your password was set by a team lead: choose your own before you start.").replace("%1", user.name))

    def try_accept(self) -> None:
        if self.lane.busy:
            return
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ"))
            return
        user_id, old, new = self.user.id, self.old_password, self.new.text()
        self.lane.run(lambda db: (Desk(db).users.change_password(user_id, old, new), OpChanges()),
                      lambda _user: self.accept(), on_error=shown_in(self.message))


def shown_in(message: QLabel) -> Callable[[Exception], None]:
    """A broken account rule is said on the form's message line, in the dialog's language."""
    def refused(exc: Exception) -> None:
        if not isinstance(exc, UserError):
            raise exc
        message.setText(user_error_text(exc))
    return refused
