"""A working day without surprises (issue 30): each point an inspector or a lead met, as they met it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen

from inspector.audio.player import Player
from inspector.scoring.defaults import default_card
from inspector.settings import Settings
from inspector.ui.main_window import MainWindow
from inspector.ui.reports_window import ReportsWindow
from inspector.workspace import Workspace
from tests.capturing_output import CapturingOutput
from tests.ui_windows import INSPECTOR, demo_window

LAPTOP = QRect(0, 0, 1280, 800)


def _main(qtbot, tmp_path, settings: Settings) -> MainWindow:
    window = MainWindow(Workspace(tmp_path / "ws"), settings, Player(lambda rate: CapturingOutput(rate)),
                        check_playback=False, user=INSPECTOR)
    qtbot.addWidget(window)
    return window


def _within(widget, area: QRect) -> bool:
    return widget.width() <= area.width() and widget.height() <= area.height()


# -- 5. windows within the screen, and remembered ----------------------------------------------------------
def test_windows_open_within_a_1280x800_screen_and_come_back_at_the_size_left(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: LAPTOP)
    settings = Settings(language="en")
    window = _main(qtbot, tmp_path, settings)
    window.show()
    assert _within(window, LAPTOP), window.size()
    reports = window.show_reports()
    assert _within(reports, LAPTOP), reports.size()
    reports.resize(900, 600)
    reports.close()
    window.resize(1250, 700)
    window.close()
    assert settings.window_sizes["main"] == [1250, 700]
    assert settings.window_sizes["ReportsWindow"] == [900, 600]
    again = _main(qtbot, tmp_path / "again", settings)
    assert (again.width(), again.height()) == (1250, 700)
    assert (again.show_reports().width(), again.reports_window.height()) == (900, 600)
    again.close()


# -- 10. the demo opens on its first call; the log-in dialog has no stray box -------------------------------
def test_after_an_import_the_first_call_is_open(qtbot, tmp_path, demo_copy):
    window = demo_window(qtbot, tmp_path, demo_copy)
    qtbot.waitUntil(lambda: window.state.recording is not None)
    assert window.state.call.call_ref == window.call_list.model.call_at(0).call_ref
    assert window.call_list.table.currentIndex().row() == 0
    window.close()


@pytest.mark.parametrize("demo", [True, False])
def test_the_log_in_dialog_shows_no_field_outside_its_form(qtbot, tmp_path, demo):
    from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit

    from inspector.store.database import open_database
    from inspector.store.users import UserRepository
    from inspector.ui.login_dialog import LoginDialog
    from inspector.ui.session import DEMO_PASSWORD, DEMO_USERS, ensure_demo_users

    db = open_database(tmp_path / "users.sqlite3")
    users = UserRepository(db)
    ensure_demo_users(users)
    dialog = LoginDialog(users, offered=DEMO_USERS if demo else (), offered_password=DEMO_PASSWORD if demo else "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.findChild(QFormLayout)
    stray = [w for w in dialog.findChildren(QLineEdit) + dialog.findChildren(QComboBox)
             if w.isVisible() and form.labelForField(w) is None]
    assert not stray, [type(w).__name__ for w in stray]
    dialog.close()
    db.close()
