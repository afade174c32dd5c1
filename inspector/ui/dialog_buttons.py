"""OK/Cancel rows for dialogs, wired once here instead of in every dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK accepts and Cancel rejects the dialog; `ok_text` names what OK does when "OK" says too little."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, parent=dialog)
    if ok_text:
        buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def form_above_buttons(dialog: QDialog, form: QFormLayout) -> None:
    """The layout of a small question: the form, then OK/Cancel."""
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(ok_cancel(dialog))
