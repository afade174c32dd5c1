"""The account rules' messages in the UI language: the core gives a code and its values, the UI the words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.domain.people import Role
from inspector.domain.accounts import Refusal, UserError

_ = QCoreApplication


def role_name(role: str) -> str:
    return {Role.INSPECTOR: _.translate("Accounts", "Inspector"),
            Role.LEAD: _.translate("Accounts", "Team lead"),
            Role.ADMIN: _.translate("Accounts", "Administrator"),
            Role.AGENT: _.translate("Accounts", "Agent")}.get(role, role)


def refusal_text(refusal: Refusal, locked_until: str | None = None) -> str:
    if refusal == Refusal.LOCKED:
        return _.translate("Accounts", "Too many failed attempts: this account is locked until %1 (UTC).") \
            .replace("%1", (locked_until or "")[11:16])
    if refusal == Refusal.DISABLED:
        return _.translate("Accounts", "This account is disabled: ask your team lead.")
    return _.translate("Accounts", "Wrong job number or password")


def user_error_text(error: UserError) -> str:
    params = {key: str(value) for key, value in error.params.items()}
    if error.code == "refused":
        return refusal_text(Refusal(params["reason"]))
    texts = {
        "short_password": _.translate("Accounts", "The password needs at least %1 characters."),
        "password_is_id": _.translate("Accounts", "The password may not be the job number."),
        "one_kind": _.translate("Accounts", "The password needs two kinds of characters (letters, digits, symbols)."),
        "long_password": _.translate("Accounts", "The password may have at most %1 characters."),
        "bad_id": _.translate("Accounts", "A job number is 1 to %1 letters, digits, '.', '-' or '_'."),
        "bad_name": _.translate("Accounts", "A name is 1 to %1 characters without control characters."),
        "missing_old": _.translate("Accounts", "Give your current password first."),
        "same_password": _.translate("Accounts", "The new password must differ from the old one."),
        "missing_fields": _.translate("Accounts", "A user needs a job number (工号) and a name."),
        "missing_name": _.translate("Accounts", "A user needs a name."),
        "bad_role": _.translate("Accounts", "Unknown role."),
        "exists": _.translate("Accounts", "User %1 already exists."),
        "not_empty": _.translate("Accounts", "This workspace already has users: a team lead adds new ones."),
        "own_account": _.translate("Accounts", "You cannot disable your own account."),
        "last_lead": _.translate("Accounts", "The workspace must keep at least one active team lead."),
        "unknown": _.translate("Accounts", "No user %1."),
    }
    value = params.get("n") or params.get("id") or ""
    return texts[error.code].replace("%1", value) if error.code in texts else str(error)
