"""Who works at the window now: a log-in opens a window for that user; Switch user and Log out replace it.

The signed-in user is fixed for a window's life (its controllers and permissions are built from it), so a
change of user is a new window on the same workspace, never a user swapped under open dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QWidget

from inspector.domain.people import User
from inspector.settings import Settings
from inspector.desk.demo import DEMO_PASSWORD, DEMO_USERS, ensure_demo_users
from inspector.desk.desk import Desk
from inspector.ui.agent_window import AgentWindow
from inspector.ui.login_dialog import LoginDialog
from inspector.ui.main_window import MainWindow
from inspector.ui.operations import DatabaseLane, Operation, OpChanges
from inspector.workspace import Workspace

def wait_for(lane: DatabaseLane, operation: Operation) -> Any:
    """Run ``operation`` on the lane and return its result; the GUI keeps drawing meanwhile."""
    loop, answer = QEventLoop(), []
    lane.run(operation, lambda result: (answer.append(result), loop.quit()),
             on_error=lambda exc: (answer.append(exc), loop.quit()))
    loop.exec()
    if isinstance(answer[0], Exception):
        raise answer[0]
    return answer[0]


WindowFactory = Callable[[Workspace, Settings, User], MainWindow | AgentWindow]


def main_window(workspace: Workspace, settings: Settings, user: User) -> MainWindow | AgentWindow:
    """An agent gets only their own evaluations; everyone else the workstation."""
    if user.is_agent:
        return AgentWindow(workspace, settings, user=user)
    return MainWindow(workspace, settings, user=user)


class SignInSession(QObject):
    """``make_window`` builds the window for a user (tests give one with a capturing sound output)."""

    def __init__(self, workspace: Workspace, settings: Settings, demo: bool = False,
                 make_window: WindowFactory = main_window) -> None:
        super().__init__()
        self.workspace, self.settings, self.demo = workspace, settings, demo
        self.make_window = make_window
        self.window: MainWindow | AgentWindow | None = None

    def start(self) -> bool:
        """Ask who is working; False when the log-in was cancelled."""
        user = self.ask(None)
        if user is not None:
            self.open(user)
        return user is not None

    def ask(self, parent: QWidget | None) -> User | None:
        """The log-in's writes (the demo's people, attempts, a new password) are operations on a lane of
        its own that ends with the dialog; the dialog reads on this thread's connection."""
        lane = DatabaseLane(self.workspace.database)
        try:
            if self.demo:
                wait_for(lane, lambda db: (ensure_demo_users(Desk(db)), OpChanges()))
            desk = Desk.open(self.workspace.database)
            try:
                dialog = LoginDialog(desk, lane, parent, offered=DEMO_USERS if self.demo else (),
                                     offered_password=DEMO_PASSWORD if self.demo else "")
                return dialog.user if dialog.exec() else None
            finally:
                desk.close()
        finally:
            lane.shutdown()

    def open(self, user: User) -> MainWindow | AgentWindow:
        self.window = self.make_window(self.workspace, self.settings, user)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.show()
        return self.window

    def sign_out(self, log_out: bool) -> None:
        """Log out hides the window until someone logs in (cancel quits); Switch user keeps it on cancel."""
        old = self.window
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)          # the hidden window and the dialog are not the end
        try:
            if log_out and old is not None:
                old.close_tool_windows()
                old.hide()
            user = self.ask(None if log_out else old)
            if user is None:
                if log_out and old is not None:
                    old.close()
                    app.quit()
                return
            if old is not None:
                old.close()
            self.open(user)
        finally:
            app.setQuitOnLastWindowClosed(True)
