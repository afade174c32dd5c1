"""Starting the GUI: application object, language, workspace, and the demo workspace when asked for."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.resources import demo_folder
from inspector.settings import load_settings
from inspector.store.database import StorageError, open_database
from inspector.domain.people import User
from inspector.store.users import UserRepository
from inspector.ui.i18n import install_translators
from inspector.ui.login_dialog import LoginDialog
from inspector.ui.main_window import MainWindow
from inspector.workspace import Workspace


DEMO_USERS = (("9001", "张组长", "lead"), ("1001", "李质检", "inspector"))
DEMO_PASSWORD = "demo1234"


def _log_in(workspace: Workspace, demo: bool) -> User | None:
    """The demo workspace signs in its demo inspector; any other workspace asks (or creates the first lead)."""
    db = open_database(workspace.database)
    try:
        users = UserRepository(db)
        if demo:
            for user_id, name, role in DEMO_USERS:
                if users.get(user_id) is None:
                    users.add(user_id, name, role, DEMO_PASSWORD)
            return users.get("1001")
        dialog = LoginDialog(users)
        return dialog.user if dialog.exec() else None
    finally:
        db.close()


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Inspector")
    app.setOrganizationName("Inspector")
    settings = load_settings()
    language = args.lang or settings.language
    install_translators(app, language)  # parented to the app, so they live as long as it does
    workspace = Workspace.chosen(args.data_dir, args.demo)
    try:
        user = _log_in(workspace, args.demo)
        if user is None:
            return 1
        window = MainWindow(workspace, settings, user=user)
    except StorageError as exc:
        QMessageBox.critical(None, "Inspector", str(exc))
        return 2
    window.show()
    if args.demo:
        window.import_folder(demo_folder(), show_report=False)
    return app.exec()
