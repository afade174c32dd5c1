"""Main windows for the GUI tests: offscreen, a capturing sound output, the demo calls imported."""

from __future__ import annotations

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
    window.show()
    window.import_folder(folder, show_report=False)
    qtbot.waitUntil(lambda: window.call_list.model.total == 6, timeout=10_000)
    return window


def lead_window(qtbot, tmp_path, folder) -> MainWindow:
    return demo_window(qtbot, tmp_path, folder, user=User("9001", "张组长", "lead"))
