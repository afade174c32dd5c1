"""Settings → Users (leads and admins): a centre's accounts, added, edited, disabled and reset here.

Every button is an operation on the database lane through ``UserRepository`` with the signed-in lead as the
actor, so the rules (never zero active leads, password minimums, the audit) are the core's, the same as on the
command line; the list follows once the change is stored, a refusal is said in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget)

from inspector.ui.window_sizes import open_within_screen
from inspector.domain.people import Role, User
from inspector.desk.desk import Desk
from inspector.domain.accounts import Account, UserError
from inspector.ui.account_texts import role_name, user_error_text
from inspector.ui.form_fields import checked_form, error_label, password_field
from inspector.ui.operations import DatabaseLane, OpChanges
from inspector.ui.tables import read_only_table
from inspector.users.policy import NotAllowed


class UsersDialog(QDialog):
    def __init__(self, desk: Desk, actor: User, parent: QWidget | None = None, *,
                 lane: DatabaseLane) -> None:
        super().__init__(parent)
        self.users, self.actor, self.lane = desk.users, actor, lane     # reads here; every change on the lane
        self.accounts: list[Account] = []
        self.setWindowTitle(self.tr("Users"))
        self.table = read_only_table(self, [self.tr("Job number"), self.tr("Name"), self.tr("Role"),
                                            self.tr("Status"), self.tr("Password")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)      # one account at a time, whole rows
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.message = error_label(self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.active_button = QPushButton(self.tr("Disable"), self)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, parent=self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: AccountDialog(self).exec())
        self.edit_button.clicked.connect(lambda: self.selected() and AccountDialog(self, self.selected()).exec())
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(lambda: self.selected() and ResetPasswordDialog(self).exec())
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        open_within_screen(self, "UsersDialog", QSize(720, 420))
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        self.accounts = self.users.accounts()
        self.table.setRowCount(len(self.accounts))
        for r, account in enumerate(self.accounts):
            status = self.tr("Active") if account.active else self.tr("Disabled")
            if account.locked():
                status += " · " + self.tr("locked until %1").replace("%1", account.locked_until[11:16])
            cells = [account.id, account.name, role_name(account.role), status,
                     self.tr("to be changed at next log-in") if account.must_change_password else ""]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if chosen is not None and account.id == chosen.id:
                self.table.selectRow(r)
        self._sync_buttons()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def select(self, user_id: str) -> None:
        self.table.selectRow(next(i for i, a in enumerate(self.accounts) if a.id == user_id))

    def change(self, step: Callable[..., object], stored: Callable[[], None] | None = None,
               refused: Callable[[str], None] | None = None) -> None:
        """One account change, an operation on the lane; once stored the list follows and ``stored`` runs. A
        broken rule is shown in the dialog's language (and given to ``refused``) and changes nothing."""
        def operation(db):
            return step(Desk(db).users), OpChanges()

        def done(_result) -> None:
            self.message.clear()
            self.refresh()
            if stored is not None:
                stored()

        def failed(exc: Exception) -> None:
            if isinstance(exc, UserError):
                text = user_error_text(exc)
            elif isinstance(exc, NotAllowed):        # demoted or disabled by another lead since logging in
                text = self.tr("Your account may no longer manage users: ask a team lead.")
            else:
                raise exc
            self.message.setText(text)
            if refused is not None:
                refused(text)

        self.lane.run(operation, done, on_error=failed)

    def toggle_active(self) -> None:
        account, actor = self.selected(), self.actor
        if account is not None:
            self.change(lambda users: users.set_active(actor, account.id, not account.active))

    def _sync_buttons(self) -> None:
        account = self.selected()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(account is not None)
        self.active_button.setText(self.tr("Enable") if account is not None and not account.active
                                   else self.tr("Disable"))


class AccountDialog(QDialog):
    """A new account (job number, name, role, a first password) or an existing one's name and role."""

    def __init__(self, owner: UsersDialog, account: Account | None = None) -> None:
        super().__init__(owner)
        self.owner, self.account = owner, account
        self.setWindowTitle(self.tr("Add user") if account is None else self.tr("Edit user"))
        self.user_id = QLineEdit(account.id if account else "", self)
        self.user_id.setReadOnly(account is not None)
        self.name = QLineEdit(account.name if account else "", self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(account.role if account else Role.INSPECTOR.value)))
        self.password = password_field(self)
        form = QFormLayout()
        form.addRow(self.tr("Job number (工号)"), self.user_id)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        if account is None:
            form.addRow(self.tr("First password"), self.password)
            form.addRow(QLabel(self.tr("The new user chooses their own password at first log-in."), self))
        self.message = checked_form(self, form, self.try_accept)

    def try_accept(self) -> None:
        actor, role, account = self.owner.actor, str(self.role.currentData()), self.account
        user_id, name, password = self.user_id.text(), self.name.text(), self.password.text()
        if account is None:
            def step(users) -> None:
                users.add(actor, user_id, name, role, password)
        else:
            def step(users) -> None:
                if name.strip() != account.name:
                    users.rename(actor, account.id, name)
                if role != account.role:
                    users.set_role(actor, account.id, role)
        self.owner.change(step, self.accept, self.message.setText)


class ResetPasswordDialog(QDialog):
    """A temporary password the lead hands over; the account is unlocked and must change it at log-in."""

    def __init__(self, owner: UsersDialog) -> None:
        super().__init__(owner)
        self.owner = owner
        self.account = owner.selected()
        self.setWindowTitle(self.tr("Reset password"))
        self.password = password_field(self)
        form = QFormLayout()
        form.addRow(self.tr("Temporary password"), self.password)
        self.message = checked_form(self, form, self.try_accept, intro=self.tr(
            "A temporary password for %1; they choose their own at next log-in.")
            .replace("%1", f"{self.account.id} {self.account.name}"))

    def try_accept(self) -> None:
        actor, user_id, password = self.owner.actor, self.account.id, self.password.text()
        self.owner.change(lambda users: users.reset_password(actor, user_id, password), self.accept,
                          self.message.setText)
