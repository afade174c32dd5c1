"""Starting the GUI: application object, language, workspace, and the demo workspace when asked for."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.resources import demo_folder
from inspector.settings import load_settings
from inspector.domain.errors import StorageError
from inspector.ui.i18n import install_translators
from inspector.ui.session import SignInSession
from inspector.workspace import Workspace


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Inspector")
    app.setOrganizationName("Inspector")
    settings = load_settings()
    language = args.lang or settings.language
    install_translators(app, language)  # parented to the app, so they live as long as it does
    session = SignInSession(Workspace.chosen(args.data_dir, args.demo), settings, args.demo)
    try:
        if not session.start():
            return 1
    except StorageError as exc:
        QMessageBox.critical(None, "Inspector", str(exc))
        return 2
    if args.demo:
        session.window.importer.import_folder(demo_folder(), show_report=False)
    return app.exec()
