"""Small forms that check what was typed before closing: password fields, a red message line, OK that asks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from inspector.ui.dialog_buttons import ok_cancel


def password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.Password)
    return field


def error_label(parent: QWidget) -> QLabel:
    """The red line that says why a change was refused."""
    label = QLabel(parent)
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    return label


def checked_form(dialog: QDialog, form: QFormLayout, on_ok: Callable[[], None], ok_text: str | None = None,
                 intro: str = "") -> QLabel:
    """Lay out [intro], the form, a message line and OK/Cancel; OK calls ``on_ok``, which accepts the dialog
    or writes why not into the returned message line, so the typed values stay for a correction."""
    dialog.setMinimumWidth(420)
    message = error_label(dialog)
    buttons = ok_cancel(dialog, ok_text)
    buttons.accepted.disconnect()
    buttons.accepted.connect(on_ok)
    layout = QVBoxLayout(dialog)
    if intro:
        label = QLabel(intro, dialog)
        label.setWordWrap(True)
        layout.addWidget(label)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addWidget(buttons)
    return message
