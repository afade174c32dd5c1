"""Main windows for the GUI tests: offscreen, a capturing sound output, the demo calls imported."""

from __future__ import annotations

from inspector.store.users import UserRepository
from inspector.audio.player import Player
from inspector.settings import Settings
from inspector.domain.people import User
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace
from tests.capturing_output import CapturingOutput


INSPECTOR = User("1001", "李质检", "inspector")


def demo_window(qtbot, tmp_path, folder, user: User = INSPECTOR) -> MainWindow:
    window = MainWindow(Workspace(tmp_path / "ws"), Settings(language="en"),
                        Player(lambda rate: CapturingOutput(rate, speedup=1.0)), check_playback=False, user=user)
    qtbot.addWidget(window)
    _accounts(window.db)
    window.show()
    window.importer.import_folder(folder, show_report=False)
    qtbot.waitUntil(lambda: window.call_list.model.total == 6, timeout=10_000)
    return window


def _accounts(db) -> None:
    """The people the windows' tests act as, as accounts (work is assigned only to accounts that exist)."""
    users = UserRepository(db)
    if users.is_empty():
        users.create_first_lead("9001", "张组长", "lead-pass-1")
        for who in ("1001", "1002"):
            users.add(users.get("9001"), who, f"质检{who}", "inspector", f"pass-{who}x", must_change_password=False)


def lead_window(qtbot, tmp_path, folder) -> MainWindow:
    return demo_window(qtbot, tmp_path, folder, user=User("9001", "张组长", "lead"))


def choose_new_session(monkeypatch, title: str, call_ids: list[int], raters: list[str]) -> None:
    """The calibration dialog's "new session" form answered with ``title``, ``call_ids`` and ``raters`` (no
    benchmark, not blind), as a lead filling it in would."""
    from inspector.ui import calibration_dialog

    class Chosen:
        def __init__(self, *_args) -> None:
            pass

        def exec(self) -> int:
            return calibration_dialog.QDialog.Accepted

        def chosen(self):
            return title, call_ids, raters, None, False

    monkeypatch.setattr(calibration_dialog, "NewSessionDialog", Chosen)
